import Foundation

/// Writes graded attempts (who answered what, when, with which grade) for another system: a learning
/// record store (xAPI), a data warehouse…
///
/// Attempts arrive as plain records built by the caller from its store; participants are pseudonymous codes.
public protocol AttemptExporter: Sendable {
    /// The format's short name, such as `xapi`. Unique in a registry.
    var format: String { get }
    /// The media type of the output.
    var mediaType: String { get }

    /// Converts attempts.
    ///
    /// - Parameters:
    ///   - attempts: the attempts, in any order.
    ///   - context: where they come from (the platform's address, languages).
    /// - Returns: the file's bytes and what could not be represented.
    func export(_ attempts: [AttemptRecord], context: AttemptExportContext) -> ExportResult
}

/// Where exported attempts come from.
public struct AttemptExportContext: Sendable {
    /// The base IRI of activities and accounts, such as `https://atelier.example.org` (no trailing slash).
    public var homePage: String
    /// The platform's name, for statements' context.
    public var platform: String
    /// The language for display texts when an item has several.
    public var language: String

    /// Creates a context.
    public init(homePage: String, platform: String = "Atelier", language: String = "en") {
        self.homePage = homePage
        self.platform = platform
        self.language = language
    }
}

/// One graded attempt at a form.
public struct AttemptRecord: Sendable, Equatable {
    /// The submission's id (a UUID), stable across exports.
    public var submissionID: String
    /// The training session and its program.
    public var sessionID: String
    public var programID: String?
    /// The participant's pseudonymous code.
    public var participantCode: String
    /// The form, its title and phase (`pre` or `post`), and the attempt's number (from 1).
    public var formID: String
    public var formTitle: LocalizedText?
    public var phase: String
    public var attempt: Int
    /// When the submission was received, and when the participant started, if known.
    public var receivedAt: Date
    public var startedAt: Date?
    /// The grade.
    public var score: Double
    public var maxScore: Double
    public var passMark: Double
    public var passed: Bool
    /// Each item's answer and grade, in the form's order.
    public var items: [ItemRecord]

    /// One item of an attempt.
    public struct ItemRecord: Sendable, Equatable {
        public var itemID: String
        public var type: String
        public var prompt: LocalizedText?
        /// The response as given (`nil` when unanswered).
        public var response: JSONValue?
        public var score: Double
        public var maxScore: Double
        /// Whether the item is scored (a Likert item is not).
        public var isScored: Bool

        public init(itemID: String, type: String, prompt: LocalizedText?, response: JSONValue?, score: Double, maxScore: Double, isScored: Bool) {
            self.itemID = itemID
            self.type = type
            self.prompt = prompt
            self.response = response
            self.score = score
            self.maxScore = maxScore
            self.isScored = isScored
        }
    }

    /// Creates a record.
    public init(
        submissionID: String,
        sessionID: String,
        programID: String?,
        participantCode: String,
        formID: String,
        formTitle: LocalizedText?,
        phase: String,
        attempt: Int,
        receivedAt: Date,
        startedAt: Date?,
        score: Double,
        maxScore: Double,
        passMark: Double,
        passed: Bool,
        items: [ItemRecord]
    ) {
        self.submissionID = submissionID
        self.sessionID = sessionID
        self.programID = programID
        self.participantCode = participantCode
        self.formID = formID
        self.formTitle = formTitle
        self.phase = phase
        self.attempt = attempt
        self.receivedAt = receivedAt
        self.startedAt = startedAt
        self.score = score
        self.maxScore = maxScore
        self.passMark = passMark
        self.passed = passed
        self.items = items
    }
}
