import Foundation

/// The attempts that enter an item analysis, column by column: one contiguous block of marks per scored item.
///
/// An attempt enters when its row has exactly one mark per item and every mark of a scored item is finite.
struct AttemptMatrix {
    /// Each item's maximum mark; 0 for an unscored item (missing, non-finite or not above 0).
    let maxMarks: [Double]
    /// The indices of the scored items, in the form's order.
    let scored: [Int]
    /// The input row of each included attempt, in input order.
    let rows: [Int]
    /// Column-major marks: scored item `c` occupies `columns[c * count ..< (c + 1) * count]`.
    let columns: [Double]
    /// The total X of each included attempt: the sum of its marks on the scored items.
    let totals: [Double]
    /// Σ maxMark over the scored items.
    let maxTotal: Double
    /// The number of rows left out.
    let excluded: Int

    /// The number of included attempts (s).
    var count: Int { rows.count }

    /// Validates the rows and lays the marks out column by column.
    init(_ input: ItemAnalysisInput) {
        let itemCount = input.itemIDs.count
        var maxMarks = [Double](repeating: 0, count: itemCount)
        for index in 0..<Swift.min(itemCount, input.maxMarks.count) {
            let maxMark = input.maxMarks[index]
            if maxMark.isFinite && maxMark > 0 { maxMarks[index] = maxMark }
        }
        let scored = (0..<itemCount).filter { maxMarks[$0] > 0 }
        var rows: [Int] = []
        rows.reserveCapacity(input.marks.count)
        for (rowIndex, row) in input.marks.enumerated() where row.count == itemCount {
            let valid = row.withUnsafeBufferPointer { marks in scored.allSatisfy { marks[$0].isFinite } }
            if valid { rows.append(rowIndex) }
        }
        let count = rows.count
        var columns = [Double](repeating: 0, count: count * scored.count)
        var totals = [Double](repeating: 0, count: count)
        columns.withUnsafeMutableBufferPointer { columns in
            totals.withUnsafeMutableBufferPointer { totals in
                scored.withUnsafeBufferPointer { scored in
                    for (attempt, rowIndex) in rows.enumerated() {
                        input.marks[rowIndex].withUnsafeBufferPointer { marks in
                            var total = 0.0
                            for (c, index) in scored.enumerated() {
                                let mark = marks[index]
                                columns[c &* count &+ attempt] = mark
                                total += mark
                            }
                            totals[attempt] = total
                        }
                    }
                }
            }
        }
        self.maxMarks = maxMarks
        self.scored = scored
        self.rows = rows
        self.columns = columns
        self.totals = totals
        self.maxTotal = scored.reduce(0) { $0 + maxMarks[$1] }
        self.excluded = input.marks.count - count
    }
}

/// The test-level sums Moodle's quiz calculator builds from the totals [M1], kept for the item statistics too.
struct TestComputation {
    /// s.
    let count: Int
    /// X̄ (nil when s = 0).
    let mean: Double?
    /// The median total (nil when s = 0).
    let median: Double?
    /// Σ(X − X̄)².
    let power2: Double
    /// Σ(X − X̄)³.
    let power3: Double
    /// Σ(X − X̄)⁴.
    let power4: Double
    /// The maximum total, the scale used to decide whether the totals' variance is 0 up to rounding.
    let maxTotalScale: Double
    /// Σ_i var(x_i) over the scored items (sample variances), set once the columns are known.
    var sumOfItemVariances = 0.0
    /// Σ_i maxMark_i²·p_i·q_i when every mark is 0 or its maximum, else nil (KR-20's numerator).
    var dichotomousVariance: Double? = 0

    /// Computes mean, median and power sums of the totals; `order` sorts them ascending.
    init(matrix: AttemptMatrix, order: [Int]) {
        let s = matrix.count
        count = s
        maxTotalScale = matrix.maxTotal
        guard s > 0 else {
            mean = nil
            median = nil
            power2 = 0
            power3 = 0
            power4 = 0
            return
        }
        let totals = matrix.totals
        let mean = totals.withUnsafeBufferPointer { totals in
            var sum = 0.0
            for total in totals { sum += total }
            return sum / Double(s)
        }
        self.mean = mean
        // Moodle: the middle value, or the mean of the two middle values, of the sorted totals.
        if s % 2 == 0 {
            median = (totals[order[s / 2 - 1]] + totals[order[s / 2]]) / 2
        } else {
            median = totals[order[s / 2]]
        }
        var sums = (0.0, 0.0, 0.0)
        totals.withUnsafeBufferPointer { totals in
            for total in totals {
                let difference = total - mean
                let square = difference * difference
                sums.0 += square
                sums.1 += square * difference
                sums.2 += square * square
            }
        }
        (power2, power3, power4) = sums
    }

    /// k2 = s·m2/(s − 1), the sample variance of the totals (nil when s < 2).
    var k2: Double? { count > 1 ? power2 / Double(count - 1) : nil }

    /// k2 when Moodle computes skewness and the coefficient of internal consistency (s > 2 and k2 not 0 up to
    /// rounding), else nil; p > 1 is checked by callers [M1].
    var reliabilityVariance: Double? {
        guard count > 2, let k2, !isNegligibleVariance(k2, scale: maxTotalScale) else { return nil }
        return k2
    }

    /// The test statistics, as proportions of the maximum total where they have a unit.
    func statistics(matrix: AttemptMatrix) -> TestStatistics {
        let s = count
        let p = matrix.scored.count
        let maxTotal = matrix.maxTotal
        var statistics = TestStatistics(n: s, itemCount: p, maxTotal: maxTotal, alphaIsIndicative: s < 20)
        let proportion: (Double?) -> Double? = { value in maxTotal > 0 ? finiteFigure(value.map { $0 / maxTotal }) : nil }
        statistics.mean = proportion(mean)
        statistics.median = proportion(median)
        guard let sampleVariance = k2 else { return statistics }
        let sd = sampleVariance.squareRoot()
        statistics.sd = proportion(sd)
        guard let k2 = reliabilityVariance else { return statistics }
        let n = Double(s)
        let m2 = power2 / n
        let m3 = power3 / n
        let m4 = power4 / n
        let k3 = n * n * m3 / ((n - 1) * (n - 2))
        statistics.skewness = finiteFigure(k3 / (k2 * k2.squareRoot()))
        if s > 3 {
            let k4 = n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2) / ((n - 1) * (n - 2) * (n - 3))
            statistics.kurtosis = finiteFigure(k4 / (k2 * k2))
        }
        guard p > 1 else { return statistics }
        let items = Double(p)
        let alpha = items / (items - 1) * (1 - sumOfItemVariances / k2)
        statistics.cronbachAlpha = finiteFigure(alpha)
        if let dichotomousVariance {
            // KR-20 with population variances: σ²_X = Σ(X − X̄)²/s, p_i·q_i likewise.
            statistics.kr20 = finiteFigure(items / (items - 1) * (1 - dichotomousVariance / m2))
        }
        if let alpha = statistics.cronbachAlpha {
            // α ≤ 1 in exact arithmetic; clamp rounding below 0.
            let errorRatio = Swift.max(0, 1 - alpha).squareRoot()
            statistics.errorRatio = finiteFigure(errorRatio)
            statistics.standardError = proportion(errorRatio * sd)
        }
        return statistics
    }
}
