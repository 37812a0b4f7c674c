import Foundation

/// Grades responses to a form through the item-type plugins.
///
/// ```swift
/// let grade = FormGrader.grade(resolvedForm, responses: ["def-b01": "b", "def-b02": true])
/// print(grade.percent)
/// ```
public enum FormGrader {
    /// The version of the grading rules; stored with each graded submission so that a change of rules is
    /// visible in the data.
    public static let version = "1"

    /// Grades one set of responses.
    ///
    /// A missing or `null` response is unanswered (0 points); a response of the wrong shape earns 0 and
    /// carries a message; nothing here throws or traps.
    ///
    /// - Parameters:
    ///   - form: the form, with its items resolved.
    ///   - responses: the responses keyed by item id.
    /// - Returns: the total and each item's grade.
    public static func grade(_ form: ResolvedForm, responses: [String: JSONValue]) -> FormGrade {
        let context = GradingContext(multipleResponsePolicy: form.form.multipleResponsePolicy)
        var items: [ItemGrade] = []
        for loaded in form.items {
            items.append(grade(loaded, response: responses[loaded.item.id], context: context))
        }
        let itemIDs = Set(form.items.map { $0.item.id })
        let score = rounded(items.reduce(0) { $0 + $1.score })
        let maxScore = rounded(form.maxScore)
        let fraction = maxScore > 0 ? score / maxScore : 0
        return FormGrade(
            form: form.form.id,
            score: score,
            maxScore: maxScore,
            percent: (fraction * 10_000).rounded() / 100,
            passMark: form.form.passMark,
            passed: maxScore > 0 && fraction + 1e-9 >= form.form.passMark,
            items: items,
            unknownItems: responses.keys.filter { !itemIDs.contains($0) }.sorted(),
            graderVersion: version
        )
    }

    /// Grades one item's response.
    public static func grade(_ loaded: LoadedItem, response: JSONValue?, context: GradingContext) -> ItemGrade {
        let maxScore = loaded.maxScore
        var grade = ItemGrade(id: loaded.item.id, type: loaded.item.type, status: .unanswered, score: 0, maxScore: maxScore, error: nil)
        guard let response, !response.isNull else { return grade }
        switch loaded.itemType.grade(response, against: loaded.body, in: context) {
        case .invalid(let message):
            grade.status = .invalid
            grade.error = message
        case .scored(let fraction):
            guard loaded.itemType.isScored else {
                grade.status = .recorded
                return grade
            }
            let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
            grade.score = rounded(clamped * maxScore)
            grade.status = clamped >= 1 - 1e-9 ? .correct : clamped <= 1e-9 ? .incorrect : .partial
        }
        return grade
    }

    /// Rounds to six decimals, so that sums of thirds print as people expect.
    static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}
