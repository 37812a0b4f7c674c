import Foundation

/// An item type: how one kind of question is checked, shown to a participant and graded.
///
/// Item types are plugins. Each lives in its own module under `Plugins/`, depends on `AtelierKernel`
/// only, and is registered once in the composition root (`Sources/atelier/main.swift`). Content names it
/// by ``kind`` (`"type": "true-false"`); the kernel does the rest: schema checks of the body with line
/// and column, unanswered responses, points, presentation without secrets, and form totals.
///
/// Writing a new item type takes four steps:
///
/// ```swift
/// import AtelierKernel
///
/// /// A yes/no statement; the participant says whether it is true.
/// public struct TrueFalse: ItemType {
///     // 1. The body as authors write it, decoded once when content is loaded.
///     public struct Body: Codable, Sendable { public var answer: Bool }
///
///     public init() {}
///     public let kind = "true-false"
///     public let summary = "A statement (the prompt) that is true or false."
///
///     // 2. Its schema: drives editors' autocompletion and the structural checks.
///     public var bodySchema: Schema { .object([Property("answer", .boolean(summary: "Whether the statement is true."))]) }
///
///     // 3. Semantic checks the schema cannot express (a key that is not a choice, …).
///     public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {}
///
///     // 4. What the participant sees (never the key), grading, and the random-guess score.
///     public func present(_ body: Body, in context: PresentationContext) -> JSONValue { ["options": [true, false]] }
///     public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
///         guard case .bool(let value) = response else { return .invalid("expected true or false") }
///         return .scored(value == body.answer ? 1 : 0)
///     }
///     public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? { 0.5 }
///     public func correctResponse(for body: Body) -> JSONValue { .bool(body.answer) }
/// }
/// ```
///
/// Then add a target under `Plugins/` in `Package.swift`, and one line to the registry in
/// `Sources/atelier/main.swift`. The kernel does not change.
public protocol ItemType: Sendable {
    /// The body of an item of this type, as authors write it (including the answer key).
    associatedtype Body: Decodable & Sendable

    /// The kind string that content uses in `"type"`, such as `single-choice`. Unique in a registry.
    var kind: String { get }
    /// One sentence on what the item type is, shown in schemas and `--help`.
    var summary: String { get }
    /// The schema of the body. The kernel checks bodies against it before decoding them.
    var bodySchema: Schema { get }
    /// Whether items of this type count towards the score (a Likert scale does not).
    var isScored: Bool { get }

    /// Checks what the schema cannot: consistency of the key with the rest of the body.
    ///
    /// - Parameters:
    ///   - body: the decoded body.
    ///   - context: the item and the file's languages.
    ///   - diagnostics: where to report problems; pointers are relative to the body (`/answer`).
    func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics)

    /// What a participant sees, in one language, with nothing secret: no key, no per-choice credit, no
    /// feedback. The kernel adds the id, type, points and prompt around it.
    func present(_ body: Body, in context: PresentationContext) -> JSONValue

    /// Grades an answered response.
    ///
    /// The kernel handles a missing or `null` response (unanswered, 0) and multiplies the returned
    /// fraction by the item's points.
    ///
    /// - Returns: the fraction of the points earned, in 0…1, or ``ResponseGrade/invalid(_:)`` with a message
    ///   a participant or an integrator can act on when the response has the wrong shape.
    func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade

    /// The expected fraction of the points earned by answering at random (item analysis needs it), or
    /// `nil` when guessing has no meaning (free text, unscored items).
    func randomGuessFraction(for body: Body, in context: GradingContext) -> Double?

    /// A response that earns full credit (answer sheets for trainers, tests).
    func correctResponse(for body: Body) -> JSONValue

    /// The columns of an item of this type in a one-row-per-participant sheet (paper forms typed in, exports
    /// of survey tools), as suffixes after the item id: `[""]`, the default, is one column named by the id;
    /// a matching item uses one column per premise (`[".p1", ".p2"]`).
    func sheetColumns(for body: Body) -> [String]

    /// Reads a response from the item's cells, keyed by the suffixes of ``sheetColumns(for:)``.
    ///
    /// - Returns: `nil` when every cell is empty (unanswered), or a ``SheetCellError`` naming the cell and
    ///   what to write in it.
    func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError>
}

extension ItemType {
    /// Item types are scored unless they say otherwise.
    public var isScored: Bool { true }

    /// One column named by the item id.
    public func sheetColumns(for body: Body) -> [String] { [""] }

    /// Reads the single cell: empty is unanswered; a number or `true`/`false` as such; anything else as text.
    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        .success(SheetCell.value(cells[""]))
    }
}

/// A cell of a sheet that cannot be read as a response.
public struct SheetCellError: Error, Sendable, Equatable {
    /// The column's suffix after the item id (`""` for the item's only column).
    public var suffix: String
    /// What is wrong and what to write.
    public var message: String

    /// Creates an error.
    public init(suffix: String = "", _ message: String) {
        self.suffix = suffix
        self.message = message
    }
}

/// Helpers for reading cells typed from paper.
public enum SheetCell {
    /// The trimmed text, or `nil` when empty.
    public static func text(_ cell: String?) -> String? {
        guard let trimmed = cell?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// A generic reading: empty → nil, numbers and booleans as such, other text as a string.
    public static func value(_ cell: String?) -> JSONValue? {
        guard let text = text(cell) else { return nil }
        if let number = Double(text) { return .number(number) }
        if text.lowercased() == "true" { return .bool(true) }
        if text.lowercased() == "false" { return .bool(false) }
        return .string(text)
    }

    /// Yes/no as people write it in French, English or Arabic (also 1/0, o/n, y/n, v/f).
    public static func yesNo(_ cell: String) -> Bool? {
        let key = cell.trimmingCharacters(in: .whitespaces).lowercased().folding(options: .diacriticInsensitive, locale: nil)
        if ["1", "y", "yes", "o", "oui", "v", "vrai", "t", "true", "x", "نعم", "صحيح"].contains(key) { return true }
        if ["0", "n", "no", "non", "f", "faux", "false", "لا", "خطأ", "خطا"].contains(key) { return false }
        return nil
    }

    /// Ids separated by spaces, commas, semicolons, slashes or `>`.
    public static func list(_ cell: String) -> [String] {
        cell.split { " ,;/>|".contains($0) }.map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// What an item type's ``ItemType/check(_:in:diagnostics:)`` knows about the item.
public struct ItemCheckContext: Sendable {
    /// The item's id.
    public var itemID: String
    /// The languages the file declares.
    public var languages: [String]

    /// Creates a context.
    public init(itemID: String, languages: [String]) {
        self.itemID = itemID
        self.languages = languages
    }
}

/// How an item is being presented.
public struct PresentationContext: Sendable {
    /// The participant's language.
    public var language: String
    /// Whether choices may be shuffled.
    public var shuffleChoices: Bool
    /// The seed of the shuffle, so that one participant always sees the same order.
    public var seed: UInt64

    /// Creates a context.
    public init(language: String, shuffleChoices: Bool = false, seed: UInt64 = 0) {
        self.language = language
        self.shuffleChoices = shuffleChoices
        self.seed = seed
    }

    /// The text of `text` in the participant's language.
    public func localized(_ text: LocalizedText) -> String { text.resolved(in: language) }

    /// `elements` in presentation order: shuffled deterministically by `seed` when choices are shuffled.
    public func ordered<T>(_ elements: [T]) -> [T] {
        guard shuffleChoices, elements.count > 1 else { return elements }
        var generator = SeededGenerator(seed: seed)
        return elements.shuffled(using: &generator)
    }
}

/// How a response is graded.
public struct GradingContext: Sendable {
    /// The form's policy for wrong selections in multiple-response items.
    public var multipleResponsePolicy: MultipleResponsePolicy

    /// Creates a context.
    public init(multipleResponsePolicy: MultipleResponsePolicy = .proportionalPenalty) {
        self.multipleResponsePolicy = multipleResponsePolicy
    }
}

/// The outcome of grading an answered response.
public enum ResponseGrade: Sendable, Equatable {
    /// The fraction of the item's points earned, in 0…1.
    case scored(Double)
    /// The response has the wrong shape; the message says what was expected.
    case invalid(String)
}

/// A small deterministic random generator (SplitMix64), for reproducible shuffles.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
