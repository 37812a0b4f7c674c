import Foundation

/// Descriptive statistics over plain arrays, with `nil` where a figure cannot be computed.
///
/// Every function is total: an empty array, a single value or a constant array gives `nil` for the
/// figures that need more, never NaN or a trap.
public enum Descriptive {
    /// The arithmetic mean, or `nil` for no values.
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The sample variance (denominator n − 1), or `nil` for fewer than two values.
    public static func sampleVariance(_ values: [Double]) -> Double? {
        guard values.count > 1, let mean = mean(values) else { return nil }
        var sum = 0.0
        for value in values { sum += (value - mean) * (value - mean) }
        return sum / Double(values.count - 1)
    }

    /// The sample standard deviation (denominator n − 1), or `nil` for fewer than two values.
    public static func sampleStandardDeviation(_ values: [Double]) -> Double? {
        sampleVariance(values).map { $0.squareRoot() }
    }

    /// The median: the middle value, or the mean of the two middle values; `nil` for no values.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// Pearson's correlation, or `nil` when either side is constant or there are fewer than two pairs.
    public static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        let count = min(x.count, y.count)
        guard count > 1 else { return nil }
        let meanX = x.prefix(count).reduce(0, +) / Double(count)
        let meanY = y.prefix(count).reduce(0, +) / Double(count)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for index in 0..<count {
            let dx = x[index] - meanX
            let dy = y[index] - meanY
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }

    /// Average ranks (1-based) of `values`, ties sharing the mean of their positions, and the sizes
    /// of the tie groups (groups of one omitted).
    public static func midRanks(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var tieSizes: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = rank }
            if end > start { tieSizes.append(end - start + 1) }
            start = end + 1
        }
        return (ranks, tieSizes)
    }
}

extension Double {
    /// The value, or `nil` when it is NaN or infinite: what evaluation outputs carry.
    var finite: Double? { isFinite ? self : nil }
}
