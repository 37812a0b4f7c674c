import AtelierKernel
import Foundation

/// HTML form fields for each item type, and the response read back from a post.
///
/// Standard types get native controls (radio buttons, check boxes, selects, text fields); a type the server
/// does not know gets a text field for its JSON response.
enum ItemForm {
    struct Unreadable: Error { var reason: String }

    private static func options(_ list: [JSONValue]?) -> [(value: String, label: String)] {
        (list ?? []).map { option in
            let value = option["id"]?.stringValue ?? option["value"].map { $0.serialized() } ?? ""
            return (value, option["text"]?.stringValue ?? option["label"]?.stringValue ?? value)
        }
    }

    /// The template context of `item`, with `answer` filled in.
    static func context(for item: PresentedItem, answer: JSONValue?, pages: PageRenderer, language: String) -> [String: Any] {
        let body = item.body
        var context: [String: Any] = [:]
        switch item.type {
        case "single-choice", "true-false", "likert":
            let list = options(body["choices"]?.arrayValue ?? body["options"]?.arrayValue ?? body["scale"]?.arrayValue)
            let current = answer.map { $0.stringValue ?? $0.serialized() }
            context["options"] = list.map { ["inputType": "radio", "value": $0.value, "label": $0.label, "checked": $0.value == current] }
        case "multiple-response":
            let chosen = Set(answer?.arrayValue?.compactMap(\.stringValue) ?? [])
            context["hint"] = pages.text("item.select-all", language)
            context["options"] = options(body["choices"]?.arrayValue).map {
                ["inputType": "checkbox", "value": $0.value, "label": $0.label, "checked": chosen.contains($0.value)]
            }
        case "matching":
            let targets = options(body["targets"]?.arrayValue)
            context["hint"] = pages.text("item.match", language)
            context["selects"] = options(body["premises"]?.arrayValue).enumerated().map { index, premise -> [String: Any] in
                let current = answer?[premise.value]?.stringValue
                return [
                    "id": "m\(index)", "name": "p.\(premise.value)", "label": premise.label,
                    "choices": targets.map { ["value": $0.value, "label": $0.label, "selected": $0.value == current] },
                ]
            }
        case "ordering":
            let elements = options(body["elements"]?.arrayValue)
            let order = answer?.arrayValue?.compactMap(\.stringValue) ?? []
            context["hint"] = pages.text("item.order", language)
            context["selects"] = elements.enumerated().map { index, element -> [String: Any] in
                let position = order.firstIndex(of: element.value).map { $0 + 1 }
                return [
                    "id": "o\(index)", "name": "o.\(element.value)", "label": element.label,
                    "choices": (1...elements.count).map { ["value": String($0), "label": String($0), "selected": $0 == position] },
                ]
            }
        case "numeric":
            context["text"] = [
                "inputType": "text", "numeric": true, "label": body["unit"]?.stringValue ?? "",
                "value": answer.map { $0.stringValue ?? $0.serialized() } ?? "",
            ]
        case "short-text":
            context["text"] = ["inputType": "text", "numeric": false, "label": "", "value": answer?.stringValue ?? ""]
        case "case-analysis":
            context["scenario"] = body["scenario"]?.stringValue ?? ""
            context["elements"] = (body["elements"]?.arrayValue ?? []).map { element -> [String: Any] in
                let id = element["id"]?.stringValue ?? ""
                let current = answer?[id]?.boolValue
                return [
                    "name": "e.\(id)", "label": element["label"]?.stringValue ?? id, "question": element["question"]?.stringValue ?? "",
                    "yes": current == true, "no": current == false,
                ]
            }
            let chosen = answer?["classification"]?.stringValue
            let classifications = options(body["classifications"]?.arrayValue).map {
                ["value": $0.value, "label": $0.label, "checked": $0.value == chosen]
            }
            context["classifications"] = classifications
            context["hasClassifications"] = !classifications.isEmpty
        default:
            context["text"] = [
                "inputType": "text", "numeric": false, "label": pages.text("item.json", language), "value": answer?.serialized() ?? "",
            ]
        }
        return context
    }

    /// The response posted for `item`; `nil` when nothing was answered.
    static func response(from form: FormBody, item: PresentedItem) throws -> JSONValue? {
        let body = item.body
        func text(_ name: String) -> String? {
            guard let value = form[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        switch item.type {
        case "single-choice": return text("answer").map(JSONValue.string)
        case "true-false": return text("answer").map { .bool($0 == "true") }
        case "likert":
            return try text("answer").map { value in
                guard let number = Double(value) else { throw Unreadable(reason: value) }
                return .number(number)
            }
        case "multiple-response":
            let chosen = form.all("answer").filter { !$0.isEmpty }
            return chosen.isEmpty ? nil : .array(chosen.map(JSONValue.string))
        case "matching":
            var pairs = JSONObject()
            for premise in options(body["premises"]?.arrayValue) {
                if let target = text("p.\(premise.value)") { pairs[premise.value] = .string(target) }
            }
            return pairs.count == 0 ? nil : .object(pairs)
        case "ordering":
            let elements = options(body["elements"]?.arrayValue)
            let positions = elements.compactMap { element in text("o.\(element.value)").flatMap(Int.init).map { (element.value, $0) } }
            if positions.isEmpty { return nil }
            return .array(positions.sorted { $0.1 < $1.1 }.map { .string($0.0) })
        case "numeric", "short-text": return text("answer").map(JSONValue.string)
        case "case-analysis":
            var parts = JSONObject()
            for element in body["elements"]?.arrayValue ?? [] {
                guard let id = element["id"]?.stringValue, let value = text("e.\(id)") else { continue }
                parts[id] = .bool(value == "yes")
            }
            if let classification = text("classification") { parts["classification"] = .string(classification) }
            return parts.count == 0 ? nil : .object(parts)
        default:
            guard let value = text("answer") else { return nil }
            do { return try JSONParser.parse(value).value } catch { throw Unreadable(reason: error.message) }
        }
    }
}
