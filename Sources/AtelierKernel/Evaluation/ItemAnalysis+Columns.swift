import Foundation

/// The figures of one scored item's column, in raw marks (Moodle's `secondary_steps_walker` and
/// `secondary_question_walker` [M2]).
struct ColumnComputation {
    /// x̄_i (s ≥ 1).
    var mean: Double?
    /// var(x_i) with denominator s − 1 (s ≥ 2); exactly 0 for a column that is constant up to rounding.
    var variance: Double?
    /// var(R_i) with denominator s − 1, when s ≥ 2 and it is not 0 up to rounding.
    var restVariance: Double?
    /// cov(x_i, X) with denominator s − 1 (s ≥ 2); exactly 0 for a constant column.
    var covarianceWithTotal: Double?
    /// corr(x_i, R_i): Moodle's discrimination index ÷ 100.
    var restCorrelation: Double?
    /// corr(x_i, X): the point-biserial (item–total) correlation.
    var totalCorrelation: Double?
    /// cov(x_i, R_i) / covMax(x_i, R_i): Moodle's discriminative efficiency ÷ 100.
    var efficiency: Double?
    /// Mean mark of the top 27 % by total minus the bottom 27 %, in marks.
    var upperLowerDifference: Double?
    /// maxMark²·p·q (population variance) when every mark is 0 or the maximum, else nil.
    var dichotomousVariance: Double?

    /// Computes every scored column, reusing the sort buffers across columns.
    ///
    /// - Parameters:
    ///   - matrix: The attempts.
    ///   - test: The totals' mean (X̄).
    ///   - order: The attempts sorted by total, ascending, ties in attempt order.
    static func all(matrix: AttemptMatrix, test: TestComputation, order: [Int]) -> [ColumnComputation] {
        let s = matrix.count
        guard s > 0, let totalMean = test.mean else {
            return matrix.scored.map { _ in ColumnComputation() }
        }
        var markKeys = [UInt64](repeating: 0, count: s)
        var restKeys = [UInt64](repeating: 0, count: s)
        var spare = [UInt64](repeating: 0, count: s)
        let groupSize = Swift.max(1, Int((0.27 * Double(s)).rounded()))
        var results: [ColumnComputation] = []
        results.reserveCapacity(matrix.scored.count)
        matrix.columns.withUnsafeBufferPointer { columns in
            matrix.totals.withUnsafeBufferPointer { totals in
                order.withUnsafeBufferPointer { order in
                    for (c, index) in matrix.scored.enumerated() {
                        let marks = UnsafeBufferPointer(rebasing: columns[c * s..<(c + 1) * s])
                        let maxMark = matrix.maxMarks[index]
                        var column = ColumnComputation.moments(
                            marks: marks,
                            totals: totals,
                            totalMean: totalMean,
                            totalSquares: test.power2,
                            totalScale: matrix.maxTotal,
                            maxMark: maxMark,
                            restScale: matrix.maxTotal - maxMark
                        )
                        if s > 1 {
                            var top = 0.0
                            var bottom = 0.0
                            for rank in 0..<groupSize {
                                bottom += marks[order[rank]]
                                top += marks[order[s - 1 - rank]]
                            }
                            column.upperLowerDifference = (top - bottom) / Double(groupSize)
                        }
                        if let mean = column.mean, column.variance.map({ $0 > 0 }) == true, column.restVariance != nil {
                            let covarianceMax = ColumnComputation.covarianceMax(
                                marks: marks,
                                totals: totals,
                                markMean: mean,
                                restMean: totalMean - mean,
                                markKeys: &markKeys,
                                restKeys: &restKeys,
                                spare: &spare
                            )
                            if covarianceMax > 0, let covariance = column.restCovariance {
                                column.efficiency = covariance / covarianceMax
                            }
                        }
                        results.append(column)
                    }
                }
            }
        }
        return results
    }

    /// cov(x_i, R_i) with denominator s − 1, kept for the discriminative efficiency.
    var restCovariance: Double?

    /// Mean, variances, covariances and correlations of one column, in two passes over contiguous memory.
    private static func moments(
        marks: UnsafeBufferPointer<Double>,
        totals: UnsafeBufferPointer<Double>,
        totalMean: Double,
        totalSquares: Double,
        totalScale: Double,
        maxMark: Double,
        restScale: Double
    ) -> ColumnComputation {
        let s = marks.count
        var column = ColumnComputation()
        var sum = 0.0
        var fullMarks = 0
        var zeros = 0
        let tolerance = 1e-9 * maxMark
        for mark in marks {
            sum += mark
            if abs(mark) <= tolerance {
                zeros &+= 1
            } else if abs(mark - maxMark) <= tolerance {
                fullMarks &+= 1
            }
        }
        let mean = sum / Double(s)
        column.mean = mean
        if fullMarks + zeros == s {
            let share = Double(fullMarks) / Double(s)
            column.dichotomousVariance = maxMark * maxMark * share * (1 - share)
        }
        guard s > 1 else { return column }
        var markSquares = 0.0
        var restSquares = 0.0
        var markRest = 0.0
        var markTotal = 0.0
        for attempt in 0..<s {
            let markDifference = marks[attempt] - mean
            let totalDifference = totals[attempt] - totalMean
            // R − R̄ = (X − x) − (X̄ − x̄).
            let restDifference = totalDifference - markDifference
            markSquares += markDifference * markDifference
            restSquares += restDifference * restDifference
            markRest += markDifference * restDifference
            markTotal += markDifference * totalDifference
        }
        let denominator = Double(s - 1)
        let variance = markSquares / denominator
        let restVariance = restSquares / denominator
        let markIsConstant = isNegligibleVariance(variance, scale: maxMark)
        let restIsConstant = isNegligibleVariance(restVariance, scale: restScale)
        column.variance = markIsConstant ? 0 : variance
        column.covarianceWithTotal = markIsConstant ? 0 : markTotal / denominator
        column.restVariance = restIsConstant ? nil : restVariance
        guard !markIsConstant else { return column }
        if !isNegligibleVariance(totalSquares / denominator, scale: totalScale) {
            column.totalCorrelation = markTotal / (markSquares * totalSquares).squareRoot()
        }
        guard !restIsConstant else { return column }
        column.restCovariance = markRest / denominator
        column.restCorrelation = markRest / (markSquares * restSquares).squareRoot()
        return column
    }

    /// covMax(x_i, R_i) = Σ_k (x_(k) − x̄)(R_(k) − R̄) / (s − 1), pairing the independently sorted marks and rests [M2].
    private static func covarianceMax(
        marks: UnsafeBufferPointer<Double>,
        totals: UnsafeBufferPointer<Double>,
        markMean: Double,
        restMean: Double,
        markKeys: inout [UInt64],
        restKeys: inout [UInt64],
        spare: inout [UInt64]
    ) -> Double {
        let s = marks.count
        return markKeys.withUnsafeMutableBufferPointer { markKeys in
            restKeys.withUnsafeMutableBufferPointer { restKeys in
                spare.withUnsafeMutableBufferPointer { spare in
                    for attempt in 0..<s {
                        let mark = marks[attempt]
                        markKeys[attempt] = AscendingRadixSort.key(mark)
                        restKeys[attempt] = AscendingRadixSort.key(totals[attempt] - mark)
                    }
                    AscendingRadixSort.sort(markKeys, spare: spare)
                    AscendingRadixSort.sort(restKeys, spare: spare)
                    var sum = 0.0
                    for rank in 0..<s {
                        let markDifference = AscendingRadixSort.value(markKeys[rank]) - markMean
                        let restDifference = AscendingRadixSort.value(restKeys[rank]) - restMean
                        sum += markDifference * restDifference
                    }
                    return sum / Double(s - 1)
                }
            }
        }
    }
}
