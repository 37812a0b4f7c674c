import Foundation

/// A question bank: items that forms of a module share (the anchors of pre/post comparison).
///
/// Stored as `Assessments/<module>/bank.json`; described by `Assessments/schemas/bank.schema.json`.
public struct QuestionBank: Sendable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema = "$schema"
        case kind, id, version, module, languages, items
    }

    /// The relative path of the JSON Schema the file names.
    public var schema: String
    /// Always `bank`.
    public var kind: ContentKind
    /// The bank's id.
    public var id: String
    /// A semantic version.
    public var version: String
    /// The module whose objectives the items measure.
    public var module: String
    /// Languages of the items.
    public var languages: [String]
    /// The items.
    public var items: [Item]
}
