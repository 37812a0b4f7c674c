import AtelierKernel
import Foundation

/// What an evaluation needs of a submission, kept beside it in compact columns so that a report over
/// thousands of sessions reads numbers, not JSON: each item's id, score and maximum, and the option
/// chosen on choice items.
///
/// Written with every submission (and backfilled by migration v3); read by ``EvaluationSource``.
public struct SubmissionDigest: Sendable, Equatable {
    /// The graded items, in the grade's order.
    public var itemIDs: [String]
    /// Each item's score and maximum.
    public var scores: [Double]
    public var maxScores: [Double]
    /// The option chosen on each choice item (`b`, `a+c`, `true`); empty for other types or unanswered.
    public var choices: [String]

    /// The item types whose responses are options, for the distractor table.
    static let choiceTypes: Set<String> = ["single-choice", "multiple-response", "true-false"]

    /// The digest of a graded submission.
    public init(grade: FormGrade, responses: [String: JSONValue]) {
        itemIDs = grade.items.map { $0.id }
        scores = grade.items.map { $0.score }
        maxScores = grade.items.map { $0.maxScore }
        choices = grade.items.map { item in
            Self.choiceTypes.contains(item.type) ? responses[item.id].flatMap(Self.choiceLabel) ?? "" : ""
        }
    }

    /// Decodes the stored columns.
    init(itemIDs: String, scores: Data?, maxScores: Data?, choices: String) {
        self.itemIDs = itemIDs.isEmpty ? [] : itemIDs.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        self.scores = Self.doubles(scores)
        self.maxScores = Self.doubles(maxScores)
        self.choices = choices.split(separator: Self.choiceSeparator, omittingEmptySubsequences: false).map(String.init)
    }

    /// A response as a short label: the choice id, `true`/`false`, or sorted ids joined by `+`.
    static func choiceLabel(_ response: JSONValue) -> String? {
        switch response {
        case .string(let value): value
        case .bool(let value): value ? "true" : "false"
        case .array(let values):
            values.compactMap { value -> String? in if case .string(let id) = value { id } else { nil } }.sorted().joined(separator: "+")
        default: nil
        }
    }

    static let choiceSeparator: Character = "\u{1F}"

    /// The item ids as stored (item ids are identifiers: no commas).
    var itemIDsText: String { itemIDs.joined(separator: ",") }
    /// The chosen options as stored.
    var choicesText: String { choices.joined(separator: String(Self.choiceSeparator)) }
    /// Scores as stored: little-endian 64-bit floats.
    static func blob(_ values: [Double]) -> Data {
        let words = values.map { $0.bitPattern.littleEndian }
        return words.withUnsafeBytes { Data($0) }
    }

    static func doubles(_ data: Data?) -> [Double] {
        guard let data, !data.isEmpty else { return [] }
        return data.withUnsafeBytes { buffer in
            (0..<(buffer.count / 8)).map { index in
                Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
            }
        }
    }
}
