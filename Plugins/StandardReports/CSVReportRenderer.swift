import AtelierKernel
import Foundation

/// Renders every table of a report, charts' data included, as one CSV file that Excel opens correctly.
///
/// The file is UTF-8 with a byte order mark (without it Excel reads French and Arabic text as
/// Windows-1252), lines end with CRLF and fields are quoted as RFC 4180 says. Each table is preceded
/// by a row holding its section heading (or its chart's title) and followed by its note, if any, and
/// an empty row. Missing values are empty fields.
///
/// ```swift
/// let frenchExcel = CSVReportRenderer(delimiter: ";")
/// let data = try frenchExcel.render(report)
/// ```
public struct CSVReportRenderer: ReportRenderer {
    /// `csv`.
    public let format = "csv"
    /// `text/csv; charset=utf-8`.
    public let mediaType = "text/csv; charset=utf-8"
    /// What separates fields: `,` by default, `;` for Excel in French (where `,` is the decimal mark).
    public let delimiter: Character

    /// A delimiter that cannot separate fields.
    public struct UnusableDelimiter: Error, Equatable, CustomStringConvertible {
        /// The delimiter that was asked for.
        public let delimiter: Character
        /// A one-line explanation.
        public var description: String {
            "the CSV delimiter cannot be a double quote or a line break (got \(delimiter.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")))"
        }
    }

    /// Creates a renderer.
    /// - Parameter delimiter: the field separator; anything but a double quote or a line break.
    public init(delimiter: Character = ",") {
        self.delimiter = delimiter
    }

    /// Renders the report's tables.
    /// - Throws: ``UnusableDelimiter`` when the delimiter is a double quote or a line break.
    public func render(_ report: ReportDocument) throws -> Data {
        guard delimiter != "\"", !delimiter.isNewline else { throw UnusableDelimiter(delimiter: delimiter) }
        var output = "\u{FEFF}"
        for record in records(of: report) {
            output += record.map(field).joined(separator: String(delimiter))
            output += "\r\n"
        }
        return Data(output.utf8)
    }

    /// The file's rows, before quoting: for each table, its title row, header, rows, note and an empty row.
    func records(of report: ReportDocument) -> [[String]] {
        var records: [[String]] = []
        for section in report.sections {
            for block in section.blocks {
                let titled: (title: String, table: ReportDocument.Table)
                switch block {
                case .table(let table): titled = (section.heading, table)
                case .chart(let chart): titled = (chart.title, chart.dataTable)
                case .paragraph, .highlight: continue
                }
                let width = max(titled.table.columns.count, titled.table.rows.map(\.count).max() ?? 0)
                records.append([titled.title])
                records.append(padded(titled.table.columns, to: width))
                for row in titled.table.rows {
                    records.append(padded(row.map { $0 ?? "" }, to: width))
                }
                if let note = titled.table.note, !note.isEmpty {
                    records.append([note])
                }
                records.append([])
            }
        }
        return records
    }

    /// One field, guarded against formula injection then quoted if it must be.
    ///
    /// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and some skip a
    /// leading tab or carriage return first), so a participant's name or a free-text answer such as
    /// `=HYPERLINK("http://…")` or `-2+3+cmd|' /C calc'!A0` would run when a manager opens the file.
    /// Such a field gets a leading `'`, which Excel and LibreOffice read as "this is text" (OWASP's
    /// advice). Plain numbers (`-3`, `+12,5`, `-4 %`) are left alone, so they stay numbers.
    func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, Self.formulaTriggers.contains(first), !NumberShape.isPlainNumber(value) {
            value = "'" + value
        }
        // Scalar by scalar: a delimiter or quote followed by a combining mark is another Character,
        // yet a CSV reader still sees the byte.
        let special = Set(delimiter.unicodeScalars).union(["\"", "\r", "\n"])
        guard value.unicodeScalars.contains(where: special.contains) else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    private static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private func padded(_ row: [String], to width: Int) -> [String] {
        row + Array(repeating: "", count: max(width - row.count, 0))
    }
}
