import AtelierKernel
import Foundation

/// Writes graded attempts as xAPI 1.0.3 statements, one compact JSON object per line (UTF-8, keys in a
/// fixed order), for a learning record store.
///
/// Each attempt gives one `answered` statement per item (in the form's order), one `completed`, and
/// `passed` or `failed`; attempts come in the order they were received. Actors are pseudonymous: an
/// `account` whose name is the participant's code, never a name or an email address.
///
/// Ids are stable, so exporting twice and sending both files to a learning record store changes nothing:
/// - a statement's `id` is the version 5 UUID of `<submissionId>/<verb>/<itemId>` (the item id is empty
///   for the attempt's statements) in a fixed Atelier namespace;
/// - `context.registration` is the version 5 UUID of the home page, session and participant code, so a
///   participant's pre-test and post-test in a session share it, and the `pre` or `post` category
///   activity (`<homePage>/activities/phases/pre`) tells them apart.
///
/// The statements are not marked as cmi5 statements (no `…/categories/cmi5` or `…/categories/moveon`
/// category): cmi5 defined statements are sent by an assignable unit that an LMS launched, inside a
/// `launched`/`initialized`/`terminated` sequence with a cmi5 session id, and only `passed`/`failed` may
/// carry a score. These are records written afterwards from the server's store, so a cmi5 LMS would reject
/// them as cmi5 statements; as plain xAPI statements they are valid. The pass mark still travels on
/// `passed`/`failed` as the cmi5 `masteryscore` extension, which means exactly that.
///
/// ```swift
/// let context = AttemptExportContext(homePage: "https://atelier.example.org", language: "fr")
/// let result = XAPIStatementExporter().export(attempts, context: context)
/// try result.data.write(to: URL(filePath: "statements.ndjson"))
/// ```
public struct XAPIStatementExporter: AttemptExporter {
    /// `xapi`.
    public let format = "xapi"
    /// Newline-delimited JSON.
    public let mediaType = "application/x-ndjson"

    /// Creates the exporter.
    public init() {}

    /// Converts attempts into statements.
    ///
    /// An attempt whose submission id was already exported, and an item listed twice in an attempt, are
    /// left out (a learning record store rejects a batch with the same statement id twice) and reported.
    ///
    /// - Parameters:
    ///   - attempts: the attempts, in any order.
    ///   - context: the home page of activity ids and accounts, the platform's name, the display language.
    /// - Returns: the statements as JSON lines, and what they could not carry.
    public func export(_ attempts: [AttemptRecord], context: AttemptExportContext) -> ExportResult {
        var losses = ExportLosses()
        var exported = Set<String>()
        var unique: [(submissionID: String, attempt: AttemptRecord)] = []
        for attempt in attempts {
            let submissionID = Self.canonicalSubmissionID(attempt.submissionID)
            if exported.insert(submissionID).inserted {
                unique.append((submissionID, attempt))
            } else {
                losses.add("Submission \(submissionID) appears more than once; only its first attempt record was exported.")
            }
        }
        unique.sort { lhs, rhs in
            lhs.attempt.receivedAt != rhs.attempt.receivedAt
                ? lhs.attempt.receivedAt < rhs.attempt.receivedAt : lhs.submissionID < rhs.submissionID
        }
        var text = ""
        for entry in unique {
            let statements = AttemptStatements(attempt: entry.attempt, submissionID: entry.submissionID, context: context)
            for statement in statements.statements(losses: &losses) {
                text += statement.serialized()
                text += "\n"
            }
        }
        return ExportResult(data: Data(text.utf8), losses: losses.sentences)
    }

    /// The namespace of statement ids: the version 5 UUID of `urn:atelier:xapi:statements` in the RFC 4122
    /// URL namespace (`f9afee51-a556-5c1c-8e88-26c419ab0266`). Never change it: ids would change with it.
    static let statementNamespace = UUID(nameBased: "urn:atelier:xapi:statements", in: .urlNamespace)

    /// The namespace of registrations: the version 5 UUID of `urn:atelier:xapi:registrations` in the URL
    /// namespace (`cf2233ef-e91b-558f-87ef-6292269b63d8`).
    static let registrationNamespace = UUID(nameBased: "urn:atelier:xapi:registrations", in: .urlNamespace)

    /// The id of the statement with `verb` about `itemID` (empty for the attempt itself) in a submission.
    static func statementID(submissionID: String, verb: XAPIVerb, itemID: String) -> String {
        UUID(nameBased: "\(submissionID)/\(verb.rawValue)/\(itemID)", in: statementNamespace).lowercasedString
    }

    /// The registration of a participant in a session: the version 5 UUID of the JSON array
    /// `[homePage, sessionId, participantCode]` (unambiguous whatever characters the parts contain).
    static func registration(homePage: String, sessionID: String, participantCode: String) -> String {
        let name = JSONValue.array([.string(homePage), .string(sessionID), .string(participantCode)]).serialized()
        return UUID(nameBased: name, in: registrationNamespace).lowercasedString
    }

    /// A submission id in lower case when it is a UUID (`A1B2…` and `a1b2…` are the same submission), else
    /// as given.
    static func canonicalSubmissionID(_ submissionID: String) -> String {
        UUID(uuidString: submissionID)?.lowercasedString ?? submissionID
    }
}
