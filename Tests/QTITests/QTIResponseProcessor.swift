import Foundation

/// Runs the response processing of an exported item on given responses, as a QTI delivery system would,
/// for the subset of QTI 3.0 the exporter writes: the `match_correct` and `map_response` templates, and
/// `qti-response-condition`s built from `qti-match`, `qti-correct`, `qti-variable`, `qti-base-value`,
/// `qti-sum`, `qti-index`, `qti-contains`, `qti-ordered`, `qti-equal` (absolute tolerance),
/// `qti-is-null` and `qti-map-response`. Semantics follow the QTI 3.0 operator definitions: NULL
/// propagates, a NULL condition is false, an empty container is NULL, `qti-contains` on ordered containers
/// looks for a contiguous sub-sequence, a mapping counts each distinct value of a container once and is
/// clipped to its bounds.
struct QTIResponseProcessor {
    /// A QTI value.
    indirect enum Value: Equatable {
        case null
        case number(Double)
        case atom(String)
        case bool(Bool)
        case container([Value], ordered: Bool)
    }

    /// Why processing failed.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private struct Declaration {
        var cardinality: String
        var baseType: String
        var correct: [String]
        var mapping: XMLTree?
    }

    private let declarations: [String: Declaration]
    private let defaults: [String: Value]
    private let processing: XMLTree?

    /// Reads the declarations and response processing of `item`.
    init(item: XMLTree) {
        var declarations: [String: Declaration] = [:]
        for declaration in item.children("qti-response-declaration") {
            declarations[declaration["identifier"] ?? ""] = Declaration(
                cardinality: declaration["cardinality"] ?? "single",
                baseType: declaration["base-type"] ?? "identifier",
                correct: declaration.first("qti-correct-response")?.children("qti-value").map(\.text) ?? [],
                mapping: declaration.first("qti-mapping")
            )
        }
        var defaults: [String: Value] = [:]
        for outcome in item.children("qti-outcome-declaration") {
            let value = outcome.first("qti-default-value")?.first("qti-value")?.text
            defaults[outcome["identifier"] ?? ""] = value.flatMap(Double.init).map(Value.number) ?? .null
        }
        self.declarations = declarations
        self.defaults = defaults
        self.processing = item.first("qti-response-processing")
    }

    /// The outcomes after processing `responses` (response identifier → value; a missing one is NULL).
    func outcomes(for responses: [String: Value]) throws -> [String: Value] {
        var outcomes = defaults
        guard let processing else { return outcomes }
        let variables = responses.mapValues(normalized)
        if let template = processing["template"] {
            if template.hasSuffix("/match_correct.xml") {
                let matched = try evaluateMatch(variables["RESPONSE"] ?? .null, correct("RESPONSE"))
                outcomes["SCORE"] = .number(matched == .bool(true) ? 1 : 0)
            } else if template.hasSuffix("/map_response.xml") {
                let response = variables["RESPONSE"] ?? .null
                outcomes["SCORE"] = response == .null ? .number(0) : try mapResponse("RESPONSE", response)
            } else {
                throw Failure(description: "unknown template \(template)")
            }
            return outcomes
        }
        for rule in processing.children {
            try run(rule, variables: variables, outcomes: &outcomes)
        }
        return outcomes
    }

    /// The score after processing `responses`.
    func score(for responses: [String: Value]) throws -> Double {
        guard case .number(let score) = try outcomes(for: responses)["SCORE"] ?? .null else { throw Failure(description: "SCORE is not a number") }
        return score
    }

    private func normalized(_ value: Value) -> Value {
        if case .container(let elements, _) = value, elements.isEmpty { return .null }
        return value
    }

    private func run(_ rule: XMLTree, variables: [String: Value], outcomes: inout [String: Value]) throws {
        switch rule.name {
        case "qti-response-condition":
            for branch in rule.children {
                if branch.name == "qti-response-else" {
                    for inner in branch.children { try run(inner, variables: variables, outcomes: &outcomes) }
                    return
                }
                guard let condition = branch.children.first else { throw Failure(description: "\(branch.name) without a condition") }
                if try evaluate(condition, variables: variables, outcomes: outcomes) == .bool(true) {
                    for inner in branch.children.dropFirst() { try run(inner, variables: variables, outcomes: &outcomes) }
                    return
                }
            }
        case "qti-set-outcome-value":
            guard let identifier = rule["identifier"], let expression = rule.children.first else {
                throw Failure(description: "qti-set-outcome-value without identifier or expression")
            }
            outcomes[identifier] = try evaluate(expression, variables: variables, outcomes: outcomes)
        default:
            throw Failure(description: "unsupported rule \(rule.name)")
        }
    }

    private func evaluate(_ expression: XMLTree, variables: [String: Value], outcomes: [String: Value]) throws -> Value {
        let operands = try expression.children.map { try evaluate($0, variables: variables, outcomes: outcomes) }
        switch expression.name {
        case "qti-variable":
            let identifier = expression["identifier"] ?? ""
            return declarations[identifier] != nil ? (variables[identifier] ?? .null) : (outcomes[identifier] ?? .null)
        case "qti-correct":
            return try correct(expression["identifier"] ?? "")
        case "qti-base-value":
            return value(expression.text, baseType: expression["base-type"] ?? "string")
        case "qti-match":
            return try evaluateMatch(operands[0], operands[1])
        case "qti-is-null":
            return .bool(operands[0] == .null)
        case "qti-sum":
            var total = 0.0
            for operand in operands {
                guard case .number(let number) = operand else { return .null }
                total += number
            }
            return .number(total)
        case "qti-index":
            guard case .container(let elements, true) = operands[0], let n = Int(expression["n"] ?? "") else { return .null }
            return elements.indices.contains(n - 1) ? elements[n - 1] : .null
        case "qti-ordered":
            let elements = operands.filter { $0 != .null }
            return elements.isEmpty ? .null : .container(elements, ordered: true)
        case "qti-contains":
            guard case .container(let haystack, let ordered) = operands[0], case .container(let needle, _) = operands[1] else { return .null }
            if ordered {
                guard needle.count <= haystack.count else { return .bool(false) }
                return .bool((0...(haystack.count - needle.count)).contains { Array(haystack[$0..<$0 + needle.count]) == needle })
            }
            var remaining = haystack
            for element in needle {
                guard let index = remaining.firstIndex(of: element) else { return .bool(false) }
                remaining.remove(at: index)
            }
            return .bool(true)
        case "qti-equal":
            guard case .number(let x) = operands[0], case .number(let y) = operands[1] else { return .null }
            guard expression["tolerance-mode"] == "absolute" else { return .bool(x == y) }
            let bounds = (expression["tolerance"] ?? "0").split(separator: " ").compactMap { Double($0) }
            let below = bounds.first ?? 0
            let above = bounds.count > 1 ? bounds[1] : below
            return .bool(y - below <= x && x <= y + above)
        case "qti-map-response":
            let identifier = expression["identifier"] ?? ""
            let response = variables[identifier] ?? .null
            return response == .null ? .null : try mapResponse(identifier, response)
        default:
            throw Failure(description: "unsupported expression \(expression.name)")
        }
    }

    private func correct(_ identifier: String) throws -> Value {
        guard let declaration = declarations[identifier] else { throw Failure(description: "no response \(identifier)") }
        let values = declaration.correct.map { value($0, baseType: declaration.baseType) }
        switch declaration.cardinality {
        case "single": return values.first ?? .null
        case "ordered": return values.isEmpty ? .null : .container(values, ordered: true)
        default: return values.isEmpty ? .null : .container(values, ordered: false)
        }
    }

    private func value(_ text: String, baseType: String) -> Value {
        switch baseType {
        case "float", "integer": Double(text).map(Value.number) ?? .null
        case "boolean": .bool(text == "true")
        default: .atom(text)
        }
    }

    private func evaluateMatch(_ left: Value, _ right: Value) throws -> Value {
        if left == .null || right == .null { return .null }
        switch (left, right) {
        case (.container(let a, true), .container(let b, true)):
            return .bool(a == b)
        case (.container(let a, false), .container(let b, false)):
            return .bool(a.map(key).sorted() == b.map(key).sorted())
        default:
            return .bool(left == right)
        }
    }

    private func key(_ value: Value) -> String {
        switch value {
        case .atom(let text): text
        case .number(let number): String(number)
        default: "\(value)"
        }
    }

    private func mapResponse(_ identifier: String, _ response: Value) throws -> Value {
        guard let mapping = declarations[identifier]?.mapping else { throw Failure(description: "\(identifier) has no mapping") }
        let fallback = Double(mapping["default-value"] ?? "0") ?? 0
        let entries = mapping.children("qti-map-entry").map { entry in
            (key: entry["map-key"] ?? "", value: Double(entry["mapped-value"] ?? "") ?? .nan, caseSensitive: entry["case-sensitive"] == "true")
        }
        func mapped(_ value: Value) -> Double {
            let text = key(value)
            let entry = entries.first { $0.caseSensitive ? $0.key == text : $0.key.lowercased() == text.lowercased() }
            return entry?.value ?? fallback
        }
        var total: Double
        switch response {
        case .container(let elements, _):
            var distinct: [Value] = []
            for element in elements where !distinct.contains(element) { distinct.append(element) }
            total = distinct.reduce(0) { $0 + mapped($1) }
        default:
            total = mapped(response)
        }
        if let lower = mapping["lower-bound"].flatMap(Double.init) { total = max(lower, total) }
        if let upper = mapping["upper-bound"].flatMap(Double.init) { total = min(upper, total) }
        return .number(total)
    }
}
