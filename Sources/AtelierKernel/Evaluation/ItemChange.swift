import Foundation

/// How one item changed between the pre-test and the post-test, over the matched participants:
/// facility before and after, and McNemar's test of the change.
///
/// An answer counts as correct when it earned full marks. b counts correct → wrong, c wrong →
/// correct; p is exact (binomial, p = ½) when b + c < 25, otherwise the chi-square with continuity
/// correction (`evaluation/STATISTICS.md` §2.3). ``holmAdjusted(_:)`` adjusts the p-values of a form's
/// items together.
public struct ItemChange: Sendable, Equatable, Codable {
    /// The item.
    public var id: String
    /// The matched participants this is computed over.
    public var n: Int
    /// Share correct before and after (0…1).
    public var preFacility: Double?
    public var postFacility: Double?
    /// Correct before and wrong after (b), wrong before and correct after (c).
    public var b: Int
    public var c: Int
    /// McNemar's two-sided p.
    public var pMcNemar: Double?
    /// Whether ``pMcNemar`` is the exact binomial p.
    public var exact: Bool
    /// The Holm-adjusted p across the items analysed together.
    public var pHolm: Double?

    /// Discordant pairs below this use the exact test.
    public static let exactLimit = 25

    /// The change of one item from matched correctness flags.
    ///
    /// - Parameters:
    ///   - id: the item.
    ///   - pre: whether each matched participant was correct before.
    ///   - post: the same after, in the same order.
    public init(id: String, pre: [Bool], post: [Bool]) {
        let count = min(pre.count, post.count)
        var correctBefore = 0
        var correctAfter = 0
        var lost = 0
        var gained = 0
        for index in 0..<count {
            if pre[index] { correctBefore += 1 }
            if post[index] { correctAfter += 1 }
            if pre[index] && !post[index] { lost += 1 }
            if !pre[index] && post[index] { gained += 1 }
        }
        self.init(id: id, n: count, correctBefore: correctBefore, correctAfter: correctAfter, b: lost, c: gained)
    }

    /// The change of one item from its counts.
    public init(id: String, n: Int, correctBefore: Int, correctAfter: Int, b: Int, c: Int) {
        self.id = id
        self.n = n
        self.b = b
        self.c = c
        preFacility = n > 0 ? Double(correctBefore) / Double(n) : nil
        postFacility = n > 0 ? Double(correctAfter) / Double(n) : nil
        exact = b + c < Self.exactLimit
        if n == 0 {
            pMcNemar = nil
        } else if exact {
            pMcNemar = Distribution.binomialTwoSidedP(min(b, c), trials: b + c).finite
        } else {
            let statistic = pow(Double(abs(b - c)) - 1, 2) / Double(b + c)
            pMcNemar = Distribution.chiSquareSurvival(statistic, degreesOfFreedom: 1).finite
        }
        pHolm = nil
    }

    /// The items with their p-values adjusted by Holm's step-down method, in the original order.
    ///
    /// With m p-values sorted ascending, p̃₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎). Items
    /// without a p are left out of m.
    public static func holmAdjusted(_ items: [ItemChange]) -> [ItemChange] {
        let tested = items.indices.filter { items[$0].pMcNemar != nil }.sorted {
            (items[$0].pMcNemar ?? 1, $0) < (items[$1].pMcNemar ?? 1, $1)
        }
        var adjusted = items
        var running = 0.0
        for (position, index) in tested.enumerated() {
            let scaled = min(1, Double(tested.count - position) * (items[index].pMcNemar ?? 1))
            running = max(running, scaled)
            adjusted[index].pHolm = running
        }
        return adjusted
    }
}
