/// What an export could not carry, collected by kind with the items concerned, then told in sentences.
struct MoodleExportLosses {
    private var skipped: [(type: String, ids: [String])] = []
    private var byKind: [Kind: [String]] = [:]

    /// A kind of loss that concerns several items.
    enum Kind: CaseIterable {
        case sources, objectives, missingLanguage, multilangTargets, multilangUnits
        case invalidBody, removedCharacters, optionIDs
    }

    /// The language written (or `multilang`).
    let language: String

    /// Creates an empty collection for an export in `language`.
    init(language: String) { self.language = language }

    /// Records that `id`, of `type`, was not exported because Moodle has no such question type.
    mutating func skip(_ id: String, type: String) {
        if let index = skipped.firstIndex(where: { $0.type == type }) {
            skipped[index].ids.append(id)
        } else {
            skipped.append((type, [id]))
        }
    }

    /// Records a loss of `kind` for item `id` (once per item).
    mutating func record(_ kind: Kind, _ id: String) {
        if byKind[kind]?.contains(id) != true { byKind[kind, default: []].append(id) }
    }

    /// The sentences, skipped types first.
    var sentences: [String] {
        var result = skipped.map { entry in
            "\(entry.ids.count) \(entry.ids.count == 1 ? "item is" : "items are") not exported because Moodle has no \(MoodleExportLosses.typeDescription(entry.type)): \(entry.ids.joined(separator: ", "))."
        }
        for kind in Kind.allCases {
            guard let ids = byKind[kind], !ids.isEmpty else { continue }
            result.append(sentence(kind, ids.joined(separator: ", "), count: ids.count))
        }
        return result
    }

    private func sentence(_ kind: Kind, _ list: String, count: Int) -> String {
        let items = count == 1 ? "item" : "items"
        switch kind {
        case .sources:
            return "The sources of \(count) \(items) are not exported (a Moodle question has no sources field): \(list)."
        case .objectives:
            return "The objectives of \(count) \(items) are not exported (Moodle XML has none; give them again when importing): \(list)."
        case .missingLanguage:
            return "\(count) \(items) have texts missing in '\(language)', written in another language instead: \(list)."
        case .multilangTargets:
            return
                "The matching answers of \(list) hold multilang blocks, which Moodle shows translated only when filter_multilang applies to content and headings."
        case .multilangUnits:
            return
                "The units of \(list) hold multilang blocks; Moodle matches a typed unit literally, so units are exported as optional and not graded."
        case .invalidBody:
            return "\(count) \(items) are not exported because their body does not have the shape of their type: \(list)."
        case .removedCharacters:
            return "Control characters that XML cannot hold were removed from \(list)."
        case .optionIDs:
            return
                "Option ids (choices, premises, targets, elements) of \(count) \(items) are not carried: Moodle identifies answers by position, and an import numbers them again."
        }
    }

    private static func typeDescription(_ type: String) -> String {
        switch type {
        case "likert": "Likert-scale question type (an unscored opinion scale)"
        case "case-analysis": "case-analysis question type (act, means, purpose and classification of a case)"
        default: "'\(type)' question type"
        }
    }
}
