import AtelierKernel

/// Finds where a start tag begins from where the XML parser says it ends.
///
/// `XMLParser` reports an element when its start tag is complete, with the line and column of the closing
/// `>`; a diagnostic should point at the `<`, which may be on an earlier line. The locator walks the bytes
/// forward as parsing proceeds (so a whole file costs one pass) and searches back from the `>` to the `<`.
/// Columns count Unicode scalars, as libxml2 and ``SourceLocation`` do.
struct TagStartLocator {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var column = 1
    /// The byte offset of the start of each line seen so far; index 0 is line 1.
    private var lineStarts = [0]

    /// Creates a locator over a file's bytes.
    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The location of the `<` of the start tag whose `>` the parser reports at `end`; `end` itself when
    /// the bytes there are not a `>` (the parser counted differently, say after a lone carriage return).
    mutating func tagStart(endingAt end: SourceLocation) -> SourceLocation {
        move(to: end)
        guard line == end.line, column == end.column, offset < bytes.count, bytes[offset] == UInt8(ascii: ">") else { return end }
        var index = offset
        var newlines = 0
        while index > 0 {
            index -= 1
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "\n") { newlines += 1 }
        }
        guard bytes[index] == UInt8(ascii: "<") else { return end }
        let startLine = line - newlines
        guard startLine >= 1, startLine <= lineStarts.count else { return end }
        let scalars = scalarCount(from: lineStarts[startLine - 1], to: index)
        return SourceLocation(line: startLine, column: scalars + 1)
    }

    private mutating func move(to target: SourceLocation) {
        if (target.line, target.column) < (line, column) {
            guard target.line >= 1, target.line <= lineStarts.count else { return }
            offset = lineStarts[target.line - 1]
            line = target.line
            column = 1
        }
        while offset < bytes.count, (line, column) < (target.line, target.column) {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") {
                offset += 1
                line += 1
                column = 1
                if line > lineStarts.count { lineStarts.append(offset) }
            } else {
                offset += TagStartLocator.scalarLength(leadingByte: byte)
                column += 1
            }
        }
        offset = min(offset, bytes.count)
    }

    private func scalarCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            index += TagStartLocator.scalarLength(leadingByte: bytes[index])
            count += 1
        }
        return count
    }

    /// The length of the UTF-8 sequence a byte starts (1 for a stray continuation byte, so that the walk
    /// always advances).
    private static func scalarLength(leadingByte byte: UInt8) -> Int {
        switch byte {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}
