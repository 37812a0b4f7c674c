import AtelierKernel
import Foundation

/// Checks statements against the xAPI 1.0.3 statement rules (xAPI-Data §2.4 and §4), made stricter where
/// this export promises more: statement ids are version 5 UUIDs, verbs come from the ADL set it uses,
/// scores are in 0…1, and actors identify with an account.
///
/// Independent of the exporter: it reads the JSON only, and reports every problem it finds, each as
/// `<path>: <problem>`.
struct XAPIStatementValidator {
    /// The verb ids statements may use.
    var allowedVerbs: Set<String> = [
        "http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/completed",
        "http://adlnet.gov/expapi/verbs/passed", "http://adlnet.gov/expapi/verbs/failed",
    ]

    static let statementKeys: Set<String> = [
        "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments",
    ]
    static let actorKeys: Set<String> = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"]
    static let identifierKeys: Set<String> = ["mbox", "mbox_sha1sum", "openid", "account"]
    static let activityKeys: Set<String> = ["objectType", "id", "definition"]
    static let definitionKeys: Set<String> = [
        "name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern", "choices", "scale",
        "source", "target", "steps",
    ]
    static let interactionTypes: Set<String> = [
        "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other",
    ]
    static let resultKeys: Set<String> = ["score", "success", "completion", "response", "duration", "extensions"]
    static let scoreKeys: Set<String> = ["scaled", "raw", "min", "max"]
    static let contextKeys: Set<String> = [
        "registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions",
    ]
    static let contextActivityKeys: Set<String> = ["parent", "grouping", "category", "other"]

    /// The problems of one statement; empty when it is valid.
    func problems(in statement: JSONValue) -> [String] {
        var problems: [String] = []
        guard let object = statement.objectValue else { return ["/: a statement must be an object"] }
        for key in object.keys where !Self.statementKeys.contains(key) { problems.append("/\(key): not a statement property") }
        for key in ["id", "actor", "verb", "object"] where object[key] == nil { problems.append("/\(key): required") }

        if let id = object["id"], !Self.matches(id.stringValue, Self.version5UUID) {
            problems.append("/id: not a version 5 UUID (8-4-4-4-12 lower-case hex, version 5, variant 8–b)")
        }
        if let actor = object["actor"] { checkActor(actor, &problems) }
        if let verb = object["verb"] { checkVerb(verb, &problems) }
        if let activity = object["object"] { checkActivity(activity, at: "/object", &problems) }
        if let result = object["result"] { checkResult(result, &problems) }
        if let context = object["context"] { checkContext(context, &problems) }
        if let timestamp = object["timestamp"], !Self.matches(timestamp.stringValue, Self.timestamp) {
            problems.append("/timestamp: not an ISO 8601 date and time with a time zone")
        }
        if let version = object["version"], !Self.matches(version.stringValue, "^1\\.0(\\.[0-9]+)?$") {
            problems.append("/version: not a 1.0.x version")
        }
        return problems
    }

    private func checkActor(_ actor: JSONValue, _ problems: inout [String]) {
        guard let object = actor.objectValue else { return problems.append("/actor: not an object") }
        for key in object.keys where !Self.actorKeys.contains(key) { problems.append("/actor/\(key): not an agent property") }
        if let type = object["objectType"], type != "Agent", type != "Group" { problems.append("/actor/objectType: not Agent or Group") }
        let identifiers = object.keys.filter(Self.identifierKeys.contains)
        if identifiers.count != 1 { problems.append("/actor: an agent has exactly one identifier, found \(identifiers.count)") }
        if let name = object["name"], name.stringValue == nil { problems.append("/actor/name: not a string") }
        guard let accountValue = object["account"] else { return }
        guard let account = accountValue.objectValue else { return problems.append("/actor/account: not an object") }
        for key in account.keys where key != "homePage" && key != "name" { problems.append("/actor/account/\(key): not an account property") }
        if !Self.matches(account["homePage"]?.stringValue, Self.irl) { problems.append("/actor/account/homePage: not an IRL") }
        if (account["name"]?.stringValue ?? "").isEmpty { problems.append("/actor/account/name: required") }
    }

    private func checkVerb(_ verb: JSONValue, _ problems: inout [String]) {
        guard let object = verb.objectValue else { return problems.append("/verb: not an object") }
        for key in object.keys where key != "id" && key != "display" { problems.append("/verb/\(key): not a verb property") }
        let id = object["id"]?.stringValue
        if !Self.matches(id, Self.iri) { problems.append("/verb/id: not an IRI") }
        if let id, !allowedVerbs.contains(id) { problems.append("/verb/id: \(id) is not one of the ADL verbs used") }
        checkLanguageMap(object["display"], at: "/verb/display", required: true, &problems)
    }

    private func checkActivity(_ activity: JSONValue, at path: String, _ problems: inout [String]) {
        guard let object = activity.objectValue else { return problems.append("\(path): not an object") }
        for key in object.keys where !Self.activityKeys.contains(key) { problems.append("\(path)/\(key): not an activity property") }
        if let type = object["objectType"], type != "Activity" { problems.append("\(path)/objectType: not Activity") }
        if !Self.matches(object["id"]?.stringValue, Self.iri) { problems.append("\(path)/id: not an IRI") }
        guard let definitionValue = object["definition"] else { return }
        guard let definition = definitionValue.objectValue else { return problems.append("\(path)/definition: not an object") }
        for key in definition.keys where !Self.definitionKeys.contains(key) {
            problems.append("\(path)/definition/\(key): not a definition property")
        }
        if let name = definition["name"] { checkLanguageMap(name, at: "\(path)/definition/name", required: true, &problems) }
        if let description = definition["description"] {
            checkLanguageMap(description, at: "\(path)/definition/description", required: true, &problems)
        }
        if let type = definition["type"], !Self.matches(type.stringValue, Self.iri) { problems.append("\(path)/definition/type: not an IRI") }
        if let interaction = definition["interactionType"] {
            if !Self.interactionTypes.contains(interaction.stringValue ?? "") {
                problems.append("\(path)/definition/interactionType: not an xAPI interaction type")
            }
            if definition["type"]?.stringValue != "http://adlnet.gov/expapi/activities/cmi.interaction" {
                problems.append("\(path)/definition/type: an interaction's type should be cmi.interaction")
            }
        }
        if let pattern = definition["correctResponsesPattern"], pattern.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true {
            problems.append("\(path)/definition/correctResponsesPattern: not an array of strings")
        }
    }

    private func checkResult(_ result: JSONValue, _ problems: inout [String]) {
        guard let object = result.objectValue else { return problems.append("/result: not an object") }
        for key in object.keys where !Self.resultKeys.contains(key) { problems.append("/result/\(key): not a result property") }
        for key in ["success", "completion"] where object[key] != nil && object[key]?.boolValue == nil {
            problems.append("/result/\(key): not a boolean")
        }
        if let response = object["response"], response.stringValue == nil { problems.append("/result/response: not a string") }
        if let duration = object["duration"] {
            let text = duration.stringValue
            if !Self.matches(text, Self.duration) || text == "P" || text?.hasSuffix("T") == true {
                problems.append("/result/duration: not an ISO 8601 duration")
            }
        }
        guard let scoreValue = object["score"] else { return }
        guard let score = scoreValue.objectValue else { return problems.append("/result/score: not an object") }
        for key in score.keys where !Self.scoreKeys.contains(key) { problems.append("/result/score/\(key): not a score property") }
        for key in score.keys where score[key]?.numberValue == nil { problems.append("/result/score/\(key): not a number") }
        if let scaled = score["scaled"]?.numberValue {
            if !(-1...1).contains(scaled) { problems.append("/result/score/scaled: outside −1…1") }
            if !(0...1).contains(scaled) { problems.append("/result/score/scaled: outside 0…1 (this export's scores are not negative)") }
        }
        let minimum = score["min"]?.numberValue
        let maximum = score["max"]?.numberValue
        if let minimum, let maximum, minimum >= maximum { problems.append("/result/score: min must be below max") }
        if let raw = score["raw"]?.numberValue {
            if let minimum, raw < minimum { problems.append("/result/score/raw: below min") }
            if let maximum, raw > maximum { problems.append("/result/score/raw: above max") }
        }
    }

    private func checkContext(_ context: JSONValue, _ problems: inout [String]) {
        guard let object = context.objectValue else { return problems.append("/context: not an object") }
        for key in object.keys where !Self.contextKeys.contains(key) { problems.append("/context/\(key): not a context property") }
        if let registration = object["registration"], !Self.matches(registration.stringValue, Self.uuid) {
            problems.append("/context/registration: not a UUID")
        }
        for key in ["platform", "revision"] where object[key] != nil && object[key]?.stringValue == nil {
            problems.append("/context/\(key): not a string")
        }
        if let language = object["language"], !Self.matches(language.stringValue, Self.languageTag) {
            problems.append("/context/language: not an RFC 5646 language tag")
        }
        if let extensions = object["extensions"] {
            if let members = extensions.objectValue {
                for key in members.keys where !Self.matches(key, Self.iri) { problems.append("/context/extensions: \(key) is not an IRI") }
            } else {
                problems.append("/context/extensions: not an object")
            }
        }
        guard let activitiesValue = object["contextActivities"] else { return }
        guard let activities = activitiesValue.objectValue else { return problems.append("/context/contextActivities: not an object") }
        for member in activities.members {
            let path = "/context/contextActivities/\(member.key)"
            guard Self.contextActivityKeys.contains(member.key) else {
                problems.append("\(path): not parent, grouping, category or other")
                continue
            }
            let list = member.value.arrayValue ?? [member.value]
            for (index, activity) in list.enumerated() { checkActivity(activity, at: "\(path)/\(index)", &problems) }
        }
    }

    private func checkLanguageMap(_ value: JSONValue?, at path: String, required: Bool, _ problems: inout [String]) {
        guard let value else {
            if required { problems.append("\(path): required") }
            return
        }
        guard let map = value.objectValue, map.count > 0 else { return problems.append("\(path): not a language map") }
        for member in map.members {
            if !Self.matches(member.key, Self.languageTag) { problems.append("\(path): \(member.key) is not a language tag") }
            if member.value.stringValue == nil { problems.append("\(path)/\(member.key): not a string") }
        }
    }

    // MARK: - Patterns

    static let uuid = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
    static let version5UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
    /// An absolute IRI: a scheme, a colon, and no white space.
    static let iri = "^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+$"
    /// An IRL: an http or https address with a host.
    static let irl = "^https?://[^\\s/?#]+([/?#][^\\s]*)?$"
    static let languageTag = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"
    static let duration = "^P(?:[0-9]+W|(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\\.[0-9]+)?S)?)?)$"
    static let timestamp =
        "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"

    static func matches(_ text: String?, _ pattern: String) -> Bool {
        guard let text else { return false }
        return text.range(of: pattern, options: .regularExpression) != nil
    }
}
