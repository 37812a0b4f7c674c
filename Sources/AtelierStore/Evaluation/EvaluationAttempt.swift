import AtelierKernel
import Foundation

/// A stored submission as an evaluation reads it: who, which form and attempt, the total, and the
/// per-item digest; no responses text, no grade JSON.
///
/// A class of constants: an evaluation of a thousand sessions passes 180,000 of them around, and
/// sharing one reference is cheaper than copying a struct of strings and arrays.
public final class EvaluationAttempt: Sendable, Equatable {
    public let id: String
    public let sessionID: String
    public let participantCode: String
    public let formID: String
    public let phase: String
    public let attempt: Int
    public let score: Double
    public let maxScore: Double
    public let passed: Bool
    /// The item ids joined by commas, as stored (attempts of one form version share it).
    public let itemKey: String
    /// Each item's score and maximum, in the order of ``itemKey``.
    public let scores: [Double]
    public let maxScores: [Double]
    /// The options chosen, joined by U+001F, in the same order; split only when needed.
    public let choicesText: String

    /// The attempt's percentage, or `nil` without a maximum.
    public var percent: Double? { maxScore > 0 ? score / maxScore * 100 : nil }

    /// Attempts are equal when all their stored values are.
    public static func == (lhs: EvaluationAttempt, rhs: EvaluationAttempt) -> Bool {
        lhs.id == rhs.id && lhs.sessionID == rhs.sessionID && lhs.participantCode == rhs.participantCode && lhs.formID == rhs.formID
            && lhs.phase == rhs.phase && lhs.attempt == rhs.attempt && lhs.score == rhs.score && lhs.maxScore == rhs.maxScore
            && lhs.passed == rhs.passed && lhs.itemKey == rhs.itemKey && lhs.scores == rhs.scores && lhs.maxScores == rhs.maxScores
            && lhs.choicesText == rhs.choicesText
    }

    /// Creates an attempt from a stored submission (for tests and data already in memory).
    public convenience init(_ submission: StoredSubmission) {
        let digest = SubmissionDigest(grade: submission.grade, responses: submission.responses)
        self.init(
            id: submission.id,
            sessionID: submission.sessionID,
            participantCode: submission.participantCode,
            formID: submission.formID,
            phase: submission.phase,
            attempt: submission.attempt,
            score: submission.grade.score,
            maxScore: submission.grade.maxScore,
            passed: submission.grade.passed,
            itemKey: digest.itemIDsText,
            scores: digest.scores,
            maxScores: digest.maxScores,
            choicesText: digest.choicesText
        )
    }

    /// Creates an attempt from its stored columns.
    init(
        id: String,
        sessionID: String,
        participantCode: String,
        formID: String,
        phase: String,
        attempt: Int,
        score: Double,
        maxScore: Double,
        passed: Bool,
        itemKey: String,
        scores: [Double],
        maxScores: [Double],
        choicesText: String
    ) {
        self.id = id
        self.sessionID = sessionID
        self.participantCode = participantCode
        self.formID = formID
        self.phase = phase
        self.attempt = attempt
        self.score = score
        self.maxScore = maxScore
        self.passed = passed
        self.itemKey = itemKey
        self.scores = scores
        self.maxScores = maxScores
        self.choicesText = choicesText
    }
}

/// An attempt at a form that a retake policy can choose among.
public protocol CountableAttempt {
    /// The attempt's number, from 1.
    var attempt: Int { get }
    /// The score as a fraction of the maximum (0 without a maximum).
    var fractionEarned: Double { get }
}

extension EvaluationAttempt: CountableAttempt {
    public var fractionEarned: Double { maxScore > 0 ? score / maxScore : 0 }
}

extension StoredSubmission: CountableAttempt {
    public var fractionEarned: Double { grade.maxScore > 0 ? grade.score / grade.maxScore : 0 }
}
