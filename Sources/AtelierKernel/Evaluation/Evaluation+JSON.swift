import Foundation

// The JSON of the evaluation commands: a public contract (documented in README.md, "Evaluation
// JSON"). Keys are never renamed; new keys may be added. A figure that cannot be computed is null.

extension JSONValue {
    /// A number, or null when absent or not finite (the evaluation outputs never carry NaN).
    public static func figure(_ value: Double?) -> JSONValue {
        value.flatMap(\.finite).map(JSONValue.number) ?? .null
    }
}

extension PairedComparison.SignedRankTest {
    /// `{"wPlus","wMinus","n","p","exact","z","rankBiserial"}`.
    public var jsonValue: JSONValue {
        [
            "wPlus": .figure(wPlus), "wMinus": .figure(wMinus), "n": .number(Double(n)), "p": .figure(p), "exact": .bool(exact),
            "z": .figure(z), "rankBiserial": .figure(rankBiserial),
        ]
    }
}

extension PairedComparison {
    /// The cohort's figures under the contract's keys: scores, gains and the CI in percentage points,
    /// shares in percent (0…100).
    public var jsonMembers: [(key: String, value: JSONValue)] {
        [
            ("n", .number(Double(n))),
            ("meanPre", .figure(meanPre)), ("sdPre", .figure(sdPre)),
            ("meanPost", .figure(meanPost)), ("sdPost", .figure(sdPost)),
            ("meanGain", .figure(meanGain)),
            ("gainCI95", gainCI95.map { .array($0.map(JSONValue.figure)) } ?? .null),
            ("sdGain", .figure(sdGain)), ("medianGain", .figure(medianGain)),
            ("t", .figure(t)), ("df", df.map { .number(Double($0)) } ?? .null), ("pTTest", .figure(pTTest)),
            ("wilcoxon", wilcoxon?.jsonValue ?? .null),
            ("dz", .figure(dz)), ("gz", .figure(gz)),
            ("hakeG", .figure(hakeG)), ("meanIndividualG", .figure(meanIndividualG)), ("nIndividualG", .number(Double(nIndividualG))),
            ("pctImproved", .figure(pctImproved)),
            ("passMark", .figure(passMark)), ("pctPassPre", .figure(pctPassPre)), ("pctPassPost", .figure(pctPassPost)),
            ("gainThreshold", .figure(gainThreshold)), ("pctGainAtLeastThreshold", .figure(pctGainAtLeastThreshold)),
        ]
    }
}

extension ItemChange {
    /// `{"id","n","preFacility","postFacility","b","c","pMcNemar","exact","pHolm"}`; facilities 0…1.
    public var jsonValue: JSONValue {
        [
            "id": .string(id), "n": .number(Double(n)), "preFacility": .figure(preFacility), "postFacility": .figure(postFacility),
            "b": .number(Double(b)), "c": .number(Double(c)), "pMcNemar": .figure(pMcNemar), "exact": .bool(exact), "pHolm": .figure(pHolm),
        ]
    }
}

extension PrePostAnalysis {
    /// The output of `atelier analyze prepost --format json`.
    public var jsonValue: JSONValue {
        var members = cohort.jsonMembers
        members.insert(contentsOf: [("nPreOnly", .number(Double(nPreOnly))), ("nPostOnly", .number(Double(nPostOnly)))], at: 1)
        members.append(("items", .array(items.map(\.jsonValue))))
        return .object(JSONObject(members))
    }
}

extension ItemStatistics {
    /// One item of `atelier analyze items --format json`; proportions 0…1, correlations −1…1.
    public var jsonValue: JSONValue {
        [
            "id": .string(id), "n": .number(Double(n)), "facility": .figure(facility), "sd": .figure(sd),
            "randomGuessScore": .figure(randomGuessScore), "intendedWeight": .figure(intendedWeight),
            "effectiveWeight": .figure(effectiveWeight), "discriminationIndex": .figure(discriminationIndex),
            "discriminativeEfficiency": .figure(discriminativeEfficiency), "itemRest": .figure(itemRest),
            "pointBiserial": .figure(pointBiserial), "upperLowerD": .figure(upperLowerD), "alphaIfDeleted": .figure(alphaIfDeleted),
            "flags": .array(flags.map { ["kind": .string($0.kind.rawValue), "reason": .string($0.reason)] }),
        ]
    }
}

extension TestStatistics {
    /// The test part of `atelier analyze items --format json`; mean, median, SD and SE as proportions of
    /// the maximum total.
    public var jsonValue: JSONValue {
        [
            "n": .number(Double(n)), "items": .number(Double(itemCount)), "mean": .figure(mean), "median": .figure(median),
            "sd": .figure(sd), "skewness": .figure(skewness), "kurtosis": .figure(kurtosis), "cronbachAlpha": .figure(cronbachAlpha),
            "kr20": .figure(kr20), "errorRatio": .figure(errorRatio), "standardError": .figure(standardError),
            "alphaIsIndicative": .bool(alphaIsIndicative),
        ]
    }
}

extension ItemAnalysis {
    /// The output of `atelier analyze items --format json`.
    public var jsonValue: JSONValue {
        [
            "items": .array(items.map(\.jsonValue)),
            "test": test.jsonValue,
            "distractors": .array(
                distractors.map {
                    [
                        "item": .string($0.item), "choice": .string($0.choice), "count": .number(Double($0.count)),
                        "share": .figure($0.share), "meanTotal": .figure($0.meanTotal),
                    ]
                }
            ),
        ]
    }
}
