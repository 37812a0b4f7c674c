import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier results SESSION`.
struct ResultsCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Per participant: pre, post, gain, attendance and completion (pseudonymous unless --names).",
        discussion: """
            pre and post are percents over the counted attempt of each form of that phase (the session's retake policy
            decides which attempt counts; scores are never added across attempts); gain is post − pre in percentage
            points; attendance is the weighted share of slots attended; completed applies the program's rule.

            JSON output: {"session", "program", "participants", "rows": [{"code", "pre", "post", "gain", "attendance",
            "passedPostTests", "completed", "forms": {"FORM": {"score", "maxScore", "percent", "passed"}}}], "summary":
            {"meanPre", "meanPost", "meanGain", "paired", "completed"}}; "name" with --names. CSV: code, pre, post, gain,
            attendance, passed_post_tests, completed (UTF-8 with a byte-order mark; --delimiter ';' for French spreadsheets).

            Example:
              atelier results demo-nouakchott
            """
    )
    @Argument(help: "The session (default: the only one).") var session: String?
    @Flag(name: .long, help: "Show names (recorded in the audit log).") var names = false
    @Option(name: .long, help: "Output format: text, json or csv.") var format: TableOutputFormat = .text
    @OptionGroup var spreadsheet: SpreadsheetOutput
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var contentOptions: ContentOptions

    func run(in environment: CLIEnvironment) async throws {
        let catalog = try contentOptions.loadCatalog(in: environment)
        let store = try storeOptions.open(in: environment)
        try await ResultsCommand.show(
            session: session,
            names: names,
            format: format,
            spreadsheet: spreadsheet,
            catalog: catalog,
            store: store,
            in: environment
        )
    }

    /// Computes and prints a session's results.
    static func show(
        session id: String?,
        names: Bool,
        format: TableOutputFormat,
        spreadsheet: SpreadsheetOutput = SpreadsheetOutput(),
        catalog: ContentCatalog,
        store: any TrainingStore,
        in environment: CLIEnvironment
    ) async throws {
        let session = try await SessionOption.resolve(id, in: store)
        let results = SessionResults.compute(
            session: session,
            program: catalog.programs[session.program],
            catalog: catalog,
            participants: try await store.participants(in: session.id),
            attendance: try await store.attendance(in: session.id),
            submissions: try await store.submissions(in: session.id)
        )
        let identities = names ? try await store.identities(in: session.id) : [:]
        if names {
            try await store.record(
                AuditEntry(actor: environment.actor, action: "results.names-shown", subject: session.id, details: "results --names")
            )
        }
        let summary = results.summary
        switch format {
        case .json:
            environment.writeOutput(results.jsonValue(names: names ? identities.mapValues(\.name) : nil).serialized(pretty: true))
        case .csv:
            let sheet =
                [(names ? ["code", "name"] : ["code"]) + ["pre", "post", "gain", "attendance", "passed_post_tests", "completed"]]
                + results.rows.map { row in
                    [row.code] + (names ? [identities[row.code]?.name ?? ""] : [])
                        + [
                            row.pre.map { String($0) } ?? "", row.post.map { String($0) } ?? "", row.gain.map { String($0) } ?? "",
                            String(row.attendance), row.passedPostTests ? "yes" : "no", row.completed ? "yes" : "no",
                        ]
                }
            environment.writeOutput(bytes: try spreadsheet.write(sheet, in: environment))
        case .text:
            func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "-" }
            func points(_ value: Double?) -> String { value.map { String(format: "%+.1f", $0) } ?? "-" }
            var table = TextTable(columns: (names ? ["CODE", "NAME"] : ["CODE"]) + ["PRE", "POST", "GAIN", "ATTENDANCE", "COMPLETED"])
            for row in results.rows {
                table.add(
                    [row.code] + (names ? [identities[row.code]?.name ?? "-"] : [])
                        + [
                            percent(row.pre), percent(row.post), points(row.gain), String(format: "%.0f%%", row.attendance * 100),
                            row.completed ? "yes" : "no",
                        ]
                )
            }
            environment.writeOutput("\(session.id): \(session.program), \(session.site), \(session.startDate) to \(session.endDate)")
            environment.writeOutput("")
            environment.writeOutput(table.rendered)
            environment.writeOutput("")
            environment.writeOutput(
                "\(results.rows.count) participants; mean pre \(percent(summary.meanPre)), mean post \(percent(summary.meanPost)), mean gain \(points(summary.meanGain)) points over \(summary.paired) with both tests; \(summary.completed) completed"
            )
        }
    }

}
