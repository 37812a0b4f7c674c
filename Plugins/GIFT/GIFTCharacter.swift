/// One character of a GIFT question once escapes are resolved.
///
/// An escaped character (`\{`, `\~`, `\=`, `\#`, `\:`, `\}`, `\\`, or the new line of `\n`) is literal text
/// and never syntax.
struct GIFTCharacter {
    /// The character.
    var scalar: Unicode.Scalar
    /// Whether it was written with a backslash.
    var isEscaped: Bool
    /// The source line it is on (32 bits keep the character small: files are bounded well below that).
    var storedLine: Int32

    /// The source line it is on.
    var line: Int { Int(storedLine) }

    /// Creates a character.
    init(scalar: Unicode.Scalar, isEscaped: Bool, line: Int) {
        self.scalar = scalar
        self.isEscaped = isEscaped
        self.storedLine = Int32(clamping: line)
    }

    /// Whether this is the unescaped syntax character `syntax`.
    func isSyntax(_ syntax: Unicode.Scalar) -> Bool { !isEscaped && scalar == syntax }

    /// Whether this is white space (escaped new lines included).
    var isWhitespace: Bool { scalar.properties.isWhitespace }
}
