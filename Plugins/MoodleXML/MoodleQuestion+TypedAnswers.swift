import AtelierKernel
import Foundation

extension MoodleQuestion {
    /// Converts a `shortanswer` question: the answers worth 100% are accepted; answers with partial credit
    /// are reported and dropped. An answer with an `xml:lang` attribute is accepted in that language when it
    /// is one of the languages asked for (and left out otherwise); other answers go to the first language.
    mutating func convertShortAnswer() throws(QuestionProblem) -> ConvertedBody {
        let answers = self.answers(textFormat: nil)
        reportAnswerFeedback(answers)
        let accepted = answers.filter { $0.isRight && $0.text != nil }
        guard !accepted.isEmpty else {
            throw problem(
                "no-correct-answer",
                "no answer is worth 100%, so no answer is accepted",
                hint: "give the accepted answers fraction=\"100\""
            )
        }
        let partial = answers.filter { !$0.isRight && $0.fraction > 0 && $0.text != nil }
        if !partial.isEmpty {
            warn(
                "partial-credit",
                "question \(displayName): \(partial.map { "\($0.label) (\(MoodleQuestion.percent($0.fraction)))" }.joined(separator: ", ")) earned partial credit in Moodle and \(partial.count == 1 ? "is" : "are") dropped; Atelier accepts an answer fully or not at all",
                hint: "make an answer worth 100% to accept it"
            )
        }
        var lists: [String: [String]] = [:]
        var wildcards: [String] = []
        func accept(_ value: String, in language: String) {
            if MoodleQuestion.hasWildcard(value) { wildcards.append(value) }
            let literal = value.replacingOccurrences(of: "\\*", with: "*")
            if !lists[language, default: []].contains(literal) { lists[language, default: []].append(literal) }
        }
        // An answer marked xml:lang (as Atelier writes them) goes to its language when it was asked for.
        let tagged = accepted.filter { $0.element.attributes["xml:lang"] != nil }
        for answer in accepted where answer.element.attributes["xml:lang"] == nil {
            for (language, value) in answer.text?.translations ?? [:] { accept(value, in: language) }
        }
        for answer in tagged {
            guard let tag = answer.element.attributes["xml:lang"], let language = languages.first(where: { MultilangText.sameLanguage($0, tag) })
            else { continue }
            accept(answer.raw, in: language)
        }
        if lists.isEmpty, let first = languages.first {
            for answer in tagged { accept(answer.raw, in: first) }
        }
        if !wildcards.isEmpty {
            warn(
                "wildcard",
                "question \(displayName): \(wildcards.map { "“\($0)”" }.joined(separator: ", ")) use\(wildcards.count == 1 ? "s" : "") Moodle's * wildcard (any characters); Atelier compares answers as written",
                hint: "list the accepted answers in full"
            )
        }
        if node.childText("usecase") == "1" {
            warn(
                "case-sensitive",
                "question \(displayName): Moodle compared answers with their case; Atelier ignores case, accents and extra spaces"
            )
        }
        let ordered = languages.filter { lists[$0] != nil } + lists.keys.filter { !languages.contains($0) }.sorted()
        let acceptedJSON = JSONObject(ordered.map { (key: $0, value: JSONValue.array((lists[$0] ?? []).map(JSONValue.string))) })
        return ConvertedBody(type: "short-text", body: ["accepted": .object(acceptedJSON)])
    }

    /// Converts a `numerical` question: the first answer worth 100% (not `*`) with its tolerance; the unit
    /// whose multiplier is 1 becomes the item's unit. Other answers and units are reported.
    mutating func convertNumerical() throws(QuestionProblem) -> ConvertedBody {
        let answers = self.answers(textFormat: nil)
        reportAnswerFeedback(answers)
        guard let right = answers.first(where: { $0.isRight && $0.raw != "*" }) else {
            throw problem(
                "no-correct-answer",
                answers.contains { $0.isRight }
                    ? "the only answer worth 100% is * (any number)" : "no answer is worth 100%, so there is no right value",
                hint: "give the right value fraction=\"100\""
            )
        }
        guard let value = MoodleQuestion.number(right.raw) else {
            throw problem("invalid-number", "the right answer “\(MoodleQuestion.shortened(right.raw))” is not a number", at: right.element.location)
        }
        let tolerance = right.element.childText("tolerance").flatMap(MoodleQuestion.number).map(abs) ?? 0
        let others = answers.filter { $0.index != right.index && !($0.raw == "*" && $0.fraction == 0) }
        if !others.isEmpty {
            warn(
                "several-answers",
                "question \(displayName): only the right value \(right.raw) ± \(JSONValue.number(tolerance).serialized()) is kept; \(others.map { "\($0.label) (\(MoodleQuestion.percent($0.fraction)))" }.joined(separator: ", ")) \(others.count == 1 ? "is" : "are") dropped",
                hint: "an Atelier numeric item has one right value and a tolerance"
            )
        }
        var body: [(key: String, value: JSONValue)] = [("answer", .number(value)), ("tolerance", .number(tolerance))]
        let units = node.child("units")?.children("unit") ?? []
        let unitNames = units.map { unit in
            (unit, unit.child("unit_name")?.text ?? "", unit.childText("multiplier").flatMap(MoodleQuestion.number) ?? 1)
        }
        let base = unitNames.first { abs($0.2 - 1) < 1e-9 && !$0.1.trimmingCharacters(in: .whitespaces).isEmpty }
        if let base, let unit = plainText(base.1, what: "the unit", at: base.0.location) {
            body.append(("unit", unit.json(ordered: languages)))
        }
        let dropped = unitNames.filter { $0.0.location != base?.0.location }
        if !dropped.isEmpty {
            warn(
                "units-dropped",
                "question \(displayName): the units \(dropped.map { "“\($0.1.trimmingCharacters(in: .whitespaces))” (× \(JSONValue.number($0.2).serialized()))" }.joined(separator: ", ")) are dropped; an Atelier numeric item shows one unit and converts none",
                at: dropped[0].0.location
            )
        }
        if let grading = node.childText("unitgradingtype"), grading != "0", !grading.isEmpty {
            warn("unit-graded", "question \(displayName): Moodle graded the unit; Atelier grades the number only")
        }
        return ConvertedBody(type: "numeric", body: .object(JSONObject(body)))
    }

    /// Whether a Moodle short answer has an unescaped `*`.
    static func hasWildcard(_ text: String) -> Bool {
        var escaped = false
        for character in text {
            if character == "*", !escaped { return true }
            escaped = character == "\\" && !escaped
        }
        return false
    }

    /// Reads a number as Moodle writes it (`18`, `-2.5`, `1e3`; a decimal comma is accepted).
    static func number(_ text: String) -> Double? {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty, cleaned.range(of: "^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$", options: .regularExpression) != nil,
            let value = Double(cleaned), value.isFinite
        else { return nil }
        return value
    }
}
