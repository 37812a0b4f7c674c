import ArgumentParser
import AtelierKernel
import Foundation

/// `atelier analyze prepost|items`: the evaluation statistics on marks from elsewhere.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Pre/post comparison and item analysis of marks exported from another system (CSV).",
        discussion: """
            CSV input: a header row whose first cell names the id column and whose other cells are item ids; then one
            row per participant (or attempt), each item's mark as a fraction 0..1 of its maximum (blank = not answered:
            scored as 0, and counted). The delimiter (',' ';' or tab) is read from the header; with ';' a decimal
            comma is accepted. A UTF-8 byte-order mark is ignored.
            """,
        subcommands: [Prepost.self, Items.self]
    )

    /// Reads a marks file, or fails with where and what.
    static func readMarks(_ path: String, in environment: CLIEnvironment) throws -> MarksTable {
        let url = URL(fileURLWithPath: environment.absolute(path))
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw CLIError(message: "cannot read \(path): no such file or not readable", hint: "check the path")
        }
        do {
            return try MarksTable(csv: data, file: path)
        } catch {
            throw CLIError(
                message: "\(error.file):\(error.line):\(error.column): \(error.message)",
                hint: "fix the file and run the command again; nothing was analysed"
            )
        }
    }

    /// `atelier analyze prepost`.
    struct Prepost: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "prepost",
            abstract: "Compare matched pre- and post-test marks: gains, paired t, Wilcoxon, effect sizes, per-item McNemar.",
            discussion: """
                A participant's score is 100 × the mean of its item marks; rows are matched by id (participants in only
                one file are counted as attrition); items present in both files are compared (correct = full marks).

                JSON keys (a stable contract; see README.md "Evaluation JSON"): n, nPreOnly, nPostOnly, meanPre, sdPre,
                meanPost, sdPost, meanGain, gainCI95 [lo, hi], sdGain, medianGain, t, df, pTTest, wilcoxon {wPlus, wMinus,
                n, p, exact, z, rankBiserial}, dz, gz, hakeG, meanIndividualG, nIndividualG, pctImproved, passMark,
                pctPassPre, pctPassPost, gainThreshold, pctGainAtLeastThreshold, items [{id, n, preFacility,
                postFacility, b, c, pMcNemar, exact, pHolm}]. Scores, gains and the CI in percentage points (0..100),
                facilities 0..1, shares (pct…) 0..100; a figure that cannot be computed is null.

                Example:
                  atelier analyze prepost --pre pre.csv --post post.csv --threshold 20 --format json
                """
        )
        @Option(name: .long, help: "The pre-test marks (CSV).") var pre: String
        @Option(name: .long, help: "The post-test marks (CSV).") var post: String
        @Option(name: .long, help: "Count participants who gained at least this many percentage points.") var threshold: Double = 10
        @Option(name: .long, help: "A pass mark in percent, for the shares passing before and after.") var passMark: Double?
        @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

        func validate() throws {
            guard threshold.isFinite, (-100...100).contains(threshold) else {
                throw ValidationError("--threshold must be a number of percentage points between -100 and 100")
            }
            if let passMark, !(0...100).contains(passMark) { throw ValidationError("--pass-mark must be a percent between 0 and 100") }
        }

        func run(in environment: CLIEnvironment) async throws {
            environment.progress("reading \(pre) and \(post)…")
            // The two files are read at the same time, one per core.
            let (pre, post) = (pre, post)
            async let readPre = Task { try AnalyzeCommand.readMarks(pre, in: environment) }.value
            async let readPost = Task { try AnalyzeCommand.readMarks(post, in: environment) }.value
            let (preTable, postTable) = try await (readPre, readPost)
            environment.progress("analysing \(preTable.rowCount) + \(postTable.rowCount) rows…")
            let analysis = PrePostAnalysis(pre: preTable, post: postTable, passMark: passMark, gainThreshold: threshold)
            switch format {
            case .json: environment.writeOutput(analysis.jsonValue.serialized(pretty: true))
            case .text: environment.writeOutput(EvaluationText.prepost(analysis, pre: preTable, post: postTable))
            }
        }
    }

    /// `atelier analyze items`.
    struct Items: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            commandName: "items",
            abstract: "Item analysis as Moodle's quiz statistics define it, plus KR-20, item-rest and upper-lower D.",
            discussion: """
                Each item's maximum is 1 (marks are fractions). Facility, SD, weights and proportions are 0..1;
                correlations (discriminationIndex, itemRest) -1..1; discriminativeEfficiency is a ratio; the test's mean,
                median, SD and standard error are proportions of the maximum total.

                JSON keys (a stable contract; see README.md "Evaluation JSON"): items [{id, n, facility, sd,
                randomGuessScore, intendedWeight, effectiveWeight, discriminationIndex, discriminativeEfficiency,
                itemRest, pointBiserial, upperLowerD, alphaIfDeleted, flags}], test {n, items, mean, median, sd,
                skewness, kurtosis, cronbachAlpha, kr20, errorRatio, standardError, alphaIsIndicative}, distractors [].

                Example:
                  atelier analyze items --marks post.csv --format json
                """
        )
        @Option(name: .long, help: "The marks (CSV), one row per attempt.") var marks: String
        @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text

        func run(in environment: CLIEnvironment) async throws {
            environment.progress("reading \(marks)…")
            let table = try AnalyzeCommand.readMarks(marks, in: environment)
            environment.progress("analysing \(table.rowCount) attempts × \(table.itemIDs.count) items…")
            let analysis = ItemAnalysis(table.itemAnalysisInput)
            switch format {
            case .json: environment.writeOutput(analysis.jsonValue.serialized(pretty: true))
            case .text: environment.writeOutput(EvaluationText.items(analysis, blanks: table.blanks))
            }
        }
    }
}

extension MarksTable {
    /// The table as item-analysis input: each item's maximum is 1.
    var itemAnalysisInput: ItemAnalysisInput {
        let count = itemIDs.count
        return ItemAnalysisInput(
            itemIDs: itemIDs,
            maxMarks: Array(repeating: 1, count: count),
            marks: (0..<rowCount).map { row in Array(marks[(row * count)..<((row + 1) * count)]) }
        )
    }
}
