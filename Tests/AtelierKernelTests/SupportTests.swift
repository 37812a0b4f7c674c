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

@Suite("CSV")
struct CSVTests {
    @Test("reads quoted cells, doubled quotes, line breaks in cells, CRLF and a BOM")
    func reads() throws {
        let table = try CSV.parse("\u{FEFF}code,name,role\r\nK7M2QX,\"Ba, Mamadou\",\"Chef \"\"adjoint\"\"\"\r\n,\"Aminetou\nMint Ahmed\",\r\n")
        #expect(table.header == ["code", "name", "role"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].cells == ["K7M2QX", "Ba, Mamadou", "Chef \"adjoint\""])
        #expect(table.rows[1].cells == ["", "Aminetou\nMint Ahmed", ""])
        #expect(table.rows.map(\.number) == [2, 3])
    }

    @Test("detects the semicolon of French spreadsheets, and tabs")
    func delimiters() throws {
        #expect(try CSV.parse("code;name\nA;Fatimata Sy\n").rows[0].cells == ["A", "Fatimata Sy"])
        #expect(try CSV.parse("code\tname\nA\tFatimata Sy\n").delimiter == "\t")
    }

    @Test("numbers rows as a spreadsheet does and skips blank lines")
    func blankLines() throws {
        let table = try CSV.parse("a,b\n\n1,2\n3\n")
        #expect(table.rows.map(\.cells) == [["1", "2"], ["3", ""]])
    }

    @Test("reports an unclosed quote and extra cells with their row")
    func errors() {
        #expect(throws: CSVError(row: 3, message: "a quoted cell is not closed (a '\"' is missing)")) { try CSV.parse("a,b\n1,2\n\"3,4\n") }
        #expect(throws: CSVError(row: 2, message: "3 cells but the header has 2 columns (a delimiter inside a cell must be quoted)")) {
            try CSV.parse("a,b\n1,2,3\n")
        }
        #expect(throws: CSVError(row: 1, message: "the file is empty: a header row is expected")) { try CSV.parse("") }
    }

    @Test("writes cells that need quoting, and neutralizes formulas")
    func writes() throws {
        let text = CSV.write(header: ["code", "note"], rows: [["A", "=HYPERLINK(\"x\")"], ["B", "-3"], ["C", "a, b"]])
        #expect(text == "code,note\r\nA,\"'=HYPERLINK(\"\"x\"\")\"\r\nB,-3\r\nC,\"a, b\"\r\n")
        #expect(try CSV.parse(text).rows[0].cells[1] == "'=HYPERLINK(\"x\")")
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
