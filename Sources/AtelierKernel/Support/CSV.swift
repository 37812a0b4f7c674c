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

        /// Creates a row.
        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        /// Whether every cell is empty.
        public var isBlank: Bool { cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    /// The index of the column named `name`.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Creates a table.
    public init(header: [String], rows: [Row], delimiter: Character) {
        self.header = header
        self.rows = rows
        self.delimiter = delimiter
    }
}

/// Why a CSV file could not be read.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The row where the problem is (1 is the header).
    public var row: Int
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(row: Int, message: String) {
        self.row = row
        self.message = message
    }

    public var description: String { "row \(row): \(message)" }
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
