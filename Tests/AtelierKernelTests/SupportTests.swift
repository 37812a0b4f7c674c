import Foundation
import Testing

@testable import AtelierKernel

@Suite("SHA-256")
struct SHA256Tests {
    @Test(
        "matches the NIST test vectors (FIPS 180-4 examples)",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ]
    )
    func vectors(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test("hashes a million 'a' (NIST long message)")
    func millionA() {
        #expect(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        )
    }

    @Test("canonical text ignores key order")
    func canonical() {
        let a: JSONValue = ["b": 1, "a": ["y": true, "x": nil]]
        let b: JSONValue = ["a": ["x": nil, "y": true], "b": 1]
        #expect(a.canonicalText == b.canonicalText)
        #expect(a.canonicalText == #"{"a":{"x":null,"y":true},"b":1}"#)
    }
}

@Suite("HMAC-SHA-256")
struct HMACTests {
    @Test("matches RFC 4231 test case 2")
    func rfc4231() {
        let mac = SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(mac.map { String(format: "%02x", $0) }.joined() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("compares in constant time and still tells equal from different")
    func constantTime() {
        #expect(SHA256.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!SHA256.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!SHA256.constantTimeEqual([1, 2], [1, 2, 3]))
    }
}

@Suite("Dates")
struct DateTests {
    @Test("iso8601UTC writes what formatted(.iso8601) writes")
    func iso8601() {
        var generator = SeededGenerator(seed: 11)
        let dates =
            [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_795_000_000.999), Date(timeIntervalSince1970: -1.5)]
            + (0..<500).map { _ in Date(timeIntervalSince1970: Double.random(in: 0..<4_102_444_800, using: &generator)) }
        for date in dates { #expect(date.iso8601UTC == date.formatted(.iso8601), "\(date.timeIntervalSince1970)") }
    }
}
