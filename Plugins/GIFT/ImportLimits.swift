/// Bounds on what the GIFT and Aiken importers read.
///
/// The values follow the Atelier item schema (text lengths, option counts), so that an imported item is
/// never rejected later by the content loader for a reason the importer could have reported.
enum ImportLimits {
    /// The largest file read, in bytes (a GIFT file of 10,000 questions is about 3 MB).
    static let maxFileBytes = 16 * 1024 * 1024
    /// The largest question read, in bytes: far above what the text limits allow once converted.
    static let maxQuestionBytes = 512 * 1024
    /// The most questions read from one file.
    static let maxQuestions = 20_000
    /// The longest prompt, option or feedback text, in characters.
    static let maxTextLength = 10_000
    /// The longest accepted answer of a short-text item, in characters.
    static let maxAcceptedAnswerLength = 200
    /// The longest category path, in characters.
    static let maxCategoryLength = 1_000
    /// The most choices of a single-choice item.
    static let maxSingleChoices = 12
    /// The most choices of a multiple-response item.
    static let maxMultipleChoices = 16
    /// The most premises of a matching item.
    static let maxPremises = 12
    /// The most targets of a matching item.
    static let maxTargets = 16
}
