import Foundation

/// A text file split into numbered lines, with the lines that are not valid UTF-8 marked.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`; a UTF-8 byte order mark at the start is dropped. A line that is
/// not valid UTF-8 keeps its text with U+FFFD in place of the bad bytes, so that the importer can report it
/// and go on with the rest of the file.
struct SourceLines {
    /// One line of the file.
    struct Line {
        /// The line number, from 1.
        var number: Int
        /// The text, without the line ending.
        var text: String
        /// Whether the bytes of the line were valid UTF-8.
        var isValidUTF8: Bool

        /// The text with leading and trailing white space removed.
        var trimmed: Substring { text.trimmingWhiteSpace() }

        /// Whether the line holds only white space.
        var isBlank: Bool { text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }

        /// The 1-based column, in Unicode scalars, of the first character that is not white space.
        var firstColumn: Int {
            (text.unicodeScalars.firstIndex { !$0.properties.isWhitespace }).map {
                text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) + 1
            } ?? 1
        }
    }

    /// The lines, in order.
    var lines: [Line]

    /// Splits `data` into lines.
    init(_ data: Data) {
        var lines: [Line] = []
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            var index = start
            var number = 1
            func emit(_ end: Int) {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let text = String(validating: slice, as: UTF8.self) {
                    lines.append(Line(number: number, text: text, isValidUTF8: true))
                } else {
                    lines.append(Line(number: number, text: String(decoding: slice, as: UTF8.self), isValidUTF8: false))
                }
                number += 1
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    emit(index)
                    index += 1
                    start = index
                } else if byte == 0x0D {
                    emit(index)
                    index += (index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                    start = index
                } else {
                    index += 1
                }
            }
            if start < bytes.count { emit(bytes.count) }
        }
        self.lines = lines
    }
}
