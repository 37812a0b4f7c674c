import AtelierKernel

extension MoodleQuestion {
    /// Converts a `matching` question: each subquestion with a text is a premise paired with its answer;
    /// a subquestion with an empty text adds its answer as a distractor target. Equal answers are one
    /// target, as in Moodle.
    mutating func convertMatching() throws(QuestionProblem) -> ConvertedBody {
        var premises: [LocalizedText] = []
        var targets: [LocalizedText] = []
        var pairs: [(premise: Int, target: Int)] = []
        for (index, subquestion) in node.children("subquestion").enumerated() {
            let what = "subquestion \(index + 1)"
            let premise = localizedText(subquestion, what: what, defaultFormat: questionTextFormat)
            let answerElement = subquestion.child("answer")
            let target = answerElement.flatMap { plainText($0.child("text")?.text ?? $0.text, what: "the answer of \(what)", at: $0.location) }
            guard let target else {
                if premise != nil {
                    throw problem(
                        "missing-part",
                        "\(what) has no answer to match",
                        at: subquestion.location,
                        hint: "add <answer><text>…</text></answer>"
                    )
                }
                continue  // an empty subquestion, which Moodle ignores too
            }
            let targetIndex: Int
            if let existing = targets.firstIndex(of: target) {
                targetIndex = existing
            } else {
                targets.append(target)
                targetIndex = targets.count - 1
            }
            if let premise {
                premises.append(premise)
                pairs.append((premises.count - 1, targetIndex))
            }
        }
        try requireCount(premises.count, of: "subquestion with a text", in: 2...12)
        try requireCount(targets.count, of: "distinct answer", in: 2...16)
        reportCombinedFeedback()
        let premiseJSON: [JSONValue] = premises.enumerated().map {
            ["id": .string("p\($0.offset + 1)"), "text": $0.element.json(ordered: languages)]
        }
        let targetJSON: [JSONValue] = targets.enumerated().map { ["id": .string("t\($0.offset + 1)"), "text": $0.element.json(ordered: languages)] }
        let answer = JSONObject(pairs.map { (key: "p\($0.premise + 1)", value: JSONValue.string("t\($0.target + 1)")) })
        return ConvertedBody(type: "matching", body: ["premises": .array(premiseJSON), "targets": .array(targetJSON), "answer": .object(answer)])
    }

    /// Converts an `ordering` question (the qtype_ordering plugin): its answers, in the file's order, are
    /// the elements in the right order. Its grading type becomes the scoring rule where Atelier has one.
    mutating func convertOrdering() throws(QuestionProblem) -> ConvertedBody {
        var elements: [LocalizedText] = []
        for answer in answers(textFormat: questionTextFormat) {
            guard let text = answer.text else {
                if answer.hasImages {
                    throw problem(
                        "image-only-answer",
                        "answer \(answer.index + 1) is an image with no text; Atelier elements are text",
                        at: answer.element.location
                    )
                }
                continue  // qtype_ordering drops blank answers too
            }
            elements.append(text)
        }
        try requireCount(elements.count, of: "answer", in: 2...12)
        reportCombinedFeedback()
        let grading = (node.childText("gradingtype") ?? "RELATIVE").uppercased()
        let scoring: String
        switch grading {
        case "ABSOLUTE_POSITION", "ABSOLUTE", "ABS": scoring = "positions"
        case "RELATIVE_NEXT_EXCLUDE_LAST", "RELATIVE", "REL": scoring = "adjacent-pairs"
        case "ALL_OR_NOTHING": scoring = "all-or-nothing"
        default:
            scoring = grading.hasPrefix("RELATIVE") ? "adjacent-pairs" : "positions"
            warn(
                "ordering-grading",
                "question \(displayName): Moodle's grading type \(grading) has no Atelier equivalent; the item is scored by \(scoring)",
                hint: "Atelier scores ordering by positions, adjacent-pairs or all-or-nothing"
            )
        }
        let selectType = (node.childText("selecttype") ?? "ALL").uppercased()
        if let count = node.childText("selectcount").flatMap({ Int($0) }), selectType != "ALL", selectType != "EXACT", count > 0,
            count < elements.count
        {
            warn(
                "ordering-subset",
                "question \(displayName): Moodle showed \(count) of the \(elements.count) elements (\(selectType)); Atelier shows them all"
            )
        }
        let ids = elements.indices.map { "e\($0 + 1)" }
        let elementJSON: [JSONValue] = zip(ids, elements).map { ["id": .string($0), "text": $1.json(ordered: languages)] }
        return ConvertedBody(
            type: "ordering",
            body: ["elements": .array(elementJSON), "answer": .array(ids.map(JSONValue.string)), "scoring": .string(scoring)]
        )
    }
}
