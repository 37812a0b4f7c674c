import AtelierKernel
import Foundation

/// An xAPI interaction type (xAPI 1.0.3 Data §2.4.4.1.1, the SCORM `cmi.interactions` types), with the
/// mapping from Atelier item types and the response syntax of each.
enum InteractionType: String, Sendable {
    case trueFalse = "true-false"
    case choice
    case fillIn = "fill-in"
    case matching
    case sequencing
    case likert
    case numeric
    case other

    /// The interaction type of an Atelier item type, or `nil` for a type this exporter does not know.
    init?(itemType: String) {
        switch itemType {
        case "single-choice", "multiple-response": self = .choice
        case "true-false": self = .trueFalse
        case "matching": self = .matching
        case "ordering": self = .sequencing
        case "numeric": self = .numeric
        case "short-text": self = .fillIn
        case "likert": self = .likert
        case "case-analysis": self = .other
        default: return nil
        }
    }

    /// The separator of a list in a response (`a[,]c`).
    static let listSeparator = "[,]"
    /// The separator of a source and its target in a matching response (`p1[.]t2`).
    static let pairSeparator = "[.]"

    /// A response as xAPI writes it for this interaction type (`result.response`).
    ///
    /// Choice ids are joined by `[,]`, matching pairs are `p1[.]t1[,]p2[.]t2`, an order is `e2[,]e1`, a
    /// number is written as JSON writes it, a truth value as `true` or `false`, a text as itself and a
    /// Likert point as its value. A response whose shape does not fit the type (and every `other`
    /// response) is written as its JSON text, keys sorted, so nothing is dropped.
    ///
    /// - Parameter response: the response as the participant gave it.
    /// - Returns: the response string.
    func responseString(for response: JSONValue) -> String {
        switch (self, response) {
        case (.choice, .string(let choice)), (.fillIn, .string(let choice)):
            return choice
        case (.choice, .array(let choices)), (.sequencing, .array(let choices)):
            let ids = choices.compactMap(\.stringValue)
            guard ids.count == choices.count else { return response.canonicalText }
            return ids.joined(separator: Self.listSeparator)
        case (.trueFalse, .bool(let value)):
            return value ? "true" : "false"
        case (.trueFalse, .string(let text)) where text == "true" || text == "false":
            return text
        case (.matching, .object(let pairs)):
            // A premise left unmatched (null) is not a pair.
            let targets = pairs.members.compactMap { member in member.value.stringValue.map { (member.key, $0) } }
            guard targets.count == pairs.members.filter({ !$0.value.isNull }).count else { return response.canonicalText }
            return targets.map { "\($0.0)\(Self.pairSeparator)\($0.1)" }.joined(separator: Self.listSeparator)
        case (.numeric, .number), (.likert, .number):
            return response.serialized()
        case (.numeric, .string(let text)):
            // A number typed as text, possibly with a decimal comma: written as a number when it reads as one.
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed.replacingOccurrences(of: ",", with: ".")), value.isFinite else { return text }
            return JSONValue.number(value).serialized()
        case (.likert, .string(let text)):
            return text
        default:
            return response.canonicalText
        }
    }
}
