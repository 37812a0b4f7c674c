import Foundation

/// Reads question banks written in another system's format (GIFT, Moodle XML, QTI, spreadsheets…).
///
/// Importers are plugins, registered like item types. An import never loses anything silently: what
/// cannot be represented is reported as a diagnostic with its line or row.
public protocol ContentImporter: Sendable {
    /// The format's short name, such as `gift` or `moodle-xml`. Unique in a registry.
    var format: String { get }
    /// File name extensions this importer reads, without the dot.
    var fileExtensions: [String] { get }

    /// Converts a file into Atelier items.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: its name, for diagnostics.
    ///   - languages: the languages the resulting items are written in.
    /// - Returns: the items (as Atelier JSON item objects) and what could not be converted.
    func importItems(from data: Data, file: String, languages: [String]) -> ImportResult
}

/// What an importer produced.
public struct ImportResult: Sendable {
    /// The items, as Atelier item objects.
    public var items: [JSONValue]
    /// Problems and losses, each with its location in the source file.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(items: [JSONValue], diagnostics: [Diagnostic]) {
        self.items = items
        self.diagnostics = diagnostics
    }
}

/// Writes Atelier items or results in another system's format.
public protocol ContentExporter: Sendable {
    /// The format's short name. Unique in a registry.
    var format: String { get }
    /// The media type of the output, such as `application/xml`.
    var mediaType: String { get }

    /// Converts items into the format.
    ///
    /// - Parameters:
    ///   - items: the items to write.
    ///   - language: the language to write when the format holds one only.
    /// - Returns: the file's bytes and what could not be represented.
    func export(_ items: [Item], language: String) -> ExportResult

    /// Converts a whole form: its items in order, with what the format can carry of the form itself (title,
    /// instructions, time limit, scoring policy). The default writes the items only.
    func export(form: ResolvedForm, language: String) -> ExportResult
}

extension ContentExporter {
    public func export(form: ResolvedForm, language: String) -> ExportResult {
        export(form.items.map(\.item), language: language)
    }
}

/// What an exporter produced.
public struct ExportResult: Sendable {
    /// The file's bytes.
    public var data: Data
    /// What the format could not represent (the export still succeeded).
    public var losses: [String]

    /// Creates a result.
    public init(data: Data, losses: [String]) {
        self.data = data
        self.losses = losses
    }
}
