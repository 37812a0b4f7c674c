import Foundation

/// The exact null distribution of the Wilcoxon signed-rank statistic W+ for given ranks.
///
/// Under the null hypothesis each of the n ranks is added to W+ with probability 1/2, independently, so
/// W+ takes each of the 2ⁿ sign assignments with probability 2⁻ⁿ. The ranks may be mid-ranks (multiples
/// of 0.5) when absolute differences tie; the distribution is then the exact conditional distribution given
/// those ranks. It is computed by dynamic programming over doubled ranks, which are integers: the
/// probability of each doubled sum is halved and shifted once per rank, so the probabilities stay exact
/// powers-of-two multiples for small n and never overflow (n up to ``maximumCount``).
///
/// The distribution of W+ is symmetric about half the rank total (flipping every sign maps W+ to
/// total - W+), so only the lower half is stored and upper tails are read from it, keeping them as
/// accurate as lower tails.
///
/// More than ``maximumCount`` ranks, or ranks that are negative, infinite or NaN, give a distribution that
/// is not ``isAvailable``: every probability it reports is NaN. Callers use the normal approximation for
/// large n.
public struct SignedRankDistribution: Sendable {
    /// The largest number of ranks for which the exact distribution is built.
    ///
    /// At this size the table has about half a million entries and takes a fraction of a second to build.
    public static let maximumCount = 1000

    /// The number of ranks n (zero ranks included).
    public let count: Int

    /// Whether the distribution was built; false for more than ``maximumCount`` ranks or invalid ranks.
    public var isAvailable: Bool { !lowerCumulative.isEmpty }

    /// Twice the sum of the ranks: the largest value of 2·W+.
    private let doubledTotal: Int

    /// P(2·W+ ≤ s) for s in 0...doubledTotal/2.
    private let lowerCumulative: [Double]

    /// Tolerance, in units of 2·W+, below which a statistic is taken to lie on the half-integer grid.
    ///
    /// W+ computed by summing mid-ranks may carry a rounding error; 1e-6 is far above that and far below
    /// the grid step of 1.
    private static let gridTolerance = 1e-6

    /// The distribution of W+ for the given ranks.
    ///
    /// Ranks that are not multiples of 0.5 are rounded to the nearest 0.5. Zero ranks add nothing to W+.
    /// More than ``maximumCount`` ranks, a negative, infinite or NaN rank, or a rank total above that of
    /// 1...``maximumCount`` give a distribution that is not ``isAvailable``.
    public init(ranks: [Double]) {
        let limit = Self.maximumCount * (Self.maximumCount + 1)
        var doubledRanks: [Int] = []
        var total = 0
        var valid = ranks.count <= Self.maximumCount
        if valid {
            doubledRanks.reserveCapacity(ranks.count)
            for rank in ranks {
                guard rank.isFinite, rank >= 0, rank <= Double(limit) else {
                    valid = false
                    break
                }
                let doubled = Int((2 * rank).rounded())
                total += doubled
                if total > limit {
                    valid = false
                    break
                }
                doubledRanks.append(doubled)
            }
        }
        if valid {
            self.init(
                count: ranks.count,
                doubledTotal: total,
                lowerCumulative: Self.lowerHalfCumulative(doubledRanks: doubledRanks, total: total)
            )
        } else {
            self.init(count: ranks.count, doubledTotal: 0, lowerCumulative: [])
        }
    }

    /// The distribution of W+ for the ranks 1, 2, …, n (no ties).
    ///
    /// A negative n is treated as 0; n above ``maximumCount`` gives a distribution that is not
    /// ``isAvailable``.
    public init(count n: Int) {
        if n > Self.maximumCount {
            self.init(count: n, doubledTotal: 0, lowerCumulative: [])
        } else {
            self.init(ranks: (0..<max(0, n)).map { Double($0 + 1) })
        }
    }

    /// A distribution from its parts.
    private init(count: Int, doubledTotal: Int, lowerCumulative: [Double]) {
        self.count = count
        self.doubledTotal = doubledTotal
        self.lowerCumulative = lowerCumulative
    }

    /// P(W+ ≤ w).
    ///
    /// W+ takes values on the grid of multiples of 0.5; a `w` within 5e-7 of a grid point is taken to be
    /// that point. NaN, or a distribution that is not ``isAvailable``, gives NaN.
    public func cumulative(_ w: Double) -> Double {
        guard isAvailable, !w.isNaN else { return .nan }
        let scaled = 2 * w + Self.gridTolerance
        if scaled < 0 { return 0 }
        if scaled >= Double(doubledTotal) { return 1 }
        return cumulativeDoubled(Int(scaled.rounded(.down)))
    }

    /// P(W+ ≥ w).
    ///
    /// Read from the lower tail through the symmetry P(W+ ≥ w) = P(W+ ≤ total - w), so that small upper
    /// tails keep full relative precision. Same grid and NaN rules as ``cumulative(_:)``.
    public func upperTail(_ w: Double) -> Double {
        guard isAvailable, !w.isNaN else { return .nan }
        let scaled = 2 * w - Self.gridTolerance
        if scaled <= 0 { return 1 }
        if scaled > Double(doubledTotal) { return 0 }
        let threshold = Int(scaled.rounded(.up))
        return cumulativeDoubled(doubledTotal - threshold)
    }

    /// The exact two-sided p-value for an observed W+: min(1, 2·min(P(W+ ≤ w), P(W+ ≥ w))).
    ///
    /// For untied ranks this is the p-value of `scipy.stats.wilcoxon(d, method='exact')`; for mid-ranks it
    /// is the exact p-value of the conditional distribution given the ties. NaN, or a distribution that is
    /// not ``isAvailable``, gives NaN.
    public func twoSidedP(wPlus w: Double) -> Double {
        let lower = cumulative(w)
        let upper = upperTail(w)
        if lower.isNaN || upper.isNaN { return .nan }
        return min(1, 2 * min(lower, upper))
    }

    /// P(2·W+ ≤ v) for an integer v.
    private func cumulativeDoubled(_ v: Int) -> Double {
        if v < 0 { return 0 }
        if v >= doubledTotal { return 1 }
        let half = lowerCumulative.count - 1
        if v <= half { return lowerCumulative[v] }
        // P(V ≤ v) = 1 - P(V ≥ v + 1) = 1 - P(V ≤ total - v - 1), by symmetry; total - v - 1 < half.
        return 1 - lowerCumulative[doubledTotal - v - 1]
    }

    /// P(2·W+ ≤ s) for s in 0...total/2, by dynamic programming over the doubled ranks.
    ///
    /// `probability[s]` is P(2·W+ = s) for the ranks processed so far; adding a rank r gives
    /// P'(s) = (P(s) + P(s - r))/2. Only sums up to total/2 are needed, and those depend only on smaller sums.
    private static func lowerHalfCumulative(doubledRanks: [Int], total: Int) -> [Double] {
        let half = total / 2
        var probability = [Double](repeating: 0, count: half + 1)
        probability[0] = 1
        var reach = 0
        // A raw pointer keeps the inner loop free of per-element copy-on-write and bounds checks, which
        // dominate unoptimized builds (n = 1000 means about 2.5·10⁸ updates). Every index lies in 0...half:
        // rank ≤ sum ≤ reach ≤ half in the first loop, 0 ≤ sum < rank in the second.
        probability.withUnsafeMutableBufferPointer { storage in
            guard let buffer = storage.baseAddress else { return }
            for rank in doubledRanks where rank > 0 {
                reach = min(reach + rank, half)
                var sum = reach
                while sum >= rank {
                    buffer[sum] = 0.5 * (buffer[sum] + buffer[sum - rank])
                    sum -= 1
                }
                while sum >= 0 {
                    buffer[sum] *= 0.5
                    sum -= 1
                }
            }
        }
        var cumulative = [Double](repeating: 0, count: half + 1)
        var running = 0.0
        for sum in 0...half {
            running += probability[sum]
            cumulative[sum] = min(1, running)
        }
        return cumulative
    }
}
