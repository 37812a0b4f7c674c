import Foundation
import Testing

@testable import AtelierKernel

/// A minimal item type for registry tests: the kernel's own tests cannot see the plugins.
private struct YesNo: ItemType {
    struct Body: Codable, Sendable { var answer: Bool }
    var kind = "yes-no"
    let summary = "Yes or no."
    var bodySchema: Schema { .object([Property("answer", .boolean())]) }
    func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {}
    func present(_ body: Body, in context: PresentationContext) -> JSONValue { [:] }
    func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        response.boolValue.map { .scored($0 == body.answer ? 1 : 0) } ?? .invalid("expected true or false")
    }
    func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? { 0.5 }
    func correctResponse(for body: Body) -> JSONValue { .bool(body.answer) }
}

private struct PlainRenderer: ReportRenderer {
    let format = "text"
    let mediaType = "text/plain"
    func render(_ report: ReportDocument) throws -> Data { Data(report.title.utf8) }
}

@Suite("Plugin registry")
struct PluginRegistryTests {
    @Test("refuses two item types with the same kind")
    func refusesDuplicateItemTypes() {
        #expect(throws: RegistryError.duplicate(category: "item type", name: "yes-no")) {
            try PluginRegistry(itemTypes: [YesNo(), YesNo()])
        }
    }

    @Test("refuses two renderers with the same format")
    func refusesDuplicateRenderers() {
        #expect(throws: RegistryError.duplicate(category: "report renderer", name: "text")) {
            try PluginRegistry(itemTypes: [YesNo()], renderers: [PlainRenderer(), PlainRenderer()])
        }
    }

    @Test("refuses a kind that content could not name")
    func refusesInvalidKind() {
        #expect(throws: RegistryError.invalidName(category: "item type", name: "Yes No")) {
            try PluginRegistry(itemTypes: [YesNo(kind: "Yes No")])
        }
    }

    @Test("finds item types by kind and grades through the erased type")
    func gradesThroughErasure() throws {
        let registry = try PluginRegistry(itemTypes: [YesNo()])
        let type = try #require(registry.itemType("yes-no"))
        let body = try type.decode(["answer": true])
        let item = Item(id: "q1", type: "yes-no", objectives: ["o1"], points: 2, prompt: LocalizedText(["en": "?"]), body: ["answer": true])
        let loaded = LoadedItem(item: item, itemType: type, body: body, module: "m", origin: ("f", .root))
        let context = GradingContext()
        #expect(FormGrader.grade(loaded, response: true, context: context).score == 2)
        #expect(FormGrader.grade(loaded, response: false, context: context).status == .incorrect)
        #expect(FormGrader.grade(loaded, response: nil, context: context).status == .unanswered)
        #expect(FormGrader.grade(loaded, response: .null, context: context).status == .unanswered)
        let invalid = FormGrader.grade(loaded, response: "yes", context: context)
        #expect(invalid.status == .invalid)
        #expect(invalid.error == "expected true or false")
        #expect(invalid.score == 0)
    }
}
