import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier attendance mark|import|list|sheet`.
struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Record attendance per slot, import sign-in sheets, print sign-in sheets.",
        subcommands: [Mark.self, Import.self, List.self, Sheet.self]
    )

    struct Mark: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark participants' attendance of a slot (a later mark replaces an earlier one).",
            discussion: "Example:\n  atelier attendance mark --slot d1-am --status late K7M2QX 3HPD9A"
        )
        @Option(name: .long, help: "The slot, such as d1-am (see `atelier session show`).") var slot: String
        @Option(name: .long, help: "The status: present, late, excused, absent (or the session's own).") var status: String = "present"
        @Argument(help: ArgumentHelp("Participant codes.", valueName: "code")) var codes: [String]
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            guard !codes.isEmpty else {
                throw CLIError(message: "no participant code given", hint: "e.g. atelier attendance mark --slot d1-am K7M2QX")
            }
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            guard session.slots.contains(where: { $0.id == slot }) else { throw StoreError.unknownSlot(slot, known: session.slots.map(\.id)) }
            guard let status = AttendanceCommand.status(status, in: session) else {
                throw StoreError.unknownStatus(self.status, known: session.attendanceStatuses.map(\.status))
            }
            let registered = Set(try await store.participants(in: session.id).map(\.code))
            let normalized = codes.map(ParticipantCode.normalize)
            if let unknown = normalized.first(where: { !registered.contains($0) }) {
                throw CLIError(
                    message: "'\(unknown)' is not a participant of session \(session.id); nothing was recorded",
                    hint: "see `atelier participants list`"
                )
            }
            let records = normalized.map {
                AttendanceRecord(
                    sessionID: session.id,
                    participantCode: $0,
                    slotID: slot,
                    status: status,
                    source: .typed,
                    recordedBy: environment.actor
                )
            }
            try await store.mark(records, actor: environment.actor, action: "attendance.mark", details: "\(slot) \(status)")
            environment.writeOutput("marked \(records.count) participant(s) \(status) for \(slot)")
        }
    }

    struct Import: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import attendance typed from sign-in sheets; nothing is recorded unless every row is valid (or --skip-invalid).",
            discussion: """
                Two layouts: one row per mark (header code,slot,status), or one row per participant with a column per slot
                (header code,d1-am,d1-pm,…). A status is the session's (present, late, excused, absent) or P, L, E, A,
                or présent, retard, excusé, absent. Importing the same sheet again changes nothing.

                Example:
                  atelier attendance import day1.csv
                """
        )
        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
        @Flag(name: .customLong("skip-invalid"), help: "Record the valid cells and report the others.") var skipInvalid = false
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let table = try CSVInput.read(file, in: environment)
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            let registered = Set(try await store.participants(in: session.id).map(\.code))
            let slotIDs = session.slots.map(\.id)
            guard let codeColumn = table.column("code") else {
                throw CLIError(
                    message: "\(file): row 1: the header has no 'code' column",
                    hint: "use code,slot,status or code,\(slotIDs.joined(separator: ","))"
                )
            }
            var marks: [(row: Int, column: String, code: String, slot: String, status: String)] = []
            if let slotColumn = table.column("slot"), let statusColumn = table.column("status") {
                for row in table.rows where !row.isBlank {
                    marks.append((row.number, "status", row.cells[codeColumn], row.cells[slotColumn], row.cells[statusColumn]))
                }
            } else {
                let slotColumns = table.header.enumerated().filter { $0.offset != codeColumn }
                if let unknown = slotColumns.first(where: { !slotIDs.contains($0.element) }) {
                    throw CLIError(
                        message: "\(file): row 1: '\(unknown.element)' is not a slot of this session",
                        hint: "slots: \(slotIDs.joined(separator: ", "))"
                    )
                }
                for row in table.rows where !row.isBlank {
                    for (index, slot) in slotColumns where !row.cells[index].trimmingCharacters(in: .whitespaces).isEmpty {
                        marks.append((row.number, slot, row.cells[codeColumn], slot, row.cells[index]))
                    }
                }
            }
            var problems: [SheetProblem] = []
            var records: [AttendanceRecord] = []
            for mark in marks {
                let code = ParticipantCode.normalize(mark.code)
                guard registered.contains(code) else {
                    problems.append(
                        SheetProblem(row: mark.row, column: "code", message: "'\(mark.code)' is not a participant of session \(session.id)")
                    )
                    continue
                }
                guard slotIDs.contains(mark.slot) else {
                    problems.append(
                        SheetProblem(
                            row: mark.row,
                            column: "slot",
                            message: "'\(mark.slot)' is not a slot; slots: \(slotIDs.joined(separator: ", "))"
                        )
                    )
                    continue
                }
                guard let status = AttendanceCommand.status(mark.status, in: session) else {
                    let known = session.attendanceStatuses.map(\.status).joined(separator: ", ")
                    problems.append(
                        SheetProblem(row: mark.row, column: mark.column, message: "'\(mark.status)' is not a status; write \(known) (or P, L, E, A)")
                    )
                    continue
                }
                records.append(
                    AttendanceRecord(
                        sessionID: session.id,
                        participantCode: code,
                        slotID: mark.slot,
                        status: status,
                        source: .sheet,
                        recordedBy: environment.actor
                    )
                )
            }
            for problem in problems { environment.writeError("\(file): \(problem)") }
            if !problems.isEmpty && !skipInvalid {
                throw CLIError(
                    message: "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file); nothing was recorded",
                    hint: "fix the cells above and import again, or pass --skip-invalid to record the \(records.count) valid mark(s)"
                )
            }
            let existing = try await store.attendance(in: session.id)
            let changed = records.filter { record in
                !existing.contains { $0.participantCode == record.participantCode && $0.slotID == record.slotID && $0.status == record.status }
            }
            if !changed.isEmpty {
                try await store.mark(changed, actor: environment.actor, action: "attendance.import", details: (file as NSString).lastPathComponent)
            }
            environment.writeOutput("recorded \(changed.count) mark(s); \(records.count - changed.count) already recorded; \(problems.count) invalid")
        }
    }

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show attendance per participant and slot.",
            discussion:
                "JSON output: [{\"code\", \"slots\": {\"SLOT\": \"status\"}, \"attendance\"}]. CSV: code, one column per slot, attendance (0..1); the same sheet `atelier attendance import` reads.\n\nExample:\n  atelier attendance list --format csv --delimiter ';' > attendance.csv"
        )
        @Option(name: .long, help: "Output format: text, json or csv.") var format: TableOutputFormat = .text
        @OptionGroup var spreadsheet: SpreadsheetOutput
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            let participants = try await store.participants(in: session.id)
            let records = try await store.attendance(in: session.id)
            let rows = participants.map { participant -> (String, [String: String], Double) in
                let mine = records.filter { $0.participantCode == participant.code }
                let statuses = Dictionary(mine.map { ($0.slotID, $0.status) }, uniquingKeysWith: { $1 })
                return (participant.code, statuses, session.attendanceRate(mine))
            }
            switch format {
            case .json:
                let entries: [JSONValue] = rows.map { code, statuses, rate in
                    [
                        "code": .string(code),
                        "slots": .object(JSONObject(session.slots.map { (key: $0.id, value: statuses[$0.id].map(JSONValue.string) ?? .null) })),
                        "attendance": .number((rate * 10_000).rounded() / 10_000),
                    ]
                }
                environment.writeOutput(JSONValue.array(entries).serialized(pretty: true))
            case .csv:
                let sheet =
                    [["code"] + session.slots.map(\.id) + ["attendance"]]
                    + rows.map { code, statuses, rate in
                        [code] + session.slots.map { statuses[$0.id] ?? "" } + [String((rate * 10_000).rounded() / 10_000)]
                    }
                environment.writeOutput(bytes: try spreadsheet.write(sheet, in: environment))
            case .text:
                var table = TextTable(columns: ["CODE"] + session.slots.map { $0.id.uppercased() } + ["ATTENDANCE"])
                for (code, statuses, rate) in rows {
                    table.add([code] + session.slots.map { statuses[$0.id] ?? "-" } + [String(format: "%.0f%%", rate * 100)])
                }
                environment.writeOutput(table.rendered)
            }
        }
    }

    struct Sheet: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a printable sign-in sheet (HTML) per slot, in the session's language.",
            discussion: """
                One file per slot, attendance-SESSION-SLOT.html, with each participant's name, code, organization and a
                signature column; Arabic sheets are right-to-left. Printing names is recorded in the audit log;
                --codes-only prints codes alone.

                Example:
                  atelier attendance sheet --slot d1-am --output sheets/
                """
        )
        @Option(name: .long, help: "Only this slot (default: every slot).") var slot: String?
        @Option(name: .long, help: ArgumentHelp("The folder to write to (default: the working directory).", valueName: "dir")) var output: String?
        @Option(name: .long, help: "The language of the sheet (default: the session's).") var lang: String?
        @Flag(name: .customLong("codes-only"), help: "Leave names out.") var codesOnly = false
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var contentOptions: ContentOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            let slots =
                try slot.map { id in
                    guard let found = session.slots.first(where: { $0.id == id }) else {
                        throw StoreError.unknownSlot(id, known: session.slots.map(\.id))
                    }
                    return [found]
                } ?? session.slots
            let language = lang ?? session.language
            guard UIStrings.languages.contains(language) else {
                throw CLIError(message: "'\(language)' is not a sheet language", hint: "use fr, en or ar")
            }
            let catalog = try? contentOptions.loadCatalog(in: environment)
            let programTitle = catalog?.programs[session.program]?.title.resolved(in: language) ?? session.program
            let participants = try await store.participants(in: session.id)
            let identities = codesOnly ? [:] : try await store.identities(in: session.id)
            let directory = environment.absolute(output ?? ".")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for slot in slots {
                let html = SignInSheet(
                    strings: UIStrings(language: language),
                    session: session,
                    programTitle: programTitle,
                    slot: slot,
                    participants: participants,
                    identities: identities,
                    withNames: !codesOnly
                ).html
                let path = (directory as NSString).appendingPathComponent("attendance-\(session.id)-\(slot.id).html")
                try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                environment.writeOutput("wrote \(ContentOptions.display(path, relativeTo: environment.currentDirectory))")
            }
            if !codesOnly {
                try await store.record(
                    AuditEntry(
                        actor: environment.actor,
                        action: "attendance.sheet-printed",
                        subject: session.id,
                        details: "names on \(slots.count) sheet(s)"
                    )
                )
            }
        }
    }

    /// The session's status for what a sheet says (P, retard, excusé…).
    static func status(_ typed: String, in session: TrainingSession) -> String? {
        let key = typed.trimmingCharacters(in: .whitespaces).lowercased().folding(options: .diacriticInsensitive, locale: nil)
        if let exact = session.attendanceStatuses.first(where: { $0.status.lowercased() == key }) { return exact.status }
        let aliases: [String: String] = [
            "p": "present", "x": "present", "present": "present", "presente": "present", "حاضر": "present",
            "l": "late", "r": "late", "retard": "late", "en retard": "late", "متأخر": "late",
            "e": "excused", "excuse": "excused", "excusee": "excused", "معذور": "excused",
            "a": "absent", "abs": "absent", "غائب": "absent",
        ]
        guard let alias = aliases[key], session.weight(of: alias) != nil else { return nil }
        return alias
    }
}

/// A printable sign-in sheet for one slot.
struct SignInSheet {
    let strings: UIStrings
    let session: TrainingSession
    let programTitle: String
    let slot: SessionSlot
    let participants: [Participant]
    let identities: [String: Identity]
    let withNames: Bool

    var html: String {
        let direction = strings.isRightToLeft ? "rtl" : "ltr"
        let part = strings["sheet.part.\(slot.part)"]
        var rows = ""
        let ordered = participants.sorted { (identities[$0.code]?.name ?? $0.code) < (identities[$1.code]?.name ?? $1.code) }
        for (index, participant) in ordered.enumerated() {
            rows += "<tr><td class=\"number\">\(index + 1)</td>"
            if withNames { rows += "<td><bdi>\(escape(identities[participant.code]?.name ?? ""))</bdi></td>" }
            rows +=
                "<td class=\"code\"><bdi dir=\"ltr\">\(participant.code)</bdi></td><td><bdi>\(escape(participant.organization ?? ""))</bdi></td><td class=\"signature\"></td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(strings.language)" dir="\(direction)">
            <head>
            <meta charset="utf-8">
            <title>\(escape(strings["sheet.title"])): \(escape(session.id)) \(slot.id)</title>
            <style>
            @page { size: A4; margin: 14mm; }
            body { font-family: "Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 0; }
            h1 { font-size: 16pt; margin-block: 0 4mm; }
            dl { display: grid; grid-template-columns: max-content 1fr; column-gap: 4mm; row-gap: 1mm; margin-block: 0 4mm; }
            dt { font-weight: bold; }
            dd { margin-inline-start: 0; }
            table { width: 100%; border-collapse: collapse; }
            th, td { border: 1px solid #444; padding-block: 2.5mm; padding-inline: 2mm; text-align: start; vertical-align: middle; }
            th { background: #eee; }
            td.number { width: 8mm; text-align: center; }
            td.code { font-family: "DejaVu Sans Mono", monospace; letter-spacing: 0.5mm; width: 22mm; }
            td.signature { width: 45mm; }
            p.note { font-size: 9pt; margin-block: 3mm; }
            footer { margin-block-start: 8mm; }
            </style>
            </head>
            <body>
            <h1>\(escape(strings["sheet.title"]))</h1>
            <dl>
            <dt>\(escape(strings["sheet.program"]))</dt><dd>\(escape(programTitle))</dd>
            <dt>\(escape(strings["sheet.session"]))</dt><dd><bdi>\(escape(session.id))</bdi></dd>
            <dt>\(escape(strings["sheet.venue"]))</dt><dd>\(escape([session.venue, session.site].compactMap { $0 }.joined(separator: ", ")))</dd>
            <dt>\(escape(strings["sheet.date"]))</dt><dd><bdi dir="ltr">\(slot.date)</bdi></dd>
            <dt>\(escape(strings["sheet.slot"]))</dt><dd>\(escape(part)) <bdi dir="ltr">\(slot.start)–\(slot.end)</bdi></dd>
            <dt>\(escape(strings["sheet.trainers"]))</dt><dd>\(escape(session.trainers.joined(separator: ", ")))</dd>
            </dl>
            <p class="note">\(escape(strings["sheet.instructions"]))</p>
            <table>
            <thead><tr><th>\(escape(strings["sheet.number"]))</th>\(withNames ? "<th>\(escape(strings["sheet.name"]))</th>" : "")<th>\(escape(strings["sheet.code"]))</th><th>\(escape(strings["sheet.organization"]))</th><th>\(escape(strings["sheet.signature"]))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <p class="note">\(escape(strings["sheet.count", values: ["n": String(participants.count)]]))</p>
            <footer>\(escape(strings["sheet.trainer-signature"])): ______________________</footer>
            </body>
            </html>

            """
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
