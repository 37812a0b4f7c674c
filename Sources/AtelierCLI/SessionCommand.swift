import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier session create|list|show|open|close`.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Create training sessions, list and show them, open and close their forms.",
        subcommands: [Create.self, List.self, Show.self, Open.self, Close.self, Release.self]
    )

    struct Release: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Release a form's results: participants then see their score and feedback (as the form's policy says).",
            discussion: "Until then no key, score or feedback reaches a participant.\n\nExample:\n  atelier session release definitions.post"
        )
        @Argument(help: "The form id.") var form: String
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            try await store.release(form, in: session.id, actor: environment.actor)
            environment.writeOutput("results of \(form) are released to the participants of \(session.id)")
        }
    }

    struct Create: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a session of a program at a site, from a start date.",
            discussion: """
                The slots (days, half-days) come from the program's schedule; every form of the program's modules is
                attached, closed. Retakes are not allowed unless --retakes says which attempt counts.

                Example:
                  atelier session create --program police-gendarmerie-2day --site Nouakchott --venue "Mairie de Tevragh Zeina" \\
                    --partner "INLCTPTM" --start 2026-12-01 --trainer "Mariem Mint Sidi" --language fr
                """
        )
        @Option(name: .long, help: "The program delivered (see `atelier curricula list`).") var program: String
        @Option(name: .long, help: "The town or site.") var site: String
        @Option(name: .long, help: ArgumentHelp("The first day, YYYY-MM-DD.", valueName: "date")) var start: String
        @Option(name: .long, help: "The room or building.") var venue: String?
        @Option(name: .long, help: "The partner organization.") var partner: String?
        @Option(name: .long, help: "A trainer's name (repeat for several).") var trainer: [String] = []
        @Option(name: .long, help: "The language of printed sheets: fr, en or ar.") var language: String = "fr"
        @Option(name: .long, help: "The session id (default: site and date, e.g. nouakchott-20261201).") var id: String?
        @Option(name: .long, help: "Retakes: none (default), or first, last or best: which attempt counts.") var retakes: String = "none"
        @Option(
            name: .long,
            help: ArgumentHelp("Attendance statuses and weights (default present=2,late=1,excused=1,absent=0).", valueName: "list")
        )
        var statuses: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var contentOptions: ContentOptions

        func run(in environment: CLIEnvironment) async throws {
            let catalog = try contentOptions.loadCatalog(in: environment)
            let program = try catalog.requireProgram(self.program)
            guard let policy = RetakePolicy(rawValue: retakes) else {
                throw CLIError(message: "'\(retakes)' is not a retake policy", hint: "use none, first, last or best")
            }
            guard ["fr", "en", "ar"].contains(language) else {
                throw CLIError(message: "'\(language)' is not a language of printed sheets", hint: "use fr, en or ar")
            }
            let statusSet = try statuses.map(Create.parseStatuses) ?? AttendanceStatus.defaults
            let store = try storeOptions.open(in: environment)
            var generator = SystemRandomNumberGenerator()
            let session = try SessionPlanner.plan(
                program: program,
                id: id ?? SessionPlanner.defaultID(site: site, start: start),
                joinCode: ParticipantCode.joinCode(using: &generator),
                site: site,
                venue: venue,
                partner: partner,
                language: language,
                start: start,
                trainers: trainer,
                retakePolicy: policy,
                statuses: statusSet
            )
            try await store.createSession(session, forms: SessionPlanner.forms(of: program, in: catalog), actor: environment.actor)
            environment.writeOutput(
                "created session \(session.id) (join code \(session.joinCode)): \(program.id), \(session.startDate) to \(session.endDate), \(session.slots.count) slots"
            )
            environment.writeOutput("next: register participants with `atelier participants import FILE.csv --session \(session.id)`")
        }

        static func parseStatuses(_ text: String) throws -> [AttendanceStatus] {
            try text.split(separator: ",").map { pair in
                let parts = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, let weight = Int(parts[1]), weight >= 0 else {
                    throw CLIError(message: "'\(pair)' is not STATUS=WEIGHT", hint: "e.g. --statuses present=2,late=1,excused=1,absent=0")
                }
                return AttendanceStatus(status: parts[0], weight: weight)
            }
        }
    }

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the sessions.",
            discussion: """
                JSON output: [{"id", "code" (the join code), "program", "site", "venue", "partner", "startDate", "endDate",
                "language", "participants", "retakePolicy"}].

                Example:
                  atelier session list --format json
                """
        )
        @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            var entries: [(TrainingSession, Int)] = []
            for session in try await store.sessions() { entries.append((session, try await store.participants(in: session.id).count)) }
            switch format {
            case .json:
                environment.writeOutput(JSONValue.array(entries.map { SessionCommand.json($0.0, participants: $0.1) }).serialized(pretty: true))
            case .text:
                if entries.isEmpty {
                    return environment.writeOutput("no session yet: create one with `atelier session create`, or run `atelier demo`")
                }
                var table = TextTable(columns: ["ID", "CODE", "PROGRAM", "SITE", "DATES", "PARTICIPANTS"])
                for (session, count) in entries {
                    table.add([session.id, session.joinCode, session.program, session.site, "\(session.startDate)–\(session.endDate)", String(count)])
                }
                environment.writeOutput(table.rendered)
            }
        }
    }

    struct Show: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a session: program, dates, slots, trainers, forms open or closed, attendance statuses.",
            discussion:
                "JSON output: the fields of `session list` plus \"trainers\", \"slots\", \"forms\", \"attendanceStatuses\".\n\nExample:\n  atelier session show --session nouakchott-20261201"
        )
        @OptionGroup var sessionOption: SessionOption
        @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            let forms = try await store.sessionForms(session.id)
            let count = try await store.participants(in: session.id).count
            let quarantined = try await store.quarantine(in: session.id).count
            switch format {
            case .json:
                guard case .object(var object) = SessionCommand.json(session, participants: count) else { return }
                object["trainers"] = .array(session.trainers.map(JSONValue.string))
                object["slots"] = try JSONValue(encoding: session.slots)
                object["forms"] = .array(forms.map { ["id": .string($0.formID), "phase": .string($0.phase), "open": .bool($0.isOpen)] })
                object["attendanceStatuses"] = try JSONValue(encoding: session.attendanceStatuses)
                object["quarantined"] = .number(Double(quarantined))
                environment.writeOutput(JSONValue.object(object).serialized(pretty: true))
            case .text:
                var lines = [
                    "\(session.id)  (join code \(session.joinCode))",
                    "program: \(session.program)",
                    "site: \(session.site)\(session.venue.map { ", \($0)" } ?? "")\(session.partner.map { " (with \($0))" } ?? "")",
                    "dates: \(session.startDate) to \(session.endDate); printed sheets in \(session.language)",
                    "trainers: \(session.trainers.isEmpty ? "-" : session.trainers.joined(separator: ", "))",
                    "participants: \(count)",
                    "submissions in quarantine: \(quarantined)\(quarantined > 0 ? " (see `atelier responses quarantine`)" : "")",
                    "retakes: \(session.retakePolicy == .none ? "not allowed" : "allowed, the \(session.retakePolicy.rawValue) attempt counts")",
                    "attendance: " + session.attendanceStatuses.map { "\($0.status)=\($0.weight)" }.joined(separator: ", "),
                    "", "slots:",
                ]
                let secret = try await store.setting(CheckInCode.settingName) { CheckInCode.newSecret() }
                lines += session.slots.map {
                    "  \($0.id)  \($0.date) \($0.start)–\($0.end) (\($0.part))  check-in code \(CheckInCode.code(secret: secret, session: session.id, slot: $0.id))"
                }
                lines += ["", "forms:"] + forms.map { "  \($0.formID)  \($0.phase)  \($0.isOpen ? "OPEN" : "closed")" }
                environment.writeOutput(lines.joined(separator: "\n"))
            }
        }
    }

    struct Open: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a form so that participants can take it (on phones or with `atelier take`).",
            discussion: "Example:\n  atelier session open definitions.pre"
        )
        @Argument(help: "The form id.") var form: String
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            try await SessionCommand.setForm(form, open: true, sessionOption: sessionOption, storeOptions: storeOptions, in: environment)
        }
    }

    struct Close: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a form: no more submissions from phones or the terminal (paper can still be imported).",
            discussion: "Example:\n  atelier session close definitions.pre"
        )
        @Argument(help: "The form id.") var form: String
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            try await SessionCommand.setForm(form, open: false, sessionOption: sessionOption, storeOptions: storeOptions, in: environment)
        }
    }

    static func setForm(
        _ form: String,
        open: Bool,
        sessionOption: SessionOption,
        storeOptions: StoreOptions,
        in environment: CLIEnvironment
    ) async throws {
        let store = try storeOptions.open(in: environment)
        let session = try await sessionOption.resolve(in: store)
        let forms = try await store.sessionForms(session.id)
        guard forms.contains(where: { $0.formID == form }) else {
            throw CLIError(
                message: "'\(form)' is not a form of session \(session.id)",
                hint: "its forms: \(forms.map(\.formID).joined(separator: ", "))"
            )
        }
        try await store.setForm(form, open: open, in: session.id, actor: environment.actor)
        environment.writeOutput("\(form) is \(open ? "open" : "closed") in session \(session.id)")
    }

    static func json(_ session: TrainingSession, participants: Int) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(session.id)
        object["code"] = .string(session.joinCode)
        object["program"] = .string(session.program)
        object["site"] = .string(session.site)
        object["venue"] = session.venue.map(JSONValue.string) ?? .null
        object["partner"] = session.partner.map(JSONValue.string) ?? .null
        object["startDate"] = .string(session.startDate)
        object["endDate"] = .string(session.endDate)
        object["language"] = .string(session.language)
        object["participants"] = .number(Double(participants))
        object["retakePolicy"] = .string(session.retakePolicy.rawValue)
        return .object(object)
    }
}

/// Turns a program into a dated session.
enum SessionPlanner {
    /// `nouakchott-20261201` from "Nouakchott" and "2026-12-01".
    static func defaultID(site: String, start: String) -> String {
        let folded = site.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let slug = folded.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined().split(separator: "-").joined(separator: "-")
        return (slug.isEmpty ? "session" : slug) + "-" + start.replacingOccurrences(of: "-", with: "")
    }

    static func plan(
        program: Program,
        id: String,
        joinCode: String,
        site: String,
        venue: String?,
        partner: String?,
        language: String,
        start: String,
        trainers: [String],
        retakePolicy: RetakePolicy,
        statuses: [AttendanceStatus]
    ) throws -> TrainingSession {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let startDate = formatter.date(from: start), formatter.string(from: startDate) == start else {
            throw CLIError(message: "'\(start)' is not a date YYYY-MM-DD", hint: "e.g. --start 2026-12-01")
        }
        func date(ofDay day: Int) -> String { formatter.string(from: startDate.addingTimeInterval(Double(day - 1) * 86_400)) }
        let slots = program.schedule.map { SessionSlot(id: $0.id, date: date(ofDay: $0.day), part: $0.part.rawValue, start: $0.start, end: $0.end) }
        return TrainingSession(
            id: id,
            joinCode: joinCode,
            program: program.id,
            site: site,
            venue: venue,
            partner: partner,
            language: language,
            startDate: start,
            endDate: date(ofDay: program.schedule.map(\.day).max() ?? 1),
            trainers: trainers,
            slots: slots,
            retakePolicy: retakePolicy,
            attendanceStatuses: statuses
        )
    }

    /// Every form of the program's modules, pre first, all closed.
    static func forms(of program: Program, in catalog: ContentCatalog) -> [SessionForm] {
        program.modules.flatMap { catalog.forms(ofModule: $0) }.map { SessionForm(formID: $0.id, phase: $0.phase.rawValue, isOpen: false) }
    }
}
