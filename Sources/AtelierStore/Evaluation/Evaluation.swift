import AtelierKernel
import Foundation

/// The evaluation of one or more sessions from the store: who took part, how scores changed, which
/// objectives were mastered, how each item behaved, attendance and completion, and every cohort figure
/// disaggregated with small groups suppressed.
///
/// Participants appear only by their pseudonymous codes. Computed by ``Evaluation/compute(_:catalog:options:)``.
public struct Evaluation: Sendable {
    /// What to compute and how to protect small groups.
    public struct Options: Sendable {
        /// The gain, in percentage points, counted as "at least X points".
        public var gainThreshold: Double
        /// Groups with fewer participants than this are shown as "<threshold" with no figures.
        public var smallGroup: Int
        /// The fields to disaggregate by.
        public var groupings: [EvaluationGrouping]
        /// Creates options.
        public init(gainThreshold: Double = 10, smallGroup: Int = 5, groupings: [EvaluationGrouping] = []) {
            self.gainThreshold = gainThreshold
            self.smallGroup = max(1, smallGroup)
            self.groupings = groupings
        }
    }

    /// One session's stored data, as the evaluation reads it.
    public struct SessionData: Sendable {
        public var session: TrainingSession
        public var participants: [Participant]
        public var attendance: [AttendanceRecord]
        public var submissions: [EvaluationAttempt]
        /// Creates the data of one session.
        public init(session: TrainingSession, participants: [Participant], attendance: [AttendanceRecord], submissions: [EvaluationAttempt]) {
            self.session = session
            self.participants = participants
            self.attendance = attendance
            self.submissions = submissions
        }
    }

    /// One participant of one session.
    public struct ParticipantResult: Sendable, Equatable {
        public var code: String
        public var session: String
        /// Percent over the counted attempts of each phase's forms (`nil`: not taken).
        public var pre: Double?
        public var post: Double?
        public var gain: Double? { pre.flatMap { pre in post.map { $0 - pre } } }
        /// (post − pre)/(100 − pre) when both exist and pre < 100.
        public var normalizedGain: Double? {
            guard let pre, let post, pre < 100 else { return nil }
            return (post - pre) / (100 - pre)
        }
        /// Attendance by points (statuses weighted, e.g. late = half) and by slots attended.
        public var attendanceRate: Double
        public var slotsAttended: Int
        public var slotsTotal: Int
        /// Whether every form taken in the phase reached its pass mark (`nil`: none taken).
        public var passedPre: Bool?
        public var passedPost: Bool?
        /// Whether the program's completion rule is met, and if not, why.
        public var completed: Bool
        public var notCompletedReasons: [NotCompletedReason]
        /// The participant's sex (for the report's opening sentence) and nationality.
        public var sex: Sex
        public var nationality: String?
    }

    /// Why a participant has not completed.
    public enum NotCompletedReason: Sendable, Equatable, Codable {
        /// Attendance below the program's minimum (both as fractions).
        case attendance(rate: Double, minimum: Double)
        /// A post-test of the program was not taken.
        case postTestMissing(form: String)
        /// A post-test was taken but is below its pass mark (both in percent).
        case postTestBelowPassMark(form: String, percent: Double, passMark: Double)

        /// The reason's kind, as in the JSON: `attendance`, `post-test-missing`, `post-test-below-pass-mark`.
        public var kind: String {
            switch self {
            case .attendance: "attendance"
            case .postTestMissing: "post-test-missing"
            case .postTestBelowPassMark: "post-test-below-pass-mark"
            }
        }
    }

    /// Mastery of one learning objective before and after, over participants with both tests.
    public struct ObjectiveMastery: Sendable, Equatable {
        public var module: String
        public var objective: String
        public var text: LocalizedText?
        /// Scored items of the objective in the pre and post forms.
        public var preItems: Int
        public var postItems: Int
        /// Matched participants.
        public var n: Int
        /// Mean share of the objective's points, in percent.
        public var meanPre: Double?
        public var meanPost: Double?
        /// Share of participants at or above the form's pass mark on the objective's points, in percent.
        public var masteryPre: Double?
        public var masteryPost: Double?
    }

    /// A module's pre and post forms: each shared item's change, and each form's item analysis.
    public struct ModuleEvaluation: Sendable {
        public var module: String
        public var preForm: String?
        public var postForm: String?
        /// Items in both forms, over participants with both tests, Holm-adjusted together.
        public var items: [ItemChange]
        /// Flags on the items' change (for instance: nearly everyone right before training).
        public var changeFlags: [String: [ChangeFlag]]
        /// Moodle-style item analysis of each form's counted attempts, by form id.
        public var analyses: [String: ItemAnalysis]
    }

    /// A warning about an item's pre/post behaviour.
    public enum ChangeFlag: String, Sendable, Codable {
        /// At least 90% answered correctly before training: it measures nothing about learning.
        case nearlyAllCorrectBefore = "nearly-all-correct-before"
        /// More participants lost the item than gained it.
        case moreLostThanGained = "more-lost-than-gained"
    }

    /// The cohort figures of one group of a disaggregation.
    public struct Group: Sendable {
        public var value: String
        /// Registered participants in the group, and how many took both, only pre, only post.
        public var registered: Int
        public var paired: Int
        public var preOnly: Int
        public var postOnly: Int
        /// `nil` when suppressed.
        public var comparison: PairedComparison?
        /// Whether the group's figures are withheld (fewer than the small-group threshold, or withheld so
        /// that a suppressed group cannot be worked out from the total).
        public var suppressed: Bool
        /// Completed participants (`nil` when suppressed).
        public var completed: Int?
    }

    /// A disaggregation by one field.
    public struct Disaggregation: Sendable {
        public var grouping: EvaluationGrouping
        public var groups: [Group]
    }

    /// The sessions evaluated.
    public var sessions: [TrainingSession]
    /// The options used.
    public var options: Options
    /// Every registered participant of those sessions.
    public var participants: [ParticipantResult]
    /// Participants with both tests.
    public var cohort: PairedComparison
    /// Registered, with only a pre-test, only a post-test, with neither.
    public var registered: Int
    public var preOnly: Int
    public var postOnly: Int
    public var neither: Int
    /// Objectives, modules and disaggregations.
    public var objectives: [ObjectiveMastery]
    public var modules: [ModuleEvaluation]
    public var disaggregations: [Disaggregation]

    /// Participants who completed.
    public var completedCount: Int { participants.filter(\.completed).count }
    /// Mean attendance by points and by slots over registered participants (`nil` when none).
    public var meanAttendanceRate: Double? { Descriptive.mean(participants.map(\.attendanceRate)) }
    public var meanSlotRate: Double? {
        Descriptive.mean(participants.map { $0.slotsTotal > 0 ? Double($0.slotsAttended) / Double($0.slotsTotal) : 0 })
    }
}
