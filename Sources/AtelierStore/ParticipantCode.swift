import Foundation

/// Participant codes and join codes, from an alphabet with no look-alikes: no 0/O, no 1/I/L.
///
/// A participant code is five random characters and a check character, so that a code mistyped from a
/// paper form (one wrong character, or two neighbours swapped) is caught instead of landing on someone else.
public enum ParticipantCode {
    /// The 31 characters codes use.
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// A new participant code, such as `K7M2QX`.
    public static func generate(using generator: inout some RandomNumberGenerator) -> String {
        let body = (0..<5).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(body) + String(checkCharacter(for: body))
    }

    /// A new join code for a session, such as `7KQM` (four characters, no check).
    public static func joinCode(using generator: inout some RandomNumberGenerator) -> String {
        String((0..<4).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// Whether `code` is a well-formed participant code with a correct check character.
    public static func isValid(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count == 6, characters.allSatisfy(alphabet.contains) else { return false }
        return checkCharacter(for: Array(characters.prefix(5))) == characters[5]
    }

    /// Upper-cases and trims a typed code, reading the look-alikes people write: O → 0 is not in the
    /// alphabet, so a typed O or 0 cannot be corrected and stays invalid.
    public static func normalize(_ typed: String) -> String {
        typed.trimmingCharacters(in: .whitespaces).uppercased()
    }

    private static func checkCharacter(for body: [Character]) -> Character {
        var sum = 0
        for (index, character) in body.enumerated() {
            sum += (index + 1) * (alphabet.firstIndex(of: character) ?? 0)
        }
        return alphabet[sum % alphabet.count]
    }
}
