import Foundation
import Testing

@testable import AtelierKernel

@Suite("JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value, keeping member order")
    func parsesValues() throws {
        let parsed = try JSONParser.parse(#"{"b": [1, -2.5e1, true, false, null], "a": "x\ty\u00e9\ud83d\ude00"}"#)
        #expect(parsed.value["b"] == [1, -25.0, true, false, nil])
        #expect(parsed.value["a"] == "x\tyé😀")
        #expect(parsed.value.objectValue?.keys == ["b", "a"])
    }

    @Test("records the line and column of values and keys, counting Arabic letters as one column each")
    func recordsLocations() throws {
        let text = """
            {
              "title": {"ar": "الاتجار", "fr": "traite"},
              "items": [
                {"id": "q1"}
              ]
            }
            """
        let parsed = try JSONParser.parse(text)
        #expect(parsed.sourceMap.location(of: "/title/fr") == SourceLocation(line: 2, column: 36))
        #expect(parsed.sourceMap.keyLocation(of: "/title") == SourceLocation(line: 2, column: 3))
        #expect(parsed.sourceMap.location(of: "/items/0/id") == SourceLocation(line: 4, column: 12))
        #expect(parsed.sourceMap.location(of: "/items/0/missing") == SourceLocation(line: 4, column: 5))
    }

    @Test(
        "reports syntax errors at their position with a helpful message",
        arguments: [
            ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}'"),
            ("{\"a\": [1, 2,]}", 1, 13, "trailing comma"),
            ("{\"a\": \"unterminated", 1, 20, "end of file inside a string"),
            ("{\"a\": 'x'}", 1, 7, "double quotes"),
            ("{\"a\": 01}", 1, 8, "leading zeros"),
            ("{\"a\": tru}", 1, 10, "expected 'true'"),
            ("{} {}", 1, 4, "after the end of the document"),
            ("", 1, 1, "empty"),
            ("{\"a\": 1, // note\n}", 1, 10, "no comments"),
            ("{\"a\": \"line\nbreak\"}", 1, 12, "line break inside a string"),
        ]
    )
    func reportsSyntaxErrors(text: String, line: Int, column: Int, fragment: String) {
        #expect {
            _ = try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.location == SourceLocation(line: line, column: column) && error.message.contains(fragment)
        }
    }

    @Test("rejects nesting deeper than the limit without crashing, even 100 000 levels deep")
    func boundsDepth() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect {
            _ = try JSONParser.parse(deep)
        } throws: { error in
            (error as? JSONSyntaxError)?.message == "nesting is deeper than 64 levels"
                && (error as? JSONSyntaxError)?.location == SourceLocation(line: 1, column: 65)
        }
        #expect(throws: Never.self) { _ = try JSONParser.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) }
    }

    @Test("reports invalid UTF-8 with its line")
    func rejectsInvalidUTF8() {
        var bytes = Array("{\n\"a\": \"".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}".utf8)
        #expect {
            _ = try JSONParser.parse(Data(bytes))
        } throws: { error in
            (error as? JSONSyntaxError)?.location.line == 2 && (error as? JSONSyntaxError)?.message.contains("UTF-8") == true
        }
    }

    @Test("records duplicate keys and keeps the last value")
    func recordsDuplicateKeys() throws {
        let parsed = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(parsed.duplicateKeys == ["/a"])
        #expect(parsed.value["a"] == 3)
    }

    @Test("skips a byte order mark")
    func skipsBOM() throws {
        let parsed = try JSONParser.parse(Data([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)))
        #expect(parsed.value["a"] == 1)
    }

    @Test("serializes back to the same value, escaping what JSON requires")
    func roundTrips() throws {
        let value: JSONValue = ["text": "quote \" backslash \\ newline \n control \u{01}", "n": 1.5, "i": 3, "list": [true, nil]]
        #expect(try JSONParser.parse(value.serialized()).value == value)
        #expect(try JSONParser.parse(value.serialized(pretty: true)).value == value)
    }
}

@Suite("JSON pointer")
struct JSONPointerTests {
    @Test("escapes and unescapes '~' and '/' (RFC 6901)")
    func escapes() {
        let pointer = JSONPointer.root.appending("a/b").appending("m~n").appending(3)
        #expect(pointer.description == "/a~1b/m~0n/3")
        #expect(JSONPointer(pointer.description) == pointer)
        #expect(JSONPointer("").tokens.isEmpty)
    }

    @Test("finds values in documents")
    func findsValues() {
        let value: JSONValue = ["items": [["id": "q1"], ["id": "q2"]]]
        #expect(value.value(at: "/items/1/id") == "q2")
        #expect(value.value(at: "/items/5/id") == nil)
    }
}
