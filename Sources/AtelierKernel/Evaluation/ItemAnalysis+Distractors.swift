import Foundation

extension ItemAnalysis {
    /// The distractor table: for each item, each option chosen, how many chose it and their mean total.
    ///
    /// Only the analysed attempts count (rows excluded from the analysis are not counted). Options come in
    /// ascending order, then the unanswered row (`""`) when any attempt left the item blank. Items on which
    /// nobody chose an option have no rows. Empty when the choices do not have one row per mark row.
    static func distractorTable(input: ItemAnalysisInput, matrix: AttemptMatrix) -> [DistractorRow] {
        guard let choices = input.choices, choices.count == input.marks.count, matrix.count > 0 else { return [] }
        let itemCount = input.itemIDs.count
        var tallies = [ChoiceTally](repeating: ChoiceTally(), count: itemCount)
        matrix.totals.withUnsafeBufferPointer { totals in
            for (attempt, rowIndex) in matrix.rows.enumerated() {
                let total = totals[attempt]
                choices[rowIndex].withUnsafeBufferPointer { row in
                    for item in 0..<itemCount {
                        if item < row.count, let choice = row[item], !choice.isEmpty {
                            tallies[item].record(choice, total: total)
                        } else {
                            tallies[item].recordUnanswered(total: total)
                        }
                    }
                }
            }
        }
        let s = Double(matrix.count)
        let maxTotal = matrix.maxTotal
        let meanTotal: (Double, Int) -> Double? = { sum, count in maxTotal > 0 ? finiteFigure(sum / Double(count) / maxTotal) : nil }
        var table: [DistractorRow] = []
        for (item, tally) in tallies.enumerated() where !tally.choices.isEmpty {
            let id = input.itemIDs[item]
            for option in tally.choices.indices.sorted(by: { tally.choices[$0] < tally.choices[$1] }) {
                let count = tally.counts[option]
                table.append(
                    DistractorRow(
                        item: id,
                        choice: tally.choices[option],
                        count: count,
                        share: Double(count) / s,
                        meanTotal: meanTotal(tally.totals[option], count)
                    )
                )
            }
            if tally.unanswered > 0 {
                table.append(
                    DistractorRow(
                        item: id,
                        choice: "",
                        count: tally.unanswered,
                        share: Double(tally.unanswered) / s,
                        meanTotal: meanTotal(tally.unansweredTotal, tally.unanswered)
                    )
                )
            }
        }
        return table
    }
}

/// The options chosen on one item, with counts and sums of totals.
///
/// Items have few options, so an option is found by a linear scan of a short array; past 16 options
/// (free-text answers passed as choices) a dictionary takes over.
struct ChoiceTally {
    /// The options, in order of first appearance.
    var choices: [String] = []
    /// How many attempts chose each option.
    var counts: [Int] = []
    /// The sum of the totals of the attempts that chose each option.
    var totals: [Double] = []
    /// The position of each option in ``choices``, once there are many.
    var positions: [String: Int] = [:]
    /// How many attempts left the item blank.
    var unanswered = 0
    /// The sum of their totals.
    var unansweredTotal = 0.0

    /// Options kept in the linear scan before the dictionary takes over.
    private static let linearLimit = 16

    /// Counts one attempt that chose `choice`.
    mutating func record(_ choice: String, total: Double) {
        let position = position(of: choice)
        counts[position] &+= 1
        totals[position] += total
    }

    /// Counts one attempt that left the item blank.
    mutating func recordUnanswered(total: Double) {
        unanswered &+= 1
        unansweredTotal += total
    }

    /// The position of `choice`, adding it when new.
    private mutating func position(of choice: String) -> Int {
        if choices.count <= Self.linearLimit {
            for position in choices.indices where choices[position] == choice { return position }
        } else if let position = positions[choice] {
            return position
        }
        choices.append(choice)
        counts.append(0)
        totals.append(0)
        if choices.count == Self.linearLimit + 1 {
            for (position, known) in choices.enumerated() { positions[known] = position }
        } else if choices.count > Self.linearLimit + 1 {
            positions[choice] = choices.count - 1
        }
        return choices.count - 1
    }
}
