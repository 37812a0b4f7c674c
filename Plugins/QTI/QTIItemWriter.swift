import AtelierKernel

/// Writes one Atelier item as a QTI 3.0 `qti-assessment-item` document.
///
/// The item keeps its id (as a QTI identifier), gets a title from its prompt, `time-dependent="false"`,
/// `adaptive="false"` and the export's language (see ``QTITextWriter``). Each type has its interaction
/// (see the `QTIItemWriter+…` files); the item's general feedback becomes a `qti-modal-feedback` shown
/// whenever the delivery system shows feedback (its `FEEDBACK` outcome is declared with that feedback's
/// identifier as default value, so no response processing has to set it).
struct QTIItemWriter {
    /// Why an item is left out of the package.
    struct Skip: Error {
        /// The reason, as the end of a sentence ("has no QTI equivalent").
        var reason: String
    }

    /// The parts of an item that depend on its type.
    struct Parts {
        var responses: [Markup] = []
        var outcomes: [Markup] = []
        var body: [Markup] = []
        var processing: Markup?
    }

    /// The item.
    let item: Item
    /// Its QTI identifier.
    let identifier: String
    /// The test's settings (multiple-response policy, choice shuffling).
    let settings: QTIPackageSettings
    /// Writes the item's texts.
    var text: QTITextWriter
    /// What this item loses in QTI, as sentences.
    private(set) var losses: [String] = []

    /// A writer for `item` in `language` (a language code or `all`).
    init(item: Item, identifier: String, language: String, settings: QTIPackageSettings) {
        self.item = item
        self.identifier = identifier
        self.settings = settings
        self.text = QTITextWriter(language: language, prompt: item.prompt)
    }

    /// The item's points, for a scored type.
    var points: Double { item.weight }

    /// The item document.
    ///
    /// - Throws: ``Skip`` when the item's type has no QTI form or its body cannot be read.
    mutating func document() throws(Skip) -> String {
        let parts = try typeParts()
        var outcomes = parts.outcomes
        var feedback: [Markup] = []
        if let general = item.feedback, !general.translations.isEmpty {
            outcomes.append(
                .tag(
                    "qti-outcome-declaration",
                    ["identifier": "FEEDBACK", "cardinality": "single", "base-type": "identifier"],
                    [.tag("qti-default-value", [:], [.tag("qti-value", text: "GENERAL")])]
                )
            )
            feedback.append(
                .tag(
                    "qti-modal-feedback",
                    ["outcome-identifier": "FEEDBACK", "identifier": "GENERAL", "show-hide": "show"],
                    [.tag("qti-content-body", [:], [.tag("p", [:], text.inline(general, field: "feedback"))])]
                )
            )
        }
        var children = parts.responses + outcomes
        children.append(.tag("qti-item-body", ["dir": text.bodyDirection], parts.body))
        if let processing = parts.processing { children.append(processing) }
        children += feedback
        let root = Markup.tag(
            "qti-assessment-item",
            [
                "xmlns": QTI.namespace,
                "xmlns:xsi": QTI.schemaInstanceNamespace,
                "xsi:schemaLocation": QTI.schemaLocation,
                "identifier": identifier,
                "title": title,
                "adaptive": "false",
                "time-dependent": "false",
                "xml:lang": text.itemLanguage,
            ],
            children
        )
        if !text.fallbacks.isEmpty {
            let language = text.writesAll ? "every language of the prompt" : text.itemLanguage
            lose("no text in \(language) for \(text.fallbacks.joined(separator: ", ")); another language was written instead.")
        }
        return Markup.document(root)
    }

    /// Records a loss about this item.
    mutating func lose(_ sentence: String) {
        losses.append("\(item.id) (\(item.type)): \(sentence)")
    }

    /// The item's title: the start of its prompt on one line, else its id.
    private var title: String {
        let prompt = text.plain(item.prompt).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !prompt.isEmpty else { return item.id }
        return prompt.count > 80 ? String(prompt.prefix(79)) + "…" : prompt
    }

    private mutating func typeParts() throws(Skip) -> Parts {
        switch item.type {
        case "single-choice": try singleChoice()
        case "multiple-response": try multipleResponse()
        case "true-false": try trueFalse()
        case "likert": try likert()
        case "short-text": try shortText()
        case "numeric": try numeric()
        case "matching": try matching()
        case "ordering": try ordering()
        case "case-analysis": try caseAnalysis()
        default: throw Skip(reason: "the type \(item.type) has no QTI equivalent")
        }
    }

    /// The prompt as a `qti-prompt`.
    mutating func prompt() -> Markup {
        .tag("qti-prompt", [:], text.inline(item.prompt, field: "prompt"))
    }

    /// The prompt as a paragraph of the item body.
    mutating func promptParagraph() -> Markup {
        .tag("p", [:], text.inline(item.prompt, field: "prompt"))
    }
}

extension QTIItemWriter {
    /// An option read from the body: its Atelier id and its text.
    struct Option {
        var id: String
        var text: LocalizedText
        /// Its QTI identifier.
        var identifier: String { QTIIdentifier.make(id) }
    }

    /// The options listed under `key` in the body (`choices`, `premises`, `elements`…).
    func options(_ key: String) throws(Skip) -> [Option] {
        guard let elements = item.body[key]?.arrayValue, !elements.isEmpty else {
            throw Skip(reason: "its body has no \(key)")
        }
        var options: [Option] = []
        for element in elements {
            guard let id = element["id"]?.stringValue, let text = QTIItemWriter.localized(element["text"]) else {
                throw Skip(reason: "an entry of \(key) has no id or no text")
            }
            options.append(Option(id: id, text: text))
        }
        guard Set(options.map(\.id)).count == options.count else { throw Skip(reason: "two of its \(key) share an id") }
        return options
    }

    /// A localized text read from the body.
    static func localized(_ value: JSONValue?) -> LocalizedText? {
        guard let object = value?.objectValue else { return nil }
        var translations: [String: String] = [:]
        for member in object.members {
            guard let string = member.value.stringValue else { return nil }
            translations[member.key] = string
        }
        return LocalizedText(translations)
    }

    /// `qti-simple-choice`s for `options`.
    mutating func simpleChoices(_ options: [Option], field: String = "option") -> [Markup] {
        options.map { option in
            .tag("qti-simple-choice", ["identifier": option.identifier], text.inline(option.text, field: "\(field) \(option.id)"))
        }
    }

    /// A `qti-choice-interaction` on RESPONSE (or `responseIdentifier`) with the item's prompt.
    mutating func choiceInteraction(
        _ options: [Option],
        maxChoices: Int,
        shuffle: Bool,
        responseIdentifier: String = QTIScoring.response,
        prompt: Markup? = nil
    ) -> Markup {
        let promptMarkup = prompt ?? self.prompt()
        return .tag(
            "qti-choice-interaction",
            ["response-identifier": responseIdentifier, "max-choices": String(maxChoices), "shuffle": shuffle ? "true" : "false"],
            [promptMarkup] + simpleChoices(options)
        )
    }
}
