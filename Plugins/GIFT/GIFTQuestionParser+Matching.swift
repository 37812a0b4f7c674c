import AtelierKernel

extension GIFTQuestionParser {
    /// Converts `{=premise -> target =premise -> target}` into a matching item.
    ///
    /// Targets with the same text become one target; a pair with an empty premise (`= -> target`) is what
    /// Moodle's matching question takes for an extra wrong answer, and becomes a distractor target.
    func matching(_ answer: GIFTText, format: GIFTTextFormat) throws(ImportProblem) -> ConvertedAnswers {
        let pieces = answerPieces(answer, at: ["="])
        var premises: [(text: String, target: Int)] = []
        var targets: [String] = []
        var targetIndices: [String: Int] = [:]
        for (position, piece) in pieces.enumerated() {
            guard let arrow = piece.text.firstIndex(ofSequence: "->") else {
                throw .error(
                    "gift-matching-pair-without-arrow",
                    "pair \(position + 1) ('\(piece.text.string.prefix(60))') has no '->'",
                    hint: "write each pair as =premise -> target"
                )
            }
            let premise = answerText(piece.text.prefix(upTo: arrow), format: format)
            let writtenTarget = piece.text.suffix(from: arrow + 2).string
            let target = format == .html ? format.plainText(writtenTarget[...]) : String(writtenTarget.trimmingWhiteSpace())
            guard !target.isEmpty else {
                throw .error("gift-empty-answer", "pair \(position + 1) has no target after '->'", hint: "write each pair as =premise -> target")
            }
            try GIFTQuestionParser.checkLength(premise, of: "premise \(position + 1)")
            try GIFTQuestionParser.checkLength(target, of: "target \(position + 1)")
            let targetIndex = targetIndices[target] ?? targets.count
            if targetIndex == targets.count {
                targets.append(target)
                targetIndices[target] = targetIndex
            }
            if !premise.isEmpty { premises.append((premise, targetIndex)) }
            if premises.count > ImportLimits.maxPremises || targets.count > ImportLimits.maxTargets { throw tooMany(pieces.count) }
        }
        guard premises.count >= 2 else {
            throw .error(
                "gift-matching-too-few-pairs",
                "a matching question needs at least 2 pairs; this one has \(premises.count)",
                hint: "add pairs written =premise -> target, or make it a multiple-choice question"
            )
        }
        guard targets.count >= 2 else {
            throw .error(
                "gift-matching-too-few-targets",
                "every premise has the same target, '\(targets.first ?? "")'",
                hint: "give the premises different targets, or add a wrong target with = -> target"
            )
        }
        let premiseObjects: [JSONValue] = premises.enumerated().map { index, premise in
            ["id": .string("p\(index + 1)"), "text": ImportedItem.localized(premise.text, language)]
        }
        let targetObjects: [JSONValue] = targets.enumerated().map { index, target in
            ["id": .string("t\(index + 1)"), "text": ImportedItem.localized(target, language)]
        }
        let key = JSONObject(premises.enumerated().map { index, premise in (key: "p\(index + 1)", value: .string("t\(premise.target + 1)")) })
        return ConvertedAnswers(
            type: "matching",
            body: ["premises": .array(premiseObjects), "targets": .array(targetObjects), "answer": .object(key)]
        )
    }

    private func tooMany(_ pairs: Int) -> ImportProblem {
        .warning(
            "gift-too-many-choices",
            "\(pairs) pairs; an Atelier matching item has at most \(ImportLimits.maxPremises) premises and \(ImportLimits.maxTargets) targets",
            hint: "split the question in two"
        )
    }
}
