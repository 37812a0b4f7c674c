import AtelierKernel
import Foundation

/// A GIFT question converted into an Atelier item, with what the conversion lost.
struct ParsedQuestion {
    /// The question's `::name::`, if it has one.
    var name: String?
    /// The item.
    var item: ImportedItem
    /// What could not be carried over (warnings).
    var losses: [ImportProblem]
}

/// The type-specific part of a converted question.
struct ConvertedAnswers {
    /// The Atelier item type.
    var type: String
    /// The body, with texts in the import language.
    var body: JSONValue
    /// What could not be carried over.
    var losses: [ImportProblem] = []
    /// How many answers had their own `#feedback`.
    var answerFeedbackCount = 0
}

/// Converts one GIFT question (the text between blank lines, comments removed) the way Moodle's
/// `question/format/gift/format.php` reads it.
///
/// A question that cannot become an Atelier item throws an ``ImportProblem``: an error when it is malformed,
/// a warning when it is valid GIFT that Atelier has no item for (essay, description, missing word…).
struct GIFTQuestionParser {
    /// The language the texts are written in.
    let language: String

    /// Converts `question`.
    ///
    /// - Throws: ``ImportProblem`` when the question is skipped.
    func parse(_ question: GIFTText) throws(ImportProblem) -> ParsedQuestion {
        var text = question.trimmed()
        var name: String?
        if text.hasPrefix("::") {
            let rest = text.suffix(from: text.characters.startIndex + 2)
            guard let end = rest.firstIndex(ofSequence: "::") else {
                throw .error(
                    "gift-unclosed-name",
                    "the question name opened with '::' is never closed",
                    hint: "end the name with '::' (::Name::Question text{…}), or escape the colons as \\:\\:"
                )
            }
            let written = rest.prefix(upTo: end).string.trimmingWhiteSpace()
            name = written.isEmpty ? nil : String(written)
            text = rest.suffix(from: end + 2).trimmed()
        }
        if question.string.lowercased().contains("<img") {
            throw .warning(
                "gift-image-skipped",
                "question with an embedded image (<img>) skipped: a GIFT file does not carry the image",
                hint: "import this question from Moodle XML, which embeds images, or re-create it in Atelier"
            )
        }
        let (open, close) = try answerBlock(of: text)
        let questionText = text.prefix(upTo: open)
        let (format, promptText) = GIFTTextFormat.split(questionText.string, fallback: .moodle)
        let prompt = format.plainText(promptText)
        guard !prompt.isEmpty else {
            throw .error("gift-empty-question-text", "the question has no text before its answer block", hint: "write the question before '{'")
        }
        try GIFTQuestionParser.checkLength(prompt, of: "the question text")

        var answer = text[(open + 1)..<close].trimmed()
        var feedback: String?
        if let separator = answer.lastIndex(ofSequence: "####") {
            let written = answer.suffix(from: separator + 4).string
            let (feedbackFormat, feedbackText) = GIFTTextFormat.split(written, fallback: format)
            feedback = feedbackFormat.plainText(feedbackText)
            answer = answer.prefix(upTo: separator).trimmed()
        }
        if let feedback { try GIFTQuestionParser.checkLength(feedback, of: "the general feedback") }

        let converted = try convert(answer, format: format)
        var losses = converted.losses
        if converted.answerFeedbackCount > 0 {
            let count = converted.answerFeedbackCount
            losses.append(
                .warning(
                    "gift-answer-feedback-dropped",
                    "the feedback of \(count) answer\(count == 1 ? "" : "s") (#…) is dropped: Atelier items have one general feedback",
                    hint: "move what matters into the general feedback, after ####"
                )
            )
        }
        let item = ImportedItem(type: converted.type, prompt: prompt, body: converted.body, feedback: feedback)
        return ParsedQuestion(name: name, item: item, losses: losses)
    }

    /// The indices of the `{` and `}` of the answer block.
    private func answerBlock(of text: GIFTText) throws(ImportProblem) -> (open: Int, close: Int) {
        let open = text.firstIndex(of: "{")
        let close = text.firstIndex(of: "}")
        guard let open, let close, open < close else {
            if open == nil && close == nil {
                throw .warning(
                    "gift-description-skipped",
                    "description (text with no answer block) skipped: Atelier forms have no text-only items",
                    hint: "put this text in the form's instructions, or add an answer block {…} if it is a question"
                )
            }
            if let open, close == nil {
                throw .error(
                    "gift-unclosed-brace",
                    "the '{' on line \(text.line(at: open) ?? 0) is never closed",
                    hint: "close the answer block with '}', or escape a literal brace as \\{"
                )
            }
            let stray = close ?? text.characters.startIndex
            throw .error(
                "gift-unopened-brace",
                "the '}' on line \(text.line(at: stray) ?? 0) closes no '{'",
                hint: "open the answer block with '{', or escape a literal brace as \\}"
            )
        }
        if let nested = text.firstIndex(of: "{", from: open + 1), nested < close {
            throw .error(
                "gift-nested-brace",
                "a second '{' on line \(text.line(at: nested) ?? 0) opens before the answer block is closed",
                hint: "close the answer block with '}' first, or escape a literal brace as \\{"
            )
        }
        let after = text.suffix(from: close + 1)
        if let second = after.firstIndex(of: "{") {
            throw .error(
                "gift-several-answer-blocks",
                "a second answer block opens on line \(text.line(at: second) ?? 0); a GIFT question has one",
                hint: "split the question in two, separated by a blank line, or escape literal braces as \\{ and \\}"
            )
        }
        if let stray = after.firstIndex(of: "}") {
            throw .error(
                "gift-unopened-brace",
                "the '}' on line \(text.line(at: stray) ?? 0) closes no '{'",
                hint: "remove it, or escape a literal brace as \\}"
            )
        }
        if !after.trimmed().isEmpty {
            throw .warning(
                "gift-missing-word-skipped",
                "missing-word question (the text goes on after the answer block) skipped: Atelier prompts have no blank to fill",
                hint: "move the answer block to the end of the question and write the blank as _____ in the text"
            )
        }
        return (open, close)
    }

    /// Decides the question type from the answer block, in Moodle's order, and converts the answers.
    private func convert(_ answer: GIFTText, format: GIFTTextFormat) throws(ImportProblem) -> ConvertedAnswers {
        guard let first = answer.characters.first else {
            throw .warning(
                "gift-essay-skipped",
                "essay question ({}) skipped: Atelier has no item graded by hand",
                hint: "rewrite it as a short-answer question {=answer}, or keep it outside Atelier"
            )
        }
        if first.isSyntax(">") {
            throw .warning(
                "gift-other-question-type-skipped",
                "question of a plug-in type ('{>…}' is the syntax of Moodle's ordering question) skipped",
                hint: "re-create it in Atelier as an ordering item"
            )
        }
        if first.isSyntax("#") { return try numeric(answer.suffix(from: answer.characters.startIndex + 1)) }
        if answer.contains("~") { return try choices(answer, format: format) }
        if answer.contains("="), answer.firstIndex(ofSequence: "->") != nil { return try matching(answer, format: format) }
        if let value = trueFalseValue(answer) { return trueFalse(answer, value: value) }
        return try shortAnswer(answer, format: format)
    }

    /// The plain text of an answer written in `format` unless it has its own prefix.
    func answerText(_ text: GIFTText, format: GIFTTextFormat) -> String {
        let (own, written) = GIFTTextFormat.split(text.string, fallback: format)
        return own.plainText(written)
    }

    /// The pieces of an answer block split at `separators`, without an empty first piece (Moodle drops it).
    func answerPieces(_ answer: GIFTText, at separators: Set<Unicode.Scalar>) -> [(separator: Unicode.Scalar?, text: GIFTText)] {
        var pieces = answer.split(at: separators)
        if let first = pieces.first, first.separator == nil, first.text.trimmed().isEmpty { pieces.removeFirst() }
        return pieces.map { ($0.separator, $0.text.trimmed()) }
    }

    /// Moodle's answer weight `^%-?[0-9]{1,2}.?[0-9]*%` at the start of `text`: the percentage and the rest.
    static func weight(_ text: GIFTText) -> (percent: Double, rest: GIFTText)? {
        let characters = text.characters
        var index = characters.startIndex
        guard index < characters.endIndex, characters[index].scalar == "%" else { return nil }
        index += 1
        var negative = false
        while index < characters.endIndex, characters[index].scalar == "-" {
            negative = true
            index += 1
        }
        var digits = ""
        while index < characters.endIndex, ("0"..."9").contains(characters[index].scalar) {
            digits.unicodeScalars.append(characters[index].scalar)
            index += 1
        }
        var fraction = ""
        if index < characters.endIndex, characters[index].scalar == "." {
            index += 1
            while index < characters.endIndex, ("0"..."9").contains(characters[index].scalar) {
                fraction.unicodeScalars.append(characters[index].scalar)
                index += 1
            }
        }
        guard !digits.isEmpty, index < characters.endIndex, characters[index].scalar == "%",
            let value = Double(fraction.isEmpty ? digits : digits + "." + fraction)
        else { return nil }
        return (negative ? -value : value, text.suffix(from: index + 1).trimmed())
    }

    /// Throws when `text` is longer than an Atelier text may be.
    static func checkLength(_ text: String, of what: String, limit: Int = ImportLimits.maxTextLength) throws(ImportProblem) {
        guard text.count > limit else { return }
        throw .error(
            "gift-text-too-long",
            "\(what) is \(text.count) characters long; Atelier texts hold at most \(limit)",
            hint: "shorten it"
        )
    }
}
