import Foundation

/// A training session: one program delivered at a site, on given days, to registered participants.
public struct TrainingSession: Sendable, Codable, Equatable, Identifiable {
    /// Its id, such as `nouakchott-20261201`.
    public var id: String
    /// The short code participants type to join it on their phones.
    public var joinCode: String
    /// The program delivered.
    public var program: String
    /// The town or site.
    public var site: String
    /// The room or building.
    public var venue: String?
    /// The partner organization hosting or co-organizing it.
    public var partner: String?
    /// The language of printed material (sign-in sheets): fr, en or ar.
    public var language: String
    /// The first day.
    public var startDate: String
    /// The last day.
    public var endDate: String
    /// The trainers' names (staff, not participants).
    public var trainers: [String]
    /// The slots attendance is taken for, in order.
    public var slots: [SessionSlot]
    /// Whether participants may take a form again, and which attempt counts.
    public var retakePolicy: RetakePolicy
    /// The attendance statuses and their weights.
    public var attendanceStatuses: [AttendanceStatus]
    /// When it was created.
    public var createdAt: Date

    /// Creates a session.
    public init(
        id: String,
        joinCode: String,
        program: String,
        site: String,
        venue: String? = nil,
        partner: String? = nil,
        language: String = "fr",
        startDate: String,
        endDate: String,
        trainers: [String] = [],
        slots: [SessionSlot],
        retakePolicy: RetakePolicy = .none,
        attendanceStatuses: [AttendanceStatus] = AttendanceStatus.defaults,
        createdAt: Date = Date()
    ) {
        self.id = id
        self.joinCode = joinCode
        self.program = program
        self.site = site
        self.venue = venue
        self.partner = partner
        self.language = language
        self.startDate = startDate
        self.endDate = endDate
        self.trainers = trainers
        self.slots = slots
        self.retakePolicy = retakePolicy
        self.attendanceStatuses = attendanceStatuses
        self.createdAt = createdAt
    }

    /// The weight of `status`, or `nil` if the session does not know it.
    public func weight(of status: String) -> Int? { attendanceStatuses.first { $0.status == status }?.weight }

    /// The highest weight (what full attendance of one slot is worth).
    public var fullWeight: Int { attendanceStatuses.map(\.weight).max() ?? 1 }

    /// A participant's attendance as a fraction of the full weight of all slots; `records` are theirs
    /// (records of slots the session does not have are ignored; a slot without a record counts as absent).
    public func attendanceRate(_ records: [AttendanceRecord]) -> Double {
        guard !slots.isEmpty else { return 0 }
        let slotIDs = Set(slots.map(\.id))
        let attended = records.filter { slotIDs.contains($0.slotID) }.reduce(0) { $0 + (weight(of: $1.status) ?? 0) }
        return Double(attended) / Double(fullWeight * slots.count)
    }
}

/// A slot of a session: a day or half-day on a date, matching a slot of the program's schedule.
public struct SessionSlot: Sendable, Codable, Equatable, Identifiable {
    /// The program's slot id, such as `d1-am`.
    public var id: String
    /// The date, `YYYY-MM-DD`.
    public var date: String
    /// Morning, afternoon or full day.
    public var part: String
    /// Start time, `HH:MM`.
    public var start: String
    /// End time, `HH:MM`.
    public var end: String

    /// Creates a slot.
    public init(id: String, date: String, part: String, start: String, end: String) {
        self.id = id
        self.date = date
        self.part = part
        self.start = start
        self.end = end
    }
}

/// Whether a participant may take a form again, and which attempt counts.
public enum RetakePolicy: String, Sendable, Codable, CaseIterable {
    /// One attempt; a second one is a conflict, kept in quarantine.
    case none
    /// Retakes allowed; the first attempt counts.
    case first
    /// Retakes allowed; the last attempt counts.
    case last
    /// Retakes allowed; the best attempt counts.
    case best
}

/// An attendance status and its weight: present 2, late 1, excused 1, absent 0 by default.
public struct AttendanceStatus: Sendable, Codable, Equatable {
    /// Its name, such as `present`.
    public var status: String
    /// What it counts towards attendance.
    public var weight: Int

    /// Creates a status.
    public init(status: String, weight: Int) {
        self.status = status
        self.weight = weight
    }

    /// present 2, late 1, excused 1, absent 0.
    public static let defaults = [
        AttendanceStatus(status: "present", weight: 2), AttendanceStatus(status: "late", weight: 1),
        AttendanceStatus(status: "excused", weight: 1), AttendanceStatus(status: "absent", weight: 0),
    ]
}

/// A form of the session's program, and whether participants can take it now.
public struct SessionForm: Sendable, Codable, Equatable {
    /// The form's id.
    public var formID: String
    /// Its phase.
    public var phase: String
    /// Whether it is open.
    public var isOpen: Bool
    /// When it was last opened.
    public var openedAt: Date?
    /// When it was last closed.
    public var closedAt: Date?

    /// Creates an entry.
    public init(formID: String, phase: String, isOpen: Bool, openedAt: Date? = nil, closedAt: Date? = nil) {
        self.formID = formID
        self.phase = phase
        self.isOpen = isOpen
        self.openedAt = openedAt
        self.closedAt = closedAt
    }
}
