import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier responses template|import`: answers typed from paper, or exported from a survey tool.
struct ResponsesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "responses",
        abstract: "Answers from paper forms or survey tools: write the sheet to fill in, import it.",
        subcommands: [Template.self, Import.self, Quarantine.self]
    )

    struct Quarantine: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the submissions kept aside because they conflict with what is stored.",
            discussion: """
                A conflict is never resolved by overwriting: a person decides. Reasons: same-id-different-content (a device
                or a sheet sent other answers under an id already stored) and already-submitted (a second attempt where the
                session allows no retake).

                JSON output: [{"id", "submission", "participant", "form", "reason", "conflictsWith", "receivedAt"}].

                Example:
                  atelier responses quarantine --format json
                """
        )
        @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            let entries = try await store.quarantine(in: session.id)
            let formatter = ISO8601DateFormatter()
            switch format {
            case .json:
                let values: [JSONValue] = entries.map { entry in
                    [
                        "id": .number(Double(entry.id)), "submission": .string(entry.submissionID), "participant": .string(entry.participantCode),
                        "form": .string(entry.formID), "reason": .string(entry.reason.rawValue), "conflictsWith": .string(entry.conflictsWith),
                        "receivedAt": .string(formatter.string(from: entry.receivedAt)),
                    ]
                }
                environment.writeOutput(JSONValue.array(values).serialized(pretty: true))
            case .text:
                var table = TextTable(columns: ["ID", "PARTICIPANT", "FORM", "REASON", "CONFLICTS WITH", "RECEIVED"])
                for entry in entries {
                    table.add([
                        String(entry.id), entry.participantCode, entry.formID, entry.reason.rawValue, String(entry.conflictsWith.prefix(8)),
                        formatter.string(from: entry.receivedAt),
                    ])
                }
                environment.writeOutput(entries.isEmpty ? "nothing in quarantine for \(session.id)" : table.rendered)
            }
        }
    }

    struct Template: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the CSV sheet for a form: one row per participant of the session, one column per item.",
            discussion: """
                Columns: participant_code, form, then one per item (matching: ITEM.p1, ITEM.p2…; case analysis: ITEM.act,
                ITEM.means, ITEM.purpose, ITEM.classification). Cells: a choice id (b); several ids (a c); V/F, O/N or 1/0;
                the ids in order (e2 e1 e3); a number (2,5); the text; a classification (T, S, B, N or the word).
                An empty cell is unanswered.

                Example:
                  atelier responses template definitions.pre > definitions-pre.csv
                """
        )
        @Argument(help: "The form id.") var form: String
        @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?
        @OptionGroup var spreadsheet: SpreadsheetOutput
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var contentOptions: ContentOptions

        func run(in environment: CLIEnvironment) async throws {
            let catalog = try contentOptions.loadCatalog(in: environment)
            let resolved = try catalog.requireForm(form)
            var codes: [String] = []
            let store = try storeOptions.open(in: environment)
            if let session = try? await sessionOption.resolve(in: store) {
                codes = try await store.participants(in: session.id).map(\.code)
            }
            let sheet = try spreadsheet.write(ResponseSheet.template(for: resolved, codes: codes), in: environment)
            if let output {
                let path = environment.absolute(output)
                try sheet.write(to: URL(fileURLWithPath: path), options: .atomic)
                environment.writeOutput(
                    "wrote \(output): \(codes.count) participant row(s), \(ResponseSheet.itemColumns(of: resolved).count) item column(s)"
                )
            } else {
                environment.writeOutput(bytes: sheet)
            }
        }
    }

    struct Import: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import answers from a CSV sheet; nothing is imported unless every row is valid (or --skip-invalid).",
            discussion: """
                Each row is graded and stored as a paper submission whose id is derived from the session, participant and
                form: importing the same file again changes nothing; importing different answers for someone already
                stored is a conflict, kept in quarantine, never an overwrite. A bad cell is reported with its row and column.

                Example:
                  atelier responses import definitions-pre.csv
                """
        )
        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
        @Option(name: .long, help: "The form, for a sheet without a 'form' column.") var form: String?
        @Flag(name: .customLong("skip-invalid"), help: "Import the valid rows and report the others.") var skipInvalid = false
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var contentOptions: ContentOptions

        func run(in environment: CLIEnvironment) async throws {
            let table = try CSVInput.read(file, in: environment)
            let catalog = try contentOptions.loadCatalog(in: environment)
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            let sessionForms = Set(try await store.sessionForms(session.id).map(\.formID))
            let participants = Set(try await store.participants(in: session.id).map(\.code))
            var (entries, problems) = ResponseSheet.read(table, catalog: catalog, form: form)
            var valid: [ResponseSheet.Entry] = []
            var seen: [String: Int] = [:]
            for entry in entries {
                var rowProblems: [SheetProblem] = []
                if !participants.contains(entry.participantCode) {
                    rowProblems.append(
                        SheetProblem(
                            row: entry.row,
                            column: ResponseSheet.codeColumn,
                            message: "'\(entry.participantCode)' is not a participant of session \(session.id)"
                        )
                    )
                }
                if !sessionForms.contains(entry.formID) {
                    rowProblems.append(
                        SheetProblem(
                            row: entry.row,
                            column: ResponseSheet.formColumn,
                            message: "'\(entry.formID)' is not a form of session \(session.id)"
                        )
                    )
                }
                let key = entry.participantCode + "|" + entry.formID
                if let first = seen[key] {
                    rowProblems.append(
                        SheetProblem(
                            row: entry.row,
                            column: ResponseSheet.codeColumn,
                            message: "\(entry.participantCode) already has a row for \(entry.formID) (row \(first))"
                        )
                    )
                }
                seen[key] = seen[key] ?? entry.row
                if rowProblems.isEmpty, let resolved = catalog.resolvedForm(entry.formID) {
                    for item in FormGrader.grade(resolved, responses: entry.responses).items where item.status == .invalid {
                        rowProblems.append(SheetProblem(row: entry.row, column: item.id, message: item.error ?? "cannot be graded"))
                    }
                }
                problems += rowProblems
                if rowProblems.isEmpty { valid.append(entry) }
            }
            entries = valid
            for problem in problems.sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) { environment.writeError("\(file): \(problem)") }
            if !problems.isEmpty && !skipInvalid {
                throw CLIError(
                    message: "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file); nothing was imported",
                    hint: "fix the cells above and import again, or pass --skip-invalid to import the \(entries.count) valid row(s)"
                )
            }
            let requests = entries.map { entry in
                SubmissionRequest(
                    id: SubmissionRequest.derivedID(channel: "paper", session: session.id, participant: entry.participantCode, form: entry.formID),
                    sessionID: session.id,
                    participantCode: entry.participantCode,
                    formID: entry.formID,
                    responses: entry.responses,
                    source: .paper
                )
            }
            environment.progress("grading and storing \(requests.count) answer sheet(s)…")
            let outcomes = try await SubmissionIntake(catalog: catalog, store: store).submitAll(requests, requireOpenForm: false)
            var accepted = 0
            var duplicates = 0
            var conflicts: [QuarantineEntry] = []
            for outcome in outcomes {
                switch outcome {
                case .accepted: accepted += 1
                case .duplicate: duplicates += 1
                case .conflict(let entry): conflicts.append(entry)
                }
            }
            if accepted > 0 || !conflicts.isEmpty {
                try await store.record(
                    AuditEntry(
                        actor: environment.actor,
                        action: "responses.import",
                        subject: session.id,
                        details:
                            "\((file as NSString).lastPathComponent): \(accepted) stored, \(duplicates) unchanged, \(conflicts.count) quarantined"
                    )
                )
            }
            for conflict in conflicts {
                environment.writeError(
                    "\(file): \(conflict.participantCode) \(conflict.formID): differs from the answers already stored (\(conflict.reason.rawValue)); kept in quarantine, nothing overwritten"
                )
            }
            environment.writeOutput(
                "imported \(accepted) answer sheet(s); \(duplicates) already stored, unchanged; \(conflicts.count) in quarantine; \(problems.count) invalid row(s) skipped"
            )
        }
    }

}
