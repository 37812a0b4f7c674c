import AtelierKernel

/// What a QTI package says about the test as a whole: its identity and the form's delivery rules.
///
/// ```swift
/// let settings = QTIPackageSettings(identifier: "definitions.pre", title: "Définitions : pré-test")
/// let form = QTIPackageSettings(form: resolved.form, language: "fr")
/// ```
public struct QTIPackageSettings: Sendable {
    /// The test's identifier (an Atelier id such as a form id; made a valid QTI identifier when written).
    public var identifier: String
    /// The test's title.
    public var title: String
    /// Instructions shown before the items (a `qti-rubric-block` for the candidate).
    public var instructions: LocalizedText?
    /// The time allowed for the whole test, in minutes.
    public var timeLimitMinutes: Int?
    /// How wrong selections count in multiple-response items (Atelier's forms say; a bank does not).
    public var multipleResponsePolicy: MultipleResponsePolicy
    /// Whether items are presented in a random order.
    public var shuffleItems: Bool
    /// Whether the options of choice items are presented in a random order.
    public var shuffleChoices: Bool

    /// Creates settings; the defaults describe a plain list of items, multiple-response items scored with
    /// the proportional penalty that Atelier's forms use.
    public init(
        identifier: String,
        title: String,
        instructions: LocalizedText? = nil,
        timeLimitMinutes: Int? = nil,
        multipleResponsePolicy: MultipleResponsePolicy = .proportionalPenalty,
        shuffleItems: Bool = false,
        shuffleChoices: Bool = false
    ) {
        self.identifier = identifier
        self.title = title
        self.instructions = instructions
        self.timeLimitMinutes = timeLimitMinutes
        self.multipleResponsePolicy = multipleResponsePolicy
        self.shuffleItems = shuffleItems
        self.shuffleChoices = shuffleChoices
    }

    /// The settings of an Atelier form: its id, its title in `language` (its first language when
    /// `language` is `all`), instructions, time limit, multiple-response policy and shuffling.
    public init(form: AssessmentForm, language: String) {
        let titleLanguage = language == QTITextWriter.allLanguages ? (form.languages.first ?? "fr") : language
        self.init(
            identifier: form.id,
            title: form.title.resolved(in: titleLanguage),
            instructions: form.instructions,
            timeLimitMinutes: form.timeLimitMinutes,
            multipleResponsePolicy: form.multipleResponsePolicy,
            shuffleItems: form.shuffle.items,
            shuffleChoices: form.shuffle.choices
        )
    }

    /// The settings used when only items are given: a test named after nothing in particular.
    public static let plainItems = QTIPackageSettings(identifier: "atelier-items", title: "Atelier items")
}
