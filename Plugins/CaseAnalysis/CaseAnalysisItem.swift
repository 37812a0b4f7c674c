import AtelierKernel

/// A case-analysis item: a short fictional scenario in which the participant marks which elements of the
/// trafficking definition are present and classifies the case.
///
/// The elements are those of the UN Trafficking in Persons Protocol, Art. 3: an **act** (recruitment,
/// transportation, transfer, harbouring or receipt), a **means** (threat, force, coercion, abduction,
/// fraud, deception, abuse of power or of a position of vulnerability, payments to a person in control),
/// and an exploitative **purpose**. For a child (under 18) no means is required.
///
/// Body:
/// ```json
/// {"scenario": LT, "child": false,
///  "key": {"act": true, "means": true, "purpose": true, "classification": "trafficking"}}
/// ```
/// Response: `{"act": true, "means": false, "purpose": true, "classification": "trafficking"}`; a part left
/// out earns nothing. Each of the four parts (act, means, purpose, classification) is worth a quarter of
/// the item's points.
public struct CaseAnalysisItem: ItemType {
    /// How a case is classified.
    public enum Classification: String, Codable, Sendable, CaseIterable {
        case trafficking, smuggling, both, neither
    }

    /// The answer key.
    public struct Key: Codable, Sendable {
        /// Whether an act is present.
        public var act: Bool
        /// Whether a means is present.
        public var means: Bool
        /// Whether an exploitative purpose is present.
        public var purpose: Bool
        /// The right classification.
        public var classification: Classification
    }

    /// The body.
    public struct Body: Codable, Sendable {
        /// The fictional scenario.
        public var scenario: LocalizedText
        /// Whether the person concerned is under 18.
        public var child: Bool
        /// The answer key.
        public var key: Key
    }

    /// The parts of a response, each graded on its own.
    static let elements = ["act", "means", "purpose"]

    /// Creates the item type.
    public init() {}

    public let kind = "case-analysis"
    public let summary =
        "A fictional scenario: mark the elements of the trafficking definition present (act, means, purpose) and classify the case. Response: {\"act\": true, \"means\": false, \"purpose\": true, \"classification\": \"trafficking\"}."

    public var bodySchema: Schema {
        .object([
            Property("scenario", .text(summary: "The fictional scenario the participant analyses.")),
            Property("child", .boolean(summary: "Whether the person concerned is under 18 (then no means is required).")),
            Property(
                "key",
                .object(
                    [
                        Property(
                            "act",
                            .boolean(summary: "Whether an act is present: recruitment, transportation, transfer, harbouring or receipt.")
                        ),
                        Property(
                            "means",
                            .boolean(
                                summary:
                                    "Whether a means is present: threat, force, coercion, abduction, fraud, deception, abuse of power or vulnerability, payments."
                            )
                        ),
                        Property("purpose", .boolean(summary: "Whether the purpose is exploitation.")),
                        Property(
                            "classification",
                            .oneOf(Classification.allCases.map(\.rawValue), summary: "trafficking, smuggling, both or neither.")
                        ),
                    ],
                    summary: "The answer key."
                )
            ),
        ])
    }

    /// Whether the elements meet the trafficking definition: act and purpose, and means unless a child.
    public static func meetsTraffickingDefinition(act: Bool, means: Bool, purpose: Bool, child: Bool) -> Bool {
        act && purpose && (means || child)
    }

    public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {
        let key = body.key
        let meets = CaseAnalysisItem.meetsTraffickingDefinition(act: key.act, means: key.means, purpose: key.purpose, child: body.child)
        switch key.classification {
        case .trafficking, .both:
            if !meets {
                var missing = [key.act ? nil : "act", key.purpose ? nil : "purpose"].compactMap { $0 }
                if !key.means && !body.child { missing.append("means (required for an adult)") }
                diagnostics.error(
                    "key-contradicts-definition",
                    "the key classifies the case as \(key.classification.rawValue), but the elements marked present do not meet the trafficking definition (missing: \(missing.joined(separator: ", ")))",
                    at: "/key/classification",
                    hint: body.child || key.means
                        ? "mark the missing elements present, or change the classification"
                        : "if the person is under 18, set \"child\": true (no means is then required); otherwise mark the means or change the classification"
                )
            }
        case .smuggling, .neither:
            if meets {
                diagnostics.error(
                    "key-contradicts-definition",
                    "the key classifies the case as \(key.classification.rawValue), but act, purpose\(body.child ? "" : " and means") are marked present, which is trafficking",
                    at: "/key/classification",
                    hint: "classify it as trafficking (or both), or correct the elements"
                )
            }
        }
    }

    public func present(_ body: Body, in context: PresentationContext) -> JSONValue {
        let labels = CaseAnalysisLabels.labels(for: context.language)
        return [
            "scenario": .string(context.localized(body.scenario)),
            "elements": .array(
                CaseAnalysisItem.elements.map { element in
                    [
                        "id": .string(element), "label": .string(labels.elements[element] ?? element),
                        "question": .string(labels.questions[element] ?? element),
                    ]
                }
            ),
            "classifications": .array(
                Classification.allCases.map { ["id": .string($0.rawValue), "label": .string(labels.classifications[$0.rawValue] ?? $0.rawValue)] }
            ),
        ]
    }

    public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        guard case .object(let object) = response else {
            return .invalid(
                "expected an object such as {\"act\": true, \"means\": false, \"purpose\": true, \"classification\": \"trafficking\"}, found \(response.typeName)"
            )
        }
        let allowed = CaseAnalysisItem.elements + ["classification"]
        for key in object.keys where !allowed.contains(key) {
            return .invalid("'\(key)' is not a part of a case analysis; the parts are \(allowed.joined(separator: ", "))")
        }
        let key = body.key
        let expected = ["act": key.act, "means": key.means, "purpose": key.purpose]
        var right = 0
        for element in CaseAnalysisItem.elements {
            guard let value = object[element], !value.isNull else { continue }
            guard case .bool(let present) = value else {
                return .invalid("'\(element)' must be true (present) or false (absent), found \(value.typeName)")
            }
            if present == expected[element] { right += 1 }
        }
        if let value = object["classification"], !value.isNull {
            guard case .string(let name) = value, let classification = Classification(rawValue: name) else {
                return .invalid(
                    "'classification' must be one of \(Classification.allCases.map(\.rawValue).joined(separator: ", ")), found \(value.serialized())"
                )
            }
            if classification == key.classification { right += 1 }
        }
        return .scored(Double(right) / 4)
    }

    /// Answering each element by a coin toss and the classification among four: (3 × ½ + ¼) / 4.
    public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? { (3 * 0.5 + 0.25) / 4 }

    public func correctResponse(for body: Body) -> JSONValue {
        [
            "act": .bool(body.key.act),
            "means": .bool(body.key.means),
            "purpose": .bool(body.key.purpose),
            "classification": .string(body.key.classification.rawValue),
        ]
    }
}
