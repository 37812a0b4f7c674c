import Foundation

/// Reads and writes spreadsheets (CSV) as Excel and LibreOffice produce and open them, with French and
/// Arabic text. A plugin, so that the kernel never hand-rolls quoting.
public protocol SpreadsheetCodec: Sendable {
    /// The format's short name, such as `csv`. Unique in a registry.
    var format: String { get }

    /// Reads a sheet: a header row and data rows, numbered as a spreadsheet numbers them.
    ///
    /// - Throws: ``CSVError`` naming the row and what to do.
    func read(_ data: Data) throws(CSVError) -> CSVTable

    /// Writes rows (the first is usually a header).
    func write(_ rows: [[String]], options: SpreadsheetOptions) -> Data
}

/// How a sheet is written.
public struct SpreadsheetOptions: Sendable {
    /// The delimiter: `,`, or `;` for spreadsheets set up for French, or a tab.
    public var delimiter: Character
    /// Whether to start with a UTF-8 byte-order mark, which Excel needs to read accents and Arabic.
    public var byteOrderMark: Bool
    /// Whether a cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return, and not a plain number) is written with a leading `'`.
    public var protectFormulas: Bool

    /// Creates options.
    public init(delimiter: Character = ",", byteOrderMark: Bool = true, protectFormulas: Bool = true) {
        self.delimiter = delimiter
        self.byteOrderMark = byteOrderMark
        self.protectFormulas = protectFormulas
    }
}

extension ReportDocument {
    /// Every table of the report (each chart's data table too), as spreadsheet rows: a title row, the
    /// header, the rows (suppressed cells empty), the note, and an empty row between tables. Every row is as
    /// wide as the widest table, so the sheet is a rectangle that any reader takes in one piece.
    public var spreadsheetRows: [[String]] {
        var rows: [[String]] = []
        for section in sections {
            for block in section.blocks {
                let titled: (title: String, table: ReportDocument.Table)
                switch block {
                case .table(let table): titled = (section.heading, table)
                case .chart(let chart): titled = (chart.title, chart.table)
                case .paragraph, .highlight: continue
                }
                rows.append([titled.title])
                rows.append(titled.table.columns)
                rows += titled.table.rows.map { $0.map { $0 ?? "" } }
                if let note = titled.table.note, !note.isEmpty { rows.append([note]) }
                rows.append([])
            }
        }
        let width = rows.map(\.count).max() ?? 0
        return rows.map { $0 + Array(repeating: "", count: width - $0.count) }
    }
}
