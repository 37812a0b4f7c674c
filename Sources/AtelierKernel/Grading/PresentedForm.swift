import Foundation

/// A form as a participant sees it, in one language: no keys, no per-choice credit, no feedback.
///
/// The same value is printed by `atelier assessment preview --format json` and served to participants'
/// phones.
public struct PresentedForm: Sendable, Codable, Equatable {
    /// The form's id.
    public var id: String
    /// The module assessed.
    public var module: String
    /// When it is taken.
    public var phase: AssessmentPhase
    /// The language presented.
    public var language: String
    /// `rtl` for Arabic.
    public var direction: TextDirection
    /// The title.
    public var title: String
    /// The instructions.
    public var instructions: String
    /// A suggested time limit.
    public var timeLimitMinutes: Int?
    /// The items in presentation order.
    public var items: [PresentedItem]
}

/// An item as a participant sees it.
public struct PresentedItem: Sendable, Codable, Equatable {
    /// The item's id (responses are keyed by it).
    public var id: String
    /// Its type.
    public var type: String
    /// Its points, absent for unscored items.
    public var points: Double?
    /// The question or statement.
    public var prompt: String
    /// What the participant chooses from, as the item's type presents it.
    public var body: JSONValue
}

extension ResolvedForm {
    /// The form as a participant sees it in `language`.
    ///
    /// - Parameters:
    ///   - language: the participant's language (falls back to the form's first language if absent).
    ///   - seed: orders shuffled items and choices; the same seed gives the same order.
    public func presented(in language: String, seed: UInt64 = 0) -> PresentedForm {
        let language = form.languages.contains(language) ? language : (form.languages.first ?? language)
        var ordered = items
        if form.shuffle.items {
            var generator = SeededGenerator(seed: seed ^ 0x5EED)
            ordered.shuffle(using: &generator)
        }
        let presentedItems = ordered.map { loaded in
            let itemSeed = seed &+ UInt64(truncatingIfNeeded: loaded.item.id.utf8.reduce(UInt64(5381)) { ($0 &* 33) &+ UInt64($1) })
            let context = PresentationContext(language: language, shuffleChoices: form.shuffle.choices, seed: itemSeed)
            return PresentedItem(
                id: loaded.item.id,
                type: loaded.item.type,
                points: loaded.itemType.isScored ? loaded.item.weight : nil,
                prompt: loaded.item.prompt.resolved(in: language),
                body: loaded.itemType.present(loaded.body, in: context)
            )
        }
        return PresentedForm(
            id: form.id,
            module: form.module,
            phase: form.phase,
            language: language,
            direction: TextDirection(language: language),
            title: form.title.resolved(in: language),
            instructions: form.instructions.resolved(in: language),
            timeLimitMinutes: form.timeLimitMinutes,
            items: presentedItems
        )
    }

    /// A response sheet that earns full credit on every scored item (the trainer's answer key).
    public func correctResponses() -> [String: JSONValue] {
        var responses: [String: JSONValue] = [:]
        for loaded in items where loaded.itemType.isScored {
            responses[loaded.item.id] = loaded.itemType.correctResponse(for: loaded.body)
        }
        return responses
    }
}
