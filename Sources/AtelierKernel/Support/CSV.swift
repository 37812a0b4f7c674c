import Foundation

/// A table read from a CSV file: a header and rows, each row with its number in the file.
///
/// Row numbers are what a spreadsheet shows: the header is row 1, the first data row is row 2.
public struct CSVTable: Sendable {
    /// The column names, trimmed.
    public var header: [String]
    /// The data rows.
    public var rows: [Row]
    /// The delimiter found in the header: `,`, `;` (French spreadsheets) or a tab.
    public var delimiter: Character

    /// One data row.
    public struct Row: Sendable {
        /// The row's number as a spreadsheet shows it (the header is 1).
        public var number: Int
        /// The cells, as many as the header has columns (missing cells are empty).
        public var cells: [String]

        /// Whether every cell is empty.
        public var isBlank: Bool { cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    /// The index of the column named `name`.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}

/// Why a CSV file could not be read.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The row where the problem is (1 is the header).
    public var row: Int
    /// What is wrong.
    public var message: String

    public var description: String { "row \(row): \(message)" }
}

/// Reads and writes CSV (RFC 4180) as spreadsheets produce it.
public enum CSV {
    /// The largest number of rows read.
    public static let maxRows = 100_000

    /// Parses CSV text.
    ///
    /// Accepts a byte order mark, CRLF or LF line ends, quoted fields with doubled quotes and line breaks,
    /// and `,`, `;` or tab as the delimiter (whichever the header uses). Blank lines are skipped.
    ///
    /// - Throws: ``CSVError`` for an unclosed quote, a row with more cells than the header, or an empty file.
    public static func parse(_ text: String) throws(CSVError) -> CSVTable {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let delimiter: Character = [";", "\t", ","].max { count($0, in: firstLine) < count($1, in: firstLine) } ?? ","
        var records: [(number: Int, cells: [String])] = []
        var cells: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var index = text.startIndex
        func endRecord() {
            cells.append(fieldWasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
            if !(cells.count == 1 && cells[0].isEmpty && !fieldWasQuoted) { records.append((recordLine, cells)) }
            cells = []
            field = ""
            fieldWasQuoted = false
        }
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if inQuotes {
                if character == "\"" {
                    if index < text.endIndex && text[index] == "\"" {
                        field.append("\"")
                        index = text.index(after: index)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.trimmingCharacters(in: .whitespaces).isEmpty:
                inQuotes = true
                fieldWasQuoted = true
                field = ""
            case delimiter:
                cells.append(fieldWasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
            if records.count > maxRows { throw CSVError(row: line, message: "more than \(maxRows) rows; split the file") }
        }
        if inQuotes { throw CSVError(row: recordLine, message: "a quoted cell is not closed (a '\"' is missing)") }
        if !field.isEmpty || !cells.isEmpty || fieldWasQuoted { endRecord() }
        guard let headerRecord = records.first else { throw CSVError(row: 1, message: "the file is empty: a header row is expected") }
        let header = headerRecord.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [CSVTable.Row] = []
        for (offset, record) in records.dropFirst().enumerated() {
            let number = offset + 2
            if record.cells.count > header.count, record.cells[header.count...].contains(where: { !$0.isEmpty }) {
                throw CSVError(
                    row: number,
                    message: "\(record.cells.count) cells but the header has \(header.count) columns (a delimiter inside a cell must be quoted)"
                )
            }
            var padded = Array(record.cells.prefix(header.count))
            while padded.count < header.count { padded.append("") }
            rows.append(CSVTable.Row(number: number, cells: padded))
        }
        return CSVTable(header: header, rows: rows, delimiter: delimiter)
    }

    private static func count(_ character: Character, in line: Substring) -> Int {
        var inQuotes = false
        var total = 0
        for candidate in line {
            if candidate == "\"" { inQuotes.toggle() } else if candidate == character && !inQuotes { total += 1 }
        }
        return total
    }

    /// Writes rows as CSV with CRLF line ends, quoting cells that need it.
    ///
    /// Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`) are prefixed
    /// with `'` unless they are numbers, so an export can never execute in Excel or LibreOffice.
    public static func write(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func escape(_ cell: String) -> String {
        var cell = cell
        if let first = cell.first, "=+-@".contains(first), Double(cell) == nil { cell = "'" + cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A problem in one cell of an imported sheet.
public struct SheetProblem: Sendable, Equatable, CustomStringConvertible {
    /// The row as a spreadsheet numbers it (the header is 1).
    public var row: Int
    /// The column.
    public var column: String
    /// What is wrong and what to write instead.
    public var message: String

    /// Creates a problem.
    public init(row: Int, column: String, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String { "row \(row), \(column): \(message)" }
}

extension String {
    /// The text with Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits read as 0–9, as people type
    /// numbers and codes on Arabic keyboards.
    public var withWesternDigits: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.map { scalar in
                    switch scalar.value {
                    case 0x0660...0x0669: Unicode.Scalar(scalar.value - 0x0660 + 0x30) ?? scalar
                    case 0x06F0...0x06F9: Unicode.Scalar(scalar.value - 0x06F0 + 0x30) ?? scalar
                    default: scalar
                    }
                }
            )
        )
    }
}
