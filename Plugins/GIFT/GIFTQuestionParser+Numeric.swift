import AtelierKernel
import Foundation

/// One answer of a GIFT numerical question.
private struct NumericAnswer {
    var weight: Double
    var value: Double
    var tolerance: Double
}

extension GIFTQuestionParser {
    /// Converts `{#3:0.5}`, `{#1..5}` or `{#=%100%3:0.5 =%50%3:1 ~#feedback}` (the text after `#`) into a
    /// numeric item, keeping the answer worth 100%.
    func numeric(_ answer: GIFTText) throws(ImportProblem) -> ConvertedAnswers {
        var rest = answer
        var feedbackCount = 0
        if let tilde = rest.firstIndex(of: "~") {
            let (_, wrongFeedback) = rest.suffix(from: tilde + 1).splitOnce(at: "#")
            if let wrongFeedback, !wrongFeedback.trimmed().isEmpty { feedbackCount += 1 }
            rest = rest.prefix(upTo: tilde)
        }
        var answers: [NumericAnswer] = []
        for piece in answerPieces(rest, at: ["="]) {
            var text = piece.text
            var weight = 100.0
            if let weighted = GIFTQuestionParser.weight(text) {
                weight = weighted.percent
                text = weighted.rest
            }
            let (head, tail) = text.splitOnce(at: "#")
            if let tail, !tail.trimmed().isEmpty { feedbackCount += 1 }
            answers.append(try numericAnswer(String(head.string.trimmingWhiteSpace()), weight: weight))
        }
        guard !answers.isEmpty else {
            throw .error(
                "gift-no-numeric-answer",
                "the numerical question has no answer after '#'",
                hint: "write the answer as {#3}, {#3:0.5} (answer:tolerance) or {#1..5} (minimum..maximum)"
            )
        }
        guard let chosen = answers.first(where: { $0.weight >= 100 - 1e-9 }) else {
            throw .warning(
                "gift-no-full-credit-answer",
                "no numerical answer is worth 100%, so Atelier has no right answer to keep",
                hint: "give the right answer full credit: {#=%100%3:0.5 =%50%3:1}"
            )
        }
        var converted = ConvertedAnswers(
            type: "numeric",
            body: ["answer": .number(chosen.value), "tolerance": .number(chosen.tolerance)]
        )
        converted.answerFeedbackCount = feedbackCount
        if answers.count > 1 {
            let others = answers.count - 1
            converted.losses.append(
                .warning(
                    "gift-numeric-alternatives-lost",
                    "\(others) other numerical answer\(others == 1 ? " is" : "s are") dropped; only "
                        + "\(GIFTWriter.number(chosen.value)) ± \(GIFTWriter.number(chosen.tolerance)) is kept",
                    hint: "widen the tolerance if the other answers should also be right"
                )
            )
        }
        return converted
    }

    private func numericAnswer(_ text: String, weight: Double) throws(ImportProblem) -> NumericAnswer {
        if let range = text.range(of: ".."), range.lowerBound > text.startIndex {
            let minimum = try number(String(text[..<range.lowerBound]), in: text)
            let maximum = try number(String(text[range.upperBound...]), in: text)
            guard minimum <= maximum else {
                throw .error(
                    "gift-bad-number",
                    "in the range '\(text)' the minimum is above the maximum",
                    hint: "write the range as {#minimum..maximum}"
                )
            }
            return NumericAnswer(
                weight: weight,
                value: GIFTQuestionParser.rounded((minimum + maximum) / 2),
                tolerance: GIFTQuestionParser.rounded((maximum - minimum) / 2)
            )
        }
        if let colon = text.firstIndex(of: ":"), colon > text.startIndex {
            let value = try number(String(text[..<colon]), in: text)
            let tolerance = try number(String(text[text.index(after: colon)...]), in: text)
            guard tolerance >= 0 else {
                throw .error(
                    "gift-bad-number",
                    "the tolerance in '\(text)' is negative",
                    hint: "write the error margin as a positive number: {#3:0.5}"
                )
            }
            return NumericAnswer(weight: weight, value: value, tolerance: tolerance)
        }
        return NumericAnswer(weight: weight, value: try number(text, in: text), tolerance: 0)
    }

    /// The number written as `text` (part of the answer `answer`), as PHP's `is_numeric` reads it.
    private func number(_ text: String, in answer: String) throws(ImportProblem) -> Double {
        let trimmed = String(text.trimmingWhiteSpace())
        if trimmed.range(of: #"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
            let value = Double(trimmed), value.isFinite
        {
            return value
        }
        if GIFTQuestionParser.looksLikeFormula(trimmed) {
            throw .warning(
                "gift-calculated-skipped",
                "calculated question skipped: the numerical answer '\(answer)' is a formula, and an Atelier numeric item has one fixed answer",
                hint: "replace the formula with its value, or keep this question in Moodle"
            )
        }
        throw .error(
            "gift-bad-number",
            "'\(trimmed)' in the numerical answer '\(answer)' is not a number",
            hint: "write numbers with a dot as the decimal separator: {#3.5:0.1} or {#1..5}"
        )
    }

    /// Whether `text` is a formula of a calculated question: wildcards `{a}`, operators, or function calls.
    static func looksLikeFormula(_ text: String) -> Bool {
        let operators: Set<Character> = ["{", "}", "*", "/", "^", "(", ")"]
        if text.contains(where: operators.contains) { return true }
        return text.range(of: #"[0-9A-Za-z_.]\s*[-+]\s*[0-9A-Za-z_.]"#, options: .regularExpression) != nil
            && text.range(of: #"[eE][-+][0-9]"#, options: .regularExpression) == nil
    }

    /// `value` rounded to 12 significant digits, so that a range's midpoint and half-width do not show
    /// binary noise (0.1..0.3 gives 0.2 ± 0.1, not 0.09999999999999998).
    static func rounded(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        return Double(String(format: "%.12g", value)) ?? value
    }
}
