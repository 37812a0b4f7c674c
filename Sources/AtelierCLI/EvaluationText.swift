import AtelierKernel
import Foundation

/// Plain-text presentation of the evaluation figures for a terminal: every figure with its n, p-values
/// never without their n, and small samples called what they are.
enum EvaluationText {
    /// A figure with `digits` decimals, or "—".
    static func number(_ value: Double?, _ digits: Int = 1) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "—"
    }

    /// A signed figure (gains).
    static func signed(_ value: Double?, _ digits: Int = 1) -> String {
        value.map { String(format: "%+.\(digits)f", $0) } ?? "—"
    }

    /// A p-value: three significant digits, "< 0.001" below that.
    static func pValue(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 0.001 ? "< 0.001" : String(format: "%.3f", value)
    }

    /// A proportion as a percent.
    static func percent(_ value: Double?, _ digits: Int = 0) -> String {
        value.map { String(format: "%.\(digits)f%%", $0 * 100) } ?? "—"
    }

    /// The text of `atelier analyze prepost`.
    static func prepost(_ analysis: PrePostAnalysis, pre: MarksTable, post: MarksTable) -> String {
        let cohort = analysis.cohort
        var lines: [String] = []
        lines.append("Matched participants: \(cohort.n) (pre only: \(analysis.nPreOnly), post only: \(analysis.nPostOnly))")
        lines.append("Items: \(pre.itemIDs.count) in \(pre.file), \(post.itemIDs.count) in \(post.file), \(analysis.items.count) in both")
        let blanks = pre.blanks.reduce(0, +) + post.blanks.reduce(0, +)
        if blanks > 0 { lines.append("Blank cells scored as 0: \(blanks)") }
        lines.append("")
        lines += cohortLines(cohort)
        if !analysis.items.isEmpty {
            lines.append("")
            lines.append("Items (correct = full marks; McNemar exact when b + c < 25; Holm across \(analysis.items.count) items; n = \(cohort.n)):")
            var table = TextTable(columns: ["ITEM", "PRE", "POST", "B", "C", "P", "P(HOLM)"])
            for item in analysis.items {
                table.add([
                    item.id, percent(item.preFacility), percent(item.postFacility), String(item.b), String(item.c),
                    pValue(item.pMcNemar) + (item.exact ? "" : " χ²"), pValue(item.pHolm),
                ])
            }
            lines.append(table.rendered)
        }
        return lines.joined(separator: "\n")
    }

    /// The cohort figures, one per line, each with its n.
    static func cohortLines(_ cohort: PairedComparison) -> [String] {
        let n = cohort.n
        var lines: [String] = []
        lines.append("Mean pre:  \(number(cohort.meanPre))% (SD \(number(cohort.sdPre)), n = \(n))")
        lines.append("Mean post: \(number(cohort.meanPost))% (SD \(number(cohort.sdPost)), n = \(n))")
        let interval = cohort.gainCI95.map { "95% CI \(number($0[0])) to \(number($0[1]))" } ?? "95% CI —"
        lines.append("Mean gain: \(signed(cohort.meanGain)) points (\(interval); SD \(number(cohort.sdGain)); median \(signed(cohort.medianGain)))")
        lines.append("Paired t:  t(\(cohort.df.map(String.init) ?? "—")) = \(number(cohort.t, 2)), p = \(pValue(cohort.pTTest)) (n = \(n))")
        if let wilcoxon = cohort.wilcoxon {
            let method = wilcoxon.exact ? "exact" : "normal approximation, ties corrected"
            lines.append(
                "Wilcoxon:  W+ = \(number(wilcoxon.wPlus)), W- = \(number(wilcoxon.wMinus)), p = \(pValue(wilcoxon.p)) (\(method); n' = \(wilcoxon.n) non-zero differences); rank-biserial \(number(wilcoxon.rankBiserial, 2))"
            )
        }
        lines.append("Effect:    d_z = \(number(cohort.dz, 2)), Hedges' g_z = \(number(cohort.gz, 2)) (n = \(n))")
        lines.append(
            "Normalized gain: Hake's class-average <g> = \(number(cohort.hakeG, 2)); mean of individual g = \(number(cohort.meanIndividualG, 2)) (n = \(cohort.nIndividualG), pre < 100%)"
        )
        lines.append("Improved:  \(number(cohort.pctImproved, 0))% of \(n)")
        lines.append("Gained at least \(number(cohort.gainThreshold, 0)) points: \(number(cohort.pctGainAtLeastThreshold, 0))% of \(n)")
        if cohort.pctPassPre != nil || cohort.pctPassPost != nil {
            let mark = cohort.passMark.map { " (pass mark \(number($0, 0))%)" } ?? " (each form's pass mark)"
            lines.append("Passed\(mark): \(number(cohort.pctPassPre, 0))% before, \(number(cohort.pctPassPost, 0))% after (n = \(n))")
        }
        if n > 0 && n < 10 { lines.append("Note: with \(n) pairs these figures are indicative only.") }
        return lines
    }

    /// The text of `atelier analyze items`.
    static func items(_ analysis: ItemAnalysis, blanks: [Int]) -> String {
        let test = analysis.test
        var lines: [String] = []
        lines.append("Attempts: \(test.n); items: \(test.itemCount)")
        lines.append(
            "Test: mean \(percent(test.mean, 1)), median \(percent(test.median, 1)), SD \(percent(test.sd, 1)), skewness \(number(test.skewness, 2)), kurtosis \(number(test.kurtosis, 2))"
        )
        let indicative = test.alphaIsIndicative ? " (indicative: fewer than 20 attempts)" : ""
        lines.append(
            "Reliability: Cronbach's alpha \(number(test.cronbachAlpha, 3)), KR-20 \(number(test.kr20, 3))\(indicative); error ratio \(percent(test.errorRatio, 1)), standard error \(percent(test.standardError, 1))"
        )
        lines.append("")
        var table = TextTable(columns: ["ITEM", "FACILITY", "SD", "GUESS", "EFF.WEIGHT", "DISCRIM.", "EFFICIENCY", "UPPER-LOWER D", "BLANK", "FLAGS"])
        for (index, item) in analysis.items.enumerated() {
            table.add([
                item.id, percent(item.facility), percent(item.sd), percent(item.randomGuessScore), percent(item.effectiveWeight, 1),
                number(item.discriminationIndex, 2), percent(item.discriminativeEfficiency), number(item.upperLowerD, 2),
                index < blanks.count ? String(blanks[index]) : "0", item.flags.map(\.kind.rawValue).joined(separator: ", "),
            ])
        }
        lines.append(table.rendered)
        let flagged = analysis.items.filter { !$0.flags.isEmpty }
        if !flagged.isEmpty {
            lines.append("")
            for item in flagged {
                for flag in item.flags { lines.append("\(item.id): \(flag.reason)") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
