import AtelierKernel
import CSV
import Foundation

/// CSV as Excel and LibreOffice write and read it: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
/// quoting, `,` or `;` (or a tab) as the delimiter. Parsing and quoting are CSV.swift's; this type adds what
/// spreadsheets need around it: the delimiter found in the header, the byte-order mark, Windows-1252 files,
/// row numbers as a spreadsheet shows them, blank rows skipped, limits, and the formula guard on writing.
public struct CSVSpreadsheetCodec: SpreadsheetCodec {
    public let format = "csv"

    /// The most data rows read.
    public static let maxRows = 100_000

    /// Creates the codec.
    public init() {}

    public func read(_ data: Data) throws(AtelierKernel.CSVError) -> CSVTable {
        guard var text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
            throw AtelierKernel.CSVError(row: 1, message: "the file is not text; save the sheet as CSV UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        try Self.requireClosedQuotes(text)
        let delimiter = Self.delimiter(ofFirstLineOf: text)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: true, delimiter: delimiter)
        } catch {
            throw AtelierKernel.CSVError(row: 1, message: "the file cannot be read as CSV (\(error)); save the sheet as CSV UTF-8")
        }
        // Records with their row number as a spreadsheet shows it: blank rows (an empty line, or only
        // delimiters, as Excel saves empty rows) are skipped but still counted.
        var records: [(number: Int, cells: [String])] = []
        var number = 0
        while let record = reader.next() {
            number += 1
            if record.allSatisfy(\.isEmpty) { continue }
            records.append((number, record))
            if records.count > Self.maxRows + 1 {
                throw AtelierKernel.CSVError(row: number, message: "more than \(Self.maxRows) rows; split the file")
            }
        }
        if let error = reader.error {
            throw AtelierKernel.CSVError(row: number + 1, message: "the file cannot be read as CSV (\(error))")
        }
        guard let headerRecord = records.first else {
            throw AtelierKernel.CSVError(row: 1, message: "the file is empty: a header row is expected")
        }
        let header = headerRecord.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [CSVTable.Row] = []
        for record in records.dropFirst() {
            let cells = record.cells
            if cells.count > header.count, cells[header.count...].contains(where: { !$0.isEmpty }) {
                throw AtelierKernel.CSVError(
                    row: record.number,
                    message: "\(cells.count) cells but the header has \(header.count) columns (a delimiter inside a cell must be quoted)"
                )
            }
            var padded = Array(cells.prefix(header.count))
            while padded.count < header.count { padded.append("") }
            rows.append(CSVTable.Row(number: record.number, cells: padded))
        }
        return CSVTable(header: header, rows: rows, delimiter: Character(delimiter))
    }

    public func write(_ rows: [[String]], options: SpreadsheetOptions) -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        // A writer on a memory stream only fails if the stream cannot open, which a memory stream always can.
        guard let writer = try? CSVWriter(stream: stream, delimiter: String(options.delimiter), newline: .crlf) else { return Data() }
        for row in rows {
            try? writer.write(row: row.map { options.protectFormulas ? Self.guarded($0) : $0 })
        }
        stream.close()
        var data = options.byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()
        data.append((stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data) ?? Data())
        if !rows.isEmpty { data.append(contentsOf: [0x0D, 0x0A]) }
        return data
    }

    /// The cell with a leading `'` when a spreadsheet would run it as a formula: it starts with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return and is not a plain number (CSV injection).
    static func guarded(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        let number = cell.replacingOccurrences(of: ",", with: ".")
        return Double(number) != nil && !number.contains(where: \.isLetter) ? cell : "'" + cell
    }

    /// The delimiter used most, outside quotes, in the first line: `;`, a tab or `,`.
    static func delimiter(ofFirstLineOf text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && (scalar == "\n" || scalar == "\r") {
                break
            } else if !inQuotes, counts[scalar] != nil {
                counts[scalar, default: 0] += 1
            }
        }
        // The most used; on a tie (or none at all) the first of `,` `;` tab.
        var best: Unicode.Scalar = ","
        for candidate: Unicode.Scalar in [";", "\t"] where counts[candidate, default: 0] > counts[best, default: 0] { best = candidate }
        return best
    }

    /// Fails on a quote left open, naming the row (as a spreadsheet counts rows) where its cell starts.
    static func requireClosedQuotes(_ text: String) throws(AtelierKernel.CSVError) {
        var inQuotes = false
        var row = 1
        var openedAt = 1
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") {
                if !inQuotes { openedAt = row }
                inQuotes.toggle()
            } else if byte == UInt8(ascii: "\n") && !inQuotes {
                row += 1
            }
        }
        if inQuotes { throw AtelierKernel.CSVError(row: openedAt, message: "a quoted cell is not closed (a '\"' is missing)") }
    }
}
