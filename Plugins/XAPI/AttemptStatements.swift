import AtelierKernel
import Foundation

/// The statements of one attempt: `answered` for each item, then `completed`, then `passed` or `failed`.
struct AttemptStatements {
    /// The activity type of a form.
    static let assessmentType = "http://adlnet.gov/expapi/activities/assessment"
    /// The activity type of an item.
    static let interactionType = "http://adlnet.gov/expapi/activities/cmi.interaction"
    /// The cmi5 extension for the pass mark, a scaled score in 0…1.
    static let masteryScoreExtension = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
    /// The xAPI version the statements follow.
    static let version = "1.0.3"

    let attempt: AttemptRecord
    /// The submission id in its canonical spelling.
    let submissionID: String
    let context: AttemptExportContext
    let iri: ActivityIRI

    /// Prepares the statements of `attempt`.
    init(attempt: AttemptRecord, submissionID: String, context: AttemptExportContext) {
        self.attempt = attempt
        self.submissionID = submissionID
        self.context = context
        self.iri = ActivityIRI(homePage: context.homePage)
    }

    /// The statements, in order; what they cannot carry goes to `losses`.
    func statements(losses: inout ExportLosses) -> [JSONValue] {
        var statements: [JSONValue] = []
        var itemIDs = Set<String>()
        for item in attempt.items {
            guard itemIDs.insert(item.itemID).inserted else {
                losses.add("Submission \(submissionID) lists item \(item.itemID) more than once; only its first answer was exported.")
                continue
            }
            statements.append(answered(item, losses: &losses))
        }
        var duration: String?
        if let startedAt = attempt.startedAt {
            duration = XAPITime.duration(from: startedAt, to: attempt.receivedAt)
            if duration == nil {
                losses.add("Submission \(submissionID) was received before it was started (a device clock?); its duration was left out.")
            }
        }
        statements.append(completed(duration: duration))
        statements.append(verdict(duration: duration, losses: &losses))
        return statements
    }

    // MARK: - Statements

    private func answered(_ item: AttemptRecord.ItemRecord, losses: inout ExportLosses) -> JSONValue {
        let type: InteractionType
        if let known = InteractionType(itemType: item.type) {
            type = known
        } else {
            type = .other
            losses.add("Items of type \(item.type) have no xAPI interaction type; they were exported as \"other\" with the response as JSON text.")
        }
        if item.type == "case-analysis" {
            losses.add("Case analyses have no xAPI interaction type; they were exported as \"other\" with the response as JSON text.")
        }
        var definition = JSONObject()
        if let description = item.prompt?.languageMap(preferring: context.language) { definition["description"] = description }
        definition["type"] = .string(Self.interactionType)
        definition["interactionType"] = .string(type.rawValue)
        let object: JSONValue = [
            "objectType": "Activity", "id": .string(iri.item(item.itemID, in: attempt.formID)), "definition": .object(definition),
        ]

        var result = JSONObject()
        if item.isScored, item.maxScore > 0 {
            result["score"] = score(item.score, outOf: item.maxScore, what: "item \(item.itemID)", losses: &losses)
            result["success"] = .bool(item.score >= item.maxScore * (1 - 1e-9))
        }
        if let response = item.response, !response.isNull {
            result["response"] = .string(type.responseString(for: response))
        }
        return statement(
            .answered,
            itemID: item.itemID,
            object: object,
            result: result,
            parents: [iri.form(attempt.formID)],
            grouping: [iri.session(attempt.sessionID)] + programGrouping
        )
    }

    private func completed(duration: String?) -> JSONValue {
        var result: JSONObject = JSONObject([(key: "completion", value: true)])
        if let duration { result["duration"] = .string(duration) }
        return statement(.completed, object: formObject, result: result, parents: [iri.session(attempt.sessionID)], grouping: programGrouping)
    }

    private func verdict(duration: String?, losses: inout ExportLosses) -> JSONValue {
        var result = JSONObject()
        if attempt.maxScore > 0 {
            result["score"] = score(attempt.score, outOf: attempt.maxScore, what: "the form", losses: &losses)
        }
        result["success"] = .bool(attempt.passed)
        if let duration { result["duration"] = .string(duration) }
        var extensions = JSONObject()
        if (0...1).contains(attempt.passMark) { extensions[Self.masteryScoreExtension] = .number(attempt.passMark) }
        return statement(
            attempt.passed ? .passed : .failed,
            object: formObject,
            result: result,
            parents: [iri.session(attempt.sessionID)],
            grouping: programGrouping,
            extensions: extensions
        )
    }

    // MARK: - Parts

    /// A statement with its members in a fixed order: id, actor, verb, object, result, context, timestamp,
    /// version.
    private func statement(
        _ verb: XAPIVerb,
        itemID: String = "",
        object: JSONValue,
        result: JSONObject,
        parents: [String],
        grouping: [String],
        extensions: JSONObject = JSONObject()
    ) -> JSONValue {
        var statement = JSONObject()
        statement["id"] = .string(XAPIStatementExporter.statementID(submissionID: submissionID, verb: verb, itemID: itemID))
        statement["actor"] = actor
        statement["verb"] = verb.json
        statement["object"] = object
        if result.count > 0 { statement["result"] = .object(result) }

        var activities = JSONObject()
        activities["parent"] = .array(parents.map(Self.activity))
        if !grouping.isEmpty { activities["grouping"] = .array(grouping.map(Self.activity)) }
        if !attempt.phase.isEmpty { activities["category"] = [Self.activity(iri.phase(attempt.phase))] }
        var statementContext = JSONObject()
        statementContext["registration"] = .string(
            XAPIStatementExporter.registration(homePage: iri.homePage, sessionID: attempt.sessionID, participantCode: attempt.participantCode)
        )
        statementContext["contextActivities"] = .object(activities)
        statementContext["platform"] = .string(context.platform)
        statementContext["language"] = .string(context.language)
        if extensions.count > 0 { statementContext["extensions"] = .object(extensions) }
        statement["context"] = .object(statementContext)

        statement["timestamp"] = .string(XAPITime.timestamp(attempt.receivedAt))
        statement["version"] = .string(Self.version)
        return .object(statement)
    }

    /// The participant as a pseudonymous agent: an account on the home page named by the code.
    private var actor: JSONValue {
        ["objectType": "Agent", "account": ["homePage": .string(iri.homePage), "name": .string(attempt.participantCode)]]
    }

    /// The form as an assessment activity, named by its title when it has one.
    private var formObject: JSONValue {
        var definition = JSONObject()
        if let name = attempt.formTitle?.languageMap(preferring: context.language) { definition["name"] = name }
        definition["type"] = .string(Self.assessmentType)
        return ["objectType": "Activity", "id": .string(iri.form(attempt.formID)), "definition": .object(definition)]
    }

    /// The program, as a grouping activity, when the session runs one.
    private var programGrouping: [String] {
        attempt.programID.map { [iri.program($0)] } ?? []
    }

    /// A score out of `maximum` (positive): scaled in 0…1, raw in 0…maximum, clamped if the grade was outside.
    private func score(_ raw: Double, outOf maximum: Double, what: String, losses: inout ExportLosses) -> JSONValue {
        let clamped = min(max(raw, 0), maximum)
        if clamped != raw {
            losses.add(
                "Submission \(submissionID): the score of \(what) (\(JSONValue.number(raw).serialized())) was outside 0…\(JSONValue.number(maximum).serialized()) and was clamped."
            )
        }
        return ["scaled": .number(clamped / maximum), "raw": .number(clamped), "min": 0, "max": .number(maximum)]
    }

    private static func activity(_ id: String) -> JSONValue {
        ["objectType": "Activity", "id": .string(id)]
    }
}
