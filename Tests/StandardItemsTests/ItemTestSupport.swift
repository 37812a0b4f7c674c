import AtelierKernel
import StandardItems

/// Builds a loaded item of `type` with `body`, as the loader would, so tests grade through the kernel.
func makeItem(_ type: some ItemType, body: JSONValue, points: Double = 1, id: String = "q1") throws -> LoadedItem {
    let erased = AnyItemType(type)
    let item = Item(id: id, type: type.kind, objectives: ["o1"], points: points, prompt: LocalizedText(["en": "?"]), body: body)
    return LoadedItem(item: item, itemType: erased, body: try erased.decode(body), module: "m", origin: ("test.json", .root))
}

/// Grades `response` for an item of `type` with `body`.
func grade(
    _ type: some ItemType,
    _ body: JSONValue,
    _ response: JSONValue?,
    points: Double = 1,
    policy: MultipleResponsePolicy = .proportionalPenalty
) throws -> ItemGrade {
    FormGrader.grade(try makeItem(type, body: body, points: points), response: response, context: GradingContext(multipleResponsePolicy: policy))
}

/// Runs the type's checks on `body`.
func check(_ type: some ItemType, _ body: JSONValue) throws -> [ItemDiagnostics.Entry] {
    let erased = AnyItemType(type)
    return erased.check(try erased.decode(body), in: ItemCheckContext(itemID: "q1", languages: ["en"])).entries
}

/// Presents `body` in English.
func present(_ type: some ItemType, _ body: JSONValue, shuffle: Bool = false, seed: UInt64 = 0) throws -> JSONValue {
    let erased = AnyItemType(type)
    return erased.present(try erased.decode(body), in: PresentationContext(language: "en", shuffleChoices: shuffle, seed: seed))
}

/// The random-guess fraction of `body`.
func guess(_ type: some ItemType, _ body: JSONValue, policy: MultipleResponsePolicy = .proportionalPenalty) throws -> Double? {
    let erased = AnyItemType(type)
    return erased.randomGuessFraction(for: try erased.decode(body), in: GradingContext(multipleResponsePolicy: policy))
}

func text(_ english: String) -> JSONValue { ["en": .string(english)] }

func choices(_ ids: String...) -> JSONValue { .array(ids.map { ["id": .string($0), "text": text("Choice \($0)")] }) }
