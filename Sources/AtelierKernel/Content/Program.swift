import Foundation

/// A training program: a track for an audience, with its modules, schedule and completion rule.
///
/// Stored as `Curricula/programs/<id>.json`; described by `Curricula/schemas/program.schema.json`.
public struct Program: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema = "$schema"
        case kind, id, version, languages, title, summary, audiences, modules, schedule, completion
    }

    /// The relative path of the JSON Schema the file names.
    public var schema: String
    /// Always `program`.
    public var kind: ContentKind
    /// The program's id.
    public var id: String
    /// A semantic version.
    public var version: String
    /// Languages of the program's texts.
    public var languages: [String]
    /// The title.
    public var title: LocalizedText
    /// A short summary.
    public var summary: LocalizedText
    /// Who the program is for.
    public var audiences: [Audience]
    /// The modules taught, by id.
    public var modules: [String]
    /// The slots of the training, in order.
    public var schedule: [ScheduleSlot]
    /// What a participant must do to complete the training.
    public var completion: CompletionRule

    /// The number of distinct days.
    public var days: Int { Set(schedule.map(\.day)).count }
}

/// A slot of a program's schedule (attendance is taken per slot).
public struct ScheduleSlot: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable { case id, day, part, start, end, units, forms }
    /// Its id, such as `d1-am`.
    public var id: String
    /// The day, from 1.
    public var day: Int
    /// Morning, afternoon or full day.
    public var part: DayPart
    /// Start time, `HH:MM`.
    public var start: String
    /// End time, `HH:MM`.
    public var end: String
    /// The units taught, by id.
    public var units: [String]
    /// The assessment forms administered, by id.
    public var forms: [String]?

    /// The slot's length in minutes, from its start and end times.
    public var minutes: Int? {
        func parse(_ time: String) -> Int? {
            let parts = time.split(separator: ":").compactMap { Int($0) }
            return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
        }
        guard let start = parse(start), let end = parse(end) else { return nil }
        return end - start
    }
}

/// A part of a day.
public enum DayPart: String, Sendable, Codable, CaseIterable {
    case morning, afternoon
    case fullDay = "full-day"
}

/// What a participant must do to complete a program.
public struct CompletionRule: Sendable, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case minimumAttendance, requirePostTestPass }
    /// The least fraction of slots attended (0…1).
    public var minimumAttendance: Double
    /// Whether each post-test's pass mark must be reached.
    public var requirePostTestPass: Bool
}
