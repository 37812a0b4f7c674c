import Foundation

// Classical item analysis of a form's attempts, as Moodle's quiz statistics report computes it.
//
// Source keys refer to `/work/shared/evaluation/STATISTICS.md`: [M1] is Moodle's
// `mod/quiz/report/statistics/classes/calculator.php` (test statistics), [M2] is
// `question/classes/statistics/questions/calculator.php` (question statistics), [M3] is the report table,
// [M12]/[M13] are Moodle's interpretation guidance. Notation: s attempts, p scored items, x_i the marks on
// item i, X = Σ_i x_i the attempt totals, R_i = X − x_i the rest-of-test marks. Variances and covariances
// use the sample denominator s − 1 unless stated.

/// The attempts to analyse: one row per attempt, one column per item.
///
/// Rows are attempts (whichever attempts the caller chose: first, last, best or all [M1]); columns follow
/// ``itemIDs``. An attempt is left out of the analysis (and counted in ``ItemAnalysis/excludedAttempts``)
/// when its row does not have exactly one mark per item, or when a mark of a scored item is NaN or infinite.
public struct ItemAnalysisInput: Sendable {
    /// The items, in the form's order.
    public var itemIDs: [String]
    /// The maximum mark of each item, in the order of ``itemIDs``.
    ///
    /// An item whose maximum is missing, not finite or not above 0 is *unscored*: it is left out of the
    /// totals and of the item count p, and all its statistics are nil (Moodle: facility is null when
    /// maxmark = 0 [M2]).
    public var maxMarks: [Double]
    /// The marks, attempts × items, each in `0...maxMark`.
    ///
    /// A blank answer is 0 here; the caller decides. Marks outside the range are used as given.
    public var marks: [[Double]]
    /// The random guess score of each item, as a fraction 0...1 of its maximum; nil when not defined.
    ///
    /// Moodle defines it per question type: multichoice single answer Σ fractions / number of choices,
    /// true/false 0.5, multichoice multi-answer null [M6]. Missing entries are nil.
    public var randomGuessScores: [Double?]
    /// The option each attempt chose on each item (attempts × items), for the distractor table.
    ///
    /// For example `"b"`, or `"a+c"` for a multiple-answer item; nil or `""` means unanswered. Rows follow
    /// ``marks``; when the number of rows differs from ``marks`` the distractor table is left empty, and a
    /// short row counts its missing cells as unanswered.
    public var choices: [[String?]]?

    /// Creates the input of an item analysis.
    ///
    /// - Parameters:
    ///   - itemIDs: The items, in the form's order.
    ///   - maxMarks: The maximum mark of each item.
    ///   - marks: The marks, one row per attempt, one column per item.
    ///   - randomGuessScores: Each item's random guess score as a fraction of its maximum; nil means none.
    ///   - choices: The option each attempt chose on each item, for the distractor table.
    public init(
        itemIDs: [String],
        maxMarks: [Double],
        marks: [[Double]],
        randomGuessScores: [Double?]? = nil,
        choices: [[String?]]? = nil
    ) {
        self.itemIDs = itemIDs
        self.maxMarks = maxMarks
        self.marks = marks
        self.randomGuessScores = randomGuessScores ?? Array(repeating: nil, count: itemIDs.count)
        self.choices = choices
    }
}

/// The statistics of one item (one Moodle question slot).
///
/// Every figure is nil when it cannot be computed (too few attempts, zero variance, unscored item); no
/// field is ever NaN or infinite. Ratios are fractions, not Moodle's percentages: multiply by 100 to
/// compare with Moodle's report.
public struct ItemStatistics: Sendable, Equatable, Codable {
    /// The item's id.
    public var id: String
    /// The number of attempts analysed (s).
    public var n: Int
    /// Facility index: mean(x_i) / maxMark_i, 0...1; needs s ≥ 1 [M2].
    public var facility: Double?
    /// Standard deviation of the item's marks over its maximum: sqrt(Σ(x_i − x̄_i)² / (s − 1)) / maxMark_i; needs s ≥ 2 [M2][M3].
    public var sd: Double?
    /// Random guess score, as a fraction 0...1 of the maximum, passed through from the input [M6].
    public var randomGuessScore: Double?
    /// Intended weight: maxMark_i / Σ maxMark, 0...1 [M3][M4].
    public var intendedWeight: Double?
    /// Effective weight: sqrt(cov(x_i, X)) / Σ_{j: cov(x_j, X) ≥ 0} sqrt(cov(x_j, X)), 0...1 [M2].
    ///
    /// Nil when cov(x_i, X) < 0 (Moodle shows "Negative covariance…"), when s < 2, or when the sum is 0.
    public var effectiveWeight: Double?
    /// Discrimination index: corr(x_i, R_i) = cov(x_i, R_i) / sqrt(var(x_i)·var(R_i)), −1...1 [M2].
    ///
    /// Moodle's discrimination index ÷ 100: the corrected item–rest correlation, not the upper-minus-lower
    /// difference (that is ``upperLowerD``). Nil when either variance is 0.
    public var discriminationIndex: Double?
    /// Discriminative efficiency: cov(x_i, R_i) / covMax(x_i, R_i), as a ratio [M2].
    ///
    /// covMax pairs the sorted x_i with the independently sorted R_i: Σ_k (x_(k) − x̄)(R_(k) − R̄) / (s − 1),
    /// the largest covariance the two observed distributions allow. Moodle's value ÷ 100; nil when covMax is 0.
    public var discriminativeEfficiency: Double?
    /// Corrected item–rest correlation corr(x_i, X − x_i); the same figure as ``discriminationIndex``, kept under its CTT name.
    public var itemRest: Double?
    /// Point-biserial (item–total, uncorrected) correlation: corr(x_i, X).
    ///
    /// For a 0/1 item this equals ((M₁ − M₀)/σ_X)·sqrt(p·q) with the population σ_X (STATISTICS.md, CTT).
    public var pointBiserial: Double?
    /// Upper–lower discrimination D: mean fraction x_i/maxMark_i in the top 27 % by total minus the bottom 27 %.
    ///
    /// Group size g = max(1, round(0.27·s)). Attempts are sorted once by total, ascending, ties kept in
    /// attempt order (a stable sort); the bottom group is the first g, the top group the last g. Needs s ≥ 2.
    public var upperLowerD: Double?
    /// Cronbach's α of the test without this item, computed like Moodle's CIC on the p − 1 other items.
    ///
    /// α₋ᵢ = (p − 1)/(p − 2) · (1 − (Σ_j var(x_j) − var(x_i)) / var(R_i)), since the reduced test's total is
    /// R_i; needs p ≥ 3, s > 2 (as Moodle's CIC [M1]) and var(R_i) > 0.
    public var alphaIfDeleted: Double?
    /// What looks wrong with the item, in a fixed order: discrimination, efficiency, facility, guessing, SD.
    public var flags: [ItemFlag]

    /// Creates item statistics from their figures.
    public init(
        id: String,
        n: Int,
        facility: Double? = nil,
        sd: Double? = nil,
        randomGuessScore: Double? = nil,
        intendedWeight: Double? = nil,
        effectiveWeight: Double? = nil,
        discriminationIndex: Double? = nil,
        discriminativeEfficiency: Double? = nil,
        itemRest: Double? = nil,
        pointBiserial: Double? = nil,
        upperLowerD: Double? = nil,
        alphaIfDeleted: Double? = nil,
        flags: [ItemFlag] = []
    ) {
        self.id = id
        self.n = n
        self.facility = facility
        self.sd = sd
        self.randomGuessScore = randomGuessScore
        self.intendedWeight = intendedWeight
        self.effectiveWeight = effectiveWeight
        self.discriminationIndex = discriminationIndex
        self.discriminativeEfficiency = discriminativeEfficiency
        self.itemRest = itemRest
        self.pointBiserial = pointBiserial
        self.upperLowerD = upperLowerD
        self.alphaIfDeleted = alphaIfDeleted
        self.flags = flags
    }
}

/// The statistics of the attempt totals (Moodle's "Quiz information" table) [M1].
///
/// Location and spread are proportions of ``maxTotal``; shape and reliability figures are unitless.
/// Every figure is nil when it cannot be computed; none is ever NaN or infinite.
public struct TestStatistics: Sendable, Equatable, Codable {
    /// The number of attempts analysed (s).
    public var n: Int
    /// The number of scored items (p, Moodle's number of slots); unscored items are not counted.
    public var itemCount: Int
    /// The highest possible total: Σ maxMark over the scored items.
    public var maxTotal: Double
    /// Mean of the totals X̄ / maxTotal; needs s ≥ 1 [M1].
    public var mean: Double?
    /// Median of the totals / maxTotal: the middle total, or the mean of the two middle totals [M1].
    public var median: Double?
    /// Sample standard deviation of the totals sqrt(Σ(X − X̄)² / (s − 1)) / maxTotal; needs s ≥ 2 [M1].
    public var sd: Double?
    /// Skewness k3 / k2^{3/2}, with m_k = Σ(X − X̄)^k / s, k2 = s·m2/(s − 1), k3 = s²·m3/((s − 1)(s − 2)); needs s > 2 [M1].
    ///
    /// Equals `scipy.stats.skew(X, bias=False)`.
    public var skewness: Double?
    /// Excess kurtosis k4 / k2², with k4 = s²·((s + 1)·m4 − 3(s − 1)·m2²) / ((s − 1)(s − 2)(s − 3)); needs s > 3 [M1].
    ///
    /// Equals `scipy.stats.kurtosis(X, bias=False)`; a normal distribution gives 0.
    public var kurtosis: Double?
    /// Cronbach's α, Moodle's coefficient of internal consistency ÷ 100: p/(p − 1) · (1 − Σ_i var(x_i) / k2) [M1].
    ///
    /// Sample variances throughout (the ratio is the same with population variances). Computed under
    /// Moodle's own conditions: s > 2, p > 1 and k2 > 0.
    public var cronbachAlpha: Double?
    /// Kuder–Richardson 20: p/(p − 1) · (1 − Σ_i maxMark_i²·p_i·q_i / σ²_X), with the population σ²_X.
    ///
    /// Only when every mark is 0 or its item's maximum (dichotomous items); p_i is the share of full marks
    /// and q_i = 1 − p_i. With all maxima equal to 1 this is the textbook KR-20; in general it equals
    /// ``cronbachAlpha``. Same conditions as α.
    public var kr20: Double?
    /// Error ratio sqrt(1 − α), Moodle's ER ÷ 100 [M1]; nil when α is nil.
    public var errorRatio: Double?
    /// Standard error of measurement ER · SD, as a proportion of ``maxTotal`` [M1].
    public var standardError: Double?
    /// Whether α is indicative only: fewer than 20 attempts (STATISTICS.md §2.4).
    public var alphaIsIndicative: Bool

    /// Creates test statistics from their figures.
    public init(
        n: Int,
        itemCount: Int,
        maxTotal: Double,
        mean: Double? = nil,
        median: Double? = nil,
        sd: Double? = nil,
        skewness: Double? = nil,
        kurtosis: Double? = nil,
        cronbachAlpha: Double? = nil,
        kr20: Double? = nil,
        errorRatio: Double? = nil,
        standardError: Double? = nil,
        alphaIsIndicative: Bool
    ) {
        self.n = n
        self.itemCount = itemCount
        self.maxTotal = maxTotal
        self.mean = mean
        self.median = median
        self.sd = sd
        self.skewness = skewness
        self.kurtosis = kurtosis
        self.cronbachAlpha = cronbachAlpha
        self.kr20 = kr20
        self.errorRatio = errorRatio
        self.standardError = standardError
        self.alphaIsIndicative = alphaIsIndicative
    }
}

/// Something that looks wrong with an item, with the figure that shows it.
///
/// Thresholds come from Moodle's report and guidance (STATISTICS.md B1, B3) and from CTT practice.
public struct ItemFlag: Sendable, Equatable, Codable {
    /// The kind of problem; the report layer localizes by kind.
    public enum Kind: String, Sendable, Codable {
        /// Discrimination index below 0: check the answer key (STATISTICS.md, CTT).
        case negativeDiscrimination
        /// Discriminative efficiency below 0.15: Moodle's "dubious question" [M3].
        case lowDiscriminativeEfficiency
        /// Facility at or above 0.95: extremely easy [M13].
        case tooEasy
        /// Facility at or below 0.05: extremely difficult [M13].
        case tooHard
        /// Random guess score above 0.40: unsatisfactory [M13].
        case highGuessScore
        /// SD below 0.33 of the item's maximum: unsatisfactory [M13].
        case lowItemSD
    }

    /// The kind of problem.
    public var kind: Kind
    /// A plain English sentence with the figure, e.g. "Discrimination is −0.31: check the answer key."
    public var reason: String

    /// Creates a flag.
    public init(kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }
}

/// One option of one item in the distractor table: how many chose it, and how well they did overall.
///
/// Rows come item by item in the form's order, options in ascending order, then an unanswered row
/// (``choice`` `""`) when any attempt left the item blank. Items that nobody answered with an option
/// (not choice items) have no rows.
public struct DistractorRow: Sendable, Equatable, Codable {
    /// The item's id.
    public var item: String
    /// The option chosen, as given (e.g. `"b"` or `"a+c"`); `""` for unanswered.
    public var choice: String
    /// How many attempts chose it.
    public var count: Int
    /// count / s.
    public var share: Double
    /// Mean total of the attempts that chose it, as a proportion of the maximum total; nil when the maximum is 0.
    public var meanTotal: Double?

    /// Creates a distractor row.
    public init(item: String, choice: String, count: Int, share: Double, meanTotal: Double?) {
        self.item = item
        self.choice = choice
        self.count = count
        self.share = share
        self.meanTotal = meanTotal
    }
}

/// Classical item analysis of a form's attempts, exactly as Moodle's quiz statistics report computes it,
/// plus KR-20, upper–lower D, item–rest and point-biserial correlations, α-if-item-deleted, a distractor
/// table and flags.
///
/// The computation is column-wise on contiguous arrays: O(s·p) plus two sorts per item for covMax (a
/// stable radix sort, so 100,000 attempts × 40 items take a fraction of a second in a release build).
public struct ItemAnalysis: Sendable, Equatable, Codable {
    /// One entry per item of the input, in its order (unscored items included, with nil figures).
    public var items: [ItemStatistics]
    /// The statistics of the totals.
    public var test: TestStatistics
    /// The distractor table; empty when the input has no choices.
    public var distractors: [DistractorRow]
    /// The number of attempt rows left out: wrong number of marks, or a mark that is NaN or infinite.
    public var excludedAttempts: Int

    /// Analyses the attempts.
    ///
    /// Never traps: ragged rows and non-finite marks exclude their attempt; 0 or 1 attempts, 0 or 1
    /// items and constant columns make the affected figures nil.
    public init(_ input: ItemAnalysisInput) {
        let matrix = AttemptMatrix(input)
        let order = matrix.totals.withUnsafeBufferPointer { AscendingRadixSort.stableOrder(of: $0) }
        var test = TestComputation(matrix: matrix, order: order)
        let columns = ColumnComputation.all(matrix: matrix, test: test, order: order)
        test.sumOfItemVariances = columns.reduce(0) { $0 + ($1.variance ?? 0) }
        test.dichotomousVariance = columns.reduce(0) { sum, column in
            guard let sum, let variance = column.dichotomousVariance else { return nil }
            return sum + variance
        }
        self.test = test.statistics(matrix: matrix)
        self.items = ItemAnalysis.itemStatistics(input: input, matrix: matrix, test: test, columns: columns)
        self.distractors = ItemAnalysis.distractorTable(input: input, matrix: matrix)
        self.excludedAttempts = matrix.excluded
    }
}

extension ItemAnalysis {
    /// Assembles each item's statistics from its column figures (Moodle's `secondary_question_walker` and
    /// the effective-weight loop of `calculate` [M2]).
    static func itemStatistics(
        input: ItemAnalysisInput,
        matrix: AttemptMatrix,
        test: TestComputation,
        columns: [ColumnComputation]
    ) -> [ItemStatistics] {
        let s = matrix.count
        let p = matrix.scored.count
        // Moodle sums sqrt(cov(x_j, X)) over the slots whose covariance is not negative.
        var sumOfRootCovariance = 0.0
        for column in columns {
            if let covariance = column.covarianceWithTotal, covariance >= 0 { sumOfRootCovariance += covariance.squareRoot() }
        }
        var items = input.itemIDs.map { ItemStatistics(id: $0, n: s) }
        for (c, column) in columns.enumerated() {
            let index = matrix.scored[c]
            let maxMark = matrix.maxMarks[index]
            var item = items[index]
            let guess = index < input.randomGuessScores.count ? input.randomGuessScores[index] : nil
            item.randomGuessScore = finiteFigure(guess)
            item.intendedWeight = finiteFigure(maxMark / matrix.maxTotal)
            item.facility = column.mean.flatMap { finiteFigure($0 / maxMark) }
            item.sd = column.variance.flatMap { finiteFigure($0.squareRoot() / maxMark) }
            if let covariance = column.covarianceWithTotal, covariance >= 0, sumOfRootCovariance > 0 {
                item.effectiveWeight = finiteFigure(covariance.squareRoot() / sumOfRootCovariance)
            }
            item.discriminationIndex = finiteFigure(column.restCorrelation)
            item.itemRest = item.discriminationIndex
            item.discriminativeEfficiency = finiteFigure(column.efficiency)
            item.pointBiserial = finiteFigure(column.totalCorrelation)
            item.upperLowerD = finiteFigure(column.upperLowerDifference.map { $0 / maxMark })
            if p >= 3, s > 2, let variance = column.variance, let restVariance = column.restVariance {
                let rest = Double(p - 1)
                item.alphaIfDeleted = finiteFigure(rest / (rest - 1) * (1 - (test.sumOfItemVariances - variance) / restVariance))
            }
            item.flags = ItemFlag.flags(for: item)
            items[index] = item
        }
        return items
    }
}

/// The value when it is a finite number, else nil: no output field is ever NaN or infinite.
func finiteFigure(_ value: Double?) -> Double? {
    guard let value, value.isFinite else { return nil }
    return value
}

/// Whether a variance is 0 up to rounding, for values whose natural scale (a maximum mark) is `scale`.
///
/// A constant column has a computed variance of order (scale·10⁻¹⁶)², a real one at least of order
/// (smallest mark step)²/s; the threshold (scale·10⁻¹⁰)² sits between them. NaN counts as negligible.
func isNegligibleVariance(_ variance: Double, scale: Double) -> Bool {
    let tolerance = 1e-10 * Swift.max(abs(scale), 1e-300)
    return !(variance > tolerance * tolerance)
}
