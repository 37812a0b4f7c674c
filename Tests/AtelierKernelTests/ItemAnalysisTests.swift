import Foundation
import Testing

@testable import AtelierKernel

// Reference values: NumPy 2.4.6, SciPy 1.17.1, pandas 3.1.1, from this script (the "reference" case):
//
//   import numpy as np, pandas as pd
//   from scipy import stats
//   M = np.array([1, 2, 4, 0.5])
//   x = pd.DataFrame([[1, 2, 3.5, .5], [1, 1.5, 4, .5], [0, 2, 3, 0], [1, 1, 2.5, .5],
//                     [1, .5, 2, 0], [0, 1, 3, .5], [1, 2, 1.5, 0], [0, .5, 1, .5],
//                     [0, 0, 2, 0], [1, 1, .5, 0], [0, 0, 0, .5], [0, .5, 1.5, 0]])
//   X = x.sum(axis=1); n, p = x.shape
//   def alpha(d): k = d.shape[1]; return k / (k - 1) * (1 - d.var(ddof=1).sum() / d.sum(axis=1).var(ddof=1))
//   cov = np.array([np.cov(x[i], X)[0, 1] for i in x])
//   root = np.sqrt(np.where(cov >= 0, cov, 0))
//   g = max(1, int(np.floor(0.27 * n + 0.5))); order = np.argsort(X.values, kind="stable")
//   for i in x:
//       R = X - x[i]
//       print(i, "facility", x[i].mean() / M[i], "sd", x[i].std(ddof=1) / M[i],
//             "ew", root[i] / root.sum() if cov[i] >= 0 else None,
//             "di", np.corrcoef(x[i], R)[0, 1],
//             "de", np.cov(x[i], R)[0, 1] / np.cov(np.sort(x[i]), np.sort(R))[0, 1],
//             "pb", stats.pearsonr(x[i], X)[0],
//             "D", (x[i].values[order[-g:]].mean() - x[i].values[order[:g]].mean()) / M[i],
//             "aid", alpha(x.drop(columns=i)))
//   print("mean", X.mean() / M.sum(), "median", np.median(X) / M.sum(), "sd", X.std(ddof=1) / M.sum())
//   print("skew", stats.skew(X, bias=False), "kurt", stats.kurtosis(X, bias=False))
//   a = alpha(x); print("alpha", a, "er", np.sqrt(1 - a), "se", np.sqrt(1 - a) * X.std(ddof=1) / M.sum())
//   # Vector B lines
//   b = pd.DataFrame([[int(c) for c in r] for r in "11111 11110 11101 11100 11010 11000 10100 10000 01000 00000".split()])
//   T = b.sum(axis=1)
//   for i in b:
//       print(np.cov(b[i], T - b[i])[0, 1] / np.cov(np.sort(b[i]), np.sort(T - b[i]))[0, 1], alpha(b.drop(columns=i)))
//   print(stats.skew(T, bias=False), stats.kurtosis(T, bias=False), T.std(ddof=1) / 5, np.median(T) / 5)
//
// covMax is Moodle's: the independently sorted marks and rests paired in rank order (np.sort on both).

/// Whether an optional figure is present and within `tolerance` of `expected`.
private func close(_ actual: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance
}

/// Every `Double` reachable from a value (stored properties, optionals, arrays), by reflection.
private func doubles(in value: Any) -> [Double] {
    if let double = value as? Double { return [double] }
    return Mirror(reflecting: value).children.flatMap { doubles(in: $0.value) }
}

/// A small deterministic random generator (SplitMix64), so the large cases are reproducible.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Vector B of STATISTICS.md: 10 examinees × 5 dichotomous items.
private let vectorB = ItemAnalysisInput(
    itemIDs: ["q1", "q2", "q3", "q4", "q5"],
    maxMarks: [1, 1, 1, 1, 1],
    marks: ["11111", "11110", "11101", "11100", "11010", "11000", "10100", "10000", "01000", "00000"].map { row in
        row.map { $0 == "1" ? 1.0 : 0.0 }
    }
)

/// The reference case: 12 attempts × 4 items, partial marks, different maxima.
private let reference = ItemAnalysisInput(
    itemIDs: ["a", "b", "c", "d"],
    maxMarks: [1, 2, 4, 0.5],
    marks: [
        [1, 2, 3.5, 0.5], [1, 1.5, 4, 0.5], [0, 2, 3, 0], [1, 1, 2.5, 0.5],
        [1, 0.5, 2, 0], [0, 1, 3, 0.5], [1, 2, 1.5, 0], [0, 0.5, 1, 0.5],
        [0, 0, 2, 0], [1, 1, 0.5, 0], [0, 0, 0, 0.5], [0, 0.5, 1.5, 0],
    ]
)

@Suite("Item analysis")
struct ItemAnalysisTests {
    @Test("Vector B: p, KR-20 = α = 0.700, r_pb, item–rest, D (top 3 vs bottom 3)")
    func vectorBFigures() {
        let analysis = ItemAnalysis(vectorB)
        let p = [0.8, 0.7, 0.5, 0.3, 0.2]
        let pointBiserial = [0.667, 0.655, 0.733, 0.655, 0.667]
        let itemRest = [0.473, 0.419, 0.507, 0.419, 0.473]
        let upperLower = [0.67, 0.67, 1.00, 0.67, 0.67]
        #expect(analysis.items.count == 5)
        for (index, item) in analysis.items.enumerated() {
            #expect(close(item.facility, p[index], 1e-12))
            #expect(close(item.pointBiserial, pointBiserial[index], 0.0005))
            #expect(close(item.itemRest, itemRest[index], 0.0005))
            #expect(item.discriminationIndex == item.itemRest)
            #expect(close(item.upperLowerD, upperLower[index], 0.005))
        }
        #expect(close(analysis.test.kr20, 0.700, 0.0005))
        #expect(close(analysis.test.cronbachAlpha, 0.700, 0.0005))
        #expect(analysis.test.n == 10)
        #expect(analysis.test.itemCount == 5)
        #expect(analysis.test.alphaIsIndicative)
    }

    @Test("Moodle's CIC (sample variances) equals KR-20 (population variances) on 0/1 items")
    func cicEqualsKR20() {
        let analysis = ItemAnalysis(vectorB)
        // Exactly 0.7 in both: 5/4 · (1 − Σ var / k2).
        #expect(close(analysis.test.cronbachAlpha, 0.7, 1e-12))
        #expect(close(analysis.test.kr20, 0.7, 1e-12))
        // And on random dichotomous data with unequal maxima (KR-20 weighted by maxMark²).
        var generator = SplitMix64(state: 7)
        let maxMarks = [1.0, 2, 0.5, 3, 1, 1]
        let marks = (0..<57).map { _ in maxMarks.map { Bool.random(using: &generator) ? $0 : 0 } }
        let random = ItemAnalysis(ItemAnalysisInput(itemIDs: ["1", "2", "3", "4", "5", "6"], maxMarks: maxMarks, marks: marks))
        let alpha = random.test.cronbachAlpha ?? .nan
        #expect(close(random.test.kr20, alpha, 1e-12))
        // Partial marks: no KR-20.
        #expect(ItemAnalysis(reference).test.kr20 == nil)
    }

    @Test("Vector B: Moodle's discriminative efficiency and α if deleted")
    func vectorBMoodleFigures() {
        let analysis = ItemAnalysis(vectorB)
        // cov(x, R) / cov(sort(x), sort(R)), and alpha(b.drop(columns=i)), from the reference script's Vector B lines.
        let efficiency = [0.7058823529411764, 0.5454545454545455, 0.6, 0.5454545454545454, 0.7058823529411765]
        let alphaIfDeleted = [0.6459627329192547, 0.6666666666666666, 0.6285714285714286, 0.6666666666666665, 0.6459627329192547]
        for (index, item) in analysis.items.enumerated() {
            #expect(close(item.discriminativeEfficiency, efficiency[index]))
            #expect(close(item.alphaIfDeleted, alphaIfDeleted[index]))
        }
        // stats.skew(T, bias=False) → 0.0; stats.kurtosis(T, bias=False) → -0.8952380952380952
        #expect(close(analysis.test.skewness, 0))
        #expect(close(analysis.test.kurtosis, -0.8952380952380952))
        #expect(close(analysis.test.sd, 0.31622776601683794))
        #expect(close(analysis.test.median, 0.5))
    }

    @Test("partial marks and unequal maxima match NumPy/SciPy/pandas")
    func referenceCase() {
        let analysis = ItemAnalysis(reference)
        let items = analysis.items
        // x[i].mean() / M[i]
        #expect(close(items[0].facility, 0.5))
        #expect(close(items[1].facility, 0.5))
        #expect(close(items[2].facility, 0.5104166666666666))
        #expect(close(items[3].facility, 0.5))
        // x[i].std(ddof=1) / M[i]
        #expect(close(items[0].sd, 0.5222329678670935))
        #expect(close(items[1].sd, 0.3692744729379982))
        #expect(close(items[2].sd, 0.30366292866009215))
        #expect(close(items[3].sd, 0.5222329678670935))
        // root[i] / root.sum(), root = sqrt(np.cov(x[i], X)[0, 1])
        #expect(close(items[0].effectiveWeight, 0.20716346737770633))
        #expect(close(items[1].effectiveWeight, 0.2956736578077049))
        #expect(close(items[2].effectiveWeight, 0.3955174190301881))
        #expect(close(items[3].effectiveWeight, 0.10164545578440068))
        // np.corrcoef(x[i], X - x[i])[0, 1]
        #expect(close(items[0].discriminationIndex, 0.35970085328337625))
        #expect(close(items[1].discriminationIndex, 0.6299043745339269))
        #expect(close(items[2].discriminationIndex, 0.5606416476379263))
        #expect(close(items[3].discriminationIndex, 0.15192283039954388))
        // np.cov(x[i], R)[0, 1] / np.cov(np.sort(x[i]), np.sort(R))[0, 1]
        #expect(close(items[0].discriminativeEfficiency, 0.40540540540540543))
        #expect(close(items[1].discriminativeEfficiency, 0.6595744680851063))
        #expect(close(items[2].discriminativeEfficiency, 0.5726495726495726))
        #expect(close(items[3].discriminativeEfficiency, 0.1794871794871795))
        // stats.pearsonr(x[i], X)[0]
        #expect(close(items[0].pointBiserial, 0.5700974879675341))
        #expect(close(items[1].pointBiserial, 0.8211699623096027))
        #expect(close(items[2].pointBiserial, 0.8934423446488441))
        #expect(close(items[3].pointBiserial, 0.2744913830954794))
        // top g = 3 minus bottom 3 by np.argsort(X, kind="stable"), over M[i]
        #expect(close(items[0].upperLowerD, 1.0))
        #expect(close(items[1].upperLowerD, 0.6666666666666666))
        #expect(close(items[2].upperLowerD, 0.5833333333333334))
        #expect(close(items[3].upperLowerD, 0.33333333333333337))
        // alpha(x.drop(columns=i))
        #expect(close(items[0].alphaIfDeleted, 0.5485911443358252))
        #expect(close(items[1].alphaIfDeleted, 0.31213872832369977))
        #expect(close(items[2].alphaIfDeleted, 0.4363636363636365))
        #expect(close(items[3].alphaIfDeleted, 0.6443711728685826))
        // M[i] / M.sum()
        #expect(close(items[2].intendedWeight, 4 / 7.5))
        let test = analysis.test
        #expect(test.maxTotal == 7.5)
        #expect(close(test.mean, 0.5055555555555555))  // X.mean() / M.sum()
        #expect(close(test.median, 0.5333333333333333))  // np.median(X) / M.sum()
        #expect(close(test.sd, 0.27481245517968345))  // X.std(ddof=1) / M.sum()
        #expect(close(test.skewness, 0.18924807360559456))  // stats.skew(X, bias=False)
        #expect(close(test.kurtosis, -0.8220022504253093))  // stats.kurtosis(X, bias=False)
        #expect(close(test.cronbachAlpha, 0.5920641997325011))  // alpha(x)
        #expect(close(test.errorRatio, 0.6386985206398234))  // np.sqrt(1 - a)
        #expect(close(test.standardError, 0.1755223085766616))  // np.sqrt(1 - a) * X.std(ddof=1) / M.sum()
        #expect(test.kr20 == nil)
        #expect(test.alphaIsIndicative)
        // Item d: efficiency 0.18 is above 0.15, discrimination positive; facility 0.5 (no easy/hard flag).
        #expect(!items[3].flags.contains { $0.kind == .lowDiscriminativeEfficiency })
        #expect(items.allSatisfy { item in !item.flags.contains { $0.kind == .negativeDiscrimination } })
    }

    @Test("no attempts: only the intended weights")
    func noAttempts() {
        let analysis = ItemAnalysis(ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 3], marks: []))
        #expect(analysis.items.map(\.n) == [0, 0])
        #expect(analysis.items.allSatisfy { $0.facility == nil && $0.sd == nil && $0.discriminationIndex == nil && $0.flags.isEmpty })
        #expect(analysis.items.map(\.intendedWeight) == [0.25, 0.75])
        #expect(analysis.test == TestStatistics(n: 0, itemCount: 2, maxTotal: 4, alphaIsIndicative: true))
        #expect(analysis.distractors.isEmpty)
    }

    @Test("one attempt: facility, mean and median only")
    func oneAttempt() {
        let analysis = ItemAnalysis(ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 2], marks: [[1, 1]]))
        #expect(analysis.items.map(\.facility) == [1, 0.5])
        #expect(analysis.items.allSatisfy { $0.sd == nil && $0.effectiveWeight == nil && $0.upperLowerD == nil })
        #expect(analysis.test.mean == 2.0 / 3)
        #expect(analysis.test.median == 2.0 / 3)
        #expect(analysis.test.sd == nil)
        #expect(analysis.test.cronbachAlpha == nil)
    }

    @Test("two attempts: SD and correlations, but no skewness, kurtosis or α (Moodle needs s > 2)")
    func twoAttempts() {
        let analysis = ItemAnalysis(ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 1], marks: [[1, 1], [0, 0]]))
        let test = analysis.test
        #expect(close(test.sd, 0.5.squareRoot()))
        #expect(test.skewness == nil && test.kurtosis == nil)
        #expect(test.cronbachAlpha == nil && test.kr20 == nil && test.errorRatio == nil && test.standardError == nil)
        #expect(close(analysis.items[0].discriminationIndex, 1))
        #expect(close(analysis.items[0].upperLowerD, 1))
        #expect(close(analysis.items[0].discriminativeEfficiency, 1))
        #expect(close(analysis.items[0].effectiveWeight, 0.5))
        #expect(analysis.items[0].alphaIfDeleted == nil)
    }

    @Test("everyone right, nobody right: facility 1 or 0, SD 0, correlations nil, flags")
    func everyoneAndNobody() {
        let everyone = ItemAnalysis(ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 2], marks: Array(repeating: [1, 2], count: 25)))
        for item in everyone.items {
            #expect(item.facility == 1)
            #expect(item.sd == 0)
            #expect(item.discriminationIndex == nil && item.discriminativeEfficiency == nil && item.pointBiserial == nil)
            #expect(item.upperLowerD == 0)
            #expect(item.effectiveWeight == nil)  // Σ sqrt(cov) = 0
            #expect(item.flags.map(\.kind) == [.tooEasy, .lowItemSD])
        }
        #expect(everyone.test.sd == 0 && everyone.test.skewness == nil && everyone.test.cronbachAlpha == nil && everyone.test.kr20 == nil)
        #expect(!everyone.test.alphaIsIndicative)
        let nobody = ItemAnalysis(ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 2], marks: Array(repeating: [0, 0], count: 25)))
        #expect(nobody.items.allSatisfy { $0.facility == 0 && $0.flags.map(\.kind) == [.tooHard, .lowItemSD] })
        #expect(nobody.test.mean == 0 && nobody.test.median == 0 && nobody.test.cronbachAlpha == nil)
    }

    @Test("a constant item among varying ones: its correlations are nil, its weight 0, α still defined")
    func constantItem() {
        // A constant column of 0.1 has a mean that is not exactly 0.1: it must still count as constant.
        var marks = vectorB.marks
        for row in marks.indices { marks[row].append(0.1) }
        let analysis = ItemAnalysis(ItemAnalysisInput(itemIDs: vectorB.itemIDs + ["k"], maxMarks: vectorB.maxMarks + [1], marks: marks))
        let constant = analysis.items[5]
        #expect(constant.sd == 0)
        #expect(constant.effectiveWeight == 0)
        #expect(constant.discriminationIndex == nil && constant.discriminativeEfficiency == nil && constant.pointBiserial == nil)
        #expect(close(constant.upperLowerD, 0, 1e-12))
        // Σ var / k2 is Vector B's (0.7 = 5/4 · (1 − 0.44)); with p = 6, α = 6/5 · (1 − 0.44) = 0.672.
        #expect(close(analysis.test.cronbachAlpha, 0.672))
        // Without the constant item, α is Vector B's.
        #expect(close(constant.alphaIfDeleted, 0.7))
        // The other items are unchanged (rest = Vector B's rest + 0.1).
        #expect(close(analysis.items[2].discriminationIndex, 0.50709255283711))
    }

    @Test("one item: no α, no rest, point-biserial 1")
    func oneItem() {
        let analysis = ItemAnalysis(ItemAnalysisInput(itemIDs: ["a"], maxMarks: [2], marks: [[0], [1], [2], [2], [0]]))
        let item = analysis.items[0]
        #expect(close(item.facility, 0.5))
        #expect(item.discriminationIndex == nil && item.itemRest == nil && item.discriminativeEfficiency == nil)
        #expect(close(item.pointBiserial, 1))
        #expect(close(item.effectiveWeight, 1))
        #expect(item.alphaIfDeleted == nil)
        #expect(analysis.test.cronbachAlpha == nil && analysis.test.kr20 == nil)
        #expect(analysis.test.skewness != nil && analysis.test.kurtosis != nil)
    }

    @Test("no items, unscored items, ragged rows and non-finite marks")
    func malformedInput() {
        let none = ItemAnalysis(ItemAnalysisInput(itemIDs: [], maxMarks: [], marks: [[], []]))
        #expect(none.items.isEmpty)
        #expect(none.test.n == 2 && none.test.itemCount == 0 && none.test.maxTotal == 0)
        #expect(none.test.mean == nil && none.test.sd == nil)

        let input = ItemAnalysisInput(
            itemIDs: ["a", "b", "survey", "c"],
            maxMarks: [1, 1, 0],  // c has no maximum: unscored, like the survey item
            marks: [[1, 1, 5, 0], [1, 0, 4, 0], [.nan, 1, 3, 0], [0, 0, 2, 0], [0, 1], [1, .infinity, 1, 0], [0, 1, .nan, 0]],
            randomGuessScores: [0.5]
        )
        let analysis = ItemAnalysis(input)
        #expect(analysis.excludedAttempts == 3)
        #expect(analysis.test.n == 4 && analysis.test.itemCount == 2 && analysis.test.maxTotal == 2)
        #expect(analysis.items.map(\.id) == ["a", "b", "survey", "c"])
        #expect(analysis.items[2] == ItemStatistics(id: "survey", n: 4))
        #expect(analysis.items[3] == ItemStatistics(id: "c", n: 4))
        #expect(analysis.items[0].randomGuessScore == 0.5)
        #expect(analysis.items[0].flags.map(\.kind).contains(.highGuessScore))
        #expect(analysis.items[1].randomGuessScore == nil)
        // Rows 0, 1, 3, 6: a = [1, 1, 0, 0], b = [1, 0, 0, 1].
        #expect(analysis.items[0].facility == 0.5 && analysis.items[1].facility == 0.5)
        #expect(analysis.test.mean == 0.5)
    }

    @Test("no figure is ever NaN or infinite, and every analysis encodes to JSON")
    func finiteEverywhere() throws {
        let cases: [ItemAnalysisInput] = [
            ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 1], marks: []),
            ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 1], marks: [[1, 0]]),
            ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 1], marks: [[1, 0], [1, 0]]),
            ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 1], marks: [[1, 0], [0, 1]]),
            ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 1], marks: [[1, 0], [0, 1], [1, 0]]),
            ItemAnalysisInput(itemIDs: ["a", "b", "c"], maxMarks: [1, 1, 1], marks: Array(repeating: [1, 1, 1], count: 5)),
            ItemAnalysisInput(itemIDs: ["a", "b", "c"], maxMarks: [1, 1, 1], marks: Array(repeating: [0, 0, 0], count: 5)),
            ItemAnalysisInput(itemIDs: ["a", "b", "c"], maxMarks: [1, 1, 1], marks: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]]),
            ItemAnalysisInput(itemIDs: ["a"], maxMarks: [1], marks: [[1], [0], [1]]),
            ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [.nan, -1], marks: [[1, 1], [0, 0], [1, 0]]),
            ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1e300, 1e300], marks: [[1e300, 1e300], [0, 0], [1e300, 0], [0, 1e300]]),
            ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 1], marks: [[.nan, .nan], [.infinity, 0], [1]]),
            ItemAnalysisInput(
                itemIDs: ["a", "b"],
                maxMarks: [1, 1],
                marks: [[1, 0], [0, 1], [1, 1], [0, 0]],
                randomGuessScores: [.nan, .infinity],
                choices: [["a", nil], [], ["", "x"], ["b", "y"]]
            ),
            vectorB,
            reference,
        ]
        let encoder = JSONEncoder()  // throws on NaN and infinity
        for input in cases {
            let analysis = ItemAnalysis(input)
            let values = doubles(in: analysis)
            #expect(values.allSatisfy { $0.isFinite }, "\(input.marks)")
            let data = try encoder.encode(analysis)
            #expect(try JSONDecoder().decode(ItemAnalysis.self, from: data) == analysis)
        }
    }

    @Test("a negatively discriminating item is flagged, with the figure in the reason")
    func negativeDiscrimination() {
        // Item "bad" is right exactly for the attempts that do worst on the others (a wrong key).
        var marks = vectorB.marks
        for row in marks.indices { marks[row].append(row >= 6 ? 1 : 0) }
        let analysis = ItemAnalysis(ItemAnalysisInput(itemIDs: vectorB.itemIDs + ["bad"], maxMarks: vectorB.maxMarks + [1], marks: marks))
        let bad = analysis.items[5]
        let discrimination = bad.discriminationIndex ?? 0
        #expect(discrimination < -0.5)
        #expect(bad.flags.map(\.kind) == [.negativeDiscrimination, .lowDiscriminativeEfficiency])
        #expect(bad.flags[0].reason.hasPrefix("Discrimination is \u{2212}0."))
        #expect(bad.flags[0].reason.hasSuffix("check the answer key."))
        #expect((bad.upperLowerD ?? 0) < 0)
        #expect(analysis.items[0..<5].allSatisfy { item in !item.flags.contains { $0.kind == .negativeDiscrimination } })
    }

    @Test("distractor table: counts, shares, mean totals, unanswered row")
    func distractors() {
        // Totals: 3, 2, 1, 0 out of 3. Item q1 (key "a"): a, a, b, blank. Item q2: multi "a+c", "b", nil, "b".
        let input = ItemAnalysisInput(
            itemIDs: ["q1", "q2", "q3"],
            maxMarks: [1, 1, 1],
            marks: [[1, 1, 1], [1, 0, 1], [0, 0, 1], [0, 0, 0]],
            choices: [["a", "a+c", nil], ["a", "b", nil], ["b", nil], [nil, "b", nil]]
        )
        let table = ItemAnalysis(input).distractors
        let expected = [
            DistractorRow(item: "q1", choice: "a", count: 2, share: 0.5, meanTotal: 2.5 / 3),
            DistractorRow(item: "q1", choice: "b", count: 1, share: 0.25, meanTotal: 1.0 / 3),
            DistractorRow(item: "q1", choice: "", count: 1, share: 0.25, meanTotal: 0),
            DistractorRow(item: "q2", choice: "a+c", count: 1, share: 0.25, meanTotal: 1),
            DistractorRow(item: "q2", choice: "b", count: 2, share: 0.5, meanTotal: 1.0 / 3),
            DistractorRow(item: "q2", choice: "", count: 1, share: 0.25, meanTotal: 1.0 / 3),
        ]
        #expect(table == expected)
        // Choices that do not line up with the marks give no table.
        var misaligned = input
        misaligned.choices = [["a"]]
        #expect(ItemAnalysis(misaligned).distractors.isEmpty)
    }

    @Test("distractor table with many options switches to a dictionary and stays correct")
    func manyOptions() {
        let options = (0..<40).map { "option \($0)" }
        let marks = (0..<200).map { [Double($0 % 2)] }
        let choices: [[String?]] = (0..<200).map { [options[($0 * 7) % 40]] }
        let table = ItemAnalysis(ItemAnalysisInput(itemIDs: ["free"], maxMarks: [1], marks: marks, choices: choices)).distractors
        #expect(table.count == 40)
        #expect(table.allSatisfy { $0.count == 5 })
        #expect(table.map(\.choice) == options.sorted())
    }

    @Test("upper–lower groups: stable sort by total, bottom gets the earlier of tied attempts")
    func upperLowerTies() {
        // s = 4 → g = max(1, round(1.08)) = 1. Totals: 1, 1, 1, 1 (all tied): bottom = attempt 0, top = attempt 3.
        let analysis = ItemAnalysis(ItemAnalysisInput(itemIDs: ["a", "b"], maxMarks: [1, 1], marks: [[1, 0], [0, 1], [1, 0], [0, 1]]))
        #expect(analysis.items[0].upperLowerD == -1)
        #expect(analysis.items[1].upperLowerD == 1)
    }

    @Test("the radix sort sorts like Array.sorted and keeps ties in input order")
    func radixSort() {
        var generator = SplitMix64(state: 42)
        var values = (0..<5000).map { _ in Double.random(in: -1e6...1e6, using: &generator) }
        values += (0..<5000).map { _ in Double(Int.random(in: -3...3, using: &generator)) / 2 }
        values += [0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        var keys = values.map(AscendingRadixSort.key)
        var spare = [UInt64](repeating: 0, count: keys.count)
        keys.withUnsafeMutableBufferPointer { keys in
            spare.withUnsafeMutableBufferPointer { AscendingRadixSort.sort(keys, spare: $0) }
        }
        #expect(keys.map(AscendingRadixSort.value) == values.sorted())
        let order = values.withUnsafeBufferPointer { AscendingRadixSort.stableOrder(of: $0) }
        let expected = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        #expect(order == expected)
    }

    @Test("20,000 attempts × 40 items complete with finite results")
    func large() {
        var generator = SplitMix64(state: 2026)
        let items = 40
        let maxMarks = (0..<items).map { Double($0 % 3 + 1) }
        let ability = (0..<20_000).map { _ in Double.random(in: 0...1, using: &generator) }
        let marks = ability.map { level in
            maxMarks.map { maxMark in
                Double.random(in: 0...1, using: &generator) < 0.2 + 0.6 * level ? maxMark : (Bool.random(using: &generator) ? maxMark / 2 : 0)
            }
        }
        let choices: [[String?]] = marks.map { row in zip(row, maxMarks).map { mark, maxMark in mark == 0 ? nil : (mark < maxMark ? "b" : "a") } }
        let input = ItemAnalysisInput(
            itemIDs: (0..<items).map { "q\($0)" },
            maxMarks: maxMarks,
            marks: marks,
            randomGuessScores: Array(repeating: 0.25, count: items),
            choices: choices
        )
        let analysis = ItemAnalysis(input)
        #expect(analysis.test.n == 20_000)
        #expect(doubles(in: analysis).allSatisfy { $0.isFinite })
        #expect(analysis.items.allSatisfy { $0.discriminationIndex != nil && $0.discriminativeEfficiency != nil && $0.alphaIfDeleted != nil })
        #expect((analysis.test.cronbachAlpha ?? 0) > 0.5)
        #expect(analysis.distractors.count == items * 3)
    }
}
