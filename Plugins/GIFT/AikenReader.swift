import AtelierKernel

/// The state of an Aiken import, line after line.
struct AikenReader {
    /// A question being read.
    private struct PendingQuestion {
        var location: SourceLocation
        var position: Int
        var text: [String]
        var options: [(label: Character, text: String, line: Int)] = []
        var invalidLine: Int?
    }

    /// The language of the texts.
    let language: String
    /// What went wrong so far.
    private(set) var diagnostics: ImportDiagnostics
    /// The items so far.
    private(set) var items: [JSONValue] = []
    private var pending: PendingQuestion?
    private var position = 0
    private var identifiers = ItemIdentifiers()

    /// Starts reading.
    init(language: String, diagnostics: ImportDiagnostics) {
        self.language = language
        self.diagnostics = diagnostics
    }

    /// What a line of an Aiken file is.
    enum LineKind: Equatable {
        /// An option, `A. text` or `A) text`.
        case option(label: Character, text: String)
        /// The `ANSWER: B` line that ends a question, with its letter if it has one.
        case answer(letter: Character?)
        /// Question text.
        case text
    }

    /// Reads one line; `false` when no more lines should be read.
    mutating func read(_ line: SourceLines.Line) -> Bool {
        let text = line.trimmed
        guard !text.isEmpty else { return true }
        let location = SourceLocation(line: line.number, column: line.firstColumn)
        switch AikenReader.kind(of: text) {
        case .option(let label, let option):
            guard pending != nil else {
                diagnostics.error(
                    "aiken-option-without-question",
                    "the option '\(label)' has no question before it",
                    hint: "write the question's text on the line before its options",
                    at: location
                )
                return true
            }
            pending?.options.append((label, option, line.number))
        case .answer(let letter):
            guard pending != nil else {
                diagnostics.error(
                    "aiken-answer-without-question",
                    "this ANSWER line has no question before it",
                    hint: "each question is its text, its options A. B. …, then ANSWER: letter",
                    at: location
                )
                return true
            }
            if !line.isValidUTF8 { noteInvalid(line.number) }
            finishQuestion(answer: letter)
            return true
        case .text:
            if let question = pending, !question.options.isEmpty { missingAnswer(question) }
            if pending == nil {
                position += 1
                guard position <= ImportLimits.maxQuestions else {
                    diagnostics.error(
                        "aiken-too-many-questions",
                        "the file has more than \(ImportLimits.maxQuestions) questions; the rest are not read",
                        hint: "split it into several files",
                        at: location
                    )
                    return false
                }
                pending = PendingQuestion(location: location, position: position, text: [])
            }
            pending?.text.append(String(text))
        }
        if !line.isValidUTF8 { noteInvalid(line.number) }
        return true
    }

    private mutating func noteInvalid(_ line: Int) {
        if pending?.invalidLine == nil { pending?.invalidLine = line }
    }

    /// Reports a question left without its ANSWER line at the end of the file.
    mutating func finish() {
        if let question = pending { missingAnswer(question) }
    }

    private mutating func missingAnswer(_ question: PendingQuestion) {
        diagnostics.error(
            "aiken-missing-answer",
            "the question has no ANSWER line after its options",
            hint: "add a line such as 'ANSWER: B' after the last option",
            at: question.location
        )
        pending = nil
    }

    private mutating func finishQuestion(answer letter: Character?) {
        guard let question = pending else { return }
        pending = nil
        if let invalid = question.invalidLine {
            diagnostics.invalidUTF8(line: invalid, format: "aiken", skipping: "the question starting on line \(question.location.line)")
            return
        }
        let labels = question.options.map(\.label)
        guard question.options.count >= 2 else {
            diagnostics.error(
                "aiken-too-few-options",
                "the question has \(question.options.count) option\(question.options.count == 1 ? "" : "s"); it needs at least 2",
                hint: "add options on lines starting 'A. ', 'B. '…",
                at: question.location
            )
            return
        }
        let expected = (0..<labels.count).compactMap { Unicode.Scalar(UInt32(65 + $0)).map(Character.init) }
        guard labels == expected else {
            diagnostics.error(
                "aiken-options-out-of-order",
                "the options are labelled \(labels.map(String.init).joined(separator: ", ")); they must be \(expected.map(String.init).joined(separator: ", "))",
                hint: "label the options A, B, C… in order: Moodle reads the answer letter as a position",
                at: question.location
            )
            return
        }
        guard let letter, let answerIndex = labels.firstIndex(of: letter) else {
            diagnostics.error(
                "aiken-answer-not-an-option",
                "the answer '\(letter.map(String.init) ?? "")' is not one of the options \(labels.map(String.init).joined(separator: ", "))",
                hint: "write ANSWER: followed by the letter of the right option",
                at: question.location
            )
            return
        }
        guard labels.count <= ImportLimits.maxSingleChoices else {
            diagnostics.warning(
                "aiken-too-many-options",
                "the question has \(labels.count) options; an Atelier single-choice item has at most \(ImportLimits.maxSingleChoices)",
                hint: "remove the weakest distractors",
                at: question.location
            )
            return
        }
        let prompt = question.text.joined(separator: "\n")
        let texts = [prompt] + question.options.map(\.text)
        if let long = texts.first(where: { $0.count > ImportLimits.maxTextLength }) {
            diagnostics.error(
                "aiken-text-too-long",
                "a text of the question is \(long.count) characters long; Atelier texts hold at most \(ImportLimits.maxTextLength)",
                hint: "shorten it",
                at: question.location
            )
            return
        }
        let item = ImportedItem(
            type: "single-choice",
            prompt: prompt,
            body: [
                "choices": ImportedItem.choices(question.options.map(\.text), language),
                "answer": .string(ImportedItem.choiceID(answerIndex)),
            ]
        )
        let id = identifiers.assign(name: nil, position: question.position)
        items.append(item.json(id: id, language: language, category: nil))
    }

    /// What `line` (trimmed, not empty) is: an option as Moodle's `^[A-Z][).][ \t]` reads it, an
    /// `ANSWER:` line (in any case), or question text.
    static func kind(of line: Substring) -> LineKind {
        let scalars = Array(line.unicodeScalars.prefix(3))
        if scalars.count == 3, ("A"..."Z").contains(scalars[0]), scalars[1] == "." || scalars[1] == ")",
            scalars[2] == " " || scalars[2] == "\t"
        {
            return .option(label: Character(scalars[0]), text: String(String(line.unicodeScalars.dropFirst(3)).trimmingWhiteSpace()))
        }
        if line.uppercased().hasPrefix("ANSWER") {
            let rest = line.dropFirst("ANSWER".count).trimmingWhiteSpace()
            if rest.hasPrefix(":") {
                return .answer(letter: rest.dropFirst().trimmingWhiteSpace().first.map { Character($0.uppercased()) })
            }
        }
        return .text
    }
}
