import Foundation

/// Item marks read from a CSV file made elsewhere (another LMS, a survey tool, a spreadsheet): one row
/// per participant or attempt, one column per item, each mark a fraction 0…1 of the item's maximum.
///
/// The header's first cell names the id column; its other cells are item ids. A blank cell is an
/// unanswered item: it scores 0 and is counted in ``blanks``. The delimiter is found in the header
/// (`,`, `;` as French spreadsheets write, or a tab); with `;` or a tab a decimal comma (`0,5`) is
/// accepted. Quoted cells follow RFC 4180. The reader works on bytes, so a file of 100,000 rows by
/// 40 items reads in a fraction of a second.
///
/// ```swift
/// let pre = try MarksTable(csv: Data(contentsOf: url), file: "pre.csv")
/// pre.score(row: 0)  // 62.5, the row's percentage
/// ```
public struct MarksTable: Sendable {
    /// The file name used in messages.
    public var file: String
    /// The header of the id column.
    public var idColumn: String
    /// The item ids, in column order.
    public var itemIDs: [String]
    /// The row ids, in file order.
    public var rowIDs: [String]
    /// The marks, row after row (`rowIDs.count × itemIDs.count`); blanks are 0.
    public var marks: [Double]
    /// The number of blank cells per item.
    public var blanks: [Int]

    /// The most rows a file may have.
    public static let maxRows = 2_000_000
    /// The most item columns a file may have.
    public static let maxItems = 5_000

    /// The number of rows.
    public var rowCount: Int { rowIDs.count }

    /// The mark of `item` (a column index) in `row`.
    public func mark(row: Int, item: Int) -> Double { marks[row * itemIDs.count + item] }

    /// The row's score in percent: 100 × the mean of its marks.
    public func score(row: Int) -> Double {
        guard !itemIDs.isEmpty else { return 0 }
        var sum = 0.0
        for item in 0..<itemIDs.count { sum += marks[row * itemIDs.count + item] }
        return sum / Double(itemIDs.count) * 100
    }

    /// Creates a table from values (for tests and for data already in memory).
    public init(file: String, idColumn: String, itemIDs: [String], rowIDs: [String], marks: [Double], blanks: [Int]? = nil) {
        self.file = file
        self.idColumn = idColumn
        self.itemIDs = itemIDs
        self.rowIDs = rowIDs
        self.marks = marks
        self.blanks = blanks ?? Array(repeating: 0, count: itemIDs.count)
    }

    /// Reads a marks file.
    ///
    /// - Parameters:
    ///   - data: the file's bytes (UTF-8, with or without a byte-order mark).
    ///   - file: the name to use in messages.
    /// - Throws: ``MarksTableError`` naming the line, column and what to do.
    public init(csv data: Data, file: String) throws(MarksTableError) {
        let bytes = [UInt8](data)
        var reader = MarksCSVReader(bytes: bytes, file: file)
        try reader.read()
        self.file = file
        idColumn = reader.header.first ?? ""
        itemIDs = Array(reader.header.dropFirst())
        rowIDs = reader.rowIDs
        marks = reader.marks
        blanks = reader.blanks
    }
}

/// Why a marks file could not be read: where, and what to do.
public struct MarksTableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The line (1-based) and column (1-based cell index) of the problem.
    public var line: Int
    public var column: Int
    /// What is wrong and how to fix it.
    public var message: String

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// A byte-level CSV reader specialised for marks: header of ids, then an id and numbers per row.
private struct MarksCSVReader {
    let bytes: [UInt8]
    let file: String
    var header: [String] = []
    var rowIDs: [String] = []
    var marks: [Double] = []
    var blanks: [Int] = []
    var position = 0
    var line = 1
    var delimiter = UInt8(ascii: ",")

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    func failure(_ message: String, line: Int? = nil, column: Int) -> MarksTableError {
        MarksTableError(file: file, line: line ?? self.line, column: column, message: message)
    }

    mutating func read() throws(MarksTableError) {
        delimiter = detectDelimiter()
        var headerCells: [String] = []
        let headerLine = line
        guard try readRecord(into: &headerCells), !headerCells.allSatisfy({ $0.isEmpty }) else {
            throw failure("the file is empty; the first row must name the id column, then one column per item", column: 1)
        }
        header = headerCells.map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.count >= 2 else {
            throw failure(
                "the header has no item columns; write the id column's name, then one column per item id (delimiter ',' or ';')",
                line: headerLine,
                column: 1
            )
        }
        guard header.count - 1 <= MarksTable.maxItems else {
            throw failure("the header has \(header.count - 1) item columns; at most \(MarksTable.maxItems) are read", line: headerLine, column: 1)
        }
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.isEmpty {
                throw failure("column \(index + 1) of the header is empty; give every column a name", line: headerLine, column: index + 1)
            }
            if let first = seen[name] {
                throw failure(
                    "the header names '\(name)' twice (columns \(first + 1) and \(index + 1)); item ids must be unique",
                    line: headerLine,
                    column: index + 1
                )
            }
            seen[name] = index
        }
        let itemCount = header.count - 1
        blanks = Array(repeating: 0, count: itemCount)
        var rowLines: [String: Int] = [:]
        var cells: [Range<Int>] = []
        cells.reserveCapacity(header.count)
        while position < bytes.count {
            let recordLine = line
            let quoted = try readRawRecord(into: &cells)
            if cells.count == 1 && cells[0].isEmpty && !quoted { continue }  // an empty line
            guard cells.count == header.count else {
                throw failure(
                    "this row has \(cells.count) cells but the header has \(header.count); every row needs an id and one mark per item (leave a cell empty for an unanswered item)",
                    line: recordLine,
                    column: min(cells.count, header.count) + 1
                )
            }
            let id = text(cells[0])
            guard !id.isEmpty else {
                throw failure("the \(header[0]) cell is empty; every row needs the participant's code", line: recordLine, column: 1)
            }
            if let earlier = rowLines[id] {
                throw failure(
                    "'\(id)' already has a row (line \(earlier)); keep one row per participant or attempt",
                    line: recordLine,
                    column: 1
                )
            }
            guard rowIDs.count < MarksTable.maxRows else {
                throw failure("the file has more than \(MarksTable.maxRows) rows; split it", line: recordLine, column: 1)
            }
            rowLines[id] = recordLine
            rowIDs.append(id)
            for item in 0..<itemCount {
                let cell = cells[item + 1]
                if let value = number(cell) {
                    guard value >= 0, value <= 1 else {
                        throw failure(
                            "'\(text(cell))' for item \(header[item + 1]) is outside 0…1; write the mark as a fraction of the item's maximum (0.5 for half marks)",
                            line: recordLine,
                            column: item + 2
                        )
                    }
                    marks.append(value)
                } else if isBlank(cell) {
                    blanks[item] += 1
                    marks.append(0)
                } else {
                    let shown = text(cell)
                    let hint = shown.hasSuffix("%") ? " (write 0.5 rather than 50%)" : ""
                    throw failure(
                        "'\(shown)' for item \(header[item + 1]) is not a number; write a fraction 0…1 of the item's maximum\(hint), or leave the cell empty if unanswered",
                        line: recordLine,
                        column: item + 2
                    )
                }
            }
        }
    }

    /// The delimiter that occurs most often, outside quotes, in the first line.
    func detectDelimiter() -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                break
            } else if !inQuotes, counts[byte] != nil {
                counts[byte, default: 0] += 1
            }
            index += 1
        }
        let best = counts.max { ($0.value, $0.key == UInt8(ascii: ",") ? 1 : 0) < ($1.value, $1.key == UInt8(ascii: ",") ? 1 : 0) }
        return (best?.value ?? 0) > 0 ? (best?.key ?? UInt8(ascii: ",")) : UInt8(ascii: ",")
    }

    /// Reads one record into decoded strings (for the header).
    mutating func readRecord(into cells: inout [String]) throws(MarksTableError) -> Bool {
        var ranges: [Range<Int>] = []
        guard position < bytes.count else { return false }
        _ = try readRawRecord(into: &ranges)
        cells = ranges.map { text($0) }
        return true
    }

    /// Reads one record as byte ranges of its cells (quotes included); returns whether any cell was
    /// quoted. Advances past the line end.
    mutating func readRawRecord(into cells: inout [Range<Int>]) throws(MarksTableError) -> Bool {
        cells.removeAll(keepingCapacity: true)
        var start = position
        var anyQuoted = false
        let startLine = line
        while true {
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                anyQuoted = true
                position += 1
                var closed = false
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "\"") {
                        if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                            position += 2
                            continue
                        }
                        position += 1
                        closed = true
                        break
                    }
                    if byte == 0x0A { line += 1 }
                    position += 1
                }
                guard closed else {
                    throw failure("a quoted cell is never closed; add the missing '\"'", line: startLine, column: cells.count + 1)
                }
            }
            while position < bytes.count, bytes[position] != delimiter, bytes[position] != 0x0A, bytes[position] != 0x0D {
                position += 1
            }
            cells.append(start..<position)
            if position < bytes.count, bytes[position] == delimiter {
                position += 1
                start = position
                continue
            }
            if position < bytes.count, bytes[position] == 0x0D { position += 1 }
            if position < bytes.count, bytes[position] == 0x0A { position += 1 }
            line += 1
            return anyQuoted
        }
    }

    /// The cell's text: quotes removed and doubled quotes undone, spaces trimmed.
    func text(_ range: Range<Int>) -> String {
        var slice = bytes[range]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        if slice.count >= 2, slice.first == UInt8(ascii: "\""), slice.last == UInt8(ascii: "\"") {
            let inner = String(decoding: slice.dropFirst().dropLast(), as: UTF8.self)
            return inner.replacingOccurrences(of: "\"\"", with: "\"").trimmingCharacters(in: .whitespaces)
        }
        return String(decoding: slice, as: UTF8.self)
    }

    func isBlank(_ range: Range<Int>) -> Bool {
        text(range).isEmpty
    }

    /// Parses a plain decimal quickly (`1`, `0`, `0.5`, `.25`, and `0,5` when the delimiter is not a
    /// comma); anything else goes through `Double(_:)`; `nil` when the cell is not a number.
    func number(_ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        var end = range.upperBound
        while index < end, bytes[index] == 0x20 { index += 1 }
        while end > index, bytes[end - 1] == 0x20 { end -= 1 }
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "\"") { return Double(text(range).replacingOccurrences(of: ",", with: "."))?.finite }
        var mantissa = 0
        var decimals = 0
        var digits = 0
        var sawPoint = false
        var cursor = index
        while cursor < end {
            let byte = bytes[cursor]
            if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa &* 10 &+ Int(byte - 0x30)
                if sawPoint { decimals += 1 }
                digits += 1
            } else if !sawPoint && (byte == UInt8(ascii: ".") || (byte == UInt8(ascii: ",") && delimiter != UInt8(ascii: ","))) {
                sawPoint = true
            } else {
                return Double(String(decoding: bytes[index..<end], as: UTF8.self))?.finite
            }
            cursor += 1
        }
        guard digits > 0 else { return nil }
        guard digits <= 15 else {
            return Double(String(decoding: bytes[index..<end], as: UTF8.self).replacingOccurrences(of: ",", with: "."))?.finite
        }
        // Both operands are exact, so the quotient is the correctly rounded value of the decimal.
        return Double(mantissa) / Self.powersOfTen[decimals]
    }

    static let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }
}
