import AtelierKernel
import AtelierStore
import Foundation
import Hummingbird
import Synchronization

/// A participant signed in on a phone: which session, which code, which language.
public struct ParticipantSession: Sendable, Equatable {
    public var sessionID: String
    public var code: String
    public var language: String
}

/// Signed cookies for participants (HMAC-SHA-256 with a secret kept in the database), CSRF tokens bound to
/// them, and a limit on join attempts against guessing.
public final class ParticipantSessions: Sendable {
    static let cookieName = "atelier"
    private let secret: [UInt8]
    private let store: any ServingStore
    private let failures = Mutex<[String: [Date]]>([:])
    /// Failed join attempts allowed per client address per window.
    let maxFailures = 10
    /// The window, in seconds.
    let window: TimeInterval = 300

    init(secret: [UInt8], store: any ServingStore) {
        self.secret = secret
        self.store = store
    }

    /// The cookie value for a participant.
    func cookie(for session: ParticipantSession) -> String {
        let payload = [session.sessionID, session.code, session.language].joined(separator: "|")
        let encoded = Data(payload.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        return encoded + "." + mac(encoded)
    }

    /// The `Set-Cookie` header value.
    func setCookie(for session: ParticipantSession) -> String {
        "\(ParticipantSessions.cookieName)=\(cookie(for: session)); Path=/; HttpOnly; SameSite=Strict; Max-Age=604800"
    }

    /// The signed-in participant, if the request carries a valid cookie of a registered participant.
    func participant(from request: Request) async -> ParticipantSession? {
        guard let value = request.cookies[ParticipantSessions.cookieName]?.value, let session = verify(value) else { return nil }
        guard let participant = try? await store.participant(session.code), participant.sessionID == session.sessionID else { return nil }
        return session
    }

    func verify(_ value: String) -> ParticipantSession? {
        let parts = value.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, SHA256.constantTimeEqual(Array(mac(parts[0]).utf8), Array(parts[1].utf8)) else { return nil }
        var base64 = parts[0]
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let payload = String(data: data, encoding: .utf8) else { return nil }
        let fields = payload.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 else { return nil }
        return ParticipantSession(sessionID: fields[0], code: fields[1], language: fields[2])
    }

    /// The CSRF token forms of this participant carry.
    func csrfToken(for session: ParticipantSession) -> String { mac("csrf|" + cookie(for: session)) }

    /// Checks a posted CSRF token.
    func checkCSRF(_ token: String?, for session: ParticipantSession) throws {
        guard let token, SHA256.constantTimeEqual(Array(token.utf8), Array(csrfToken(for: session).utf8)) else {
            throw Problem(.forbidden, "Forbidden", detail: "the form has expired; go back, reload the page and send it again")
        }
    }

    /// Throws 429 when `client` has failed to join too often recently.
    func checkRate(_ client: String) throws {
        let now = Date()
        let recent = failures.withLock { table in
            table[client] = (table[client] ?? []).filter { now.timeIntervalSince($0) < window }
            return table[client]?.count ?? 0
        }
        if recent >= maxFailures {
            throw Problem(
                .tooManyRequests,
                "Too many attempts",
                detail: "too many wrong codes from this device; wait a few minutes, or ask the trainer"
            )
        }
    }

    /// Records a failed join attempt.
    func recordFailure(_ client: String) {
        failures.withLock { $0[client, default: []].append(Date()) }
    }

    private func mac(_ text: String) -> String {
        SHA256.hexString(SHA256.hmac(key: secret, message: Array(text.utf8)).prefix(20))
    }
}
