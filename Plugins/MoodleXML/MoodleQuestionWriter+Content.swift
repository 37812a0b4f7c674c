import AtelierKernel

extension MoodleQuestionWriter {
    /// Reads the body of `item` for writing; nil when it does not have the shape its type requires.
    static func content(of item: Item) -> Content? {
        let body = item.body
        switch item.type {
        case "single-choice", "multiple-response":
            guard let options = options(body["choices"]) else { return nil }
            let single = item.type == "single-choice"
            let keys = single ? body["answer"].flatMap(\.stringValue).map { [$0] } : body["answers"]?.arrayValue?.compactMap(\.stringValue)
            guard let keys, !keys.isEmpty else { return nil }
            let right = options.indices.filter { keys.contains(options[$0].id) }
            guard right.count == Set(keys).count else { return nil }
            return .choices(options.map(\.text), right: right, single: single)
        case "true-false":
            return body["answer"]?.boolValue.map(Content.trueFalse)
        case "short-text":
            guard let object = body["accepted"]?.objectValue else { return nil }
            var accepted: [String: [String]] = [:]
            for member in object.members {
                guard let answers = member.value.arrayValue?.compactMap(\.stringValue), !answers.isEmpty else { return nil }
                accepted[member.key] = answers
            }
            return accepted.isEmpty ? nil : .shortText(accepted)
        case "numeric":
            guard let answer = body["answer"]?.numberValue else { return nil }
            let unit = body["unit"].flatMap(localized)
            return .numeric(answer: answer, tolerance: abs(body["tolerance"]?.numberValue ?? 0), unit: unit)
        case "matching":
            guard let premises = options(body["premises"]), let targets = options(body["targets"]), let key = body["answer"]?.objectValue else {
                return nil
            }
            var pairs: [Int] = []
            for premise in premises {
                guard let target = key[premise.id]?.stringValue, let index = targets.firstIndex(where: { $0.id == target }) else { return nil }
                pairs.append(index)
            }
            return .matching(premises: premises.map(\.text), targets: targets.map(\.text), pairs: pairs)
        case "ordering":
            guard let elements = options(body["elements"]), let order = body["answer"]?.arrayValue?.compactMap(\.stringValue),
                order.count == elements.count
            else { return nil }
            var ordered: [LocalizedText] = []
            for id in order {
                guard let element = elements.first(where: { $0.id == id }) else { return nil }
                ordered.append(element.text)
            }
            return .ordering(ordered, scoring: body["scoring"]?.stringValue ?? "positions")
        default:
            return nil
        }
    }

    private static func options(_ value: JSONValue?) -> [(id: String, text: LocalizedText)]? {
        guard let elements = value?.arrayValue, !elements.isEmpty else { return nil }
        var options: [(id: String, text: LocalizedText)] = []
        for element in elements {
            guard let id = element["id"]?.stringValue, let text = element["text"].flatMap(localized) else { return nil }
            options.append((id, text))
        }
        return options
    }

    private static func localized(_ value: JSONValue) -> LocalizedText? {
        guard let object = value.objectValue else { return nil }
        var translations: [String: String] = [:]
        for member in object.members {
            guard let text = member.value.stringValue else { return nil }
            translations[member.key] = text
        }
        return LocalizedText(translations)
    }
}
