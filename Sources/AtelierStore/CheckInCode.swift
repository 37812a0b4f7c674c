import AtelierKernel
import Foundation

/// The day's check-in code of a slot: four characters the trainer announces, derived from a secret kept in
/// the database, so the CLI and the server agree without storing codes.
public enum CheckInCode {
    /// The name of the setting that holds the secret.
    public static let settingName = "cookie-secret"

    /// The code of `slot` in `session`.
    public static func code(secret: String, session: String, slot: String) -> String {
        let mac = SHA256.hmac(key: Array(secret.utf8), message: Array("check-in|\(session)|\(slot)".utf8))
        return String(mac.prefix(4).map { ParticipantCode.alphabet[Int($0) % ParticipantCode.alphabet.count] })
    }

    /// A new random secret.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
