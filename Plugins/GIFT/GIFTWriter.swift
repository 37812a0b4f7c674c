/// Writes the pieces of GIFT text: escaped texts, numbers and answer weights.
enum GIFTWriter {
    /// `text` with GIFT's special characters escaped as Moodle's exporter does: `\`, `~`, `=`, `#`, `{`,
    /// `}` and `:` get a backslash, a new line becomes `\n`, carriage returns are dropped.
    static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "~", "=", "#", "{", "}", ":":
                output.unicodeScalars.append("\\")
                output.unicodeScalars.append(scalar)
            case "\n": output += "\\n"
            case "\r": continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A question or answer text: escaped, and after `[moodle]` when it would otherwise be read as starting
    /// with a format prefix such as `[html]`.
    static func text(_ text: String) -> String {
        (GIFTTextFormat.looksPrefixed(text) ? "[moodle]" : "") + escaped(text)
    }

    /// A number as GIFT reads it: integers without a fraction, others in their shortest exact form.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// An answer weight in percent, such as `%33.33333%` or `%-50%` (five decimals at most, which Moodle's
    /// weight pattern reads and its list of grades recognizes).
    static func weight(_ percent: Double) -> String {
        "%" + number((percent * 100_000).rounded() / 100_000) + "%"
    }
}
