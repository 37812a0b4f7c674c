import AtelierKernel

/// Choice items: single choice, multiple response, true/false and rating scales, each a
/// `qti-choice-interaction`.
extension QTIItemWriter {
    /// One correct option: `max-choices="1"`, a single identifier response, `match_correct`.
    mutating func singleChoice() throws(Skip) -> Parts {
        let options = try options("choices")
        guard let answer = item.body["answer"]?.stringValue, options.contains(where: { $0.id == answer }) else {
            throw Skip(reason: "its answer is not one of its choices")
        }
        return Parts(
            responses: [
                QTIScoring.responseDeclaration(cardinality: "single", baseType: "identifier", correct: [QTIIdentifier.make(answer)])
            ],
            outcomes: QTIScoring.outcomeDeclarations(points: points),
            body: [choiceInteraction(options, maxChoices: 1, shuffle: settings.shuffleChoices)],
            processing: QTIScoring.matchCorrect(points: points)
        )
    }

    /// Several correct options: `max-choices="0"` (no limit), a multiple identifier response.
    ///
    /// With C correct and W wrong options worth P points, the form's policy becomes:
    /// - `proportional-penalty`: a mapping of +P/C per correct option and −P/W per wrong one, bounded by 0
    ///   and P, with `map_response` (max(0, hits/C − misses/W), as Atelier grades);
    /// - `no-penalty`: +P/C per correct option, wrong ones unmapped (0);
    /// - `all-or-nothing`: the correct set with `match_correct`.
    mutating func multipleResponse() throws(Skip) -> Parts {
        let options = try options("choices")
        let ids = Set(options.map(\.id))
        guard let answers = item.body["answers"]?.arrayValue?.compactMap(\.stringValue), !answers.isEmpty,
            Set(answers).isSubset(of: ids)
        else {
            throw Skip(reason: "its answers are not a non-empty set of its choices")
        }
        let correct = Set(answers)
        let correctIdentifiers = options.filter { correct.contains($0.id) }.map(\.identifier)
        let interaction = choiceInteraction(options, maxChoices: 0, shuffle: settings.shuffleChoices)
        let outcomes = QTIScoring.outcomeDeclarations(points: points)
        if settings.multipleResponsePolicy == .allOrNothing {
            return Parts(
                responses: [QTIScoring.responseDeclaration(cardinality: "multiple", baseType: "identifier", correct: correctIdentifiers)],
                outcomes: outcomes,
                body: [interaction],
                processing: QTIScoring.matchCorrect(points: points)
            )
        }
        let wrong = options.filter { !correct.contains($0.id) }
        var entries = correctIdentifiers.map { (key: $0, value: points / Double(correct.count)) }
        if settings.multipleResponsePolicy == .proportionalPenalty {
            entries += wrong.map { (key: $0.identifier, value: -points / Double(wrong.count)) }
        }
        let mapping = QTIScoring.mapping(entries, lowerBound: 0, upperBound: points)
        return Parts(
            responses: [
                QTIScoring.responseDeclaration(cardinality: "multiple", baseType: "identifier", correct: correctIdentifiers, mapping: mapping)
            ],
            outcomes: outcomes,
            body: [interaction],
            processing: QTIScoring.template(QTI.mapResponseTemplate)
        )
    }

    /// A statement (the prompt) with the options true and false, in the export's language(s), never shuffled.
    mutating func trueFalse() throws(Skip) -> Parts {
        guard let answer = item.body["answer"]?.boolValue else { throw Skip(reason: "its answer is not true or false") }
        let options = [
            Option(id: "true", text: QTILabels.localized(\.isTrue)),
            Option(id: "false", text: QTILabels.localized(\.isFalse)),
        ]
        return Parts(
            responses: [QTIScoring.responseDeclaration(cardinality: "single", baseType: "identifier", correct: [answer ? "true" : "false"])],
            outcomes: QTIScoring.outcomeDeclarations(points: points),
            body: [choiceInteraction(options, maxChoices: 1, shuffle: false)],
            processing: QTIScoring.matchCorrect(points: points)
        )
    }

    /// A rating scale, written as a survey item: a choice interaction in the scale's order whose options are
    /// identified `V` + value (`V1`…`V5`, `V-2`), with no correct response, no score and no response
    /// processing, so that the rating is recorded and nothing is graded, as in Atelier.
    mutating func likert() throws(Skip) -> Parts {
        guard let scale = item.body["scale"]?.arrayValue, scale.count >= 2 else { throw Skip(reason: "its scale has fewer than two points") }
        var options: [Option] = []
        for point in scale {
            guard let value = point["value"]?.integerValue, let label = QTIItemWriter.localized(point["label"]) else {
                throw Skip(reason: "a point of its scale has no integer value or no label")
            }
            options.append(Option(id: "V\(value)", text: label))
        }
        guard Set(options.map(\.id)).count == options.count else { throw Skip(reason: "two points of its scale share a value") }
        return Parts(
            responses: [QTIScoring.responseDeclaration(cardinality: "single", baseType: "identifier", correct: [])],
            body: [choiceInteraction(options, maxChoices: 1, shuffle: false)]
        )
    }
}
