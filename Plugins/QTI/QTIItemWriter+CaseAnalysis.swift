import AtelierKernel

/// The case analysis, which QTI has no interaction for, written as a composite item.
extension QTIItemWriter {
    /// The elements of the trafficking definition, in the order Atelier asks them, with their response
    /// identifiers.
    private static let caseElements = [("act", "RESPONSE_ACT"), ("means", "RESPONSE_MEANS"), ("purpose", "RESPONSE_PURPOSE")]
    /// The classifications, in Atelier's order.
    private static let classifications = ["trafficking", "smuggling", "both", "neither"]

    /// A case analysis as one composite item: the prompt and the scenario, then one yes/no choice
    /// interaction per element (act, means, purpose: "is there …?") and one choice interaction for the
    /// classification, each with its own response declaration (`RESPONSE_ACT`, `RESPONSE_MEANS`,
    /// `RESPONSE_PURPOSE`, `RESPONSE_CLASSIFICATION`) and correct response. The response processing adds a
    /// quarter of the points for each part that matches its correct response, so an unanswered part earns
    /// nothing, as in Atelier.
    mutating func caseAnalysis() throws(Skip) -> Parts {
        guard let scenario = QTIItemWriter.localized(item.body["scenario"]), let key = item.body["key"]?.objectValue else {
            throw Skip(reason: "it has no scenario or no key")
        }
        var expected: [String: Bool] = [:]
        for (element, _) in QTIItemWriter.caseElements {
            guard let present = key[element]?.boolValue else { throw Skip(reason: "its key does not say whether the \(element) is present") }
            expected[element] = present
        }
        guard let classification = key["classification"]?.stringValue, QTIItemWriter.classifications.contains(classification) else {
            throw Skip(reason: "its key's classification is not one of \(QTIItemWriter.classifications.joined(separator: ", "))")
        }
        var responses: [Markup] = []
        var body: [Markup] = [promptParagraph(), .tag("div", ["class": "scenario"], [.tag("p", [:], text.inline(scenario, field: "scenario"))])]
        let yesNo = [Option(id: "yes", text: QTILabels.localized(\.yes)), Option(id: "no", text: QTILabels.localized(\.no))]
        for (element, identifier) in QTIItemWriter.caseElements {
            responses.append(
                QTIScoring.responseDeclaration(
                    identifier,
                    cardinality: "single",
                    baseType: "identifier",
                    correct: [expected[element] == true ? "yes" : "no"]
                )
            )
            var question: [String: [Markup]] = [:]
            for language in QTILabels.languages {
                let labels = QTILabels.labels(for: language)
                question[language] = [
                    .tag("strong", [:], text: labels.elements[element] ?? element), .tag("br"), .text(labels.questions[element] ?? element),
                ]
            }
            let prompt = Markup.tag("qti-prompt", [:], text.inline(field: "question \(element)", question))
            body.append(choiceInteraction(yesNo, maxChoices: 1, shuffle: false, responseIdentifier: identifier, prompt: prompt))
        }
        responses.append(
            QTIScoring.responseDeclaration("RESPONSE_CLASSIFICATION", cardinality: "single", baseType: "identifier", correct: [classification])
        )
        let classes = QTIItemWriter.classifications.map { name in
            Option(id: name, text: QTILabels.localized { $0.classifications[name] ?? name })
        }
        let classify = Markup.tag("qti-prompt", [:], text.inline(QTILabels.localized(\.classify), field: "classification question"))
        body.append(choiceInteraction(classes, maxChoices: 1, shuffle: false, responseIdentifier: "RESPONSE_CLASSIFICATION", prompt: classify))
        let parts = QTIItemWriter.caseElements.map(\.1) + ["RESPONSE_CLASSIFICATION"]
        return Parts(
            responses: responses,
            outcomes: QTIScoring.outcomeDeclarations(points: points),
            body: body,
            processing: QTIScoring.processing(parts.map { QTIScoring.award(points / 4, when: QTIScoring.matchesCorrect($0)) })
        )
    }
}
