/// The activity IRIs of an export, all below the platform's home page.
///
/// Ids from content and sessions are percent-encoded as path segments, so a session id with a space or an
/// accent still gives a valid IRI; the slugs Atelier uses for forms and items are left as they are.
struct ActivityIRI: Sendable {
    /// The home page, without a trailing slash.
    let homePage: String

    /// Creates the IRIs below `homePage` (trailing slashes are dropped).
    init(homePage: String) {
        var trimmed = Substring(homePage)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        self.homePage = String(trimmed)
    }

    /// A form: `<homePage>/activities/forms/<formId>`.
    func form(_ formID: String) -> String { "\(homePage)/activities/forms/\(Self.segment(formID))" }

    /// An item of a form: `<homePage>/activities/forms/<formId>/items/<itemId>`.
    func item(_ itemID: String, in formID: String) -> String { "\(form(formID))/items/\(Self.segment(itemID))" }

    /// A training session: `<homePage>/activities/sessions/<sessionId>`.
    func session(_ sessionID: String) -> String { "\(homePage)/activities/sessions/\(Self.segment(sessionID))" }

    /// A program (the curriculum a session runs): `<homePage>/activities/programs/<programId>`.
    func program(_ programID: String) -> String { "\(homePage)/activities/programs/\(Self.segment(programID))" }

    /// A phase of the evaluation, `pre` or `post`: `<homePage>/activities/phases/<phase>`.
    func phase(_ phase: String) -> String { "\(homePage)/activities/phases/\(Self.segment(phase))" }

    /// `text` with every byte outside RFC 3986's unreserved characters percent-encoded.
    static func segment(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(digits[Int(byte >> 4)])
                encoded.unicodeScalars.append(digits[Int(byte & 0x0F)])
            }
        }
        return encoded
    }
}
