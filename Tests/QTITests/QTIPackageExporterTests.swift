import AtelierKernel
import Foundation
import Testing

@testable import QTI

@Suite("QTI package: manifest, items and test")
struct QTIPackageExporterTests {
    private let exporter = QTIPackageExporter()
    private static let itemNamespace = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
    private static let manifestNamespace = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"

    @Test("a shipped form exports as a zip with the manifest, one well-formed file per item and the test", arguments: QTIFixture.formIDs)
    func formPackage(formID: String) throws {
        let form = try #require(QTIFixture.catalog.resolvedForm(formID))
        let result = exporter.exportPackage(form: form, language: "fr")
        let package = try OpenedPackage(result.data)

        #expect(package.paths.first == "imsmanifest.xml")
        #expect(package.itemPaths.count == form.items.count)
        #expect(package.testPaths == ["tests/\(formID).xml"])
        #expect(package.paths.count == form.items.count + 2)
        #expect(!result.losses.contains { $0.contains("is left out") }, "\(result.losses)")
        for path in package.paths {
            _ = try package.tree(path)
        }
    }

    @Test("every item declares the QTI 3.0 namespace, its identifier, a title, time-dependent and its language", arguments: QTIFixture.formIDs)
    func itemAttributes(formID: String) throws {
        let form = try #require(QTIFixture.catalog.resolvedForm(formID))
        let package = try OpenedPackage(exporter.exportPackage(form: form, language: "en").data)
        let expected = Set(form.items.map(\.item.id))
        var seen: Set<String> = []
        for path in package.itemPaths {
            let item = try package.tree(path)
            #expect(item.name == "qti-assessment-item")
            #expect(item.namespace == Self.itemNamespace)
            let identifier = try #require(item["identifier"])
            seen.insert(identifier)
            #expect(path == "items/\(identifier).xml")
            #expect(item["title"]?.isEmpty == false)
            #expect(item["time-dependent"] == "false")
            #expect(item["xml:lang"] == "en")
            #expect(item.first("qti-item-body") != nil)
        }
        #expect(seen == expected)
    }

    @Test("every manifest resource's files are in the zip, and the test depends on every item", arguments: QTIFixture.formIDs)
    func manifestResources(formID: String) throws {
        let form = try #require(QTIFixture.catalog.resolvedForm(formID))
        let package = try OpenedPackage(exporter.exportPackage(form: form, language: "fr").data)
        let manifest = try package.tree("imsmanifest.xml")
        #expect(manifest.name == "manifest")
        #expect(manifest.namespace == Self.manifestNamespace)
        #expect(manifest.first("schemaversion")?.text == "3.0.0")

        let resources = manifest.all("resource")
        let items = resources.filter { $0["type"] == "imsqti_item_xmlv3p0" }
        let tests = resources.filter { $0["type"] == "imsqti_test_xmlv3p0" }
        #expect(items.count == form.items.count)
        #expect(tests.count == 1)
        #expect(Set(resources.compactMap { $0["identifier"] }).count == resources.count)
        for resource in resources {
            let href = try #require(resource["href"])
            #expect(package.files[href] != nil, "\(href) is listed in the manifest but not in the zip")
            for file in resource.children("file") {
                #expect(package.files[file["href"] ?? ""] != nil)
            }
        }
        let test = try #require(tests.first)
        let dependencies = Set(test.children("dependency").compactMap { $0["identifierref"] })
        #expect(dependencies == Set(items.compactMap { $0["identifier"] }))
        let zipped = Set(package.paths.filter { $0 != "imsmanifest.xml" })
        #expect(zipped == Set(resources.compactMap { $0["href"] }))
    }

    @Test("the test references every item in the form's order, with its objectives as categories", arguments: QTIFixture.formIDs)
    func testReferences(formID: String) throws {
        let form = try #require(QTIFixture.catalog.resolvedForm(formID))
        let package = try OpenedPackage(exporter.exportPackage(form: form, language: "fr").data)
        let testPath = try #require(package.testPaths.first)
        let test = try package.tree(testPath)
        #expect(test.name == "qti-assessment-test")
        #expect(test.namespace == Self.itemNamespace)
        #expect(test["identifier"] == formID)
        #expect(test["title"] == form.form.title["fr"])
        let part = try #require(test.first("qti-test-part"))
        #expect(part["navigation-mode"] != nil && part["submission-mode"] != nil)
        let sections = part.children("qti-assessment-section")
        #expect(sections.count == 1)
        #expect(sections.first?["visible"] == "true")
        let references = test.all("qti-assessment-item-ref")
        #expect(references.compactMap { $0["identifier"] } == form.items.map(\.item.id))
        for (reference, loaded) in zip(references, form.items) {
            let href = try #require(reference["href"])
            #expect(href == "../items/\(loaded.item.id).xml")
            let resolved = URL(fileURLWithPath: "/" + testPath).deletingLastPathComponent().appendingPathComponent(href).standardized.path
            #expect(package.files[String(resolved.dropFirst())] != nil, "\(href) does not resolve to a file of the package")
            #expect(reference["category"] == loaded.item.objectives.joined(separator: " "))
        }
        if let minutes = form.form.timeLimitMinutes {
            #expect(test.first("qti-time-limits")?["max-time"] == String(minutes * 60))
        }
        #expect(test.first("qti-rubric-block")?.first("p")?.text == form.form.instructions["fr"])
    }

    @Test("a bank exports every item type it holds, numeric and matching included", arguments: QTIFixture.bankIDs)
    func bankPackage(bankID: String) throws {
        let items = QTIFixture.items(of: bankID).map(\.item)
        #expect(!items.isEmpty)
        let result = exporter.exportPackage(items: items, title: bankID, identifier: bankID, language: "ar")
        let package = try OpenedPackage(result.data)
        #expect(package.itemPaths.count == items.count)
        #expect(package.testPaths == ["tests/\(bankID).xml"])
        let test = try package.tree("tests/\(bankID).xml")
        #expect(test["title"] == bankID)
        #expect(!result.losses.contains { $0.contains("is left out") }, "\(result.losses)")
    }

    @Test("the protocol's export writes a plain test named atelier-items")
    func protocolDefaults() throws {
        let items = QTIFixture.items(of: "definitions.pre").map(\.item)
        let result = exporter.export(items, language: "fr")
        let package = try OpenedPackage(result.data)
        #expect(package.testPaths == ["tests/atelier-items.xml"])
        #expect(exporter.format == "qti")
        #expect(exporter.mediaType == "application/zip")
        #expect(QTI.exporters.map(\.format) == ["qti"])
    }

    @Test("the same items give the same bytes")
    func deterministic() throws {
        let form = try #require(QTIFixture.catalog.resolvedForm("protection.post"))
        #expect(exporter.exportPackage(form: form, language: "all").data == exporter.exportPackage(form: form, language: "all").data)
    }

    @Test("an item of an unknown type is left out of the items, the manifest and the test, and the loss says so")
    func unknownType() throws {
        let known = Item(id: "q-001", type: "true-false", objectives: [], prompt: LocalizedText(["fr": "Vrai ?"]), body: ["answer": true])
        let unknown = Item(id: "q-002", type: "essay", objectives: [], prompt: LocalizedText(["fr": "Expliquez."]), body: [:])
        let (package, losses) = try QTIFixture.export([known, unknown])
        #expect(package.itemPaths == ["items/q-001.xml"])
        #expect(!(package.files["imsmanifest.xml"] ?? "").contains("q-002"))
        #expect(!(package.files["tests/atelier-items.xml"] ?? "").contains("q-002"))
        #expect(losses.contains { $0.hasPrefix("q-002 (essay) is left out") })
    }

    @Test("an item whose body cannot be read is left out with the reason")
    func malformedBody() throws {
        let item = Item(
            id: "q-003",
            type: "single-choice",
            objectives: [],
            prompt: LocalizedText(["fr": "?"]),
            body: ["choices": [["id": "a", "text": ["fr": "A"]]], "answer": "z"]
        )
        let (package, losses) = try QTIFixture.export([item])
        #expect(package.itemPaths.isEmpty)
        #expect(losses == ["q-003 (single-choice) is left out: its answer is not one of its choices."])
    }

    @Test("a repeated item id gets a suffix so that no file is overwritten")
    func repeatedIDs() throws {
        let item = Item(id: "q-001", type: "true-false", objectives: [], prompt: LocalizedText(["fr": "Vrai ?"]), body: ["answer": true])
        let (package, losses) = try QTIFixture.export([item, item])
        #expect(package.itemPaths == ["items/q-001.xml", "items/q-001-2.xml"])
        #expect(try package.tree("items/q-001-2.xml")["identifier"] == "q-001-2")
        #expect(losses.contains { $0.contains("q-001-2") })
    }

    @Test("sources, external ids and categories are reported as not written")
    func unwrittenMetadata() throws {
        let item = Item(
            id: "q-001",
            type: "true-false",
            objectives: ["def-o1"],
            prompt: LocalizedText(["fr": "Vrai ?"]),
            body: ["answer": true],
            sources: ["UNODC"],
            externalId: "M-42"
        )
        let (_, losses) = try QTIFixture.export([item])
        #expect(losses.contains { $0.contains("q-001") && $0.contains("not written") })
    }
}
