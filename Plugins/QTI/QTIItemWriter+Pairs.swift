import AtelierKernel

/// Items that relate options to each other: matching (`qti-match-interaction`) and ordering
/// (`qti-order-interaction`).
extension QTIItemWriter {
    /// Premises matched with targets: two `qti-simple-match-set`s (premises first, each matched at most once,
    /// kept in place; targets shuffled, each usable by every premise), a multiple `directedPair` response
    /// (`premise target`), and a mapping of P/n per right pair with `map_response`: the share of premises
    /// matched right, as Atelier grades.
    mutating func matching() throws(Skip) -> Parts {
        let premises = try options("premises")
        let targets = try options("targets")
        guard let key = item.body["answer"]?.objectValue else { throw Skip(reason: "it has no answer key") }
        var pairs: [String] = []
        for premise in premises {
            guard let targetID = key[premise.id]?.stringValue, let target = targets.first(where: { $0.id == targetID }) else {
                throw Skip(reason: "the premise \(premise.id) has no target in its key")
            }
            pairs.append("\(premise.identifier) \(target.identifier)")
        }
        let mapping = QTIScoring.mapping(pairs.map { (key: $0, value: points / Double(premises.count)) }, lowerBound: 0, upperBound: points)
        let premiseSet = premises.map { premise in
            Markup.tag(
                "qti-simple-associable-choice",
                ["identifier": premise.identifier, "match-max": "1", "fixed": "true"],
                text.inline(premise.text, field: "premise \(premise.id)")
            )
        }
        let targetSet = targets.map { target in
            Markup.tag(
                "qti-simple-associable-choice",
                ["identifier": target.identifier, "match-max": String(premises.count)],
                text.inline(target.text, field: "target \(target.id)")
            )
        }
        let interaction = Markup.tag(
            "qti-match-interaction",
            ["response-identifier": QTIScoring.response, "max-associations": String(premises.count), "shuffle": "true"],
            [prompt(), .tag("qti-simple-match-set", [:], premiseSet), .tag("qti-simple-match-set", [:], targetSet)]
        )
        return Parts(
            responses: [QTIScoring.responseDeclaration(cardinality: "multiple", baseType: "directedPair", correct: pairs, mapping: mapping)],
            outcomes: QTIScoring.outcomeDeclarations(points: points),
            body: [interaction],
            processing: QTIScoring.template(QTI.mapResponseTemplate)
        )
    }

    /// Elements put in order: a shuffled `qti-order-interaction` (every element must be placed, as in
    /// Atelier) with an ordered identifier response whose correct response is the key. The item's
    /// partial-credit rule is kept:
    /// - `all-or-nothing`: `match_correct`;
    /// - `positions` (the default): for each position i, P/n when `qti-index n="i"` of the response is the
    ///   key's i-th element;
    /// - `adjacent-pairs`: for each consecutive pair (a, b) of the key, P/(n − 1) when the response
    ///   `qti-contains` the ordered pair, which for ordered containers means a and b adjacent, in that order.
    mutating func ordering() throws(Skip) -> Parts {
        let elements = try options("elements")
        guard let key = item.body["answer"]?.arrayValue?.compactMap(\.stringValue), key.count == elements.count,
            Set(key) == Set(elements.map(\.id))
        else {
            throw Skip(reason: "its key is not an order of its elements")
        }
        let order = key.map(QTIIdentifier.make)
        let scoring = item.body["scoring"]?.stringValue ?? "positions"
        let processing: Markup
        switch scoring {
        case "all-or-nothing":
            processing = QTIScoring.matchCorrect(points: points)
        case "positions":
            processing = QTIScoring.processing(
                order.enumerated().map { index, identifier in
                    QTIScoring.award(
                        points / Double(order.count),
                        when: .tag(
                            "qti-match",
                            [:],
                            [
                                .tag("qti-index", ["n": String(index + 1)], [QTIScoring.variable(QTIScoring.response)]),
                                QTIScoring.baseValue("identifier", identifier),
                            ]
                        )
                    )
                }
            )
        case "adjacent-pairs":
            processing = QTIScoring.processing(
                zip(order, order.dropFirst()).map { first, second in
                    QTIScoring.award(
                        points / Double(order.count - 1),
                        when: .tag(
                            "qti-contains",
                            [:],
                            [
                                QTIScoring.variable(QTIScoring.response),
                                .tag("qti-ordered", [:], [QTIScoring.baseValue("identifier", first), QTIScoring.baseValue("identifier", second)]),
                            ]
                        )
                    )
                }
            )
        default:
            throw Skip(reason: "its scoring rule \(scoring) is unknown")
        }
        let interaction = Markup.tag(
            "qti-order-interaction",
            ["response-identifier": QTIScoring.response, "shuffle": "true"],
            [prompt()] + simpleChoices(elements, field: "element")
        )
        return Parts(
            responses: [QTIScoring.responseDeclaration(cardinality: "ordered", baseType: "identifier", correct: order)],
            outcomes: QTIScoring.outcomeDeclarations(points: points),
            body: [interaction],
            processing: processing
        )
    }
}
