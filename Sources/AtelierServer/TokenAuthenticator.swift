import AtelierKernel
import AtelierStore
import Foundation
import Hummingbird
import Synchronization

/// Checks `Authorization: Bearer TOKEN` against the stored token hashes, in constant time.
public final class TokenAuthenticator: Sendable {
    private let store: any ServerStore
    private let cache = Mutex<(tokens: [APIToken], loadedAt: Date)?>(nil)
    /// How long the list of tokens is kept before it is read again (a revoked token stops working within it).
    private let cacheLifetime: TimeInterval = 2

    /// Creates an authenticator on `store`.
    public init(store: any ServerStore) { self.store = store }

    /// A new secret token for `role`: the value to give the user (shown once) and what is stored.
    public static func make(role: APIToken.Role, label: String) -> (secret: String, token: APIToken) {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ParticipantCode.alphabet
        let id = String((0..<8).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }).lowercased()
        let secret = "atl_\(id)_" + String((0..<32).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        return (secret, APIToken(id: id, role: role, hash: SHA256.hex(secret), label: label, createdAt: Date(), revokedAt: nil))
    }

    /// The token presented with the request, if it is valid and has one of `roles`.
    ///
    /// - Throws: 401 without a valid token, 403 with a token of another role.
    @discardableResult
    public func require(_ request: Request, roles: Set<APIToken.Role> = Set(APIToken.Role.allCases)) async throws -> APIToken {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { throw Problem.unauthorized }
        let presented = Array(SHA256.hex(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)).utf8)
        var match: APIToken?
        for token in try await activeTokens() where SHA256.constantTimeEqual(Array(token.hash.utf8), presented) { match = token }
        guard let token = match else { throw Problem.unauthorized }
        guard roles.contains(token.role) else {
            throw Problem(
                .forbidden,
                "Forbidden",
                detail: "a \(token.role.rawValue) token cannot do this; it needs a \(roles.map(\.rawValue).sorted().joined(separator: " or ")) token"
            )
        }
        return token
    }

    private func activeTokens() async throws -> [APIToken] {
        if let cached = cache.withLock({ $0 }), Date().timeIntervalSince(cached.loadedAt) < cacheLifetime { return cached.tokens }
        let tokens = try await store.tokens().filter { $0.revokedAt == nil }
        cache.withLock { $0 = (tokens, Date()) }
        return tokens
    }
}
