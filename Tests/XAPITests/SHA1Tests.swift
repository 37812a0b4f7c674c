import Testing

@testable import XAPI

@Suite("SHA-1")
struct SHA1Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let label: String
        let message: [UInt8]
        let digest: String
        var testDescription: String { label }
    }

    /// RFC 3174 §7.3 TEST1–TEST4 and the FIPS 180 examples ("abc", the 448-bit message, a million "a"),
    /// the empty message, and lengths around the padding boundary (55, 56, 63, 64, 65, 119, 120 bytes) and
    /// an Arabic UTF-8 text, whose digests were computed with Python's `hashlib.sha1`.
    static let vectors: [Vector] = [
        Vector(label: "abc", message: Array("abc".utf8), digest: "a9993e364706816aba3e25717850c26c9cd0d89d"),
        Vector(label: "empty", message: [], digest: "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        Vector(
            label: "448-bit message",
            message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
            digest: "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        ),
        Vector(label: "a million a", message: [UInt8](repeating: 0x61, count: 1_000_000), digest: "34aa973cd4c4daa4f61eeb2bdbad27316534016f"),
        Vector(
            label: "RFC 3174 TEST4",
            message: Array(String(repeating: "0123456701234567012345670123456701234567012345670123456701234567", count: 10).utf8),
            digest: "dea356a2cddd90c7a7ecedc5ebb563934f460452"
        ),
        Vector(label: "55 bytes", message: [UInt8](repeating: 0x61, count: 55), digest: "c1c8bbdc22796e28c0e15163d20899b65621d65a"),
        Vector(label: "56 bytes", message: [UInt8](repeating: 0x61, count: 56), digest: "c2db330f6083854c99d4b5bfb6e8f29f201be699"),
        Vector(label: "63 bytes", message: [UInt8](repeating: 0x61, count: 63), digest: "03f09f5b158a7a8cdad920bddc29b81c18a551f5"),
        Vector(label: "64 bytes", message: [UInt8](repeating: 0x61, count: 64), digest: "0098ba824b5c16427bd7a1122a5a442a25ec644d"),
        Vector(label: "65 bytes", message: [UInt8](repeating: 0x61, count: 65), digest: "11655326c708d70319be2610e8a57d9a5b959d3b"),
        Vector(label: "119 bytes", message: [UInt8](repeating: 0x61, count: 119), digest: "ee971065aaa017e0632a8ca6c77bb3bf8b1dfc56"),
        Vector(label: "120 bytes", message: [UInt8](repeating: 0x61, count: 120), digest: "f34c1488385346a55709ba056ddd08280dd4c6d6"),
        Vector(label: "Arabic text", message: Array("الاتجار بالبشر".utf8), digest: "390a205ae6cd0c021e1b8466f620510a4f91031c"),
    ]

    @Test("digests match the published and reference values", arguments: vectors)
    func digest(_ vector: Vector) {
        let digest = SHA1.digest(vector.message)
        #expect(digest.count == 20)
        #expect(hex(digest) == vector.digest)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }
}
