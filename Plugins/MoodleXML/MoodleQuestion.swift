import AtelierKernel
import Foundation

/// One `<question>` of a Moodle XML file being converted: its element, the languages to read, and the
/// warnings found so far (reported only if the question converts).
struct MoodleQuestion {
    /// The `<question>` element.
    let node: XMLNode
    /// The languages the items are written in; a text without multilang blocks goes to the first.
    let languages: [String]
    /// Losses found while converting.
    private(set) var warnings: [PendingDiagnostic] = []

    /// Creates the conversion of `node`.
    init(node: XMLNode, languages: [String]) {
        self.node = node
        self.languages = languages
    }

    /// The `type` attribute (`multichoice`, `truefalse`…).
    var type: String { node.attributes["type"]?.trimmingCharacters(in: .whitespaces) ?? "" }

    /// The question's name (`<name><text>`), trimmed; nil when it has none.
    var name: String? {
        guard let name = node.child("name")?.childText("text"), !name.isEmpty else { return nil }
        return name
    }

    /// The format of the question text, which Moodle also uses for answers and feedback that name none.
    var questionTextFormat: String { node.child("questiontext")?.attributes["format"] ?? "html" }

    /// How the question is named in messages, after the word "question": “Name”, or “at line N” when it has no name.
    var displayName: String {
        if let name { return "“\(MoodleQuestion.shortened(name))”" }
        return "at line \(node.location.line)"
    }

    /// Records a loss.
    mutating func warn(_ code: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        warnings.append(PendingDiagnostic(severity: .warning, code: code, message: message, location: location ?? node.location, hint: hint))
    }

    /// Records something worth knowing that changes nothing a participant sees.
    mutating func note(_ code: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        warnings.append(PendingDiagnostic(severity: .note, code: code, message: message, location: location ?? node.location, hint: hint))
    }

    /// The problem that keeps this question from being imported.
    func problem(_ code: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) -> QuestionProblem {
        QuestionProblem(code: code, message: "question \(displayName): \(message)", location: location ?? node.location, hint: hint)
    }

    // MARK: - Texts

    /// Reads a text field (`<questiontext format="html"><text>…</text><file …/></questiontext>`), reporting
    /// the images it loses.
    ///
    /// - Parameters:
    ///   - field: the field element, or the answer element that holds `<text>` directly.
    ///   - what: how to name the field in messages ("the question text", "answer 2").
    ///   - defaultFormat: the format when the field names none.
    /// - Returns: the text in each language found, or nil when it is empty.
    mutating func localizedText(_ field: XMLNode?, what: String, defaultFormat: String) -> LocalizedText? {
        guard let field else { return nil }
        let raw = field.child("text")?.text ?? ""
        let format = field.attributes["format"] ?? defaultFormat
        let result = localize(raw, format: format, what: what, at: field.location)
        let files = field.children("file").map { $0.attributes["name"] ?? "" }
        if !files.isEmpty || !result.images.isEmpty {
            let names = files.isEmpty ? result.images.map(MoodleQuestion.fileName) : files
            let list = names.map { $0.isEmpty ? "(unnamed)" : $0 }.joined(separator: ", ")
            warn(
                "image-dropped",
                "question \(displayName): \(what) has \(names.count == 1 ? "an image" : "images") (\(list)) that Atelier does not carry; only the text is imported",
                at: field.location,
                hint: "describe the image in words if the question needs it"
            )
        }
        return result.text
    }

    /// Reads a plain-text value (Moodle short answers, numbers, matching answers): as written, unless it
    /// holds multilang blocks.
    mutating func plainText(_ raw: String, what: String, at location: SourceLocation) -> LocalizedText? {
        localize(raw, format: "plain_text", what: what, at: location).text
    }

    private mutating func localize(
        _ raw: String,
        format: String,
        what: String,
        at location: SourceLocation
    ) -> (text: LocalizedText?, images: [String]) {
        let multilang = MultilangText(raw)
        let isHTML = format == "html" || format == "moodle_auto_format" || multilang.isMultilingual
        var images: [String] = []
        func convert(_ source: String) -> String {
            guard isHTML else {
                return source.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let plain = HTMLPlainText(html: source, newlinesBreakLines: format == "moodle_auto_format")
            images += plain.imageSources.filter { !images.contains($0) }
            return plain.text
        }
        guard let first = languages.first else { return (nil, []) }
        var translations: [String: String] = [:]
        if multilang.isMultilingual {
            let present = languages.filter { language in multilang.languages.contains { MultilangText.sameLanguage($0, language) } }
            if present.isEmpty {
                translations[first] = convert(multilang.text(in: first))
                warn(
                    "language-not-found",
                    "question \(displayName): \(what) is written in \(multilang.languages.joined(separator: ", ")), none of the languages asked for (\(languages.joined(separator: ", "))); its first language is imported as '\(first)'",
                    at: location,
                    hint: "import in one of its languages: \(multilang.languages.joined(separator: ", "))"
                )
            } else {
                for language in present { translations[language] = convert(multilang.text(in: language)) }
            }
        } else {
            translations[first] = convert(raw)
        }
        translations = translations.filter { !$0.value.isEmpty }
        return (translations.isEmpty ? nil : LocalizedText(translations), images)
    }

    private static func fileName(_ source: String) -> String {
        let decoded = source.removingPercentEncoding ?? source
        return decoded.split(separator: "/").last.map(String.init) ?? decoded
    }

    // MARK: - Answers

    /// The question's `<answer>` elements, read.
    ///
    /// - Parameter textFormat: the format of answer texts that name none; nil for plain-text answers.
    mutating func answers(textFormat: String?) -> [MoodleAnswer] {
        node.children("answer").enumerated().map { index, element in
            let what = "answer \(index + 1)"
            let text: LocalizedText?
            if let textFormat {
                text = localizedText(element, what: what, defaultFormat: textFormat)
            } else {
                text = plainText(element.child("text")?.text ?? element.text, what: what, at: element.location)
            }
            let fraction: Double
            if let attribute = element.attributes["fraction"], let value = Double(attribute.trimmingCharacters(in: .whitespaces)) {
                fraction = value
            } else if let child = element.childText("fraction"), let value = Double(child) {
                fraction = value * 100  // the deprecated <fraction> element holds 0…1
            } else {
                fraction = 0
            }
            let feedback = element.child("feedback")?.childText("text") ?? ""
            let raw = (element.child("text")?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return MoodleAnswer(
                index: index,
                fraction: fraction,
                text: text,
                raw: raw,
                hasFeedback: !HTMLPlainText(html: feedback).text.isEmpty,
                hasImages: !element.children("file").isEmpty || raw.range(of: "<img", options: .caseInsensitive) != nil,
                element: element
            )
        }
    }

    /// Reports per-answer feedback, which Atelier items do not have.
    mutating func reportAnswerFeedback(_ answers: [MoodleAnswer]) {
        let withFeedback = answers.filter(\.hasFeedback)
        guard let first = withFeedback.first else { return }
        let list = withFeedback.map { "\($0.index + 1)" }.joined(separator: ", ")
        warn(
            "answer-feedback",
            "question \(displayName): the feedback of answer\(withFeedback.count == 1 ? "" : "s") \(list) is dropped; Atelier keeps only the general feedback",
            at: first.element.location,
            hint: "fold what matters into <generalfeedback>"
        )
    }

    /// Reports correct, partially correct and incorrect feedback, which Atelier items do not have.
    mutating func reportCombinedFeedback() {
        let fields = ["correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"]
        let present = fields.compactMap { name -> XMLNode? in
            guard let field = node.child(name), !HTMLPlainText(html: field.childText("text") ?? "").text.isEmpty else { return nil }
            return field
        }
        guard let first = present.first else { return }
        warn(
            "combined-feedback",
            "question \(displayName): \(present.map { "<\($0.name)>" }.joined(separator: ", ")) \(present.count == 1 ? "is" : "are") dropped; Atelier keeps only the general feedback",
            at: first.location,
            hint: "fold what matters into <generalfeedback>"
        )
    }

    /// Checks the number of options of a choice, matching or ordering item.
    func requireCount(_ count: Int, of noun: String, in range: ClosedRange<Int>) throws(QuestionProblem) {
        if count < range.lowerBound {
            throw problem("missing-part", "it has \(count) \(noun)\(count == 1 ? "" : "s"); at least \(range.lowerBound) are needed")
        }
        if count > range.upperBound {
            throw problem(
                "too-many-options",
                "it has \(count) \(noun)s; Atelier items take at most \(range.upperBound)",
                hint: "split it into several questions"
            )
        }
    }

    /// Shortens a text for a message.
    static func shortened(_ text: String, to length: Int = 40) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count <= length ? line : String(line.prefix(length - 1)) + "…"
    }

    /// Formats a Moodle grade in percent: `50%`, `33.33333%`, `-25%`.
    static func percent(_ value: Double) -> String {
        JSONValue.number((value * 100_000).rounded() / 100_000).serialized() + "%"
    }
}

/// One `<answer>` of a question, read.
struct MoodleAnswer {
    /// Its position among the question's answers, from 0.
    var index: Int
    /// Its grade in percent (100 = right, 50 = half credit, negative = penalty).
    var fraction: Double
    /// Its text, converted, in each language found; nil when blank.
    var text: LocalizedText?
    /// Its `<text>` as written, trimmed (numbers, `true`/`false`).
    var raw: String
    /// Whether it has non-empty feedback of its own.
    var hasFeedback: Bool
    /// Whether it embeds files.
    var hasImages: Bool
    /// The element.
    var element: XMLNode

    /// Whether it is the right answer (100%).
    var isRight: Bool { fraction >= 99.999 }

    /// How to name it in messages: “text” (answer N).
    var label: String {
        let text = text.map { MoodleQuestion.shortened($0.translations.sorted { $0.key < $1.key }.first?.value ?? "") } ?? raw
        return "“\(MoodleQuestion.shortened(text))”"
    }
}

/// Why a question cannot be imported; it is skipped, and the others still import.
struct QuestionProblem: Error {
    /// The diagnostic code.
    var code: String
    /// What is wrong.
    var message: String
    /// Where.
    var location: SourceLocation
    /// What to do about it.
    var hint: String?
}

/// A diagnostic waiting for its file name.
struct PendingDiagnostic {
    /// Its severity.
    var severity: Diagnostic.Severity
    /// Its code.
    var code: String
    /// Its message.
    var message: String
    /// Where.
    var location: SourceLocation
    /// What to do about it.
    var hint: String?

    /// The diagnostic for `file`.
    func diagnostic(in file: String) -> Diagnostic {
        Diagnostic(severity: severity, code: code, file: file, location: location, pointer: .root, message: message, hint: hint)
    }
}
