import AtelierKernel
import Foundation
import Testing

/// The shipped curricula and assessments: valid, complete, and graded as a trainer expects.
@Suite("Shipped content")
struct ShippedContentTests {
    static let formIDs = ["definitions.pre", "definitions.post", "identification.pre", "identification.post", "protection.pre", "protection.post"]
    static let languages = ["fr", "en", "ar"]

    var catalog: ContentCatalog { Repository.shipped.catalog }

    @Test("validates with no error and no warning")
    func validates() {
        #expect(Repository.shipped.diagnostics.map(\.formatted) == [])
        #expect(Repository.shipped.files.count == 15)
    }

    @Test("has the three modules and the three programs")
    func inventory() {
        #expect(Set(catalog.modules.keys) == ["definitions", "identification", "protection"])
        #expect(Set(catalog.programs.keys) == ["awareness-civil-society", "police-gendarmerie-2day", "minors-brigade-2day"])
        #expect(Set(catalog.forms.keys) == Set(Self.formIDs))
    }

    @Test("each form: at least 12 scored items, 5 item types including case analysis, every objective measured twice", arguments: formIDs)
    func formRequirements(id: String) throws {
        let form = try #require(catalog.resolvedForm(id))
        let scored = form.items.filter(\.itemType.isScored)
        #expect(scored.count >= 12)
        let types = Set(form.items.map(\.item.type))
        #expect(types.count >= 5)
        #expect(types.contains("case-analysis"))
        let module = try #require(catalog.modules[form.form.module])
        for objective in module.objectives {
            #expect(scored.filter { $0.item.objectives.contains(objective.id) }.count >= 2, "\(objective.id) in \(id)")
        }
        #expect(form.form.languages == Self.languages)
    }

    @Test("pre and post forms of each module share anchor items", arguments: ["definitions", "identification", "protection"])
    func anchors(module: String) throws {
        let pre = try #require(catalog.resolvedForm("\(module).pre"))
        let post = try #require(catalog.resolvedForm("\(module).post"))
        let shared = Set(pre.items.map(\.item.id)).intersection(post.items.map(\.item.id))
        #expect(shared.count >= 5)
    }

    @Test(
        "each module has units with activities and trainer notes in fr and en, and cites its sources",
        arguments: ["definitions", "identification", "protection"]
    )
    func modules(id: String) throws {
        let module = try #require(catalog.modules[id])
        #expect(module.objectives.count >= 4)
        #expect(module.units.count >= 3)
        for unit in module.units {
            #expect(!unit.activities.isEmpty)
            #expect(unit.trainerNotes["fr"]?.isEmpty == false && unit.trainerNotes["en"]?.isEmpty == false)
            #expect(unit.keyMessages.allSatisfy { !$0.sources.isEmpty })
        }
        #expect(module.references.allSatisfy { $0.id.hasPrefix("S") && !$0.citation.isEmpty })
    }

    @Test("an all-correct answer sheet scores 100%", arguments: formIDs)
    func allCorrect(id: String) throws {
        let form = try #require(catalog.resolvedForm(id))
        let grade = FormGrader.grade(form, responses: form.correctResponses())
        #expect(grade.percent == 100)
        #expect(grade.passed)
        #expect(grade.items.allSatisfy { $0.status == .correct || $0.type == "likert" })
    }

    @Test("an empty answer sheet scores 0% and every item is unanswered", arguments: formIDs)
    func empty(id: String) throws {
        let form = try #require(catalog.resolvedForm(id))
        let grade = FormGrader.grade(form, responses: [:])
        #expect(grade.score == 0)
        #expect(grade.percent == 0)
        #expect(!grade.passed)
        #expect(grade.items.allSatisfy { $0.status == .unanswered })
    }

    @Test("presents every form in fr, en and ar with nothing secret", arguments: formIDs)
    func secrecy(id: String) throws {
        let form = try #require(catalog.resolvedForm(id))
        for language in Self.languages {
            let presented = form.presented(in: language, seed: 42)
            #expect(presented.direction == (language == "ar" ? .rightToLeft : .leftToRight))
            #expect(presented.items.count == form.items.count)
            let json = try JSONValue(encoding: presented)
            let keys = json.allKeys
            #expect(keys.isDisjoint(with: ["answer", "answers", "accepted", "key", "feedback", "tolerance", "child", "sources"]), "\(keys)")
            let text = json.serialized()
            for loaded in form.items {
                if let feedback = loaded.item.feedback?[language] { #expect(!text.contains(feedback)) }
                guard let presentedItem = presented.items.first(where: { $0.id == loaded.item.id }) else { continue }
                let itemText = try JSONValue(encoding: presentedItem).serialized()
                for accepted in loaded.item.body.value(at: JSONPointer(tokens: ["accepted", language]))?.arrayValue ?? [] {
                    #expect(!itemText.contains(accepted.serialized()), "\(loaded.item.id) shows an accepted answer")
                }
            }
            for item in presented.items { #expect(!item.prompt.isEmpty) }
        }
    }

    @Test("every item has a random-guess score, except free answers and unscored items")
    func guessScores() {
        for loaded in catalog.items.values {
            let fraction = loaded.itemType.randomGuessFraction(for: loaded.body, in: GradingContext())
            switch loaded.item.type {
            case "likert": #expect(fraction == nil)
            case "short-text", "numeric": #expect(fraction == 0)
            default:
                let value = fraction ?? -1
                #expect(value > 0 && value < 1, "\(loaded.item.id)")
            }
        }
    }
}
