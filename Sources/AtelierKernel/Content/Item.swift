import Foundation

/// An assessment item. Its `body` is interpreted by the item-type plugin named by `type`.
public struct Item: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable { case id, type, objectives, points, prompt, body, feedback, sources, externalId, category }

    /// Its id, unique across all files.
    public var id: String
    /// The item type's kind string, such as `single-choice`.
    public var type: String
    /// The objectives it measures.
    public var objectives: [String]
    /// Its weight (default 1; unscored types have none).
    public var points: Double?
    /// The question or statement.
    public var prompt: LocalizedText
    /// The type-specific body, including the answer key.
    public var body: JSONValue
    /// An explanation shown when the form's feedback policy allows.
    public var feedback: LocalizedText?
    /// Sources of the item's content.
    public var sources: [String]?
    /// The item's id in the system it was imported from (Moodle's `idnumber`), kept for round trips.
    public var externalId: String?
    /// The category it had in the system it was imported from (a GIFT `$CATEGORY` or Moodle category path).
    public var category: String?

    /// Creates an item.
    public init(
        id: String,
        type: String,
        objectives: [String],
        points: Double? = nil,
        prompt: LocalizedText,
        body: JSONValue,
        feedback: LocalizedText? = nil,
        sources: [String]? = nil,
        externalId: String? = nil,
        category: String? = nil
    ) {
        self.id = id
        self.type = type
        self.objectives = objectives
        self.points = points
        self.prompt = prompt
        self.body = body
        self.feedback = feedback
        self.sources = sources
        self.externalId = externalId
        self.category = category
    }

    /// The points the item is worth when its type is scored.
    public var weight: Double { points ?? 1 }
}
