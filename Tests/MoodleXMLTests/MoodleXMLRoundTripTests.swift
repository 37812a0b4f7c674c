import AtelierKernel
import Foundation
import MoodleXML
import Testing

@Suite("Moodle XML round trips of the shipped content")
struct MoodleXMLRoundTripTests {
    /// The item types Moodle XML carries.
    static let carriedTypes: Set<String> = ["single-choice", "multiple-response", "true-false", "short-text", "numeric", "matching", "ordering"]

    /// The shipped forms.
    static let forms = ["definitions.pre", "definitions.post", "identification.pre", "identification.post", "protection.pre", "protection.post"]

    /// Exports `items` in `language`, imports the file back in `languages`, and decodes the items.
    private func roundTrip(
        _ items: [Item],
        language: String,
        importing languages: [String]
    ) throws -> (imported: [Item], export: ExportResult, result: ImportResult) {
        let export = MoodleXMLExporter().export(items, language: language)
        let result = MoodleXMLImporter().importItems(from: export.data, file: "round-trip.xml", languages: languages)
        let imported = try result.items.map { try $0.decode(Item.self) }
        return (imported, export, result)
    }

    @Test("exporting a shipped form to Moodle XML and importing it back gives the same items", arguments: forms)
    func shippedFormRoundTrip(form: String) throws {
        let items = try #require(MoodleFixture.catalog.resolvedForm(form)).items.map(\.item)
        let carried = items.filter { Self.carriedTypes.contains($0.type) }
        #expect(!carried.isEmpty)
        let (imported, _, result) = try roundTrip(items, language: "fr", importing: ["fr"])
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics.map(\.formatted))")
        #expect(imported.map(\.id) == carried.map(\.id))
        #expect(imported.map(\.externalId) == carried.map(\.id))
        for (original, back) in zip(carried, imported) {
            #expect(try CarriedContent(back, languages: ["fr"]) == CarriedContent(original, languages: ["fr"]))
        }
    }

    @Test("every shipped item of a type Moodle carries comes back with the same French content")
    func everyShippedItemInFrench() throws {
        let items = MoodleFixture.shippedItems
        let carried = items.filter { Self.carriedTypes.contains($0.type) }
        #expect(Set(carried.map(\.type)) == Self.carriedTypes)
        let (imported, export, result) = try roundTrip(items, language: "fr", importing: ["fr"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(imported.count == carried.count)
        for (original, back) in zip(carried, imported) {
            #expect(try CarriedContent(back, languages: ["fr"]) == CarriedContent(original, languages: ["fr"]))
        }
        #expect(MoodleFixture.isWellFormedXML(export.data))
        let loaded = try MoodleFixture.loadAsBank(result.items, languages: ["fr"])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
    }

    @Test("a multilang export keeps the fr, en and ar texts of every carried item")
    func everyShippedItemInEveryLanguage() throws {
        let items = MoodleFixture.shippedItems
        let carried = items.filter { Self.carriedTypes.contains($0.type) }
        let languages = ["fr", "en", "ar"]
        let (imported, export, result) = try roundTrip(items, language: "multilang", importing: languages)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(imported.count == carried.count)
        for (original, back) in zip(carried, imported) {
            #expect(try CarriedContent(back, languages: Set(languages)) == CarriedContent(original, languages: Set(languages)))
            #expect(Set(back.prompt.translations.keys) == Set(languages))
        }
        #expect(MoodleFixture.isWellFormedXML(export.data))
        let text = String(decoding: export.data, as: UTF8.self)
        #expect(text.contains("<span lang=\"ar\" class=\"multilang\">"))
        let loaded = try MoodleFixture.loadAsBank(result.items, languages: languages)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
    }

    @Test("an English export imported in English keeps the English texts")
    func englishRoundTrip() throws {
        let items = MoodleFixture.shippedItems.filter { Self.carriedTypes.contains($0.type) }
        let (imported, _, _) = try roundTrip(items, language: "en", importing: ["en"])
        #expect(imported.count == items.count)
        for (original, back) in zip(items, imported) {
            #expect(try CarriedContent(back, languages: ["en"]) == CarriedContent(original, languages: ["en"]))
        }
    }
}
