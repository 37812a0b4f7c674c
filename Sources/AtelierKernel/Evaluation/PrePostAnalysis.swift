import Foundation

/// The full pre/post evaluation of one group: attrition, the cohort comparison of matched scores,
/// each participant's change and each item's change.
///
/// Built from two ``MarksTable``s (data from elsewhere) or from scores and correctness already
/// matched (the store's report). A participant's score is 100 × the mean of its item marks; rows are
/// matched by id; items are compared when both tables have them.
///
/// ```swift
/// let analysis = PrePostAnalysis(pre: preTable, post: postTable, gainThreshold: 20)
/// analysis.cohort.meanGain
/// analysis.items.first?.pHolm
/// ```
public struct PrePostAnalysis: Sendable, Equatable, Codable {
    /// Participants with both a pre and a post score.
    public var cohort: PairedComparison
    /// Participants with only a pre-test, and with only a post-test.
    public var nPreOnly: Int
    public var nPostOnly: Int
    /// Each matched participant's scores and gains, in the pre table's order.
    public var participants: [ParticipantChange]
    /// Each item in both tables, with Holm-adjusted p-values across them.
    public var items: [ItemChange]

    /// One matched participant.
    public struct ParticipantChange: Sendable, Equatable, Codable {
        public var id: String
        /// Scores in percent and the gain in percentage points.
        public var pre: Double
        public var post: Double
        public var gain: Double { post - pre }
        /// (post − pre)/(100 − pre); `nil` when pre is 100.
        public var normalizedGain: Double? { pre < 100 ? (post - pre) / (100 - pre) : nil }

        public init(id: String, pre: Double, post: Double) {
            self.id = id
            self.pre = pre
            self.post = post
        }
    }

    /// Assembles an analysis from parts already computed.
    public init(cohort: PairedComparison, nPreOnly: Int, nPostOnly: Int, participants: [ParticipantChange], items: [ItemChange]) {
        self.cohort = cohort
        self.nPreOnly = nPreOnly
        self.nPostOnly = nPostOnly
        self.participants = participants
        self.items = items
    }

    /// Analyses two marks tables.
    ///
    /// - Parameters:
    ///   - pre: the pre-test marks.
    ///   - post: the post-test marks.
    ///   - passMark: the pass mark in percent, if the shares passing are wanted.
    ///   - gainThreshold: the gain in percentage points that ``PairedComparison/pctGainAtLeastThreshold`` counts.
    public init(pre: MarksTable, post: MarksTable, passMark: Double? = nil, gainThreshold: Double = 10) {
        var postRows: [String: Int] = [:]
        postRows.reserveCapacity(post.rowCount)
        for (index, id) in post.rowIDs.enumerated() { postRows[id] = index }
        var pairs: [(pre: Int, post: Int)] = []
        pairs.reserveCapacity(min(pre.rowCount, post.rowCount))
        for (index, id) in pre.rowIDs.enumerated() {
            if let match = postRows[id] { pairs.append((index, match)) }
        }
        let preScores = pairs.map { pre.score(row: $0.pre) }
        let postScores = pairs.map { post.score(row: $0.post) }
        cohort = PairedComparison(pre: preScores, post: postScores, passMark: passMark, gainThreshold: gainThreshold)
        nPreOnly = pre.rowCount - pairs.count
        nPostOnly = post.rowCount - pairs.count
        participants = pairs.indices.map { ParticipantChange(id: pre.rowIDs[pairs[$0].pre], pre: preScores[$0], post: postScores[$0]) }

        var postColumns: [String: Int] = [:]
        for (index, id) in post.itemIDs.enumerated() { postColumns[id] = index }
        var changes: [ItemChange] = []
        for (preColumn, id) in pre.itemIDs.enumerated() {
            guard let postColumn = postColumns[id] else { continue }
            var correctBefore = 0
            var correctAfter = 0
            var lost = 0
            var gained = 0
            for pair in pairs {
                let before = pre.mark(row: pair.pre, item: preColumn) >= Self.fullMarks
                let after = post.mark(row: pair.post, item: postColumn) >= Self.fullMarks
                if before { correctBefore += 1 }
                if after { correctAfter += 1 }
                if before && !after { lost += 1 }
                if !before && after { gained += 1 }
            }
            changes.append(
                ItemChange(id: id, n: pairs.count, correctBefore: correctBefore, correctAfter: correctAfter, b: lost, c: gained)
            )
        }
        items = ItemChange.holmAdjusted(changes)
    }

    /// A mark at or above this fraction counts as correct (full marks, allowing for rounding).
    public static let fullMarks = 1 - 1e-9
}
