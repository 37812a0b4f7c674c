import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier report`: the evaluation of sessions from the store, as text, CSV, JSON or a self-contained HTML file.
struct ReportCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Pre/post evaluation of sessions: the figures a program manager can sign (text, csv, json or html).",
        discussion: """
            Reads the store: participants (by code only), attendance and the counted attempt of each test. Reports the
            cohort's scores before and after with their n, confidence interval, paired t and Wilcoxon tests and effect
            sizes; mastery per learning objective; each item's change (McNemar, Holm) and item analysis (as Moodle's
            quiz statistics define it); attendance and completion; and every cohort figure by the fields given with
            --by, groups under --small-group shown as "<5" without figures.

            --by takes: \(EvaluationGrouping.allCases.map(\.rawValue).joined(separator: ", ")).

            JSON keys (a stable contract; see README.md "Evaluation JSON"): sessions, programs, smallGroupThreshold,
            cohort {n, registered, nPreOnly, nPostOnly, nNeither, meanPre, …, pctGainAtLeastThreshold}, attendance
            {meanRate, meanSlotRate, completed, registered}, participants [{code, session, pre, post, gain, …,
            notCompleted}], objectives [], modules [{module, preForm, postForm, items [], itemAnalysis {FORM: {items,
            test, distractors}}}], disaggregations [{by, groupsOverlap, groups []}].

            Examples:
              atelier report --format html --output report.html --lang fr
              atelier report --program police-gendarmerie-2day --by sex --by organization-type
              atelier report --all --format json
            """
    )
    @Option(name: .long, help: ArgumentHelp("A session to include (repeat for several).", valueName: "id")) var session: [String] = []
    @Option(name: .long, help: ArgumentHelp("Include every session of this program.", valueName: "id")) var program: String?
    @Flag(name: .long, help: "Include every session in the store.") var all = false
    @Option(name: .long, help: ArgumentHelp("Disaggregate by this field (repeat for several).", valueName: "field"))
    var by: [EvaluationGrouping] = []
    @Option(name: .long, help: ArgumentHelp("Count participants who gained at least this many percentage points.", valueName: "points"))
    var threshold: Double = 10
    @Option(name: .long, help: ArgumentHelp("Groups smaller than this are suppressed.", valueName: "n")) var smallGroup: Int = 5
    @Option(name: .long, help: "Output format: text, csv, json or html.") var format: ReportFormat = .text
    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
    @Option(name: .long, help: "The report's language: fr, en or ar.") var lang: String = "en"
    @OptionGroup var spreadsheet: SpreadsheetOutput
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var contentOptions: ContentOptions

    func validate() throws {
        guard UIStrings.languages.contains(lang) else { throw ValidationError("--lang must be one of fr, en, ar") }
        guard threshold.isFinite, (-100...100).contains(threshold) else {
            throw ValidationError("--threshold must be a number of percentage points between -100 and 100")
        }
        guard (1...1000).contains(smallGroup) else { throw ValidationError("--small-group must be between 1 and 1000") }
        let scopes = (session.isEmpty ? 0 : 1) + (program == nil ? 0 : 1) + (all ? 1 : 0)
        guard scopes <= 1 else { throw ValidationError("choose one of --session, --program or --all") }
    }

    func run(in environment: CLIEnvironment) async throws {
        let catalog = try contentOptions.loadCatalog(in: environment)
        let store = try storeOptions.open(in: environment)
        let sessions = try await selectSessions(in: store)
        environment.progress("reading \(sessions.count) session(s)…")
        let data = try await store.evaluationData(for: sessions)
        environment.progress("computing the evaluation of \(data.reduce(0) { $0 + $1.participants.count }) participants…")
        let evaluation = Evaluation.compute(
            data,
            catalog: catalog,
            options: Evaluation.Options(gainThreshold: threshold, smallGroup: smallGroup, groupings: by)
        )
        let bytes: Data
        switch format {
        case .json:
            bytes = Data((evaluation.jsonValue.serialized(pretty: true) + "\n").utf8)
        case .csv:
            let document = EvaluationReport(evaluation: evaluation, catalog: catalog, strings: UIStrings(language: lang), generatedAt: Date())
                .document
            bytes = try spreadsheet.write(document.spreadsheetRows, in: environment)
        case .text, .html:
            guard let renderer = environment.registry.renderers.first(where: { $0.format == format.rawValue }) else {
                throw CLIError(message: "no report renderer for \(format.rawValue) is installed", hint: "use --format json")
            }
            let document = EvaluationReport(evaluation: evaluation, catalog: catalog, strings: UIStrings(language: lang), generatedAt: Date())
                .document
            bytes = try renderer.render(document)
        }
        if let output {
            let url = URL(fileURLWithPath: environment.absolute(output))
            do {
                try bytes.write(to: url, options: .atomic)
            } catch {
                throw CLIError(
                    message: "cannot write \(output): \(error.localizedDescription)",
                    hint: "check the folder exists and you may write there"
                )
            }
            environment.writeError("wrote \(output) (\(bytes.count) bytes)")
        } else {
            environment.writeOutput(String(decoding: bytes, as: UTF8.self).trimmingTrailingNewline)
        }
    }

    /// The sessions the options name (the only one when none is named).
    func selectSessions(in store: any TrainingStore) async throws -> [TrainingSession] {
        let known = try await store.sessions()
        if all { return known }
        if let program {
            let selected = known.filter { $0.program == program }
            guard !selected.isEmpty else {
                throw CLIError(
                    message: "no session of program '\(program)' is in the store",
                    hint: "programs with sessions: \(Set(known.map(\.program)).sorted().joined(separator: ", "))"
                )
            }
            return selected
        }
        if !session.isEmpty {
            return try session.map { id in
                guard let found = known.first(where: { $0.id == id }) else { throw StoreError.sessionNotFound(id, known: known.map(\.id)) }
                return found
            }
        }
        guard known.count == 1, let only = known.first else {
            throw CLIError(
                message: known.isEmpty ? "the store has no session yet" : "the store has \(known.count) sessions; choose which to report",
                hint: known.isEmpty ? "create one with `atelier session create` or try `atelier demo`" : "use --session ID, --program ID or --all"
            )
        }
        return [only]
    }
}

/// The formats of `atelier report`.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text, csv, json, html
}

extension EvaluationGrouping: ExpressibleByArgument {}

extension String {
    /// The string without one final newline.
    fileprivate var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
