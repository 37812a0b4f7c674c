import Foundation
import Testing

@testable import AtelierKernel

// Reference values: Vector A is from shared/evaluation/STATISTICS.md (SciPy 1.17 / NumPy 2.4). The others
// were computed with SciPy 1.17.1 and statsmodels, by the script quoted next to each value:
//   from scipy import stats; import numpy as np, itertools
//   from statsmodels.stats.multitest import multipletests

/// Whether `actual` is within `tolerance` of `expected`.
private func close(_ actual: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

@Suite("Paired comparison")
struct PairedComparisonTests {
    static let vectorAPre: [Double] = [40, 20, 40, 20, 60, 20, 20, 60]
    static let vectorAPost: [Double] = [80, 60, 80, 60, 80, 40, 80, 80]

    @Test("Vector A of STATISTICS.md")
    func vectorA() throws {
        let cohort = PairedComparison(pre: Self.vectorAPre, post: Self.vectorAPost, passMark: 60, gainThreshold: 30)
        #expect(cohort.n == 8)
        #expect(close(cohort.meanPre, 35))
        #expect(close(cohort.meanPost, 70))
        #expect(close(cohort.meanGain, 35))
        #expect(close(cohort.sdGain, 14.142, 1e-4))
        #expect(close(cohort.t, 7))
        #expect(cohort.df == 7)
        #expect(close(cohort.pTTest, 0.00021155485194587247, 1e-8))  // stats.ttest_rel(post, pre).pvalue
        let interval = try #require(cohort.gainCI95)
        #expect(close(interval[0], 23.17687874203608, 1e-9))  // ttest_rel(...).confidence_interval(0.95)
        #expect(close(interval[1], 46.82312125796392, 1e-9))
        #expect(close(cohort.dz, 2.4749, 1e-4))
        #expect(close(cohort.gz, 2.1999, 1e-4))
        #expect(close(cohort.hakeG, 0.5385, 1e-3))
        #expect(close(cohort.meanIndividualG, 0.5417, 1e-3))
        #expect(close(cohort.pctImproved, 100))
        let wilcoxon = try #require(cohort.wilcoxon)
        #expect(wilcoxon.wMinus == 0)
        #expect(wilcoxon.wPlus == 36)
        #expect(wilcoxon.exact)
        #expect(close(wilcoxon.p, 0.0078125))  // stats.wilcoxon(post, pre, method='exact').pvalue
        #expect(close(wilcoxon.rankBiserial, 1))
        #expect(close(cohort.pctPassPre, 25))  // two of eight at 60
        #expect(close(cohort.pctPassPost, 87.5))  // one post score is 40
        #expect(close(cohort.pctGainAtLeastThreshold, 62.5))  // gains 40, 40, 40, 40, 20, 20, 60, 20: five of eight ≥ 30
    }

    @Test("ties and zero differences: exact conditional p and SciPy's normal approximation")
    func tiesAndZeros() throws {
        let pre: [Double] = [50, 60, 70, 80, 40, 55, 65, 75, 45, 50, 60, 70]
        let post: [Double] = [60, 60, 80, 70, 60, 65, 65, 95, 55, 70, 75, 80]
        let cohort = PairedComparison(pre: pre, post: post)
        #expect(close(cohort.t, 3.6242847819379356))  // stats.ttest_rel(post, pre)
        #expect(close(cohort.pTTest, 0.003996395199462567, 1e-8))
        #expect(close(cohort.gainCI95?[0], 3.763488668809008))
        #expect(close(cohort.gainCI95?[1], 15.40317799785766))
        #expect(close(cohort.dz, 1.0462408972358657))  // d.mean() / d.std(ddof=1)
        #expect(close(cohort.medianGain, 10))
        let wilcoxon = try #require(cohort.wilcoxon)
        #expect(wilcoxon.n == 10)  // two zero differences dropped
        #expect(wilcoxon.wPlus == 51.5)
        #expect(wilcoxon.wMinus == 3.5)  // stats.wilcoxon(post, pre, zero_method='wilcox').statistic
        #expect(wilcoxon.exact)
        // Brute force over the 2^10 sign patterns of the mid-ranks (rankdata(|d|)): P = 2·min(P≤, P≥).
        #expect(close(wilcoxon.p, 0.013671875, 1e-12))
        // stats.wilcoxon(post, pre, zero_method='wilcox', correction=False, method='approx').zstatistic
        #expect(close(wilcoxon.z, -2.5107157486365193, 1e-9))
    }

    @Test("more than 25 non-zero differences use the normal approximation with tie correction")
    func normalApproximation() throws {
        // rng = np.random.default_rng(7); pre = round(uniform(20, 70, 30)/5)*5; post = clip(pre + round(normal(12, 15)/5)*5, 0, 100)
        let pre: [Double] = [50, 65, 60, 30, 35, 65, 20, 60, 60, 45, 35, 35, 35, 40, 45, 50, 70, 60, 50, 70, 30, 30, 50, 20, 20, 45, 45, 65, 50, 45]
        let post: [Double] = [
            40, 70, 55, 30, 65, 65, 30, 85, 65, 55, 50, 50, 30, 55, 75, 40, 95, 75, 50, 100, 55, 25, 65, 40, 30, 65, 55, 85, 85, 45,
        ]
        let cohort = PairedComparison(pre: pre, post: post)
        let wilcoxon = try #require(cohort.wilcoxon)
        #expect(wilcoxon.n == 26)
        #expect(!wilcoxon.exact)
        #expect(min(wilcoxon.wPlus, wilcoxon.wMinus) == 26)
        // stats.wilcoxon(post, pre, zero_method='wilcox', correction=False, method='approx').pvalue
        #expect(close(wilcoxon.p, 0.00013874995715063476, 1e-7))
        #expect(close(cohort.t, 4.9842408993403735))
        #expect(close(cohort.pTTest, 2.650219320571107e-05, 1e-7))
        #expect(close(cohort.gainCI95?[0], 6.879375487641586))
        #expect(close(cohort.gainCI95?[1], 16.453957845691747))
    }

    @Test("n = 2: a wide interval, still computed")
    func twoPairs() throws {
        let cohort = PairedComparison(pre: [50, 40], post: [70, 80])
        #expect(close(cohort.t, 3))  // stats.ttest_rel([70, 80], [50, 40])
        #expect(close(cohort.pTTest, 0.20483276469913345, 1e-8))
        #expect(close(cohort.gainCI95?[0], -97.06204736174695, 1e-8))
        #expect(close(cohort.gainCI95?[1], 157.06204736174695, 1e-8))
        #expect(cohort.gz == nil)  // J = 1 − 3/(4·df − 1) is 0 at df = 1: no corrected effect
    }

    @Test("n = 1, no pairs and equal gains give nil, never NaN")
    func degenerate() {
        let one = PairedComparison(pre: [40], post: [60])
        #expect(one.n == 1)
        #expect(one.meanGain == 20)
        #expect(one.sdGain == nil && one.t == nil && one.pTTest == nil && one.gainCI95 == nil && one.dz == nil)
        #expect(one.wilcoxon?.p == 1)  // one positive difference: P(W+ ≥ 1) = ½, two-sided 1

        let none = PairedComparison(pre: [], post: [])
        #expect(none.n == 0 && none.meanPre == nil && none.pctImproved == nil && none.wilcoxon == nil)

        let equalGains = PairedComparison(pre: [40, 50, 60], post: [60, 70, 80])
        #expect(equalGains.meanGain == 20)
        #expect(equalGains.sdGain == 0)
        #expect(equalGains.t == nil && equalGains.pTTest == nil && equalGains.dz == nil)

        let unchanged = PairedComparison(pre: [50, 50, 50], post: [50, 50, 50])
        #expect(unchanged.wilcoxon?.n == 0 && unchanged.wilcoxon?.p == 1)
        #expect(unchanged.pctImproved == 0)

        let ceiling = PairedComparison(pre: [100, 100], post: [100, 90])
        #expect(ceiling.hakeG == nil)
        #expect(ceiling.meanIndividualG == nil && ceiling.nIndividualG == 0)
    }
}

@Suite("Item change (McNemar, Holm)")
struct ItemChangeTests {
    static let pre: [[Int]] = [
        [1, 0, 0, 1, 0], [0, 0, 1, 0, 0], [1, 1, 0, 0, 0], [0, 0, 0, 0, 1], [1, 0, 1, 1, 0], [0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [0, 0, 1, 1, 1],
    ]
    static let post: [[Int]] = [
        [1, 1, 0, 1, 1], [1, 0, 1, 1, 0], [1, 1, 1, 0, 1], [0, 1, 0, 1, 1], [1, 1, 1, 1, 0], [0, 1, 1, 0, 0], [1, 1, 0, 1, 1], [1, 0, 1, 1, 1],
    ]

    @Test("Vector A's items: b, c and exact p as in STATISTICS.md")
    func vectorA() {
        let expected: [(b: Int, c: Int, p: Double)] = [(0, 2, 0.5), (0, 4, 0.125), (0, 2, 0.5), (0, 3, 0.25), (0, 3, 0.25)]
        for item in 0..<5 {
            let change = ItemChange(id: "i\(item + 1)", pre: Self.pre.map { $0[item] == 1 }, post: Self.post.map { $0[item] == 1 })
            #expect(change.b == expected[item].b)
            #expect(change.c == expected[item].c)
            #expect(change.exact)
            #expect(close(change.pMcNemar, expected[item].p))
        }
    }

    @Test(
        "25 or more discordant pairs use the chi-square with continuity correction",
        arguments: [
            // stats.chi2.sf((abs(b - c) - 1)**2 / (b + c), 1)
            (10, 20, 0.10034824646229054), (3, 30, 6.010516284923238e-06), (12, 13, 1.0),
        ]
    )
    func chiSquare(b: Int, c: Int, expected: Double) {
        let change = ItemChange(id: "x", n: 100, correctBefore: 50, correctAfter: 50 - b + c, b: b, c: c)
        #expect(!change.exact)
        #expect(close(change.pMcNemar, expected, 1e-8))
    }

    @Test("exact below 25: stats.binomtest(2, 11, 0.5).pvalue")
    func exactBinomial() {
        let change = ItemChange(id: "x", n: 20, correctBefore: 5, correctAfter: 12, b: 2, c: 9)
        #expect(change.exact)
        #expect(close(change.pMcNemar, 0.0654296875))
    }

    @Test("Holm agrees with statsmodels' multipletests(ps, method='holm')")
    func holm() {
        let ps = [0.5, 0.125, 0.5, 0.25, 0.25, 0.01, 0.04]
        let expected = [1.0, 0.625, 1.0, 1.0, 1.0, 0.07, 0.24]
        var items = ps.enumerated().map { ItemChange(id: "i\($0.offset)", n: 8, correctBefore: 0, correctAfter: 0, b: 0, c: 0) }
        for index in items.indices { items[index].pMcNemar = ps[index] }
        let adjusted = ItemChange.holmAdjusted(items)
        for (item, value) in zip(adjusted, expected) { #expect(close(item.pHolm, value)) }
    }

    @Test("an item nobody or everybody answered has no discordant pairs and p = 1")
    func noDiscordance() {
        let nobody = ItemChange(id: "x", pre: [false, false, false], post: [false, false, false])
        let everybody = ItemChange(id: "y", pre: [true, true, true], post: [true, true, true])
        #expect(nobody.pMcNemar == 1 && nobody.preFacility == 0 && nobody.postFacility == 0)
        #expect(everybody.pMcNemar == 1 && everybody.preFacility == 1)
        let empty = ItemChange(id: "z", pre: [], post: [])
        #expect(empty.pMcNemar == nil && empty.preFacility == nil)
    }
}

@Suite("Marks tables and the pre/post analysis")
struct PrePostAnalysisTests {
    static func csv(_ rows: [[Int]], ids: [String]) -> Data {
        var text = "participant,i1,i2,i3,i4,i5\n"
        for (id, row) in zip(ids, rows) { text += id + "," + row.map(String.init).joined(separator: ",") + "\n" }
        return Data(text.utf8)
    }

    @Test("Vector A from CSV files, with attrition on both sides")
    func vectorAFromCSV() throws {
        let ids = (1...8).map { "P\($0)" }
        var preText = String(decoding: Self.csv(ItemChangeTests.pre, ids: ids), as: UTF8.self)
        preText += "P9,1,1,,0,0\n"  // pre only, with a blank
        var postText = String(decoding: Self.csv(ItemChangeTests.post, ids: ids.reversed().reversed()), as: UTF8.self)
        postText += "P10,1,1,1,1,1\n"  // post only
        let pre = try MarksTable(csv: Data(preText.utf8), file: "pre.csv")
        let post = try MarksTable(csv: Data(postText.utf8), file: "post.csv")
        #expect(pre.blanks == [0, 0, 1, 0, 0])
        let analysis = PrePostAnalysis(pre: pre, post: post)
        #expect(analysis.nPreOnly == 1 && analysis.nPostOnly == 1)
        #expect(analysis.cohort.n == 8)
        #expect(close(analysis.cohort.meanPre, 35))
        #expect(close(analysis.cohort.t, 7))
        #expect(analysis.items.map(\.c) == [2, 4, 2, 3, 3])
        // Holm over the five exact p-values [0.5, 0.125, 0.5, 0.25, 0.25] (multipletests(..., 'holm')).
        #expect(analysis.items.map { $0.pHolm ?? -1 } == [1, 0.625, 1, 1, 1])
        let json = analysis.jsonValue
        for key in [
            "n", "meanPre", "meanPost", "meanGain", "gainCI95", "sdGain", "t", "df", "pTTest", "wilcoxon", "dz", "gz", "hakeG",
            "meanIndividualG", "pctImproved", "items",
        ] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["wilcoxon"]?["exact"] == .bool(true))
        #expect(json["items"]?.arrayValue?.first?["pMcNemar"] == .number(0.5))
    }

    @Test("semicolons, decimal commas, quotes, CRLF and a byte-order mark")
    func spreadsheetDialects() throws {
        let text = "\u{FEFF}\"code\";q1;\"q;2\"\r\nA;0,5;1\r\n\"B\";\"1\";\r\n"
        let table = try MarksTable(csv: Data(text.utf8), file: "f.csv")
        #expect(table.idColumn == "code")
        #expect(table.itemIDs == ["q1", "q;2"])
        #expect(table.rowIDs == ["A", "B"])
        #expect(table.marks == [0.5, 1, 1, 0])
        #expect(table.blanks == [0, 1])
        #expect(table.score(row: 0) == 75)
    }

    @Test(
        "bad files are refused with the line, column and what to do",
        arguments: [
            ("", 1, 1, "empty"),
            ("id\nA\n", 1, 1, "no item columns"),
            ("id,q1,q1\nA,1,0\n", 1, 3, "twice"),
            ("id,q1,q2\nA,1\n", 2, 3, "2 cells"),
            ("id,q1\nA,1\nA,0\n", 3, 1, "already has a row"),
            ("id,q1\nA,1.5\n", 2, 2, "outside 0…1"),
            ("id,q1\nA,50%\n", 2, 2, "0.5 rather than 50%"),
            ("id,q1\nA,abc\n", 2, 2, "not a number"),
            ("id,q1\nA,nan\n", 2, 2, "not a number"),
            ("id,q1\n,1\n", 2, 1, "code"),
            ("id,q1\nA,\"1\n", 2, 2, "never closed"),
        ]
    )
    func badFiles(text: String, line: Int, column: Int, fragment: String) {
        #expect {
            _ = try MarksTable(csv: Data(text.utf8), file: "m.csv")
        } throws: { error in
            guard let error = error as? MarksTableError else { return false }
            return error.line == line && error.column == column && error.message.contains(fragment)
        }
    }

    @Test("numbers parse exactly as Double(_:) does")
    func numbers() throws {
        let values = ["0", "1", "0.5", ".25", "0.1", "0.333333333333333", "1e-1", "0.30000000000000004", "1.0"]
        let text = "id," + values.indices.map { "q\($0)" }.joined(separator: ",") + "\nA," + values.joined(separator: ",") + "\n"
        let table = try MarksTable(csv: Data(text.utf8), file: "n.csv")
        #expect(table.marks == values.map { Double($0) ?? .nan })
    }
}
