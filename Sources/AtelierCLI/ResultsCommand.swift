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
            {"meanPre", "meanPost", "meanGain", "paired", "completed"}}; "name" with --names.

            Example:
              atelier results demo-nouakchott
            """
    )
    @Argument(help: "The session (default: the only one).") var session: String?
    @Flag(name: .long, help: "Show names (recorded in the audit log).") var names = false
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var contentOptions: ContentOptions

    func run(in environment: CLIEnvironment) async throws {
        let catalog = try contentOptions.loadCatalog(in: environment)
        let store = try storeOptions.open(in: environment)
        try await ResultsCommand.show(session: session, names: names, format: format, catalog: catalog, store: store, in: environment)
    }

    /// Computes and prints a session's results.
    static func show(
        session id: String?,
        names: Bool,
        format: OutputFormat,
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
        let paired = results.rows.compactMap(\.gain)
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : (values.reduce(0, +) / Double(values.count) * 100).rounded() / 100 }
        let meanPre = mean(results.rows.compactMap(\.pre))
        let meanPost = mean(results.rows.compactMap(\.post))
        let meanGain = mean(paired)
        let completed = results.rows.filter(\.completed).count
        switch format {
        case .json:
            var summary = JSONObject()
            summary["meanPre"] = meanPre.map(JSONValue.number) ?? .null
            summary["meanPost"] = meanPost.map(JSONValue.number) ?? .null
            summary["meanGain"] = meanGain.map(JSONValue.number) ?? .null
            summary["paired"] = .number(Double(paired.count))
            summary["completed"] = .number(Double(completed))
            var object = JSONObject()
            object["session"] = .string(session.id)
            object["program"] = .string(session.program)
            object["participants"] = .number(Double(results.rows.count))
            object["rows"] = .array(results.rows.map { ResultsCommand.json($0, name: names ? identities[$0.code]?.name : nil, names: names) })
            object["summary"] = .object(summary)
            environment.writeOutput(JSONValue.object(object).serialized(pretty: true))
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
                "\(results.rows.count) participants; mean pre \(percent(meanPre)), mean post \(percent(meanPost)), mean gain \(points(meanGain)) points over \(paired.count) with both tests; \(completed) completed"
            )
        }
    }

    static func json(_ row: SessionResults.Row, name: String?, names: Bool) -> JSONValue {
        var object = JSONObject()
        object["code"] = .string(row.code)
        if names { object["name"] = name.map(JSONValue.string) ?? .null }
        object["pre"] = row.pre.map(JSONValue.number) ?? .null
        object["post"] = row.post.map(JSONValue.number) ?? .null
        object["gain"] = row.gain.map(JSONValue.number) ?? .null
        object["attendance"] = .number(row.attendance)
        object["passedPostTests"] = .bool(row.passedPostTests)
        object["completed"] = .bool(row.completed)
        object["forms"] = .object(
            JSONObject(
                row.forms.sorted { $0.key < $1.key }.map { form, grade in
                    (
                        key: form,
                        value: [
                            "score": .number(grade.score), "maxScore": .number(grade.maxScore), "percent": .number(grade.percent),
                            "passed": .bool(grade.passed),
                        ]
                    )
                }
            )
        )
        return .object(object)
    }
}
