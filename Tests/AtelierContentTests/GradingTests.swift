import AtelierKernel
import Foundation
import Testing

/// Hand-checked partial answer sheets of the shipped forms.
@Suite("Grading hand-checked sheets")
struct GradingTests {
    func responses(_ name: String) throws -> [String: JSONValue] {
        let value = try JSONParser.parse(Data(contentsOf: URL(fileURLWithPath: Repository.fixture("sheets/" + name)))).value
        let object = try #require(value["responses"]?.objectValue)
        return Dictionary(uniqueKeysWithValues: object.members.map { ($0.key, $0.value) })
    }

    @Test("definitions.pre: a partial sheet scores 8.016667 / 15, item by item")
    func partialPre() throws {
        let form = try #require(Repository.shipped.catalog.resolvedForm("definitions.pre"))
        let grade = FormGrader.grade(form, responses: try responses("definitions.pre.partial.json"))
        // Computed by hand from the key (`atelier assessment key definitions.pre`), proportional penalty:
        let expected: [String: (Double, ItemGrade.Status)] = [
            "def-pre01": (0, .recorded),  // likert, not scored
            "def-b01": (1, .correct),
            "def-pre02": (0, .incorrect),
            "def-pre03": (1.0 / 6, .partial),  // 2 of 3 right (2/3) minus 1 of 2 wrong (1/2)
            "def-b02": (1, .correct),
            "def-b03": (1, .correct),  // "18" typed as text
            "def-b05": (0.5, .partial),  // act and purpose right; means and classification wrong
            "def-pre04": (1, .correct),  // case and spaces ignored
            "def-pre05": (0, .incorrect),
            "def-pre06": (0, .unanswered),
            "def-b04": (0.5, .partial),  // 2 of 4 pairs
            "def-pre07": (1, .correct),
            "def-pre08": (0.75, .partial),  // classification wrong
            "def-b06": (0.5, .partial),  // 3 of 3 right minus 1 of 2 wrong
            "def-pre09": (0, .invalid),  // a number where a choice id is expected
            "def-pre10": (0.6, .partial),  // 3 of 5 in place
        ]
        #expect(grade.items.count == expected.count)
        for item in grade.items {
            let (score, status) = try #require(expected[item.id])
            #expect(abs(item.score - score) < 1e-6, "\(item.id): \(item.score)")
            #expect(item.status == status, "\(item.id)")
        }
        #expect(grade.score == 8.016667)
        #expect(grade.maxScore == 15)
        #expect(grade.percent == 53.44)
        #expect(!grade.passed)
        #expect(grade.unknownItems == ["not-an-item"])
        #expect(grade.items.first { $0.id == "def-pre09" }?.error == "expected the id of one choice as a string, found number")
    }

    @Test("definitions.post: the six anchors right and nothing else scores 6 / 15 = 40%")
    func anchorsOnly() throws {
        let form = try #require(Repository.shipped.catalog.resolvedForm("definitions.post"))
        let grade = FormGrader.grade(form, responses: try responses("definitions.post.anchors-only.json"))
        #expect(grade.score == 6)
        #expect(grade.percent == 40)
        #expect(
            grade.items.filter { $0.status == .correct }.map(\.id).sorted() == ["def-b01", "def-b02", "def-b03", "def-b04", "def-b05", "def-b06"]
        )
    }

    @Test("the multiple-response policy of the form decides partial credit")
    func policy() throws {
        var form = try #require(Repository.shipped.catalog.resolvedForm("definitions.pre"))
        let sheet: [String: JSONValue] = ["def-b06": ["a", "b", "d", "e"]]
        form.form.multipleResponsePolicy = .noPenalty
        #expect(FormGrader.grade(form, responses: sheet).score == 1)
        form.form.multipleResponsePolicy = .allOrNothing
        #expect(FormGrader.grade(form, responses: sheet).score == 0)
        form.form.multipleResponsePolicy = .proportionalPenalty
        #expect(FormGrader.grade(form, responses: sheet).score == 0.5)
    }
}

@Suite("Grade JSON")
struct GradeJSONTests {
    @Test("the directly written JSON of a grade is exactly the serialized jsonValue", arguments: ["definitions.pre", "protection.post"])
    func sameText(id: String) throws {
        let form = try #require(Repository.shipped.catalog.resolvedForm(id))
        var responses = form.correctResponses()
        responses[form.items[1].item.id] = 42  // an invalid response, with an error message
        responses["not \"an\" item"] = true
        let grade = FormGrader.grade(form, responses: responses)
        #expect(grade.jsonText == grade.jsonValue.serialized())
        #expect(FormGrade(json: try JSONParser.parse(grade.jsonText).value) == grade)
    }
}
