import AtelierCLI
import Foundation
import Testing

@testable import AtelierKernel

/// The JSON Schema files, the schema descriptions and the Swift models say the same thing.
@Suite("Schemas and models agree")
struct SchemaAgreementTests {
    @Test("the schema files in the repository are the generated ones", arguments: ContentKind.allCases)
    func filesUpToDate(kind: ContentKind) throws {
        let document = ContentSchemas(registry: Repository.registry).document(for: kind)
        let expected = document.jsonSchema().serialized(pretty: true) + "\n"
        let path = Repository.path(ContentSchemas.relativePath(of: kind))
        let actual = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "\(path) is out of date: run `atelier schema --write`")
    }

    /// An object schema's property names, following definitions.
    static func properties(_ schema: Schema, in document: SchemaDocument) -> Set<String>? {
        switch schema.shape {
        case .object(let properties, _): Set(properties.map(\.name))
        case .definition(let name): document.definition(name).flatMap { properties($0, in: document) }
        case .array(let items, _, _, _): properties(items, in: document)
        case .conditional(_, _, let otherwise): properties(otherwise, in: document)
        default: nil
        }
    }

    static func property(_ path: [String], of document: SchemaDocument) -> Schema? {
        var schema = document.root
        for name in path {
            guard let next = Self.member(name, of: schema, in: document) else { return nil }
            schema = next
        }
        return schema
    }

    static func member(_ name: String, of schema: Schema, in document: SchemaDocument) -> Schema? {
        switch schema.shape {
        case .object(let properties, _): properties.first { $0.name == name }?.schema
        case .definition(let definition): document.definition(definition).flatMap { member(name, of: $0, in: document) }
        case .array(let items, _, _, _): member(name, of: items, in: document)
        case .conditional(_, _, let otherwise): member(name, of: otherwise, in: document)
        default: nil
        }
    }

    struct Pair: Sendable, CustomStringConvertible {
        var kind: ContentKind
        var path: [String]
        var keys: [String]
        var description: String { "\(kind.rawValue)/\(path.joined(separator: "/"))" }
    }

    static let pairs: [Pair] = [
        Pair(kind: .module, path: [], keys: CurriculumModule.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .module, path: ["objectives"], keys: LearningObjective.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .module, path: ["units"], keys: ModuleUnit.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .module, path: ["units", "keyMessages"], keys: KeyMessage.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .module, path: ["units", "activities"], keys: Activity.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .module, path: ["references"], keys: Reference.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .program, path: [], keys: Program.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .program, path: ["schedule"], keys: ScheduleSlot.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .program, path: ["completion"], keys: CompletionRule.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .bank, path: [], keys: QuestionBank.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .bank, path: ["items"], keys: Item.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .form, path: [], keys: AssessmentForm.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .form, path: ["shuffle"], keys: ShufflePolicy.CodingKeys.allCases.map(\.stringValue)),
        Pair(kind: .form, path: ["items"], keys: Item.CodingKeys.allCases.map(\.stringValue)),
    ]

    @Test("each model's coding keys are exactly its schema's properties", arguments: pairs)
    func keysAgree(pair: Pair) throws {
        let document = ContentSchemas(registry: Repository.registry).document(for: pair.kind)
        let schema = try #require(pair.path.isEmpty ? document.root : Self.property(pair.path, of: document))
        let properties = try #require(Self.properties(schema, in: document))
        #expect(
            properties == Set(pair.keys),
            "schema has \(properties.subtracting(pair.keys).sorted()), model has \(Set(pair.keys).subtracting(properties).sorted())"
        )
    }

    @Test(
        "each required schema property is non-optional in the model: removing it from valid content fails to decode",
        arguments: pairs.filter { $0.path.isEmpty }
    )
    func requiredAgree(pair: Pair) throws {
        let document = ContentSchemas(registry: Repository.registry).document(for: pair.kind)
        guard case .object(let properties, _) = document.root.shape else { return }
        let file = [
            ContentKind.module: "Curricula/modules/definitions.json", .program: "Curricula/programs/police-gendarmerie-2day.json",
            .bank: "Assessments/definitions/bank.json", .form: "Assessments/definitions/pre.json",
        ][pair.kind]!
        let value = try JSONParser.parse(Data(contentsOf: URL(fileURLWithPath: Repository.path(file)))).value
        for property in properties {
            guard var object = value.objectValue else { continue }
            object[property.name] = nil
            let decodes: Bool
            switch pair.kind {
            case .module: decodes = (try? JSONValue.object(object).decode(CurriculumModule.self)) != nil
            case .program: decodes = (try? JSONValue.object(object).decode(Program.self)) != nil
            case .bank: decodes = (try? JSONValue.object(object).decode(QuestionBank.self)) != nil
            case .form: decodes = (try? JSONValue.object(object).decode(AssessmentForm.self)) != nil
            }
            if value[property.name] != nil {
                #expect(
                    decodes == !property.isRequired,
                    "\(pair.kind.rawValue).\(property.name): required in schema \(property.isRequired), decodes without it \(decodes)"
                )
            }
        }
    }

    @Test("each item type's body schema names exactly the keys its shipped bodies use")
    func bodiesUseSchemaKeys() {
        var keysByType: [String: Set<String>] = [:]
        for loaded in Repository.shipped.catalog.items.values {
            keysByType[loaded.item.type, default: []].formUnion(loaded.item.body.objectValue?.keys ?? [])
        }
        for itemType in Repository.registry.itemTypes {
            guard case .object(let properties, _) = itemType.bodySchema.shape else { continue }
            let declared = Set(properties.map(\.name))
            #expect(keysByType[itemType.kind, default: []].isSubset(of: declared), "\(itemType.kind)")
            #expect(Set(properties.filter(\.isRequired).map(\.name)).isSubset(of: keysByType[itemType.kind] ?? declared), "\(itemType.kind)")
        }
    }
}
