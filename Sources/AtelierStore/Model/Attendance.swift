import Foundation

/// A participant's attendance of one slot.
public struct AttendanceRecord: Sendable, Codable, Equatable {
    /// The session.
    public var sessionID: String
    /// The participant's code.
    public var participantCode: String
    /// The slot, such as `d1-am`.
    public var slotID: String
    /// A status of the session's status set, such as `present`.
    public var status: String
    /// How it was recorded.
    public var source: AttendanceSource
    /// When it was recorded.
    public var recordedAt: Date
    /// Who recorded it.
    public var recordedBy: String

    /// Creates a record.
    public init(
        sessionID: String,
        participantCode: String,
        slotID: String,
        status: String,
        source: AttendanceSource,
        recordedAt: Date = Date(),
        recordedBy: String
    ) {
        self.sessionID = sessionID
        self.participantCode = participantCode
        self.slotID = slotID
        self.status = status
        self.source = source
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

/// How an attendance record was made.
public enum AttendanceSource: String, Sendable, Codable, CaseIterable {
    /// Typed by the trainer.
    case typed
    /// Imported from a sign-in sheet.
    case sheet
    /// The participant checked in on a phone.
    case selfCheckIn = "self-check-in"
}

/// An entry of the audit log: who did what, when.
public struct AuditEntry: Sendable, Codable, Equatable {
    /// Its number, in order.
    public var id: Int64?
    /// When.
    public var at: Date
    /// Who (a trainer's name or the system user).
    public var actor: String
    /// What, such as `participants.import`, `participant.forget`, `attendance.mark`.
    public var action: String
    /// On what (a session id, a participant code; never a name).
    public var subject: String
    /// Details (counts, file names; never a name).
    public var details: String

    /// Creates an entry.
    public init(id: Int64? = nil, at: Date = Date(), actor: String, action: String, subject: String, details: String = "") {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
    }
}
