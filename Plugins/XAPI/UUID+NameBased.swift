import Foundation

extension UUID {
    /// The name-based UUID (RFC 4122 §4.3, version 5: SHA-1) of `name` in `namespace`.
    ///
    /// The same namespace and name always give the same UUID, and different names give different ones
    /// (short of a SHA-1 collision), so ids derived this way survive a second export unchanged.
    ///
    /// ```swift
    /// UUID(nameBased: "python.org", in: .dnsNamespace)  // 886313e1-3b8a-5372-9b90-0c9aee199e5d
    /// ```
    ///
    /// - Parameters:
    ///   - name: the name, hashed as UTF-8.
    ///   - namespace: the namespace UUID, hashed as its 16 bytes in network order.
    init(nameBased name: String, in namespace: UUID) {
        let namespaceBytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        var bytes = SHA1.digest(namespaceBytes + Array(name.utf8))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // the RFC 4122 variant
        self.init(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            )
        )
    }

    /// The RFC 4122 namespace for domain names (`6ba7b810-9dad-11d1-80b4-00c04fd430c8`).
    static let dnsNamespace = UUID(
        uuid: (0x6B, 0xA7, 0xB8, 0x10, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8)
    )

    /// The RFC 4122 namespace for URLs (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
    static let urlNamespace = UUID(
        uuid: (0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8)
    )

    /// The UUID in lower-case hexadecimal, as xAPI writes ids (`uuidString` is upper-case).
    var lowercasedString: String { uuidString.lowercased() }
}
