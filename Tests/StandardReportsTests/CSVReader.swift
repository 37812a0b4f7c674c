/// A small RFC 4180 reader, independent of the renderer: records separated by CRLF, fields by the
/// delimiter, quoted fields may hold delimiters, line breaks and doubled quotes.
enum CSVReader {
    enum Failure: Error {
        case bareQuote(record: Int)
        case unterminatedQuote
        case bareLineFeed(record: Int)
        case textAfterClosingQuote(record: Int)
    }

    /// The records of `text` (without its byte order mark); an empty line is one empty field.
    static func records(_ text: String, delimiter: Unicode.Scalar = ",") throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        var inQuotes = false
        var fieldStarted = false
        var quoteClosed = false
        while let scalar = scalars.popFirst() {
            if inQuotes {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.append("\"")
                    } else {
                        inQuotes = false
                        quoteClosed = true
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard !fieldStarted else { throw Failure.bareQuote(record: records.count) }
                inQuotes = true
                fieldStarted = true
            case delimiter:
                record.append(String(field))
                field = String.UnicodeScalarView()
                fieldStarted = false
                quoteClosed = false
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Failure.bareLineFeed(record: records.count) }
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
                fieldStarted = false
                quoteClosed = false
            case "\n":
                throw Failure.bareLineFeed(record: records.count)
            default:
                guard !quoteClosed else { throw Failure.textAfterClosingQuote(record: records.count) }
                field.append(scalar)
                fieldStarted = true
            }
        }
        guard !inQuotes else { throw Failure.unterminatedQuote }
        if fieldStarted || !record.isEmpty || !field.isEmpty {
            record.append(String(field))
            records.append(record)
        }
        return records
    }
}
