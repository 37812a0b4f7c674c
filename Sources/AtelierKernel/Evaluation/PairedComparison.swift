import Foundation

/// Pre/post comparison of one cohort's matched scores: the figures a program manager reports.
///
/// Scores are percentages (0…100), one pre and one post per participant, already matched. Every
/// figure that cannot be computed from the data (too few pairs, no spread) is `nil`, never NaN.
/// Formulas follow `evaluation/STATISTICS.md` §2.3: the paired t-test and its 95% confidence
/// interval, d_z and Hedges' g_z, Hake's class-average normalized gain ⟨g⟩ and the mean of
/// individual gains, and the Wilcoxon signed-rank test (exact below 26 non-zero differences).
///
/// ```swift
/// let cohort = PairedComparison(pre: [40, 20, 40], post: [80, 60, 80], passMark: 70)
/// cohort.meanGain  // 40
/// ```
public struct PairedComparison: Sendable, Equatable, Codable {
    /// The number of matched pairs every figure is computed from.
    public var n: Int
    /// Mean and sample SD of the pre-test scores.
    public var meanPre: Double?
    public var sdPre: Double?
    /// Mean and sample SD of the post-test scores.
    public var meanPost: Double?
    public var sdPost: Double?
    /// Mean gain D̄ (percentage points), its sample SD s_D and its 95% confidence interval.
    public var meanGain: Double?
    public var sdGain: Double?
    public var gainCI95: [Double]?
    /// The median gain.
    public var medianGain: Double?
    /// The paired t statistic, its degrees of freedom (n − 1) and two-sided p.
    public var t: Double?
    public var df: Int?
    public var pTTest: Double?
    /// The Wilcoxon signed-rank test.
    public var wilcoxon: SignedRankTest?
    /// Cohen's d_z = D̄ / s_D and Hedges' g_z = J·d_z with J = 1 − 3/(4·df − 1).
    public var dz: Double?
    public var gz: Double?
    /// Hake's class-average normalized gain ⟨g⟩ = (post̄ − prē)/(100 − prē).
    public var hakeG: Double?
    /// The mean of individual normalized gains g_i = (post_i − pre_i)/(100 − pre_i), over the pairs
    /// with pre_i < 100, and how many pairs that is.
    public var meanIndividualG: Double?
    public var nIndividualG: Int
    /// Share of pairs whose score rose, in percent.
    public var pctImproved: Double?
    /// Share at or above the pass mark before and after, in percent (when a pass mark is given).
    public var passMark: Double?
    public var pctPassPre: Double?
    public var pctPassPost: Double?
    /// Share with a gain of at least `gainThreshold` percentage points, in percent.
    public var gainThreshold: Double
    public var pctGainAtLeastThreshold: Double?

    /// The Wilcoxon signed-rank test of the gains (zero differences dropped, mid-ranks for ties).
    public struct SignedRankTest: Sendable, Equatable, Codable {
        /// Sum of the ranks of positive and of negative differences.
        public var wPlus: Double
        public var wMinus: Double
        /// The number of non-zero differences n′ the test uses.
        public var n: Int
        /// Two-sided p.
        public var p: Double?
        /// Whether p is exact (n′ ≤ 25: the permutation distribution of the observed ranks) or from
        /// the normal approximation with tie correction.
        public var exact: Bool
        /// The z of the normal approximation (also given when p is exact, for reference).
        public var z: Double?
        /// The matched-pairs rank-biserial correlation (W⁺ − W⁻)/(W⁺ + W⁻).
        public var rankBiserial: Double?
    }

    /// Differences smaller than this (in percentage points) are rounding noise, not change.
    static let tolerance = 1e-9

    /// The largest n′ for which the signed-rank p is exact.
    public static let exactSignedRankLimit = 25

    /// Compares matched scores.
    ///
    /// - Parameters:
    ///   - pre: pre-test scores in percent, one per participant.
    ///   - post: post-test scores in percent, in the same order (extra values on either side are
    ///     ignored).
    ///   - passMark: the pass mark in percent, for the shares passing before and after.
    ///   - gainThreshold: the gain in percentage points counted by ``pctGainAtLeastThreshold``.
    public init(pre: [Double], post: [Double], passMark: Double? = nil, gainThreshold: Double = 10) {
        let count = min(pre.count, post.count)
        let pre = Array(pre.prefix(count))
        let post = Array(post.prefix(count))
        let gains = zip(post, pre).map { $0 - $1 }
        n = count
        meanPre = Descriptive.mean(pre)
        sdPre = Descriptive.sampleStandardDeviation(pre)
        meanPost = Descriptive.mean(post)
        sdPost = Descriptive.sampleStandardDeviation(post)
        meanGain = Descriptive.mean(gains)
        sdGain = Descriptive.sampleStandardDeviation(gains)
        medianGain = Descriptive.median(gains)
        self.passMark = passMark
        self.gainThreshold = gainThreshold

        if let meanGain, let sdGain, sdGain > 0 {
            let degrees = count - 1
            let standardError = sdGain / Double(count).squareRoot()
            let statistic = meanGain / standardError
            let critical = Distribution.studentTQuantile(0.975, degreesOfFreedom: Double(degrees))
            t = statistic.finite
            df = degrees
            pTTest = Distribution.studentTTwoSidedP(statistic, degreesOfFreedom: Double(degrees)).finite
            gainCI95 = (meanGain - critical * standardError).finite.flatMap { low in
                (meanGain + critical * standardError).finite.map { [low, $0] }
            }
            let effect = meanGain / sdGain
            dz = effect.finite
            let correction = 1 - 3 / (4 * Double(degrees) - 1)
            gz = degrees > 1 ? (correction * effect).finite : nil
        }
        if let meanPre, let meanPost, meanPre < 100 {
            hakeG = ((meanPost - meanPre) / (100 - meanPre)).finite
        }
        let individual = zip(pre, post).filter { $0.0 < 100 }.map { ($1 - $0) / (100 - $0) }
        nIndividualG = individual.count
        meanIndividualG = Descriptive.mean(individual)
        wilcoxon = Self.signedRankTest(gains)

        func percent(_ predicate: (Int) -> Bool) -> Double? {
            count == 0 ? nil : Double((0..<count).filter(predicate).count) / Double(count) * 100
        }
        // Scores are sums of fractions: a difference within rounding noise is no change.
        pctImproved = percent { gains[$0] > Self.tolerance }
        pctGainAtLeastThreshold = percent { gains[$0] >= gainThreshold - Self.tolerance }
        if let passMark {
            pctPassPre = percent { pre[$0] >= passMark - Self.tolerance }
            pctPassPost = percent { post[$0] >= passMark - Self.tolerance }
        }
    }

    /// The signed-rank test of `differences`, or `nil` when there are none.
    static func signedRankTest(_ differences: [Double]) -> SignedRankTest? {
        guard !differences.isEmpty else { return nil }
        // Differences of scores are sums of fractions: round away binary noise before ranking.
        let nonZero = differences.map { ($0 * 1e9).rounded() / 1e9 }.filter { $0 != 0 }
        let count = nonZero.count
        guard count > 0 else {
            return SignedRankTest(wPlus: 0, wMinus: 0, n: 0, p: 1, exact: true, z: nil, rankBiserial: nil)
        }
        let (ranks, ties) = Descriptive.midRanks(nonZero.map(abs))
        let wPlus = zip(nonZero, ranks).filter { $0.0 > 0 }.reduce(0) { $0 + $1.1 }
        let total = Double(count * (count + 1)) / 2
        let wMinus = total - wPlus
        let tieCorrection = ties.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) } / 48
        let variance = Double(count * (count + 1) * (2 * count + 1)) / 24 - tieCorrection
        let z = variance > 0 ? ((min(wPlus, wMinus) - total / 2) / variance.squareRoot()).finite : nil
        let exact = count <= exactSignedRankLimit
        let p: Double?
        if exact {
            p = SignedRankDistribution(ranks: ranks).twoSidedP(wPlus: wPlus).finite
        } else {
            p = z.map { min(1, 2 * Distribution.normalCDF(-abs($0))) }
        }
        return SignedRankTest(
            wPlus: wPlus,
            wMinus: wMinus,
            n: count,
            p: p,
            exact: exact,
            z: z,
            rankBiserial: total > 0 ? (wPlus - wMinus) / total : nil
        )
    }
}
