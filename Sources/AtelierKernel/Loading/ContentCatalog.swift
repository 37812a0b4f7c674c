import Foundation

/// Everything loaded from the content files: modules, programs, banks, forms and their items, indexed by
/// id, with where each came from.
public struct ContentCatalog: Sendable {
    /// The modules, by id.
    public internal(set) var modules: [String: CurriculumModule] = [:]
    /// The programs, by id.
    public internal(set) var programs: [String: Program] = [:]
    /// The question banks, by id.
    public internal(set) var banks: [String: QuestionBank] = [:]
    /// The assessment forms, by id.
    public internal(set) var forms: [String: AssessmentForm] = [:]
    /// Every item (from banks and inline in forms), by id, ready to present and grade.
    public internal(set) var items: [String: LoadedItem] = [:]
    /// The file each module, program, bank and form was loaded from, by id.
    public internal(set) var files: [String: String] = [:]

    /// Creates an empty catalog.
    public init() {}

    /// The form `id` with its items resolved, in the form's order; `nil` if there is no such form or one
    /// of its items could not be loaded.
    public func resolvedForm(_ id: String) -> ResolvedForm? {
        guard let form = forms[id] else { return nil }
        var resolved: [LoadedItem] = []
        for entry in form.items {
            guard let item = items[entry.itemID] else { return nil }
            resolved.append(item)
        }
        return ResolvedForm(form: form, items: resolved)
    }

    /// The forms of `module`, ordered by phase.
    public func forms(ofModule module: String) -> [AssessmentForm] {
        let order = AssessmentPhase.allCases
        return forms.values.filter { $0.module == module }.sorted {
            (order.firstIndex(of: $0.phase) ?? 0, $0.id) < (order.firstIndex(of: $1.phase) ?? 0, $1.id)
        }
    }

    /// All forms, ordered by module then phase.
    public var orderedForms: [AssessmentForm] {
        modules.keys.sorted().flatMap { forms(ofModule: $0) }
            + forms.values.filter { modules[$0.module] == nil }.sorted { $0.id < $1.id }
    }
}

/// An item ready to be presented and graded: its content, its decoded body and its type.
///
/// A class, immutable: forms share their items, and grading passes them around without copying.
public final class LoadedItem: Sendable {
    /// The item as authored.
    public let item: Item
    /// Its type's plugin.
    public let itemType: AnyItemType
    /// The body decoded by the plugin.
    public let body: PreparedBody
    /// The module whose objectives it measures.
    public let module: String
    /// Where it was defined: file and JSON pointer.
    public let origin: (file: String, pointer: JSONPointer)

    /// Creates a loaded item (the loader does this; tests and importers may too).
    public init(item: Item, itemType: AnyItemType, body: PreparedBody, module: String, origin: (file: String, pointer: JSONPointer)) {
        self.item = item
        self.itemType = itemType
        self.body = body
        self.module = module
        self.origin = origin
    }

    /// The maximum score: the item's points when its type is scored, else 0.
    public var maxScore: Double { itemType.isScored ? item.weight : 0 }
}

/// A form with its items resolved from inline definitions and banks.
public struct ResolvedForm: Sendable {
    /// The form.
    public var form: AssessmentForm
    /// The items in the form's order.
    public var items: [LoadedItem]

    /// The maximum score of the form.
    public var maxScore: Double { items.reduce(0) { $0 + $1.maxScore } }
}
