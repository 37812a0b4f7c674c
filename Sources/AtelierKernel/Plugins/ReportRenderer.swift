import Foundation

/// A report as a plain value: a title and sections of paragraphs and tables, with nothing about how it
/// is drawn. Evaluations build one; ``ReportRenderer`` plugins turn it into text, CSV, JSON or HTML.
public struct ReportDocument: Sendable, Codable, Equatable {
    /// The report's title.
    public var title: String
    /// The language it is written in (decides direction for renderers that care).
    public var language: String
    /// Facts about the whole report (session, dates, generated at…).
    public var metadata: [Field]
    /// The body.
    public var sections: [Section]

    /// Creates a report.
    public init(title: String, language: String, metadata: [Field] = [], sections: [Section] = []) {
        self.title = title
        self.language = language
        self.metadata = metadata
        self.sections = sections
    }

    /// A labelled value.
    public struct Field: Sendable, Codable, Equatable {
        public var label: String
        public var value: String
        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A section with a heading.
    public struct Section: Sendable, Codable, Equatable {
        public var heading: String
        public var blocks: [Block]
        public init(heading: String, blocks: [Block]) {
            self.heading = heading
            self.blocks = blocks
        }
    }

    /// A paragraph, a highlighted summary, a table or a chart.
    public enum Block: Sendable, Codable, Equatable {
        /// Running text.
        case paragraph(String)
        /// The sentence a reader copies (for instance into a donor report); drawn prominently.
        case highlight(String)
        /// A table.
        case table(Table)
        /// A chart; renderers that cannot draw fall back to ``Chart/table``.
        case chart(Chart)
    }

    /// A table; `nil` cells are suppressed or missing values, drawn as renderers see fit.
    public struct Table: Sendable, Codable, Equatable {
        public var columns: [String]
        public var rows: [[String?]]
        public var note: String?
        public init(columns: [String], rows: [[String?]], note: String? = nil) {
            self.columns = columns
            self.rows = rows
            self.note = note
        }
    }
}

/// Turns a ``ReportDocument`` into one output format.
public protocol ReportRenderer: Sendable {
    /// The format's short name, such as `html` or `csv`. Unique in a registry.
    var format: String { get }
    /// The media type of the output.
    var mediaType: String { get }

    /// Renders the report.
    func render(_ report: ReportDocument) throws -> Data
}
