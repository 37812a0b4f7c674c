import AtelierKernel
import Foundation
import Testing

@testable import GIFTFormat

/// A small deterministic generator (SplitMix64), so that the random inputs are the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

@Suite("Import robustness", .timeLimit(.minutes(1)))
struct ImportRobustnessTests {
    private static let importers: [any ContentImporter] = [GIFTImporter(), AikenImporter()]

    /// Adversarial inputs: random bytes, GIFT syntax soup, huge lines, unclosed everything.
    private static var adversarialInputs: [(name: String, data: Data)] {
        var generator = SplitMix64(state: 42)
        let randomBytes = Data((0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let syntax = Array("{}~=#:\\%->[]<>/\n \t.TF0123456789é".unicodeScalars)
        let soup = String(String.UnicodeScalarView((0..<200_000).map { _ in syntax[Int.random(in: 0..<syntax.count, using: &generator)] }))
        return [
            ("empty", Data()),
            ("byte order mark only", Data([0xEF, 0xBB, 0xBF])),
            ("random bytes", randomBytes),
            ("syntax soup", Data(soup.utf8)),
            ("one huge line without braces", Data(String(repeating: "mot ", count: 500_000).utf8)),
            ("one huge question", Data(("Q ?{=" + String(repeating: "a", count: 400_000) + " ~b}").utf8)),
            ("unclosed tags", Data(("[html]" + String(repeating: "<a", count: 100_000) + "{T}").utf8)),
            ("many pairs", Data(("Q ?{" + String(repeating: "=a -> b ", count: 20_000) + "}").utf8)),
            ("braces only", Data(String(repeating: "{", count: 100_000).utf8)),
            ("colons only", Data(String(repeating: ":", count: 100_000).utf8)),
            ("backslashes", Data(String(repeating: "\\", count: 100_001).utf8)),
            ("hashes", Data(("Q{" + String(repeating: "#", count: 100_000) + "}").utf8)),
            ("NUL and CR", Data([0x00, 0x0D, 0x0D, 0x7B, 0x00, 0x7D, 0x0A, 0x00])),
            ("truncated UTF-8", Data([0x51, 0x20, 0x7B, 0x54, 0x7D, 0x0A, 0x0A, 0xC3])),
            ("Aiken letters only", Data(String(repeating: "A. x\nANSWER: Z\n", count: 20_000).utf8)),
        ]
    }

    @Test("no input makes an importer crash or hang, and every problem is located in the file")
    func adversarial() {
        for input in Self.adversarialInputs {
            for importer in Self.importers {
                let result = importer.importItems(from: input.data, file: input.name, languages: ["fr"])
                let lineCount = input.data.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
                #expect(
                    result.diagnostics.allSatisfy { $0.line >= 1 && $0.line <= lineCount && $0.column >= 1 },
                    "\(importer.format) on \(input.name)"
                )
                for item in result.items { #expect(item["id"]?.stringValue?.isEmpty == false) }
            }
        }
    }

    @Test("invalid UTF-8 is reported on its line, and the other questions import")
    func invalidUTF8() {
        var data = Data("::Bonne::Première question ?{T}\n\n::Mauvaise::Question en Latin-1 : ".utf8)
        data.append(contentsOf: [0xE9, 0x74, 0xE9])  // "été" in Latin-1
        data.append(Data(" ?{F}\n\n::Bonne aussi::Dernière ?{F}\n".utf8))
        let result = GIFTImporter().importItems(from: data, file: "latin1.gift", languages: ["fr"])
        #expect(result.diagnostics.summaries == ["3:1 error gift-invalid-utf8"])
        #expect(result.items.compactMap { $0["id"]?.stringValue } == ["bonne", "bonne-aussi"])
    }

    @Test("random bytes are reported, not imported as questions")
    func randomBytes() {
        var generator = SplitMix64(state: 7)
        let data = Data((0..<50_000).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) })
        let result = GIFTImporter().importItems(from: data, file: "noise.gift", languages: ["fr"])
        #expect(result.items.isEmpty)
        #expect(result.diagnostics.contains { $0.code == "gift-invalid-utf8" })
    }

    @Test("10,000 questions import with unique ids, and over-long texts are errors, not crashes")
    func manyQuestions() {
        var text = ""
        for index in 1...10_000 { text += "::Question::Question \(index) ?{=oui ~non}\n\n" }
        text += "::Trop long::" + String(repeating: "x", count: 10_001) + " ?{T}\n"
        let result = GIFTImporter().importItems(from: Data(text.utf8), file: "many.gift", languages: ["fr"])
        #expect(result.items.count == 10_000)
        #expect(Set(result.items.compactMap { $0["id"]?.stringValue }).count == 10_000)
        #expect(result.items.last?["id"] == "question-10000")
        #expect(result.diagnostics.summaries == ["20001:1 error gift-text-too-long"])
    }

    @Test("a file over the size limit is refused with one error")
    func tooLarge() {
        let data = Data(count: ImportLimits.maxFileBytes + 1)
        for importer in Self.importers {
            let result = importer.importItems(from: data, file: "big", languages: ["fr"])
            #expect(result.items.isEmpty)
            #expect(result.diagnostics.map(\.code) == ["\(importer.format)-file-too-large"])
        }
    }
}
