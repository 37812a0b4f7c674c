import AtelierKernel
import Foundation

/// Per-participant results of a session: pre, post, gain, attendance and completion.
public struct SessionResults: Sendable, Equatable {
    /// One participant's results.
    public struct Row: Sendable, Equatable {
        /// The pseudonymous code.
        public var code: String
        /// Percent over the counted pre-test attempts, if any was taken.
        public var pre: Double?
        /// Percent over the counted post-test attempts, if any was taken.
        public var post: Double?
        /// post − pre, in percentage points, when both exist.
        public var gain: Double? { pre.flatMap { pre in post.map { ($0 - pre) } }.map { ($0 * 100).rounded() / 100 } }
        /// Attendance as a fraction of the full weight of all slots.
        public var attendance: Double
        /// Whether every post-test of the program was taken and passed.
        public var passedPostTests: Bool
        /// Whether the program's completion rule is met.
        public var completed: Bool
        /// The counted grade of each form taken, by form id.
        public var forms: [String: FormGrade]
    }

    /// The session.
    public var session: TrainingSession
    /// One row per participant, in registration order.
    public var rows: [Row]

    /// Computes the results.
    ///
    /// The counted attempt of each form follows the session's retake policy (first, last or best; the
    /// only one when retakes are not allowed). Scores are never added across attempts.
    public static func compute(
        session: TrainingSession,
        program: Program?,
        catalog: ContentCatalog,
        participants: [Participant],
        attendance: [AttendanceRecord],
        submissions: [StoredSubmission]
    ) -> SessionResults {
        let postForms = Set(
            (program?.modules ?? []).flatMap { module in catalog.forms(ofModule: module).filter { $0.phase == .post }.map(\.id) }
        )
        var rows: [Row] = []
        for participant in participants {
            let rate = session.attendanceRate(attendance.filter { $0.participantCode == participant.code })
            let mine = submissions.filter { $0.participantCode == participant.code }
            var counted: [String: FormGrade] = [:]
            for (formID, attempts) in Dictionary(grouping: mine, by: \.formID) {
                counted[formID] = countedAttempt(attempts, policy: session.retakePolicy)?.grade
            }
            func percent(_ phase: String) -> Double? {
                let grades = mine.filter { $0.phase == phase }.map(\.formID).uniqued().compactMap { counted[$0] }
                let maxScore = grades.reduce(0) { $0 + $1.maxScore }
                guard !grades.isEmpty, maxScore > 0 else { return nil }
                return (grades.reduce(0) { $0 + $1.score } / maxScore * 10_000).rounded() / 100
            }
            let passedPost = !postForms.isEmpty && postForms.allSatisfy { counted[$0]?.passed == true }
            let rule = program?.completion
            let completed =
                rate + 1e-9 >= (rule?.minimumAttendance ?? 0)
                && (rule?.requirePostTestPass == true ? passedPost : true)
            rows.append(
                Row(
                    code: participant.code,
                    pre: percent(AssessmentPhase.pre.rawValue),
                    post: percent(AssessmentPhase.post.rawValue),
                    attendance: (rate * 10_000).rounded() / 10_000,
                    passedPostTests: passedPost,
                    completed: completed,
                    forms: counted
                )
            )
        }
        return SessionResults(session: session, rows: rows)
    }

    /// The attempt that counts under `policy`: the first, the last, or the best (the earlier one on a tie).
    public static func countedAttempt<Attempt: CountableAttempt>(_ attempts: [Attempt], policy: RetakePolicy) -> Attempt? {
        let ordered = attempts.sorted { $0.attempt < $1.attempt }
        switch policy {
        case .none, .first: return ordered.first
        case .last: return ordered.last
        case .best:
            return ordered.max { lhs, rhs in
                lhs.fractionEarned < rhs.fractionEarned || (lhs.fractionEarned == rhs.fractionEarned && lhs.attempt > rhs.attempt)
            }
        }
    }
}

extension SessionResults {
    /// Means over the participants who have them.
    public struct Summary: Sendable, Equatable {
        public var meanPre: Double?
        public var meanPost: Double?
        public var meanGain: Double?
        /// Participants with both a pre and a post score.
        public var paired: Int
        /// Participants who completed the program.
        public var completed: Int
    }

    /// The session's summary.
    public var summary: Summary {
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : (values.reduce(0, +) / Double(values.count) * 100).rounded() / 100 }
        let gains = rows.compactMap(\.gain)
        return Summary(
            meanPre: mean(rows.compactMap(\.pre)),
            meanPost: mean(rows.compactMap(\.post)),
            meanGain: mean(gains),
            paired: gains.count,
            completed: rows.filter(\.completed).count
        )
    }

    /// The documented JSON of `atelier results` and `GET /api/v1/sessions/{session}/results`.
    ///
    /// - Parameter names: names by code, only when they were explicitly asked for.
    public func jsonValue(names: [String: String]?) -> JSONValue {
        let summary = summary
        var summaryObject = JSONObject()
        summaryObject["meanPre"] = summary.meanPre.map(JSONValue.number) ?? .null
        summaryObject["meanPost"] = summary.meanPost.map(JSONValue.number) ?? .null
        summaryObject["meanGain"] = summary.meanGain.map(JSONValue.number) ?? .null
        summaryObject["paired"] = .number(Double(summary.paired))
        summaryObject["completed"] = .number(Double(summary.completed))
        var object = JSONObject()
        object["session"] = .string(session.id)
        object["program"] = .string(session.program)
        object["participants"] = .number(Double(rows.count))
        object["rows"] = .array(
            rows.map { row in
                var entry = JSONObject()
                entry["code"] = .string(row.code)
                if let names { entry["name"] = names[row.code].map(JSONValue.string) ?? .null }
                entry["pre"] = row.pre.map(JSONValue.number) ?? .null
                entry["post"] = row.post.map(JSONValue.number) ?? .null
                entry["gain"] = row.gain.map(JSONValue.number) ?? .null
                entry["attendance"] = .number(row.attendance)
                entry["passedPostTests"] = .bool(row.passedPostTests)
                entry["completed"] = .bool(row.completed)
                entry["forms"] = .object(
                    JSONObject(
                        row.forms.sorted { $0.key < $1.key }.map { form, grade in
                            (
                                key: form,
                                value: [
                                    "score": .number(grade.score), "maxScore": .number(grade.maxScore), "percent": .number(grade.percent),
                                    "passed": .bool(grade.passed),
                                ] as JSONValue
                            )
                        }
                    )
                )
                return .object(entry)
            }
        )
        object["summary"] = .object(summaryObject)
        return .object(object)
    }
}

extension Sequence where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
