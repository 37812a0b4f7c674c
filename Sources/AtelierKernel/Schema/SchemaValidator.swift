import Foundation

/// Checks a parsed document against a ``SchemaDocument``, reporting every problem with its line, column
/// and JSON pointer, and carrying on after each one.
///
/// Beyond JSON Schema it knows two things the content needs: that a localized text must exist in every
/// language the file declares, and that an unknown tag (item `type`) should be answered with the list of
/// known ones.
///
/// ```swift
/// var validator = SchemaValidator(document: ContentSchemas(registry: registry).form, diagnostics: collector, root: parsed.value)
/// validator.validate(parsed.value)
/// ```
public struct SchemaValidator {
    private let document: SchemaDocument
    /// What the validation has reported.
    public private(set) var diagnostics: DocumentDiagnostics
    private let participantLanguages: [String]?
    private let trainerLanguages: [String]?
    private var patterns: [String: NSRegularExpression] = [:]

    /// Creates a validator for one document.
    ///
    /// - Parameters:
    ///   - document: the schema to check against.
    ///   - diagnostics: the collector for the file (carries the file name and source map).
    ///   - root: the document's value; its `languages` and `trainerLanguages` decide which languages every
    ///     localized text must have.
    public init(document: SchemaDocument, diagnostics: DocumentDiagnostics, root: JSONValue) {
        self.document = document
        self.diagnostics = diagnostics
        let languages = SchemaValidator.languageList(root["languages"])
        self.participantLanguages = languages
        self.trainerLanguages = SchemaValidator.languageList(root["trainerLanguages"]) ?? languages
    }

    private static func languageList(_ value: JSONValue?) -> [String]? {
        guard let elements = value?.arrayValue else { return nil }
        let strings = elements.compactMap(\.stringValue)
        return strings.count == elements.count && !strings.isEmpty ? strings : nil
    }

    /// Validates the whole document against the root schema.
    public mutating func validate(_ value: JSONValue) {
        validate(value, against: document.root, at: .root)
    }

    /// Validates `value` (found at `pointer`) against `schema`.
    public mutating func validate(_ value: JSONValue, against schema: Schema, at pointer: JSONPointer) {
        switch schema.shape {
        case .anything:
            return
        case .definition(let name):
            guard let definition = document.definition(name) else {
                diagnostics.error("internal", "the schema refers to an unknown definition '\(name)'", at: pointer)
                return
            }
            validate(value, against: definition, at: pointer)
        case .conditional(let key, let whenPresent, let otherwise):
            if value[key] != nil {
                validate(value, against: whenPresent, at: pointer)
            } else {
                validate(value, against: otherwise, at: pointer)
            }
        case .object(let properties, let variants):
            validateObject(value, properties: properties, variants: variants, summary: schema.summary, at: pointer)
        case .array(let items, let minItems, let maxItems, let uniqueItems):
            guard case .array(let elements) = value else { return wrongType(value, expected: "an array", at: pointer) }
            if elements.count < minItems {
                diagnostics.error(
                    "too-few-items",
                    "needs at least \(minItems) element\(minItems == 1 ? "" : "s"), found \(elements.count)",
                    at: pointer,
                    hint: schema.summary
                )
            }
            if let maxItems, elements.count > maxItems {
                diagnostics.error("too-many-items", "has \(elements.count) elements; at most \(maxItems) are allowed", at: pointer)
            }
            var seen: [JSONValue: Int] = [:]
            for (index, element) in elements.enumerated() {
                validate(element, against: items, at: pointer.appending(index))
                if uniqueItems {
                    if let first = seen[element] {
                        diagnostics.error(
                            "duplicate-value",
                            "\(element.serialized()) appears twice (first at \(pointer.appending(first)))",
                            at: pointer.appending(index),
                            hint: "remove the repeated value"
                        )
                    } else {
                        seen[element] = index
                    }
                }
            }
        case .string(let pattern, let allowed, let minLength, let maxLength):
            guard case .string(let string) = value else { return wrongType(value, expected: "a string", at: pointer) }
            if let allowed {
                if !allowed.contains(string) {
                    let suggestion = Suggestion.closest(to: string, among: allowed).map { "did you mean '\($0)'? " } ?? ""
                    diagnostics.error(
                        "invalid-value",
                        "'\(string)' is not one of: \(allowed.joined(separator: ", "))",
                        at: pointer,
                        hint: suggestion.isEmpty ? schema.summary : suggestion + (schema.summary ?? "")
                    )
                }
                return
            }
            let length = string.count
            if length < minLength {
                diagnostics.error(
                    "empty-string",
                    minLength == 1 ? "must not be empty" : "must have at least \(minLength) characters",
                    at: pointer,
                    hint: schema.summary
                )
            }
            if let maxLength, length > maxLength {
                diagnostics.error("too-long", "is \(length) characters long; at most \(maxLength) are allowed", at: pointer)
            }
            if let pattern, length >= minLength, !matches(string, pattern: pattern) {
                diagnostics.error(
                    "invalid-format",
                    "'\(string)' does not have the expected form (\(pattern))",
                    at: pointer,
                    hint: schema.summary
                )
            }
        case .number(let integer, let minimum, let maximum, let exclusiveMinimum):
            guard case .number(let number) = value else {
                return wrongType(value, expected: integer ? "an integer" : "a number", at: pointer)
            }
            if integer, number.rounded() != number {
                diagnostics.error("wrong-type", "expected an integer, found \(value.serialized())", at: pointer, hint: schema.summary)
            }
            let range = SchemaValidator.describeRange(minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum)
            if let minimum, number < minimum {
                diagnostics.error("out-of-range", "\(value.serialized()) is out of range: \(range)", at: pointer, hint: schema.summary)
            } else if let maximum, number > maximum {
                diagnostics.error("out-of-range", "\(value.serialized()) is out of range: \(range)", at: pointer, hint: schema.summary)
            } else if let exclusiveMinimum, number <= exclusiveMinimum {
                diagnostics.error("out-of-range", "\(value.serialized()) is out of range: \(range)", at: pointer, hint: schema.summary)
            }
        case .dictionary(let values):
            guard case .object(let object) = value else { return wrongType(value, expected: "an object", at: pointer) }
            for member in object.members {
                validate(member.value, against: values, at: pointer.appending(member.key))
            }
        case .boolean:
            guard case .bool = value else { return wrongType(value, expected: "true or false", at: pointer) }
        case .localized(let audience, let valueSchema):
            validateLocalized(value, audience: audience, valueSchema: valueSchema, at: pointer)
        }
    }

    private mutating func validateObject(
        _ value: JSONValue,
        properties: [Property],
        variants: Variants?,
        summary: String?,
        at pointer: JSONPointer
    ) {
        guard case .object(let object) = value else { return wrongType(value, expected: "an object", at: pointer) }
        let names = properties.map(\.name)
        for key in object.keys where !names.contains(key) {
            let suggestion = Suggestion.closest(to: key, among: names)
            diagnostics.errorAtKey(
                "unknown-key",
                "unknown key '\(key)'",
                at: pointer.appending(key),
                hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "allowed keys: " + names.joined(separator: ", ")
            )
        }
        for property in properties {
            guard let member = object[property.name] else {
                if property.isRequired {
                    diagnostics.error(
                        "missing-property",
                        "missing required property '\(property.name)'",
                        at: pointer,
                        hint: property.schema.summary
                    )
                }
                continue
            }
            if let variants, property.name == variants.payload {
                continue  // checked below, once the tag is known
            }
            if let variants, property.name == variants.tag {
                guard case .string(let tag) = member else {
                    wrongType(member, expected: "a string", at: pointer.appending(property.name))
                    continue
                }
                if !variants.cases.contains(where: { $0.tag == tag }) {
                    let known = variants.cases.map(\.tag)
                    let suggestion = Suggestion.closest(to: tag, among: known).map { "did you mean '\($0)'? " } ?? ""
                    diagnostics.error(
                        "unknown-\(variants.noun.replacingOccurrences(of: " ", with: "-"))",
                        "unknown \(variants.noun) '\(tag)'",
                        at: pointer.appending(property.name),
                        hint: suggestion + "known \(variants.noun)s: " + known.joined(separator: ", ")
                    )
                }
                continue
            }
            validate(member, against: property.schema, at: pointer.appending(property.name))
        }
        if let variants, let tag = object[variants.tag]?.stringValue,
            let variant = variants.cases.first(where: { $0.tag == tag }), let payload = object[variants.payload]
        {
            validate(payload, against: variant.schema, at: pointer.appending(variants.payload))
        }
    }

    private mutating func validateLocalized(_ value: JSONValue, audience: TextAudience, valueSchema: Schema, at pointer: JSONPointer) {
        guard case .object(let object) = value else {
            let example = #"{"fr": "…", "en": "…", "ar": "…"}"#
            diagnostics.error(
                "wrong-type",
                "expected text in each language, such as \(example), found \(SchemaValidator.describe(value))",
                at: pointer,
                hint: value.stringValue != nil ? "put the text under its language code: {\"fr\": \(value.serialized())}" : nil
            )
            return
        }
        for member in object.members {
            let memberPointer = pointer.appending(member.key)
            if !matches(member.key, pattern: Schema.languagePattern) {
                diagnostics.errorAtKey(
                    "invalid-language",
                    "'\(member.key)' is not a language code",
                    at: memberPointer,
                    hint: "use ISO 639 codes such as fr, en, ar"
                )
                continue
            }
            validate(member.value, against: valueSchema, at: memberPointer)
        }
        let required = audience == .participant ? participantLanguages : trainerLanguages
        guard let required else { return }
        let missing = required.filter { object[$0] == nil }
        if !missing.isEmpty {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            let declaration = audience == .participant ? "languages" : "trainerLanguages"
            diagnostics.error(
                "missing-language",
                "missing the \(list) text\(missing.count > 1 ? "s" : "")",
                at: pointer,
                hint: "the file declares \(declaration) \(required.joined(separator: ", ")); add "
                    + missing.map { "\"\($0)\": \"…\"" }.joined(separator: ", ")
            )
        }
        for key in object.keys where !required.contains(key) && matches(key, pattern: Schema.languagePattern) {
            diagnostics.warning(
                "undeclared-language",
                "text in '\(key)', a language the file does not declare",
                at: pointer.appending(key),
                hint: "add '\(key)' to the file's \(audience == .participant ? "languages" : "trainerLanguages") or remove this text"
            )
        }
    }

    private mutating func wrongType(_ value: JSONValue, expected: String, at pointer: JSONPointer) {
        diagnostics.error("wrong-type", "expected \(expected), found \(SchemaValidator.describe(value))", at: pointer)
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): "the boolean \(bool)"
        case .number: "the number \(value.serialized())"
        case .string(let string): "the string \"\(string.count > 40 ? String(string.prefix(40)) + "…" : string)\""
        case .array: "an array"
        case .object: "an object"
        }
    }

    private static func describeRange(minimum: Double?, maximum: Double?, exclusiveMinimum: Double?) -> String {
        func show(_ number: Double) -> String { JSONValue.number(number).serialized() }
        switch (minimum, maximum, exclusiveMinimum) {
        case (let minimum?, let maximum?, _): return "must be between \(show(minimum)) and \(show(maximum))"
        case (let minimum?, nil, _): return "must be at least \(show(minimum))"
        case (nil, let maximum?, _): return "must be at most \(show(maximum))"
        case (nil, nil, let exclusive?): return "must be greater than \(show(exclusive))"
        default: return "out of range"
        }
    }

    private mutating func matches(_ string: String, pattern: String) -> Bool {
        let expression: NSRegularExpression
        if let cached = patterns[pattern] {
            expression = cached
        } else {
            guard let compiled = try? NSRegularExpression(pattern: pattern) else { return true }
            patterns[pattern] = compiled
            expression = compiled
        }
        let range = NSRange(string.startIndex..., in: string)
        return expression.firstMatch(in: string, range: range) != nil
    }
}

/// Near-miss suggestions for misspelt keys and values.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let limit = max(1, min(3, word.count / 3))
        return best.1 <= limit ? best.0 : nil
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring letters ("psot" → "post") each count one.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
