import AtelierKernel

/// One answer of a GIFT multiple-choice question.
private struct ChoiceAnswer {
    var marked: Bool
    var weight: Double
    var text: String
    var hasFeedback: Bool
}

extension GIFTQuestionParser {
    /// Converts `{=right ~wrong}` into a single-choice item, and `{~%50%a ~%50%b ~%-100%c}` (no `=`) into
    /// a multiple-response item whose correct answers are those with a positive weight.
    func choices(_ answer: GIFTText, format: GIFTTextFormat) throws(ImportProblem) -> ConvertedAnswers {
        var answers: [ChoiceAnswer] = []
        for (position, piece) in answerPieces(answer, at: ["~", "="]).enumerated() {
            var text = piece.text
            var weight = 0.0
            if piece.separator == "=" {
                weight = 100
            } else if let weighted = GIFTQuestionParser.weight(text) {
                weight = weighted.percent
                text = weighted.rest
            }
            let (head, tail) = text.splitOnce(at: "#")
            let choice = answerText(head, format: format)
            guard !choice.isEmpty else {
                throw .error("gift-empty-answer", "answer \(position + 1) is empty", hint: "write its text after ~ or =, or remove the marker")
            }
            try GIFTQuestionParser.checkLength(choice, of: "answer \(position + 1)")
            let hasFeedback = tail.map { !answerText($0, format: format).isEmpty } ?? false
            answers.append(ChoiceAnswer(marked: piece.separator == "=", weight: weight, text: choice, hasFeedback: hasFeedback))
        }
        guard answers.count >= 2 else {
            throw .error(
                "gift-too-few-answers",
                "a multiple-choice question needs at least 2 answers; this one has \(answers.count)",
                hint: "add wrong answers with ~, or make it a short-answer question {=answer}"
            )
        }
        let feedbackCount = answers.filter(\.hasFeedback).count
        if answers.contains(where: \.marked) {
            var converted = try singleChoice(answers)
            converted.answerFeedbackCount = feedbackCount
            return converted
        }
        var converted = try multipleResponse(answers)
        converted.answerFeedbackCount = feedbackCount
        return converted
    }

    private func singleChoice(_ answers: [ChoiceAnswer]) throws(ImportProblem) -> ConvertedAnswers {
        let right = answers.indices.filter { answers[$0].marked }
        guard right.count == 1, let answerIndex = right.first else {
            throw .warning(
                "gift-several-right-answers",
                "\(right.count) answers are marked right with '='; an Atelier single-choice item has one",
                hint: "keep one '=' answer, or give the right answers weights (~%50%) to make a multiple-response question"
            )
        }
        guard answers.count <= ImportLimits.maxSingleChoices else {
            throw .warning(
                "gift-too-many-choices",
                "\(answers.count) answers; an Atelier single-choice item has at most \(ImportLimits.maxSingleChoices)",
                hint: "remove the weakest distractors"
            )
        }
        var converted = ConvertedAnswers(
            type: "single-choice",
            body: [
                "choices": ImportedItem.choices(answers.map(\.text), language),
                "answer": .string(ImportedItem.choiceID(answerIndex)),
            ]
        )
        let weighted = answers.filter { !$0.marked && $0.weight != 0 }.count
        if weighted > 0 {
            converted.losses.append(
                .warning(
                    "gift-partial-credit-lost",
                    "\(weighted) wrong answer\(weighted == 1 ? " has" : "s have") a weight (~%…%) that is dropped: "
                        + "in an Atelier single-choice item every other answer is simply wrong",
                    hint: "if partial credit matters, keep this question in Moodle"
                )
            )
        }
        return converted
    }

    private func multipleResponse(_ answers: [ChoiceAnswer]) throws(ImportProblem) -> ConvertedAnswers {
        let correct = answers.indices.filter { answers[$0].weight > 0 }
        guard !correct.isEmpty else {
            throw .error(
                "gift-no-right-answer",
                "no answer is marked right: there is no '=' and no answer has a positive weight",
                hint: "mark the right answer with '=', or give the right answers positive weights such as ~%50%"
            )
        }
        guard answers.count <= ImportLimits.maxMultipleChoices else {
            throw .warning(
                "gift-too-many-choices",
                "\(answers.count) answers; an Atelier multiple-response item has at most \(ImportLimits.maxMultipleChoices)",
                hint: "remove the weakest distractors"
            )
        }
        var converted = ConvertedAnswers(
            type: "multiple-response",
            body: [
                "choices": ImportedItem.choices(answers.map(\.text), language),
                "answers": .array(correct.map { .string(ImportedItem.choiceID($0)) }),
            ]
        )
        if !GIFTQuestionParser.areEqualShares(answers.map(\.weight)) {
            converted.losses.append(
                .warning(
                    "gift-weights-simplified",
                    "the answer weights ("
                        + answers.map { "\(GIFTWriter.number($0.weight))%" }.joined(separator: ", ")
                        + ") are not equal shares; Atelier keeps only which answers are correct, and the form's "
                        + "multiple-response policy decides partial credit and penalties",
                    hint: "check the form's multipleResponsePolicy"
                )
            )
        }
        return converted
    }

    /// Whether positive weights are equal shares of 100 and negative weights are absent or equal shares of
    /// −100 spread over every wrong answer: what an Atelier multiple-response item means.
    static func areEqualShares(_ weights: [Double]) -> Bool {
        let positive = weights.filter { $0 > 0 }
        let wrongCount = weights.count - positive.count
        let negative = weights.filter { $0 < 0 }
        let share = 100 / Double(max(1, positive.count))
        let positiveEqual = positive.allSatisfy { abs($0 - share) < 0.01 }
        let negativeShare = -100 / Double(max(1, wrongCount))
        let negativeEqual = negative.isEmpty || (negative.count == wrongCount && negative.allSatisfy { abs($0 - negativeShare) < 0.01 })
        return positiveEqual && negativeEqual
    }
}
