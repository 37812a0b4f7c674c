import AtelierKernel

/// Writes one Atelier item as a GIFT question, noting what it cannot carry.
struct GIFTQuestionWriter {
    /// The item.
    let item: Item
    /// The language written.
    let language: String
    /// What could not be written, as sentences.
    private(set) var losses: [String] = []

    /// Creates a writer for `item` in `language`.
    init(item: Item, language: String) {
        self.item = item
        self.language = language
    }

    /// The question's GIFT text, ending with a new line, or `nil` when the item is skipped.
    mutating func question() -> String? {
        guard let prompt = item.prompt[language] else { return skip("it has no \(language) text") }
        let answers: String?
        switch item.type {
        case "single-choice": answers = singleChoice()
        case "multiple-response": answers = multipleResponse()
        case "true-false": answers = trueFalse()
        case "short-text": answers = shortText()
        case "numeric": answers = numeric()
        case "matching": answers = matching()
        case "ordering", "likert", "case-analysis":
            return skip("GIFT has no \(item.type) question")
        default:
            return skip("GIFT has no question for the item type '\(item.type)'")
        }
        guard let answers else { return nil }
        if let points = item.points, points != 1 {
            loss("it is worth \(GIFTWriter.number(points)) points; GIFT has no mark per question, so Moodle gives it its default mark")
        }
        return "::\(GIFTWriter.escaped(item.id))::\(GIFTWriter.text(prompt))\(answers)\n"
    }

    // MARK: - Types

    private mutating func singleChoice() -> String? {
        guard let choices = choices(), let answer = item.body["answer"]?.stringValue,
            choices.contains(where: { $0.id == answer })
        else { return unreadable() }
        let lines = choices.map { choice in
            choice.id == answer ? "=" + GIFTWriter.text(choice.text) : "~" + protectingWeight(choice.text) + GIFTWriter.text(choice.text)
        }
        return block(lines)
    }

    private mutating func multipleResponse() -> String? {
        guard let choices = choices(), let answers = item.body["answers"]?.arrayValue?.compactMap(\.stringValue) else { return unreadable() }
        let correct = Set(answers)
        let correctCount = choices.filter { correct.contains($0.id) }.count
        guard correctCount > 0 else { return unreadable() }
        let wrongCount = choices.count - correctCount
        let lines = choices.map { choice in
            let weight = correct.contains(choice.id) ? 100 / Double(correctCount) : -100 / Double(max(1, wrongCount))
            return "~" + GIFTWriter.weight(weight) + GIFTWriter.text(choice.text)
        }
        return block(lines)
    }

    private mutating func trueFalse() -> String? {
        guard let answer = item.body["answer"]?.boolValue else { return unreadable() }
        return "{" + (answer ? "TRUE" : "FALSE") + inlineFeedback() + "}"
    }

    private mutating func shortText() -> String? {
        guard let accepted = item.body["accepted"]?[language]?.arrayValue?.compactMap(\.stringValue), !accepted.isEmpty else {
            return skip("it has no accepted answer in \(language)")
        }
        if let arrow = accepted.first(where: { $0.contains("->") }) {
            return skip("the accepted answer '\(arrow)' contains '->', which GIFT readers take for a matching pair")
        }
        return block(accepted.map { "=" + protectingWeight($0, written: "%100%") + GIFTWriter.text($0) })
    }

    private mutating func numeric() -> String? {
        guard let answer = item.body["answer"]?.numberValue else { return unreadable() }
        let tolerance = item.body["tolerance"]?.numberValue ?? 0
        if let unit = item.body["unit"].flatMap(GIFTQuestionWriter.texts) {
            loss("its unit '\(unit[language] ?? unit.values.sorted().first ?? "")' is not exported: GIFT numerical answers have no unit")
        }
        let value = GIFTWriter.number(answer) + (tolerance == 0 ? "" : ":" + GIFTWriter.number(tolerance))
        return "{#" + value + inlineFeedback() + "}"
    }

    private mutating func matching() -> String? {
        guard let premises = options("premises"), let targets = options("targets"), let key = item.body["answer"]?.objectValue
        else { return unreadable() }
        var lines: [String] = []
        var used: Set<String> = []
        for premise in premises {
            guard let targetID = key[premise.id]?.stringValue, let target = targets.first(where: { $0.id == targetID }) else {
                return unreadable()
            }
            if premise.text.contains("->") {
                return skip("the premise '\(premise.text)' contains '->', which GIFT cannot escape")
            }
            used.insert(targetID)
            lines.append("=" + GIFTWriter.text(premise.text) + " -> " + GIFTWriter.escaped(target.text))
        }
        // Moodle's matching question reads a pair with no premise as an extra wrong answer.
        for distractor in targets where !used.contains(distractor.id) {
            lines.append("= -> " + GIFTWriter.escaped(distractor.text))
        }
        return block(lines)
    }

    // MARK: - Pieces

    /// Answer lines in braces, one per line, then the general feedback.
    private mutating func block(_ lines: [String]) -> String {
        var text = "{\n"
        for line in lines { text += "\t" + line + "\n" }
        let feedback = inlineFeedback()
        if !feedback.isEmpty { text += "\t" + feedback + "\n" }
        return text + "}"
    }

    /// `####` and the general feedback in the language, or nothing.
    private mutating func inlineFeedback() -> String {
        guard let feedback = item.feedback else { return "" }
        guard let text = feedback[language] else {
            loss("its feedback has no \(language) text and is not exported")
            return ""
        }
        return "####" + GIFTWriter.text(text)
    }

    /// An explicit weight before an answer whose text starts like a weight (`%50% des victimes…`), so that
    /// GIFT readers do not take the start of the text for one.
    private func protectingWeight(_ text: String, written: String = "%0%") -> String {
        GIFTQuestionParser.weight(GIFTText(lines: [(1, text)])) == nil ? "" : written
    }

    private func choices() -> [(id: String, text: String)]? { options("choices") }

    /// The `id` and text in the language of each element of the body's array `key`.
    private func options(_ key: String) -> [(id: String, text: String)]? {
        guard let elements = item.body[key]?.arrayValue else { return nil }
        var options: [(id: String, text: String)] = []
        for element in elements {
            guard let id = element["id"]?.stringValue, let text = element["text"].flatMap(GIFTQuestionWriter.texts)?[language] else {
                return nil
            }
            options.append((id, text))
        }
        return options
    }

    /// The translations of a localized text value.
    private static func texts(_ value: JSONValue) -> [String: String]? {
        guard let object = value.objectValue else { return nil }
        var texts: [String: String] = [:]
        for member in object.members {
            guard let text = member.value.stringValue else { return nil }
            texts[member.key] = text
        }
        return texts
    }

    private mutating func unreadable() -> String? {
        skip("its body is incomplete or lacks \(language) texts")
    }

    private mutating func skip(_ reason: String) -> String? {
        losses.append("\(item.id) (\(item.type)): not exported: \(reason).")
        return nil
    }

    private mutating func loss(_ sentence: String) {
        losses.append("\(item.id): \(sentence).")
    }
}
