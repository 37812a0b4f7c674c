import Foundation

/// A curriculum module: what is taught, to whom, in which units, and on which sources.
///
/// Stored as `Curricula/modules/<id>.json`; described by `Curricula/schemas/module.schema.json`.
public struct CurriculumModule: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema = "$schema"
        case kind, id, version, languages, trainerLanguages, title, summary, audiences, objectives, units, references
    }

    /// The relative path of the JSON Schema the file names.
    public var schema: String
    /// Always `module`.
    public var kind: ContentKind
    /// The module's id, such as `definitions`.
    public var id: String
    /// A semantic version, such as `1.0.0`.
    public var version: String
    /// Languages a participant may read the module in.
    public var languages: [String]
    /// Languages of trainer notes and activity instructions.
    public var trainerLanguages: [String]?
    /// The title.
    public var title: LocalizedText
    /// A short summary.
    public var summary: LocalizedText
    /// Who the module is for.
    public var audiences: [Audience]
    /// What participants will be able to do.
    public var objectives: [LearningObjective]
    /// The teaching units, in order.
    public var units: [ModuleUnit]
    /// The sources behind every legal or factual claim.
    public var references: [Reference]

    /// The total teaching time of the units, in minutes.
    public var totalMinutes: Int { units.reduce(0) { $0 + $1.minutes } }
}

/// Who a module or program is for.
public enum Audience: String, Sendable, Codable, CaseIterable {
    case civilSociety = "civil-society"
    case police
    case gendarmerie
    case minorsBrigade = "minors-brigade"
    case justice
    case socialServices = "social-services"
    case localAuthority = "local-authority"
    case communityLeaders = "community-leaders"
}

/// A learning objective.
public struct LearningObjective: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable { case id, text }
    /// Its id, such as `def-o1`.
    public var id: String
    /// What a participant will be able to do.
    public var text: LocalizedText
}

/// One teaching unit of a module.
public struct ModuleUnit: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, minutes, objectives, keyMessages, activities, trainerNotes, sources
    }
    /// Its id, such as `def-u1`.
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// How long it takes.
    public var minutes: Int
    /// The objectives it serves.
    public var objectives: [String]
    /// What participants should remember.
    public var keyMessages: [KeyMessage]
    /// What happens in the room.
    public var activities: [Activity]
    /// Advice for the trainer.
    public var trainerNotes: LocalizedText
    /// Sources of the unit's content.
    public var sources: [String]?
}

/// A message participants should remember, with its sources.
public struct KeyMessage: Sendable, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case text, sources }
    /// The message.
    public var text: LocalizedText
    /// The sources that support it.
    public var sources: [String]
}

/// An activity within a unit.
public struct Activity: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable { case id, type, minutes, title, instructions }
    /// Its id.
    public var id: String
    /// What kind of activity.
    public var type: ActivityType
    /// How long it takes.
    public var minutes: Int
    /// Its title, as participants see it.
    public var title: LocalizedText
    /// How to run it (for the trainer).
    public var instructions: LocalizedText
}

/// The kinds of activity.
public enum ActivityType: String, Sendable, Codable, CaseIterable {
    case presentation, discussion
    case groupWork = "group-work"
    case caseStudy = "case-study"
    case rolePlay = "role-play"
    case exercise, quiz, video, energizer
}

/// A source, cited by id (`S18`).
public struct Reference: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable { case id, citation, url }
    /// Its id, such as `S18`.
    public var id: String
    /// A bibliographic description.
    public var citation: String
    /// Where to read it.
    public var url: String?
}

/// The kinds of content file.
public enum ContentKind: String, Sendable, Codable, CaseIterable {
    case module, program, bank, form

    /// The name of the kind's schema file.
    public var schemaFileName: String { "\(rawValue).schema.json" }
}
