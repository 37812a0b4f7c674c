import Foundation

/// The grade of one submission of a form: total, maximum, percent, pass, and each item.
///
/// Its JSON form is the contract of `atelier grade --format json` and of the HTTP grading endpoint:
/// `{"form","score","maxScore","percent","passMark","passed","items":[{"id","type","status","score","maxScore","error"}],"unknownItems"}`.
public struct FormGrade: Sendable, Codable, Equatable {
    /// The form graded.
    public var form: String
    /// Points earned.
    public var score: Double
    /// Points available.
    public var maxScore: Double
    /// `score / maxScore × 100`, rounded to two decimals.
    public var percent: Double
    /// The form's pass mark, as a fraction.
    public var passMark: Double
    /// Whether `score / maxScore` reaches the pass mark.
    public var passed: Bool
    /// Each item, in the form's order.
    public var items: [ItemGrade]
    /// Response keys that are not items of the form (ignored).
    public var unknownItems: [String]
    /// The version of the grading rules, stored with every graded submission.
    public var graderVersion: String
}

/// The grade of one item.
public struct ItemGrade: Sendable, Codable, Equatable {
    /// The item's id.
    public var id: String
    /// Its type.
    public var type: String
    /// What happened.
    public var status: Status
    /// Points earned.
    public var score: Double
    /// Points available (0 for unscored items).
    public var maxScore: Double
    /// Why the response could not be graded, for ``Status/invalid``.
    public var error: String?

    /// What happened to an item's response.
    public enum Status: String, Sendable, Codable {
        /// Full credit.
        case correct
        /// Some credit.
        case partial
        /// No credit.
        case incorrect
        /// No response.
        case unanswered
        /// A response of the wrong shape (no credit; `error` says why).
        case invalid
        /// Answered, not scored (a Likert scale).
        case recorded
    }
}

extension FormGrade {
    /// The documented JSON: `{"form", "score", "maxScore", "percent", "passMark", "passed", "items": [{"id", "type",
    /// "status", "score", "maxScore", "error"}], "unknownItems", "graderVersion"}`, every key always present.
    public var jsonValue: JSONValue {
        [
            "form": .string(form),
            "score": .number(score),
            "maxScore": .number(maxScore),
            "percent": .number(percent),
            "passMark": .number(passMark),
            "passed": .bool(passed),
            "items": .array(
                items.map { item in
                    [
                        "id": .string(item.id),
                        "type": .string(item.type),
                        "status": .string(item.status.rawValue),
                        "score": .number(item.score),
                        "maxScore": .number(item.maxScore),
                        "error": item.error.map(JSONValue.string) ?? .null,
                    ]
                }
            ),
            "unknownItems": .array(unknownItems.map(JSONValue.string)),
            "graderVersion": .string(graderVersion),
        ]
    }
}

extension FormGrade {
    /// Reads the JSON of ``jsonValue`` back.
    public init?(json: JSONValue) {
        guard let form = json["form"]?.stringValue, let score = json["score"]?.numberValue, let maxScore = json["maxScore"]?.numberValue,
            let percent = json["percent"]?.numberValue, let passMark = json["passMark"]?.numberValue, let passed = json["passed"]?.boolValue,
            let items = json["items"]?.arrayValue, let graderVersion = json["graderVersion"]?.stringValue
        else { return nil }
        var grades: [ItemGrade] = []
        for item in items {
            guard let id = item["id"]?.stringValue, let type = item["type"]?.stringValue,
                let status = item["status"]?.stringValue.flatMap(ItemGrade.Status.init(rawValue:)), let itemScore = item["score"]?.numberValue,
                let itemMax = item["maxScore"]?.numberValue
            else { return nil }
            grades.append(ItemGrade(id: id, type: type, status: status, score: itemScore, maxScore: itemMax, error: item["error"]?.stringValue))
        }
        self.init(
            form: form,
            score: score,
            maxScore: maxScore,
            percent: percent,
            passMark: passMark,
            passed: passed,
            items: grades,
            unknownItems: json["unknownItems"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            graderVersion: graderVersion
        )
    }
}

extension FormGrade {
    /// ``jsonValue`` serialized, written directly into one buffer (the grading endpoint and every stored
    /// submission use it).
    public var jsonText: String {
        var output: [UInt8] = []
        output.reserveCapacity(160 + items.count * 100)
        func literal(_ text: StaticString) {
            text.withUTF8Buffer { output.append(contentsOf: $0) }
        }
        literal("{\"form\":")
        JSONValue.writeString(form, to: &output)
        literal(",\"score\":")
        JSONValue.writeNumber(score, to: &output)
        literal(",\"maxScore\":")
        JSONValue.writeNumber(maxScore, to: &output)
        literal(",\"percent\":")
        JSONValue.writeNumber(percent, to: &output)
        literal(",\"passMark\":")
        JSONValue.writeNumber(passMark, to: &output)
        passed ? literal(",\"passed\":true,\"items\":[") : literal(",\"passed\":false,\"items\":[")
        for (index, item) in items.enumerated() {
            index > 0 ? literal(",{\"id\":") : literal("{\"id\":")
            JSONValue.writeString(item.id, to: &output)
            literal(",\"type\":")
            JSONValue.writeString(item.type, to: &output)
            literal(",\"status\":")
            JSONValue.writeString(item.status.rawValue, to: &output)
            literal(",\"score\":")
            JSONValue.writeNumber(item.score, to: &output)
            literal(",\"maxScore\":")
            JSONValue.writeNumber(item.maxScore, to: &output)
            literal(",\"error\":")
            if let error = item.error { JSONValue.writeString(error, to: &output) } else { literal("null") }
            literal("}")
        }
        literal("],\"unknownItems\":[")
        for (index, id) in unknownItems.enumerated() {
            if index > 0 { literal(",") }
            JSONValue.writeString(id, to: &output)
        }
        literal("],\"graderVersion\":")
        JSONValue.writeString(graderVersion, to: &output)
        literal("}")
        return String(decoding: output, as: UTF8.self)
    }
}
