import AtelierKernel
import Foundation

/// Reads Moodle XML question files (`<quiz>`, as Moodle's `qformat_xml` writes them) into Atelier items.
///
/// - `category` questions set the `category` of the items that follow (the path is kept as written).
/// - `multichoice` becomes single-choice (`<single>true</single>`) or multiple-response; `truefalse`,
///   `shortanswer`, `numerical`, `matching` and `ordering` (qtype_ordering) become the item types of the
///   same names. Every other type (essay, description, calculated, ddwtos, gapselect, multianswer,
///   random…) is skipped with a warning naming the type and its line.
/// - `<name>` gives the id (its slug), `<idnumber>` the `externalId`, `<defaultgrade>` the `points` (when
///   it is not 1), `<generalfeedback>` the `feedback`.
/// - HTML becomes plain text (tags removed, entities decoded, line breaks kept at `<br>` and `</p>`).
/// - A text with `filter_multilang` blocks gives every requested language it has; any other text goes to
///   the first requested language.
/// - What Atelier cannot hold (partial credit, per-answer and combined feedback, hints, images, extra
///   units) is reported as a warning with its line. A question missing a required part (no answers, no
///   right answer) is an error with its line, and the other questions still import. A file that is not
///   well-formed XML is one error with the parser's line and column.
///
/// ```swift
/// let result = MoodleXMLImporter().importItems(from: data, file: "export.xml", languages: ["fr"])
/// ```
public struct MoodleXMLImporter: ContentImporter {
    /// Bounds on the input.
    public struct Limits: Sendable {
        /// The largest file read, in bytes.
        public var maxFileBytes: Int
        /// The most questions imported from one file.
        public var maxQuestions: Int

        /// Creates limits.
        public init(maxFileBytes: Int = 16 * 1024 * 1024, maxQuestions: Int = 5_000) {
            self.maxFileBytes = maxFileBytes
            self.maxQuestions = maxQuestions
        }
    }

    /// The format's name in the registry: `moodle-xml`.
    public let format = "moodle-xml"
    /// The file name extensions read.
    public let fileExtensions = ["xml"]
    /// Bounds on the input.
    public let limits: Limits

    /// The Moodle question types read (`match` is the older name of `matching`).
    static let supportedTypes = ["multichoice", "truefalse", "shortanswer", "numerical", "matching", "match", "ordering"]

    /// Creates the importer.
    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Converts a Moodle XML file into Atelier items.
    ///
    /// - Parameters:
    ///   - data: the file's bytes (UTF-8, or the encoding its XML declaration names).
    ///   - file: its name, for diagnostics.
    ///   - languages: the languages of the items; texts without multilang blocks go to the first
    ///     (`fr` when the list is empty).
    /// - Returns: the items, with `"objectives": []`, and every problem and loss with its line.
    public func importItems(from data: Data, file: String, languages: [String]) -> ImportResult {
        let languages = languages.isEmpty ? ["fr"] : languages
        func failure(_ code: String, _ message: String, at location: SourceLocation = .start, hint: String? = nil) -> ImportResult {
            ImportResult(
                items: [],
                diagnostics: [Diagnostic(severity: .error, code: code, file: file, location: location, pointer: .root, message: message, hint: hint)]
            )
        }
        guard data.count <= limits.maxFileBytes else {
            return failure(
                "file-too-large",
                "the file is \(data.count) bytes; Moodle XML files are read up to \(limits.maxFileBytes) bytes",
                hint: "export the question bank category by category"
            )
        }
        let root: XMLNode
        do {
            root = try XMLTreeReader().parse(data)
        } catch {
            return failure("xml-syntax", error.message, at: error.location, hint: error.hint)
        }
        guard root.name == "quiz" else {
            return failure(
                "not-moodle-xml",
                "the root element is <\(root.name)>; a Moodle XML file has <quiz>",
                at: root.location,
                hint: "export the questions from Moodle's question bank in the “Moodle XML format”"
            )
        }
        var items: [JSONValue] = []
        var diagnostics: [Diagnostic] = []
        var ids = ItemIDAllocator()
        var category: String?
        var ordinal = 0
        for node in root.children("question") {
            var question = MoodleQuestion(node: node, languages: languages)
            if question.type == "category" {
                let path = (node.child("category").flatMap { $0.childText("text") ?? $0.text })?.trimmingCharacters(in: .whitespacesAndNewlines)
                category = (path?.isEmpty ?? true) ? nil : path
                continue
            }
            ordinal += 1
            if ordinal > limits.maxQuestions {
                diagnostics.append(
                    Diagnostic(
                        severity: .error,
                        code: "too-many-questions",
                        file: file,
                        location: node.location,
                        pointer: .root,
                        message: "the file has more than \(limits.maxQuestions) questions; the rest are not imported",
                        hint: "export the question bank category by category"
                    )
                )
                break
            }
            guard MoodleXMLImporter.supportedTypes.contains(question.type) else {
                diagnostics.append(MoodleXMLImporter.unsupported(question, file: file))
                continue
            }
            do {
                let item = try MoodleXMLImporter.item(from: &question, id: &ids, ordinal: ordinal, category: category)
                items.append(item)
                diagnostics += question.warnings.map { $0.diagnostic(in: file) }
            } catch {
                diagnostics.append(
                    Diagnostic(
                        severity: .error,
                        code: error.code,
                        file: file,
                        location: error.location,
                        pointer: .root,
                        message: error.message,
                        hint: error.hint
                    )
                )
            }
        }
        return ImportResult(items: items, diagnostics: diagnostics.sortedForDisplay())
    }

    /// Converts one supported question into an Atelier item object.
    private static func item(
        from question: inout MoodleQuestion,
        id ids: inout ItemIDAllocator,
        ordinal: Int,
        category: String?
    ) throws(QuestionProblem) -> JSONValue {
        guard let prompt = question.localizedText(question.node.child("questiontext"), what: "the question text", defaultFormat: "html") else {
            throw question.problem(
                "missing-part",
                "it has no question text",
                hint: "write the question in <questiontext><text>…</text></questiontext>"
            )
        }
        let converted: ConvertedBody
        switch question.type {
        case "multichoice": converted = try question.convertMultichoice()
        case "truefalse": converted = try question.convertTrueFalse()
        case "shortanswer": converted = try question.convertShortAnswer()
        case "numerical": converted = try question.convertNumerical()
        case "matching", "match": converted = try question.convertMatching()
        default: converted = try question.convertOrdering()
        }
        let feedback = question.localizedText(
            question.node.child("generalfeedback"),
            what: "the general feedback",
            defaultFormat: question.questionTextFormat
        )
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(ids.allocate(name: question.name, ordinal: ordinal))),
            ("type", .string(converted.type)),
            ("objectives", []),
        ]
        if let points = points(of: &question) { members.append(("points", .number(points))) }
        members.append(("prompt", prompt.json(ordered: question.languages)))
        members.append(("body", converted.body))
        if let feedback { members.append(("feedback", feedback.json(ordered: question.languages))) }
        if let idnumber = question.node.childText("idnumber"), !idnumber.isEmpty {
            members.append(("externalId", .string(String(idnumber.prefix(255)))))
        }
        if let category { members.append(("category", .string(String(category.prefix(1000))))) }
        reportDroppedExtras(of: &question)
        return .object(JSONObject(members))
    }

    /// The points of a question whose `<defaultgrade>` is above 0 and not 1.
    private static func points(of question: inout MoodleQuestion) -> Double? {
        guard let text = question.node.childText("defaultgrade"), let grade = MoodleQuestion.number(text) else { return nil }
        if grade <= 0 {
            question.warn(
                "zero-grade",
                "question \(question.displayName): its default mark is \(text), so Moodle does not score it; it is imported worth 1 point",
                hint: "set the points in the bank if it should weigh otherwise"
            )
            return nil
        }
        return abs(grade - 1) < 1e-9 ? nil : grade
    }

    /// Reports hints and tags, which Atelier items do not have.
    private static func reportDroppedExtras(of question: inout MoodleQuestion) {
        let hints = question.node.children("hint").filter { !HTMLPlainText(html: $0.childText("text") ?? "").text.isEmpty }
        if let first = hints.first {
            question.warn(
                "hints-dropped",
                "question \(question.displayName): its \(hints.count) hint\(hints.count == 1 ? " is" : "s are") dropped; Atelier items are answered once",
                at: first.location
            )
        }
        let tags = (question.node.child("tags")?.children("tag") ?? []).compactMap { $0.childText("text") }.filter { !$0.isEmpty }
        if !tags.isEmpty {
            question.note(
                "tags-dropped",
                "question \(question.displayName): its tags (\(tags.joined(separator: ", "))) are not imported",
                at: question.node.child("tags")?.location
            )
        }
    }

    /// The warning for a question of a type Atelier does not read.
    private static func unsupported(_ question: MoodleQuestion, file: String) -> Diagnostic {
        let type = question.type
        let hint: String
        switch type {
        case "essay": hint = "an essay is marked by hand; Atelier items carry an answer key"
        case "description": hint = "a description asks nothing; put its text in the form's instructions"
        case "calculated", "calculatedsimple", "calculatedmulti":
            hint = "its numbers are drawn at random; write it as a numerical question with fixed numbers"
        case "ddwtos", "gapselect", "ddimageortext", "ddmarker": hint = "rewrite it as matching or multiple-choice questions"
        case "multianswer", "cloze": hint = "split its embedded answers into separate questions"
        case "random", "randomsamatch": hint = "export the questions it draws from instead"
        default: hint = "Atelier reads multichoice, truefalse, shortanswer, numerical, matching and ordering questions"
        }
        let message =
            type.isEmpty
            ? "question \(question.displayName) has no type attribute and is skipped"
            : "question \(question.displayName) is of Moodle's type '\(type)', which Atelier has no equivalent for; it is skipped"
        return Diagnostic(
            severity: .warning,
            code: "unsupported-question-type",
            file: file,
            location: question.node.location,
            pointer: .root,
            message: message,
            hint: hint
        )
    }
}
