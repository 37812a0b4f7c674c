/// QTI identifiers (`xs:NCName`) made from Atelier ids.
///
/// Atelier ids (`def-pre01`, `a`, `p1`, `def.o1`) are lower-case ASCII letters, digits, `-` and `.`, which
/// NCNames allow except as the first character: an id that starts with a digit, `-` or `.` gets a leading
/// `_`. Atelier ids never contain `_`, so the result cannot collide with another converted id. Any other
/// character (not produced by Atelier, but possible in hand-made items) becomes `_`.
enum QTIIdentifier {
    /// The NCName for the Atelier id `id`.
    static func make(_ id: String) -> String {
        var output = ""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_": output.unicodeScalars.append(scalar)
            default: output.append("_")
            }
        }
        guard let first = output.unicodeScalars.first else { return "_" }
        switch first {
        case "a"..."z", "A"..."Z", "_": return output
        default: return "_" + output
        }
    }
}
