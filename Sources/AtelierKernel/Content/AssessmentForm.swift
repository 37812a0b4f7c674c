import Foundation

/// An assessment form: the pre-, post- or retention test of a module.
///
/// Stored as `Assessments/<module>/<phase>.json`; described by `Assessments/schemas/form.schema.json`.
public struct AssessmentForm: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema = "$schema"
        case kind, id, version, module, phase, languages, title, instructions, passMark, timeLimitMinutes, shuffle,
            feedback, multipleResponsePolicy, items
    }

    /// The relative path of the JSON Schema the file names.
    public var schema: String
    /// Always `form`.
    public var kind: ContentKind
    /// The form's id, such as `definitions.pre`.
    public var id: String
    /// A semantic version.
    public var version: String
    /// The module it assesses.
    public var module: String
    /// When it is taken.
    public var phase: AssessmentPhase
    /// Languages a participant may take it in.
    public var languages: [String]
    /// The title.
    public var title: LocalizedText
    /// What participants are told before they start.
    public var instructions: LocalizedText
    /// The fraction of the maximum score needed to pass (0…1).
    public var passMark: Double
    /// A suggested time limit.
    public var timeLimitMinutes: Int?
    /// What is shuffled when the form is presented.
    public var shuffle: ShufflePolicy
    /// When feedback and the key are shown.
    public var feedback: FeedbackPolicy
    /// How wrong selections count in multiple-response items.
    public var multipleResponsePolicy: MultipleResponsePolicy
    /// The items, inline or from a bank.
    public var items: [FormEntry]
}

/// When a form is taken.
public enum AssessmentPhase: String, Sendable, Codable, CaseIterable {
    case pre, post, retention
}

/// What is shuffled when a form is presented.
public struct ShufflePolicy: Sendable, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case items, choices }
    /// Shuffle the order of items.
    public var items: Bool
    /// Shuffle the order of choices within items.
    public var choices: Bool
}

/// When a participant sees feedback and the key.
public enum FeedbackPolicy: String, Sendable, Codable, CaseIterable {
    /// Never.
    case none
    /// Right after submitting.
    case onSubmit = "on-submit"
    /// When the trainer releases it (after the session, so that the key does not travel during it).
    case afterRelease = "after-release"
}

/// How wrong selections count in multiple-response items.
public enum MultipleResponsePolicy: String, Sendable, Codable, CaseIterable {
    /// Credit for each correct choice selected; wrong selections cost nothing.
    case noPenalty = "no-penalty"
    /// Credit for correct choices minus the share of wrong choices selected, never below zero.
    case proportionalPenalty = "proportional-penalty"
    /// Full credit only for exactly the correct set.
    case allOrNothing = "all-or-nothing"
}

/// An entry of a form: an inline item, or a reference to a bank item.
public enum FormEntry: Sendable, Codable {
    case inline(Item)
    case reference(ItemReference)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ItemReference.CodingKeys.self)
        if container.contains(.ref) {
            self = .reference(try ItemReference(from: decoder))
        } else {
            self = .inline(try Item(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .inline(let item): try item.encode(to: encoder)
        case .reference(let reference): try reference.encode(to: encoder)
        }
    }

    /// The id of the item this entry stands for.
    public var itemID: String {
        switch self {
        case .inline(let item): item.id
        case .reference(let reference): reference.ref
        }
    }
}

/// A reference from a form to a bank item: `{"ref": "def-b01"}`.
public struct ItemReference: Sendable, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case ref }
    /// The bank item's id.
    public var ref: String
}
