import AtelierKernel
import Foundation

/// Typed answers: short text and numbers, each a `qti-text-entry-interaction` in a paragraph after the
/// prompt.
extension QTIItemWriter {
    /// A short text: a string response whose mapping gives the item's points to every accepted answer of
    /// every language (Atelier accepts an answer in any of the item's languages), compared without regard to
    /// case (`case-sensitive="false"`), with `map_response`. Each answer's spelling without accents is added
    /// too; what else Atelier's matching forgives (punctuation, spacing, Arabic letter variants) is reported
    /// as a loss.
    mutating func shortText() throws(Skip) -> Parts {
        guard let accepted = item.body["accepted"]?.objectValue, accepted.count > 0 else { throw Skip(reason: "it has no accepted answers") }
        var answersByLanguage: [String: [String]] = [:]
        for member in accepted.members {
            guard let answers = member.value.arrayValue?.compactMap(\.stringValue), !answers.isEmpty else {
                throw Skip(reason: "its accepted answers in \(member.key) are not a list of strings")
            }
            answersByLanguage[member.key] = answers
        }
        var keys: [String] = []
        var seen: Set<String> = []
        for language in QTITextWriter.ordered(Array(answersByLanguage.keys)) {
            for answer in answersByLanguage[language] ?? [] {
                let collapsed = answer.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let unaccented = collapsed.folding(options: [.diacriticInsensitive], locale: nil)
                for key in [collapsed, unaccented] where !key.isEmpty && seen.insert(key.lowercased()).inserted {
                    keys.append(key)
                }
            }
        }
        guard let first = keys.first else { throw Skip(reason: "all its accepted answers are empty") }
        let correct = text.languages.lazy.compactMap { answersByLanguage[$0]?.first }.first ?? first
        lose(
            "accepted answers are compared ignoring case, with their unaccented spellings added; Atelier also ignores punctuation, spacing and Arabic letter variants (أ/ا, ة/ه, ى/ي), so a QTI system may mark wrong an answer Atelier accepts."
        )
        let longest = keys.map(\.count).max() ?? 20
        let mapping = QTIScoring.mapping(keys.map { (key: $0, value: points) }, lowerBound: 0, upperBound: points, caseSensitive: false)
        return Parts(
            responses: [QTIScoring.responseDeclaration(cardinality: "single", baseType: "string", correct: [correct], mapping: mapping)],
            outcomes: QTIScoring.outcomeDeclarations(points: points),
            body: [
                promptParagraph(),
                .tag(
                    "p",
                    [:],
                    [.tag("qti-text-entry-interaction", ["response-identifier": QTIScoring.response, "expected-length": String(max(20, longest))])]
                ),
            ],
            processing: QTIScoring.template(QTI.mapResponseTemplate)
        )
    }

    /// A number: a float response whose correct response is the answer. With no tolerance, `match_correct`;
    /// with a tolerance t, a rule awarding the points when `qti-equal` with `tolerance-mode="absolute"` and
    /// `tolerance="t t"` (both bounds included, as in Atelier) holds. The unit follows the entry field.
    mutating func numeric() throws(Skip) -> Parts {
        guard let answer = item.body["answer"]?.numberValue else { throw Skip(reason: "its answer is not a number") }
        let tolerance = item.body["tolerance"]?.numberValue ?? 0
        guard tolerance >= 0 else { throw Skip(reason: "its tolerance is negative") }
        var entry: [Markup] = [.tag("qti-text-entry-interaction", ["response-identifier": QTIScoring.response, "expected-length": "10"])]
        if let unit = QTIItemWriter.localized(item.body["unit"]), !unit.translations.isEmpty {
            entry.append(.text(" "))
            entry += text.inline(unit, field: "unit")
        }
        let processing: Markup
        if tolerance == 0 {
            processing = QTIScoring.matchCorrect(points: points)
        } else {
            let bound = QTIScoring.number(tolerance)
            let equal = Markup.tag(
                "qti-equal",
                ["tolerance-mode": "absolute", "tolerance": "\(bound) \(bound)", "include-lower-bound": "true", "include-upper-bound": "true"],
                [QTIScoring.variable(QTIScoring.response), .tag("qti-correct", ["identifier": QTIScoring.response])]
            )
            processing = QTIScoring.processing([QTIScoring.award(points, when: equal)])
        }
        lose(
            "Atelier reads a typed number with a decimal comma, spaces or Arabic-Indic digits (\"2,5\", \"١٨\"); a QTI float response is read by the delivery system, which may refuse them."
        )
        return Parts(
            responses: [QTIScoring.responseDeclaration(cardinality: "single", baseType: "float", correct: [QTIScoring.number(answer)])],
            outcomes: QTIScoring.outcomeDeclarations(points: points),
            body: [promptParagraph(), .tag("p", [:], entry)],
            processing: processing
        )
    }
}
