/// The declarations and response processing that score a QTI item the way Atelier grades it.
///
/// Every scored item declares `SCORE` (0 to its points) and `MAXSCORE` (its points). The standard
/// templates are used wherever they give Atelier's score: `match_correct` sets SCORE to 1, so it serves
/// items worth 1 point; `map_response` sums a `qti-mapping` clipped to its bounds, so mapped values are
/// scaled by the item's points. Other rules are written as `qti-response-condition`s that add to SCORE,
/// which starts at its default (0) on each attempt: an unanswered interaction makes the condition NULL,
/// which counts as false, so it earns nothing, as in Atelier.
enum QTIScoring {
    /// The identifier of the single response variable of most items.
    static let response = "RESPONSE"

    /// `SCORE` (default 0, normal maximum `points`) and `MAXSCORE` (default `points`).
    static func outcomeDeclarations(points: Double) -> [Markup] {
        [
            .tag(
                "qti-outcome-declaration",
                ["identifier": "SCORE", "cardinality": "single", "base-type": "float", "normal-maximum": number(points)],
                [defaultValue("0")]
            ),
            .tag(
                "qti-outcome-declaration",
                ["identifier": "MAXSCORE", "cardinality": "single", "base-type": "float"],
                [defaultValue(number(points))]
            ),
        ]
    }

    /// A `qti-response-declaration` with its correct response and, optionally, a mapping.
    static func responseDeclaration(
        _ identifier: String = response,
        cardinality: String,
        baseType: String,
        correct: [String],
        mapping: Markup? = nil
    ) -> Markup {
        var children: [Markup] = []
        if !correct.isEmpty {
            children.append(.tag("qti-correct-response", [:], correct.map { .tag("qti-value", text: $0) }))
        }
        if let mapping { children.append(mapping) }
        return .tag("qti-response-declaration", ["identifier": identifier, "cardinality": cardinality, "base-type": baseType], children)
    }

    /// A `qti-mapping` from keys to values, clipped to `lowerBound`…`upperBound`.
    static func mapping(_ entries: [(key: String, value: Double)], lowerBound: Double, upperBound: Double, caseSensitive: Bool? = nil) -> Markup {
        .tag(
            "qti-mapping",
            ["default-value": "0", "lower-bound": number(lowerBound), "upper-bound": number(upperBound)],
            entries.map { entry in
                .tag(
                    "qti-map-entry",
                    ["map-key": entry.key, "mapped-value": number(entry.value), "case-sensitive": caseSensitive.map { $0 ? "true" : "false" }]
                )
            }
        )
    }

    /// Response processing by a standard template.
    static func template(_ uri: String) -> Markup {
        .tag("qti-response-processing", ["template": uri])
    }

    /// SCORE = `points` when RESPONSE equals its correct response, else 0: the `match_correct` template for an
    /// item worth 1 point, the same rule written out otherwise.
    static func matchCorrect(points: Double) -> Markup {
        if points == 1 { return template(QTI.matchCorrectTemplate) }
        return processing([award(points, when: matchesCorrect(response))])
    }

    /// Custom response processing made of `rules`.
    static func processing(_ rules: [Markup]) -> Markup {
        .tag("qti-response-processing", [:], rules)
    }

    /// A rule that adds `amount` to SCORE when `condition` is true.
    static func award(_ amount: Double, when condition: Markup) -> Markup {
        .tag(
            "qti-response-condition",
            [:],
            [
                .tag(
                    "qti-response-if",
                    [:],
                    [
                        condition,
                        .tag(
                            "qti-set-outcome-value",
                            ["identifier": "SCORE"],
                            [.tag("qti-sum", [:], [variable("SCORE"), baseValue("float", number(amount))])]
                        ),
                    ]
                )
            ]
        )
    }

    /// Whether the response variable `identifier` equals its correct response.
    static func matchesCorrect(_ identifier: String) -> Markup {
        .tag("qti-match", [:], [variable(identifier), .tag("qti-correct", ["identifier": identifier])])
    }

    /// The value of the variable `identifier`.
    static func variable(_ identifier: String) -> Markup {
        .tag("qti-variable", ["identifier": identifier])
    }

    /// A constant of `baseType`.
    static func baseValue(_ baseType: String, _ value: String) -> Markup {
        .tag("qti-base-value", ["base-type": baseType], text: value)
    }

    /// A number as QTI writes it: `1`, `0.5`, `0.3333333333333333`.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    private static func defaultValue(_ value: String) -> Markup {
        .tag("qti-default-value", [:], [.tag("qti-value", text: value)])
    }
}
