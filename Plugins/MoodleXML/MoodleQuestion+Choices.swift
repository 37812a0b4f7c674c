import AtelierKernel

/// An Atelier item type and body converted from a Moodle question.
struct ConvertedBody {
    /// The Atelier item type, such as `single-choice`.
    var type: String
    /// The body.
    var body: JSONValue
}

extension MoodleQuestion {
    /// Converts a `multichoice` question: `<single>true</single>` to a single-choice item (the 100% answer
    /// is right), `<single>false</single>` to a multiple-response item (every answer worth more than 0% is
    /// right). Other grades than right or wrong are reported: Atelier has no partial credit per option.
    mutating func convertMultichoice() throws(QuestionProblem) -> ConvertedBody {
        let singleText = node.childText("single") ?? "true"
        let single = !(singleText == "false" || singleText.isEmpty || singleText == "0")
        var answers: [MoodleAnswer] = []
        for answer in self.answers(textFormat: questionTextFormat) {
            if answer.text == nil {
                if answer.hasImages {
                    throw problem(
                        "image-only-answer",
                        "answer \(answer.index + 1) is an image with no text; Atelier choices are text",
                        at: answer.element.location,
                        hint: "give the answer a text"
                    )
                }
                continue  // Moodle drops blank answers too
            }
            answers.append(answer)
        }
        try requireCount(answers.count, of: "answer", in: single ? 2...12 : 2...16)
        reportAnswerFeedback(answers)
        reportCombinedFeedback()
        let ids = answers.indices.map(MoodleQuestion.choiceID)
        let choices: [JSONValue] = zip(ids, answers).map { id, answer in
            ["id": .string(id), "text": answer.text?.json(ordered: languages) ?? [:]]
        }
        if single {
            let right = answers.indices.filter { answers[$0].isRight }
            guard let key = right.first else {
                throw problem(
                    "no-correct-answer",
                    "no answer is worth 100%, so there is no right answer",
                    hint: "give the right answer fraction=\"100\""
                )
            }
            if right.count > 1 {
                warn(
                    "several-right-answers",
                    "question \(displayName): \(right.count) answers are worth 100%; a single-choice item has one right answer, so only \(answers[key].label) is kept as right",
                    hint: "make the others wrong (0%), or make it a multiple-answer question (<single>false</single>)"
                )
            }
            let partial = answers.filter { !$0.isRight && $0.fraction != 0 }
            if !partial.isEmpty {
                warn(
                    "partial-credit",
                    "question \(displayName): \(partial.map { "\($0.label) earns \(MoodleQuestion.percent($0.fraction))" }.joined(separator: ", ")) in Moodle; in Atelier only \(answers[key].label) earns credit and the others none",
                    hint: "partial and negative grades per answer have no Atelier equivalent"
                )
            }
            return ConvertedBody(type: "single-choice", body: ["choices": .array(choices), "answer": .string(ids[key])])
        }
        let right = answers.indices.filter { answers[$0].fraction > 0 }
        guard !right.isEmpty else {
            throw problem(
                "no-correct-answer",
                "no answer is worth more than 0%, so no answer is right",
                hint: "give the right answers positive fractions that add up to 100"
            )
        }
        let shares = right.map { answers[$0].fraction }
        if let low = shares.min(), let high = shares.max(), high - low > 0.01 {
            warn(
                "partial-credit",
                "question \(displayName): the right answers earn unequal shares (\(shares.map { MoodleQuestion.percent($0) }.joined(separator: ", "))); Atelier gives each right answer an equal share",
                hint: "partial credit follows the form's multipleResponsePolicy"
            )
        }
        return ConvertedBody(type: "multiple-response", body: ["choices": .array(choices), "answers": .array(right.map { .string(ids[$0]) })])
    }

    /// Converts a `truefalse` question: the statement is the prompt, the right answer is the one worth
    /// 100% (its text `true` or `false`, else, as Moodle does for old files, the first answer is true).
    mutating func convertTrueFalse() throws(QuestionProblem) -> ConvertedBody {
        let answers = self.answers(textFormat: nil)
        guard !answers.isEmpty else {
            throw problem("missing-part", "it has no answers", hint: "add <answer fraction=\"100\"><text>true</text></answer>")
        }
        guard let right = answers.first(where: \.isRight) else {
            throw problem(
                "no-correct-answer",
                "neither answer is worth 100%, so there is no right answer",
                hint: "give the right answer fraction=\"100\""
            )
        }
        reportAnswerFeedback(answers)
        let value: Bool
        switch right.raw.lowercased() {
        case "true": value = true
        case "false": value = false
        default:
            value = right.index == 0
            warn(
                "true-false-order",
                "question \(displayName): the answers are not named true and false; as Moodle does, the first is taken as true, so the statement is \(value ? "true" : "false")",
                at: right.element.location,
                hint: "name the answers <text>true</text> and <text>false</text>"
            )
        }
        return ConvertedBody(type: "true-false", body: ["answer": .bool(value)])
    }

    /// The id of the `index`-th choice: `a`, `b`, … `z`, then `a1`, `b1`…
    static func choiceID(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return String(letters[index % letters.count]) + (index < letters.count ? "" : String(index / letters.count))
    }
}
