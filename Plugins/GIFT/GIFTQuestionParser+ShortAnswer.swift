import AtelierKernel

extension GIFTQuestionParser {
    /// The value of a true-false answer block (`T`, `TRUE`, `F` or `FALSE` before any `#`), if it is one.
    func trueFalseValue(_ answer: GIFTText) -> Bool? {
        switch answer.splitOnce(at: "#").head.string.trimmingWhiteSpace() {
        case "T", "TRUE": true
        case "F", "FALSE": false
        default: nil
        }
    }

    /// Converts `{T}`, `{FALSE#feedback if wrong#feedback if right}` into a true-false item.
    func trueFalse(_ answer: GIFTText, value: Bool) -> ConvertedAnswers {
        var converted = ConvertedAnswers(type: "true-false", body: ["answer": .bool(value)])
        let (_, feedback) = answer.splitOnce(at: "#")
        if let feedback {
            let (wrong, right) = feedback.splitOnce(at: "#")
            converted.answerFeedbackCount = [wrong, right].filter { $0.map { !$0.trimmed().isEmpty } ?? false }.count
        }
        return converted
    }

    /// Converts `{=answer =alternative}` into a short-text item whose accepted answers, in the import
    /// language, are those worth 100%.
    func shortAnswer(_ answer: GIFTText, format: GIFTTextFormat) throws(ImportProblem) -> ConvertedAnswers {
        var accepted: [String] = []
        var partial: [String] = []
        var feedbackCount = 0
        for (position, piece) in answerPieces(answer, at: ["="]).enumerated() {
            var text = piece.text
            var weight = 100.0
            if let weighted = GIFTQuestionParser.weight(text) {
                weight = weighted.percent
                text = weighted.rest
            }
            let (head, tail) = text.splitOnce(at: "#")
            if let tail, !answerText(tail, format: format).isEmpty { feedbackCount += 1 }
            let value = answerText(head, format: format)
            guard !value.isEmpty else {
                throw .error("gift-empty-answer", "answer \(position + 1) is empty", hint: "write the accepted answer after '='")
            }
            try GIFTQuestionParser.checkLength(value, of: "answer \(position + 1)", limit: ImportLimits.maxAcceptedAnswerLength)
            if weight >= 100 - 1e-9 {
                accepted.append(value)
            } else if weight > 0 {
                partial.append("\(value) (\(GIFTWriter.number(weight))%)")
            }
        }
        guard !accepted.isEmpty else {
            throw .warning(
                "gift-no-full-credit-answer",
                "no answer is worth 100%, so Atelier has no accepted answer to keep",
                hint: "give at least one answer full credit: =answer or =%100%answer"
            )
        }
        var converted = ConvertedAnswers(type: "short-text", body: ["accepted": [language: .array(accepted.map(JSONValue.string))]])
        converted.answerFeedbackCount = feedbackCount
        if !partial.isEmpty {
            converted.losses.append(
                .warning(
                    "gift-partial-credit-lost",
                    "answers with partial credit are not accepted: " + partial.joined(separator: ", ")
                        + "; Atelier short-text answers are right or wrong",
                    hint: "add them as accepted answers if they should earn full credit"
                )
            )
        }
        return converted
    }
}
