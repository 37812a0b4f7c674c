import Foundation

/// A field the evaluation can be disaggregated by: a participant's field or the session's.
public enum EvaluationGrouping: String, Sendable, Codable, CaseIterable {
    case sex
    case ageBand = "age-band"
    case organizationType = "organization-type"
    case role
    case nationality
    case language
    case disability
    case site
    case trainer
    case session
    case program

    /// The group values a participant of `session` belongs to (trainers: one per trainer of the session).
    public func values(of participant: Participant, in session: TrainingSession) -> [String] {
        switch self {
        case .sex: [participant.sex.rawValue]
        case .ageBand: [participant.ageBand.rawValue]
        case .organizationType: [participant.organizationType.rawValue]
        case .role: [participant.role.flatMap { $0.isEmpty ? nil : $0 } ?? "not-stated"]
        case .nationality: [participant.nationality.flatMap { $0.isEmpty ? nil : $0 } ?? "not-stated"]
        case .language: [participant.language]
        case .disability:
            [participant.washingtonGroup?.hasDisability.map { $0 ? "with-disability" : "without-disability" } ?? "not-stated"]
        case .site: [session.site]
        case .trainer: session.trainers.isEmpty ? ["not-stated"] : session.trainers
        case .session: [session.id]
        case .program: [session.program]
        }
    }

    /// Whether a participant can belong to several groups of this field (so groups may add up to more
    /// than the cohort).
    public var groupsOverlap: Bool { self == .trainer }
}
