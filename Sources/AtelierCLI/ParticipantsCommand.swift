import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier participants add|import|list|show|forget`.
struct ParticipantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participants",
        abstract: "Register participants (pseudonymous codes; names kept apart), list them, erase an identity.",
        subcommands: [Add.self, Import.self, List.self, Show.self, Forget.self, Template.self]
    )

    struct Add: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register one participant; prints the participant code.",
            discussion: """
                Example:
                  atelier participants add --name "Fatimata Sy" --sex female --age-band 25-34 --organization-type police \\
                    --organization "Commissariat Tevragh Zeina" --nationality MR --language fr --consent v1
                """
        )
        @Option(name: .long, help: "The name (kept in the identity table only). Optional.") var name: String?
        @Option(name: .long, help: "A phone number (identity table). Optional.") var phone: String?
        @Option(name: .long, help: "female, male or not-stated.") var sex: String
        @Option(name: .customLong("age-band"), help: "under-18, 18-24, 25-34, 35-44, 45-54, 55+ or not-stated (or the age).") var ageBand: String
        @Option(
            name: .customLong("organization-type"),
            help: "police, gendarmerie, minors-brigade, justice, social-services, civil-society, local-authority, religious-community-leader, other."
        )
        var organizationType: String
        @Option(name: .long, help: "The organization.") var organization: String?
        @Option(name: .long, help: "Role or rank.") var role: String?
        @Option(name: .long, help: "Nationality, two-letter code (MR, SN, ML…).") var nationality: String?
        @Option(name: .long, help: "Preferred language: fr, en, ar…") var language: String = "fr"
        @Option(name: .long, help: "A code to use (6 characters, from a printed badge); default: generated.") var code: String?
        @Option(name: .long, help: "The version of the consent text the participant agreed to, read in --language. Records consent now.")
        var consent: String?
        @Option(
            name: .customLong("washington-group"),
            help: ArgumentHelp(
                "The six Washington Group short-set answers, 1-4 each: seeing,hearing,walking,cognition,self-care,communication.",
                valueName: "answers"
            )
        )
        var washingtonGroup: String?
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            func value<T>(_ result: Result<T, ValueError>, _ option: String) throws -> T {
                switch result {
                case .success(let value): return value
                case .failure(let error): throw CLIError(message: "--\(option): \(error.message)")
                }
            }
            var code = self.code.map(ParticipantCode.normalize)
            if let given = code, !ParticipantCode.isValid(given) { throw StoreError.invalidParticipantCode(given) }
            if code == nil { code = try await ParticipantsCommand.newCodes(1, store: store).first }
            guard let code else { return }
            let language = try value(Values.language(language), "language")
            let participant = Participant(
                code: code,
                sessionID: session.id,
                sex: try value(Values.sex(sex), "sex"),
                ageBand: try value(Values.ageBand(ageBand), "age-band"),
                organization: organization,
                organizationType: try value(Values.organizationType(organizationType), "organization-type"),
                role: role,
                nationality: try value(Values.nationality(nationality), "nationality"),
                language: language,
                washingtonGroup: try washingtonGroup.map(Add.parseWashingtonGroup),
                consent: consent.map { Consent(version: $0, language: language, givenAt: Date()) }
            )
            let identity = name.map { Identity(code: code, name: $0, phone: phone) }
            try await store.register(
                [Registration(participant: participant, identity: identity)],
                actor: environment.actor,
                action: "participants.add",
                details: ""
            )
            environment.writeOutput(code)
        }

        static func parseWashingtonGroup(_ text: String) throws -> WashingtonGroupAnswers {
            let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard values.count == 6, values.allSatisfy({ $0.map { (1...4).contains($0) } ?? false }) else {
                throw CLIError(message: "--washington-group needs six answers from 1 to 4", hint: "e.g. --washington-group 1,1,2,1,1,1")
            }
            return WashingtonGroupAnswers(
                seeing: values[0],
                hearing: values[1],
                walking: values[2],
                cognition: values[3],
                selfCare: values[4],
                communication: values[5]
            )
        }
    }

    struct Import: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register participants from a CSV sheet; nothing is imported unless every row is valid (or --skip-invalid).",
            discussion: """
                The header is code,name,sex,age_band,organization,organization_type,role,nationality,language (phone may be
                added). An empty code is generated. A row whose name is already registered in the session is skipped, so
                importing the same sheet twice registers nobody twice. `atelier participants template` prints the header.

                Example:
                  atelier participants import participants.csv --session nouakchott-20261201
                """
        )
        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv")) var file: String
        @Flag(name: .customLong("skip-invalid"), help: "Import the valid rows and report the others.") var skipInvalid = false
        @Option(
            name: .long,
            help: "The version of the consent text every participant on the sheet agreed to (read in their language); records consent now."
        )
        var consent: String?
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let table = try CSVInput.read(file, in: environment)
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            var (entries, problems) = ParticipantSheet.read(table)
            let existingNames = Set(try await store.identities(in: session.id).values.map { $0.name.lowercased() })
            var skipped: [String] = []
            var valid: [ParticipantSheet.Entry] = []
            let taken = try await store.participantCodes()
            for entry in entries {
                if let code = entry.code, taken.contains(code) {
                    problems.append(SheetProblem(row: entry.row, column: "code", message: "'\(code)' is already registered"))
                } else if entry.code == nil, let name = entry.name, existingNames.contains(name.lowercased()) {
                    skipped.append("row \(entry.row)")
                } else {
                    valid.append(entry)
                }
            }
            entries = valid
            for problem in problems.sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
                environment.writeError("\(file): \(problem)")
            }
            if !problems.isEmpty && !skipInvalid {
                throw CLIError(
                    message: "\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(file); nothing was imported",
                    hint: "fix the rows above and import again, or pass --skip-invalid to import the \(entries.count) valid row(s)"
                )
            }
            let codes = try await ParticipantsCommand.newCodes(entries.filter { $0.code == nil }.count, store: store)
            var generated = codes.makeIterator()
            let registrations = entries.compactMap { entry -> Registration? in
                guard let code = entry.code ?? generated.next() else { return nil }
                let participant = Participant(
                    code: code,
                    sessionID: session.id,
                    sex: entry.sex,
                    ageBand: entry.ageBand,
                    organization: entry.organization,
                    organizationType: entry.organizationType,
                    role: entry.role,
                    nationality: entry.nationality,
                    language: entry.language
                )
                return Registration(participant: participant, identity: entry.name.map { Identity(code: code, name: $0, phone: entry.phone) })
            }
            if !registrations.isEmpty {
                environment.progress("importing \(registrations.count) participant(s)…")
                try await store.register(
                    registrations,
                    actor: environment.actor,
                    action: "participants.import",
                    details: "\((file as NSString).lastPathComponent), \(problems.count) row(s) rejected, \(skipped.count) already registered"
                )
            }
            environment.writeOutput(
                "imported \(registrations.count) participant(s) into \(session.id)"
                    + (skipped.isEmpty ? "" : "; \(skipped.count) already registered (\(skipped.joined(separator: ", "))), skipped")
                    + (problems.isEmpty ? "" : "; \(problems.count) invalid row(s) skipped")
            )
        }
    }

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a session's participants, by code (names only with --names).",
            discussion: """
                JSON output: [{"code", "sex", "ageBand", "organization", "organizationType", "role", "nationality", "language",
                "consent"}], plus "name" and "phone" with --names (the audit log records that names were shown). CSV: the
                columns of the import sheet (UTF-8 with a byte-order mark; --delimiter ';' for French spreadsheets).

                Example:
                  atelier participants list --format json
                """
        )
        @Flag(name: .long, help: "Show names and phone numbers (recorded in the audit log).") var names = false
        @Option(name: .long, help: "Output format: text, json or csv (the import sheet's columns).") var format: TableOutputFormat = .text
        @OptionGroup var spreadsheet: SpreadsheetOutput
        @OptionGroup var sessionOption: SessionOption
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let session = try await sessionOption.resolve(in: store)
            let participants = try await store.participants(in: session.id)
            let identities = names ? try await store.identities(in: session.id) : [:]
            if names {
                try await store.record(
                    AuditEntry(
                        actor: environment.actor,
                        action: "participants.names-shown",
                        subject: session.id,
                        details: "participants list --names"
                    )
                )
            }
            switch format {
            case .json:
                environment.writeOutput(
                    JSONValue.array(participants.map { ParticipantsCommand.json($0, identity: names ? identities[$0.code] : nil, names: names) })
                        .serialized(pretty: true)
                )
            case .csv:
                // The import sheet's columns, so that a list can be corrected in a spreadsheet and imported again;
                // the name column is empty unless --names.
                let sheet =
                    [ParticipantSheet.columns]
                    + participants.map { participant in
                        [
                            participant.code, names ? identities[participant.code]?.name ?? "" : "", participant.sex.rawValue,
                            participant.ageBand.rawValue, participant.organization ?? "", participant.organizationType.rawValue,
                            participant.role ?? "", participant.nationality ?? "", participant.language,
                        ]
                    }
                environment.writeOutput(bytes: try spreadsheet.write(sheet, in: environment))
            case .text:
                var table = TextTable(
                    columns: (names ? ["CODE", "NAME"] : ["CODE"]) + ["SEX", "AGE", "ORGANIZATION TYPE", "ORGANIZATION", "NAT", "LANG"]
                )
                for participant in participants {
                    table.add(
                        [participant.code] + (names ? [identities[participant.code]?.name ?? "-"] : [])
                            + [
                                participant.sex.rawValue, participant.ageBand.rawValue, participant.organizationType.rawValue,
                                participant.organization ?? "-",
                                participant.nationality ?? "-", participant.language,
                            ]
                    )
                }
                environment.writeOutput(table.rendered)
                environment.writeOutput("\(participants.count) participant(s) in \(session.id)")
            }
        }
    }

    struct Show: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one participant (name only with --names).",
            discussion: "Example:\n  atelier participants show K7M2QX --format json"
        )
        @Argument(help: "The participant code.") var code: String
        @Flag(name: .long, help: "Show the name and phone (recorded in the audit log).") var names = false
        @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let code = ParticipantCode.normalize(self.code)
            guard let participant = try await store.participant(code) else { throw StoreError.participantNotFound(code) }
            let identity = names ? try await store.identities(in: participant.sessionID)[code] : nil
            if names {
                try await store.record(
                    AuditEntry(actor: environment.actor, action: "participants.names-shown", subject: code, details: "participants show --names")
                )
            }
            let json = ParticipantsCommand.json(participant, identity: identity, names: names)
            switch format {
            case .json: environment.writeOutput(json.serialized(pretty: true))
            case .text:
                for member in json.objectValue?.members ?? [] where !member.value.isNull {
                    environment.writeOutput("\(member.key): \(member.value.stringValue ?? member.value.serialized())")
                }
            }
        }
    }

    struct Forget: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a participant's name and phone; keep the pseudonymous data (scores, attendance).",
            discussion:
                "The audit log records the code, never the name. Erased text is overwritten in the file (secure_delete).\n\nExample:\n  atelier participants forget K7M2QX"
        )
        @Argument(help: "The participant code.") var code: String
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let code = ParticipantCode.normalize(self.code)
            try await store.forget(code, actor: environment.actor)
            environment.writeOutput("the identity of \(code) is erased; pseudonymous data kept")
        }
    }

    struct Template: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the header of the participant import sheet.",
            discussion: "Example:\n  atelier participants template > participants.csv"
        )

        @OptionGroup var spreadsheet: SpreadsheetOutput

        func run(in environment: CLIEnvironment) async throws {
            environment.writeOutput(bytes: try spreadsheet.write(ParticipantSheet.template, in: environment))
        }
    }

    /// `count` new codes not yet used.
    static func newCodes(_ count: Int, store: any TrainingStore) async throws -> [String] {
        var generator = SystemRandomNumberGenerator()
        var taken = try await store.participantCodes()
        var codes: [String] = []
        while codes.count < count {
            let code = ParticipantCode.generate(using: &generator)
            if taken.insert(code).inserted { codes.append(code) }
        }
        return codes
    }

    static func json(_ participant: Participant, identity: Identity?, names: Bool) -> JSONValue {
        var object = JSONObject()
        object["code"] = .string(participant.code)
        if names {
            object["name"] = identity.map { .string($0.name) } ?? .null
            object["phone"] = identity?.phone.map(JSONValue.string) ?? .null
        }
        object["session"] = .string(participant.sessionID)
        object["sex"] = .string(participant.sex.rawValue)
        object["ageBand"] = .string(participant.ageBand.rawValue)
        object["organization"] = participant.organization.map(JSONValue.string) ?? .null
        object["organizationType"] = .string(participant.organizationType.rawValue)
        object["role"] = participant.role.map(JSONValue.string) ?? .null
        object["nationality"] = participant.nationality.map(JSONValue.string) ?? .null
        object["language"] = .string(participant.language)
        object["consent"] = participant.consent.map { ["version": .string($0.version), "language": .string($0.language)] } ?? .null
        object["disability"] = participant.washingtonGroup?.hasDisability.map(JSONValue.bool) ?? .null
        return .object(object)
    }
}

/// Reads CSV files given on the command line, with clear errors.
enum CSVInput {
    static let maxBytes = 20 << 20

    static func read(_ path: String, in environment: CLIEnvironment) throws -> CSVTable {
        let absolute = environment.absolute(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CLIError(message: "\(path): no such file")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? Int) ?? 0
        guard size <= maxBytes else { throw CLIError(message: "\(path): \(size) bytes; a sheet is limited to \(maxBytes) bytes") }
        guard let data = FileManager.default.contents(atPath: absolute) else { throw CLIError(message: "\(path): cannot be read") }
        let codec = try environment.spreadsheetCodec()
        do {
            return try codec.read(data)
        } catch {
            throw CLIError(message: "\(path): \(error)", hint: "save the sheet as CSV (UTF-8) from your spreadsheet")
        }
    }
}
