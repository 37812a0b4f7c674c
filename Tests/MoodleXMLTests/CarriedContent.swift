import AtelierKernel
import StandardItems

/// What a Moodle XML round trip must keep of an item, in some languages: type, prompt, body, feedback
/// and points. Option ids are replaced by the options' texts (Moodle identifies answers by position, so
/// an import numbers them again), and the authored order of ordering elements and matching targets is
/// left out (participants always see them shuffled).
struct CarriedContent: Equatable, CustomStringConvertible {
    var id: String
    var type: String
    var prompt: [String: String]
    var body: JSONValue
    var feedback: [String: String]
    var points: Double

    /// The content of `item` in `languages`.
    init(_ item: Item, languages: Set<String>) throws {
        let texts = TextSelection(languages: languages)
        id = item.id
        type = item.type
        prompt = texts.select(item.prompt)
        feedback = texts.select(item.feedback)
        points = item.weight
        body = try CarriedContent.body(of: item, texts: texts)
    }

    var description: String {
        "\(id) \(type) \(points)pt prompt=\(prompt) body=\(body.serialized()) feedback=\(feedback)"
    }

    private static func body(of item: Item, texts: TextSelection) throws -> JSONValue {
        switch item.type {
        case "single-choice":
            let body = try item.body.decode(SingleChoice.Body.self)
            return [
                "choices": .array(body.choices.map { texts.json($0.text) }),
                "answer": body.choices.first { $0.id == body.answer }.map { texts.json($0.text) } ?? .null,
            ]
        case "multiple-response":
            let body = try item.body.decode(MultipleResponse.Body.self)
            return [
                "choices": .array(body.choices.map { texts.json($0.text) }),
                "answers": .array(body.choices.filter { body.answers.contains($0.id) }.map { texts.json($0.text) }),
            ]
        case "matching":
            let body = try item.body.decode(Matching.Body.self)
            let targets = Dictionary(uniqueKeysWithValues: body.targets.map { ($0.id, texts.json($0.text)) })
            return [
                "pairs": .array(body.premises.map { [texts.json($0.text), targets[body.answer[$0.id] ?? ""] ?? .null] }),
                "targets": .array(body.targets.map { texts.json($0.text) }.sorted { $0.canonicalText < $1.canonicalText }),
            ]
        case "ordering":
            let body = try item.body.decode(Ordering.Body.self)
            let elements = Dictionary(uniqueKeysWithValues: body.elements.map { ($0.id, texts.json($0.text)) })
            return ["order": .array(body.answer.map { elements[$0] ?? .null }), "scoring": .string((body.scoring ?? .positions).rawValue)]
        case "short-text":
            let body = try item.body.decode(ShortText.Body.self)
            let kept = body.accepted.filter { texts.languages.contains($0.key) }.sorted { $0.key < $1.key }
            return ["accepted": .object(JSONObject(kept.map { (key: $0.key, value: JSONValue.array($0.value.map(JSONValue.string))) }))]
        case "numeric":
            let body = try item.body.decode(Numeric.Body.self)
            var members: [(key: String, value: JSONValue)] = [("answer", .number(body.answer)), ("tolerance", .number(body.tolerance ?? 0))]
            if let unit = body.unit { members.append(("unit", texts.json(unit))) }
            return .object(JSONObject(members))
        default:
            return item.body
        }
    }
}

/// Keeps the texts of some languages.
private struct TextSelection {
    let languages: Set<String>

    func select(_ text: LocalizedText?) -> [String: String] {
        (text?.translations ?? [:]).filter { languages.contains($0.key) }
    }

    func json(_ text: LocalizedText) -> JSONValue {
        .object(JSONObject(select(text).sorted { $0.key < $1.key }.map { (key: $0.key, value: JSONValue.string($0.value)) }))
    }
}
