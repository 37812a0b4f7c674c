import AtelierKernel
import Foundation
import MoodleXML
import Testing

@Suite("Moodle XML import of hostile or broken input")
struct MoodleXMLRobustnessTests {
    private func importing(_ data: Data, limits: MoodleXMLImporter.Limits = .init()) -> ImportResult {
        MoodleXMLImporter(limits: limits).importItems(from: data, file: "hostile.xml", languages: ["fr"])
    }

    private func importing(_ text: String) -> ImportResult { importing(Data(text.utf8)) }

    @Test("random bytes give an error, never a crash")
    func randomBytes() {
        var generator = SplitMix64(seed: 20_260_101)
        for length in [0, 1, 2, 16, 100, 1_000, 65_536] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let result = importing(Data(bytes))
            #expect(result.items.isEmpty)
            #expect(result.diagnostics.containsErrors, "length \(length)")
        }
    }

    @Test("every truncation of a real export gives items or located diagnostics, never a crash")
    func truncations() throws {
        let data = try MoodleFixture.data("questions.xml")
        for end in stride(from: 0, to: data.count, by: 97) {
            let result = importing(data.prefix(end))
            #expect(result.diagnostics.allSatisfy { $0.line >= 1 && $0.column >= 1 })
            #expect(!result.diagnostics.isEmpty, "\(end) bytes")
        }
    }

    @Test("deep nesting is refused at a bounded depth")
    func deepNesting() {
        let depth = 200_000
        let result = importing("<quiz>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</quiz>")
        #expect(MoodleFixture.codesAndLines(result.diagnostics) == ["xml-syntax@1"])
        #expect(result.diagnostics.first?.message.contains("nested") == true)
    }

    @Test("entity expansion attacks and external entities are refused before parsing")
    func entities() {
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        laughs += "]>\n<quiz><question type=\"truefalse\"><questiontext><text>&lol9;</text></questiontext></question></quiz>"
        let external =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<quiz><question type=\"truefalse\"><questiontext><text>&secret;</text></questiontext><answer fraction=\"100\"><text>true</text></answer></question></quiz>"
        let quadratic =
            "<!DOCTYPE q [<!ENTITY a \"" + String(repeating: "x", count: 100_000) + "\">]><quiz><a>" + String(repeating: "&a;", count: 50_000)
            + "</a></quiz>"
        for (text, line) in [(laughs, 2), (external, 2), (quadratic, 1)] {
            let result = importing(text)
            #expect(result.items.isEmpty)
            #expect(MoodleFixture.codesAndLines(result.diagnostics) == ["xml-syntax@\(line)"])
            #expect(result.diagnostics.first?.message.contains("DOCTYPE") == true)
        }
    }

    @Test("an undefined entity (HTML's &nbsp; outside CDATA) is located and explained")
    func undefinedEntity() {
        let result = importing(
            "<quiz>\n  <question type=\"truefalse\">\n    <questiontext><text>A&nbsp;B</text></questiontext>\n  </question>\n</quiz>"
        )
        let error = result.diagnostics.first
        #expect(error?.code == "xml-syntax")
        #expect(error?.line == 3)
        #expect(error?.hint?.contains("CDATA") == true)
    }

    @Test("a 5 MB file of questions imports in bounded time")
    func largeFile() {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        var count = 0
        let filler = String(repeating: "Une phrase de remplissage pour allonger la question. ", count: 20)
        while xml.utf8.count < 5_000_000 {
            count += 1
            xml +=
                "<question type=\"multichoice\"><name><text>Question \(count)</text></name><questiontext format=\"html\"><text><![CDATA[<p>\(filler)</p>]]></text></questiontext><single>true</single><answer fraction=\"100\"><text>Oui</text></answer><answer fraction=\"0\"><text>Non</text></answer></question>\n"
        }
        xml += "</quiz>\n"
        let result = importing(xml)
        #expect(count < 5_000)
        #expect(result.items.count == count)
        #expect(result.diagnostics.isEmpty)
    }

    @Test("more questions than the limit: the first ones import and the rest is reported")
    func tooManyQuestions() {
        let question =
            "<question type=\"truefalse\"><questiontext><text>?</text></questiontext><answer fraction=\"100\"><text>true</text></answer></question>\n"
        let xml = "<quiz>\n" + String(repeating: question, count: 12) + "</quiz>"
        let result = importing(Data(xml.utf8), limits: .init(maxQuestions: 10))
        #expect(result.items.count == 10)
        #expect(MoodleFixture.codesAndLines(result.diagnostics) == ["too-many-questions@12"])
    }

    @Test("a file over the size limit is refused without being parsed")
    func tooLarge() {
        let result = importing(Data(repeating: UInt8(ascii: " "), count: 2_000), limits: .init(maxFileBytes: 1_000))
        #expect(MoodleFixture.codesAndLines(result.diagnostics) == ["file-too-large@1"])
    }

    /// Question texts built to make a naive converter take quadratic time, by name.
    static let pathologicalTexts: [String: String] = [
        "unclosed attributes": String(repeating: "<a b=\"", count: 200_000),
        "unclosed multilang blocks": String(repeating: "<span lang=\"fr\" class=\"multilang\">x", count: 100_000),
        "many multilang blocks": String(repeating: "<span lang=\"fr\" class=\"multilang\">x</span>", count: 50_000),
        "unclosed scripts": String(repeating: "<script>", count: 200_000),
        "broken references": String(repeating: "&amp;&#x;&#99999999;", count: 100_000),
        "lone angle brackets": String(repeating: "<", count: 1_000_000),
    ]

    @Test("pathological HTML and multilang markup inside a question convert in bounded time", arguments: pathologicalTexts.keys.sorted())
    func pathologicalText(name: String) {
        let html = Self.pathologicalTexts[name] ?? ""
        let xml =
            "<quiz><question type=\"truefalse\"><questiontext format=\"html\"><text><![CDATA[\(html)]]></text></questiontext><answer fraction=\"100\"><text>true</text></answer></question></quiz>"
        let result = importing(xml)
        #expect(result.items.count + result.diagnostics.filter { $0.severity == .error }.count == 1)
    }

    @Test("empty, blank and non-XML files give one error", arguments: ["", "   \n", "\u{FEFF}", "Bonjour", "{\"kind\": \"bank\"}", "<quiz>"])
    func notXML(text: String) {
        let result = importing(text)
        #expect(result.items.isEmpty)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .error)
    }
}

/// A small deterministic generator (SplitMix64), so the random inputs are the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Moodle XML: fuzzing regressions")
struct MoodleXMLFuzzRegressionTests {
    @Test(
        "a processing instruction is refused with its place, before FoundationXML sees it (it crashed on <?x?>)",
        arguments: [
            ("<?xmOpti?>", 1, 1), ("<?xml version=\"1.0\"?>\n<quiz><?php echo 1 ?></quiz>", 2, 7), ("<quiz>\n  <?x?>\n</quiz>", 2, 3),
        ]
    )
    func processingInstructions(text: String, line: Int, column: Int) {
        let result = MoodleXMLImporter().importItems(from: Data(text.utf8), file: "pi.xml", languages: ["fr"])
        #expect(result.items.isEmpty)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.line == line && $0.column == column })
    }

    @Test("the XML declaration is not an instruction; a '<?' anywhere else is refused, even in a comment or CDATA")
    func declarationOnly() {
        let question = """
            <quiz><question type="truefalse"><name><text>t</text></name>
            <questiontext format="html"><text><![CDATA[Is it true?]]></text></questiontext>
            <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>
            """
        let declared = MoodleXMLImporter().importItems(
            from: Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + question).utf8),
            file: "ok.xml",
            languages: ["fr"]
        )
        #expect(declared.items.count == 1)
        #expect(!declared.diagnostics.contains { $0.severity == .error })
        for hidden in ["<!-- <?no?> -->", "<!-- a -- b <?xml version=\"1.0\"?> -->"] {
            let result = MoodleXMLImporter().importItems(
                from: Data(question.replacingOccurrences(of: "<quiz>", with: "<quiz>" + hidden).utf8),
                file: "pi.xml",
                languages: ["fr"]
            )
            #expect(result.items.isEmpty)
            #expect(result.diagnostics.contains { $0.severity == .error && $0.line == 1 })
        }
    }
}

@Suite("Moodle XML: invalid UTF-8 (fuzzing regression)")
struct MoodleXMLInvalidUTF8Tests {
    @Test(
        "bytes that are not UTF-8 are refused with their place, before FoundationXML sees them (it trapped on <\\u{CE}z>)",
        arguments: [
            ([0x3C, 0xCE, 0x7A, 0x3E, 0x0A], 1, 2), (Array("<quiz>\n<a b".utf8) + [0xFF] + Array("=\"1\"/></quiz>".utf8), 2, 5),
            (Array("<quiz>".utf8) + [0xED, 0xA0, 0x80] + Array("</quiz>".utf8), 1, 7), ([0xC0, 0xAF], 1, 1),
        ]
    )
    func refused(bytes: [UInt8], line: Int, column: Int) {
        let result = MoodleXMLImporter().importItems(from: Data(bytes), file: "bad.xml", languages: ["fr"])
        #expect(result.items.isEmpty)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.line == line && $0.column == column })
    }

    @Test("the regression inputs the fuzzer found import without crashing")
    func fuzzRegressions() throws {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }
        folder.appendPathComponent("Fuzz/Regressions/moodle-xml")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count >= 3)
        for file in files {
            let result = MoodleXMLImporter().importItems(from: try Data(contentsOf: file), file: file.lastPathComponent, languages: ["fr"])
            #expect(result.diagnostics.contains { $0.severity == .error }, "\(file.lastPathComponent)")
        }
    }
}
