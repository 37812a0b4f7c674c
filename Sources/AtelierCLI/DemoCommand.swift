import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier demo`: a realistic fictional session, so that a newcomer sees results at once.
struct DemoCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a realistic fictional session with participants, attendance and pre/post tests.",
        discussion: """
            Creates session demo-nouakchott: the two-day police and gendarmerie training in Nouakchott, 30 fictional
            participants (names common in the region, a mix of sex, organization types and nationalities), attendance
            over two days with a few absences and two drop-outs, and pre- and post-tests with plausible learning. Two
            phones re-send a submission (stored once) and one participant submits the pre-test twice (kept in
            quarantine). Everything is generated from a fixed seed: the same every time. Then prints the results
            (running it again only prints them).

            With --sessions N, also creates N − 1 more fictional sessions of the same training (other sites, dates and
            trainers, other people, the same generator), to try reports and benchmarks on many sessions.

            Example:
              atelier demo --db /tmp/demo.sqlite
              atelier demo --db /tmp/many.sqlite --sessions 1000
            """
    )
    @Option(name: .long, help: ArgumentHelp("How many fictional sessions in all (the first is the demo session).", valueName: "n"))
    var sessions: Int = 1
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var contentOptions: ContentOptions

    static let sessionID = "demo-nouakchott"

    func validate() throws {
        guard (1...5000).contains(sessions) else { throw ValidationError("--sessions must be between 1 and 5000") }
    }

    func run(in environment: CLIEnvironment) async throws {
        let catalog = try contentOptions.loadCatalog(in: environment)
        let store = try storeOptions.open(in: environment)
        let db = storeOptions.db.map { " --db \($0)" } ?? ""
        if try await store.session(DemoCommand.sessionID) != nil {
            environment.writeOutput("the demo session is already in \(storeOptions.path(in: environment)) (pass --db NEW_FILE for a fresh one)")
        } else {
            try await create(catalog: catalog, store: store, in: environment)
        }
        if sessions > 1 { try await createMore(catalog: catalog, store: store, in: environment) }
        environment.writeOutput("")
        try await ResultsCommand.show(session: DemoCommand.sessionID, names: false, format: .text, catalog: catalog, store: store, in: environment)
        environment.writeOutput("")
        environment.writeOutput(
            "next: atelier session show\(db) · atelier participants list\(db) · atelier attendance list\(db) · atelier results --format json\(db)"
        )
    }

    /// The extra sessions of `--sessions`, each in a few transactions.
    private func createMore(catalog: ContentCatalog, store: SQLiteStore, in environment: CLIEnvironment) async throws {
        let existing = Set(try await store.sessions().map(\.id))
        var usedCodes = try await store.participantCodes()
        let sites = ["Nouakchott", "Nouadhibou", "Rosso", "Kiffa", "Zouérat", "Atar", "Kaédi", "Néma"]
        let trainers = [["Mariem Mint Sidi", "Ousmane Ba"], ["Aminetou Mint Ahmed"], ["Cheikh Ould Mohamed", "Fatou Sow"], ["Sidi Ould Brahim"]]
        var created = 0
        for number in 2...sessions {
            let site = sites[(number - 1) % sites.count]
            let id = "demo-\(site.lowercased().folding(options: .diacriticInsensitive, locale: nil))-\(String(format: "%04d", number))"
            guard !existing.contains(id) else { continue }
            environment.progress("session \(number) of \(sessions)…")
            let day = Calendar(identifier: .gregorian).date(byAdding: .day, value: 7 * (number - 1), to: DemoSession.date("2025-01-06", "00:00"))
            let start = day.map {
                ISO8601DateFormatter.string(from: $0, timeZone: TimeZone(identifier: "UTC") ?? .current, formatOptions: [.withFullDate])
            }
            let plan = DemoSession.Plan(
                id: id,
                seed: UInt64(2026 + number),
                site: site,
                start: start ?? "2025-01-06",
                trainers: trainers[number % trainers.count],
                showcase: false
            )
            _ = try await DemoSession(catalog: catalog, store: store, actor: environment.actor, progress: { _ in }, plan: plan)
                .create(usedCodes: &usedCodes)
            created += 1
        }
        environment.writeOutput("created \(created) more fictional session(s) in \(storeOptions.path(in: environment))")
    }

    private func create(catalog: ContentCatalog, store: SQLiteStore, in environment: CLIEnvironment) async throws {
        let summary = try await DemoSession(catalog: catalog, store: store, actor: environment.actor, progress: environment.progress).create()
        environment.writeOutput("created session \(DemoCommand.sessionID) in \(storeOptions.path(in: environment))")
        environment.writeOutput(
            "  \(summary.participants) participants, \(summary.attendance) attendance records, \(summary.submissions) submissions stored"
        )
        environment.writeOutput(
            "  \(summary.duplicates) re-sent submissions recognized and stored once; \(summary.quarantined) second attempt kept in quarantine"
        )
        let db = storeOptions.db.map { " --db \($0)" } ?? ""
        environment.writeOutput("next: atelier results \(DemoCommand.sessionID)\(db)")
    }
}

/// Generates the demo session.
struct DemoSession {
    let catalog: ContentCatalog
    let store: any TrainingStore
    let actor: String
    let progress: (String) -> Void
    var plan = Plan()

    /// Which session to generate.
    struct Plan {
        var id = DemoCommand.sessionID
        var seed: UInt64 = 2026
        var site = "Nouakchott"
        var start = "2026-11-16"
        var trainers = ["Mariem Mint Sidi", "Ousmane Ba"]
        /// Whether to act out re-sent and second submissions (the demo session), or store everything in bulk.
        var showcase = true
    }

    struct Summary {
        var participants = 0
        var attendance = 0
        var submissions = 0
        var duplicates = 0
        var quarantined = 0
    }

    /// Creates the session, with participant codes not yet used in the store.
    func create() async throws -> Summary {
        var usedCodes = try await store.participantCodes()
        return try await create(usedCodes: &usedCodes)
    }

    /// Creates the session, with participant codes not in `usedCodes` (which gains the new ones).
    func create(usedCodes: inout Set<String>) async throws -> Summary {
        var random = SeededGenerator(seed: plan.seed)
        guard let program = catalog.programs["police-gendarmerie-2day"] else {
            throw CLIError(message: "the demo needs the program police-gendarmerie-2day, which is not in the content")
        }
        let session = try SessionPlanner.plan(
            program: program,
            id: plan.id,
            joinCode: ParticipantCode.joinCode(using: &random),
            site: plan.site,
            venue: plan.showcase ? "Salle de conférence, mairie de Tevragh Zeina" : "Salle de réunion, wilaya",
            partner: "INLCTPTM",
            language: "fr",
            start: plan.start,
            trainers: plan.trainers,
            retakePolicy: .none,
            statuses: AttendanceStatus.defaults
        )
        try await store.createSession(session, forms: SessionPlanner.forms(of: program, in: catalog), actor: actor)
        var summary = Summary()

        // Participants.
        progress("registering participants…")
        var people: [(registration: Registration, ability: Double)] = []
        let roster = plan.showcase ? DemoPeople.all : DemoPeople.all.shuffled(using: &random)
        for (index, person) in roster.enumerated() {
            var code = ParticipantCode.generate(using: &random)
            while !usedCodes.insert(code).inserted { code = ParticipantCode.generate(using: &random) }
            let registeredAt = DemoSession.date(session.slots[0].date, "08:\(String(format: "%02d", 10 + index))")
            let participant = Participant(
                code: code,
                sessionID: session.id,
                sex: person.sex,
                ageBand: person.ageBand,
                organization: person.organization,
                organizationType: person.organizationType,
                role: person.role,
                nationality: person.nationality,
                language: person.language,
                washingtonGroup: index % 11 == 3
                    ? WashingtonGroupAnswers(seeing: 2, hearing: 1, walking: 1, cognition: 1, selfCare: 1, communication: 1) : nil,
                consent: Consent(version: "consent-2026-v1", language: person.language, givenAt: registeredAt),
                registeredAt: registeredAt
            )
            people.append((Registration(participant: participant, identity: Identity(code: code, name: person.name)), random.normal()))
        }
        try await store.register(people.map(\.registration), actor: actor, action: "participants.import", details: "demo")
        summary.participants = people.count

        // Attendance: most present, some late, one excused; one arrives on the first afternoon; two drop out on day 2.
        let lateArrival = 7
        let dropOuts: Set<Int> = [12, 25]
        var records: [AttendanceRecord] = []
        for (index, person) in people.enumerated() {
            for (slotIndex, slot) in session.slots.enumerated() {
                var status = "present"
                if index == lateArrival && slotIndex == 0 { status = "absent" }
                if dropOuts.contains(index) && slotIndex >= 2 { status = "absent" }
                if status == "present" && Int.random(in: 0..<100, using: &random) < 6 { status = "late" }
                if index == 18 && slotIndex == 1 { status = "excused" }
                records.append(
                    AttendanceRecord(
                        sessionID: session.id,
                        participantCode: person.registration.participant.code,
                        slotID: slot.id,
                        status: status,
                        source: slotIndex < 2 ? .sheet : .selfCheckIn,
                        recordedAt: DemoSession.date(slot.date, slot.start),
                        recordedBy: "Mariem Mint Sidi"
                    )
                )
            }
        }
        try await store.mark(records, actor: actor, action: "attendance.import", details: "demo sign-in sheets")
        summary.attendance = records.count

        // Tests: pre-tests on the first morning, post-tests on the last afternoon.
        let intake = SubmissionIntake(catalog: catalog, store: store)
        var bulk: [SubmissionRequest] = []
        for phase in [AssessmentPhase.pre, .post] {
            let forms = program.modules.compactMap { module in catalog.forms(ofModule: module).first { $0.phase == phase } }
            let slot = phase == .pre ? session.slots[0] : session.slots[session.slots.count - 1]
            progress("\(phase.rawValue)-tests…")
            for form in forms { try await store.setForm(form.id, open: true, in: session.id, actor: actor) }
            for (index, person) in people.enumerated() {
                if phase == .pre && index == lateArrival { continue }
                if phase == .post && dropOuts.contains(index) { continue }
                for form in forms {
                    guard let resolved = catalog.resolvedForm(form.id) else { continue }
                    let ability = person.ability + (phase == .pre ? -0.9 : 0.6) + random.normal() * 0.3
                    let responses = DemoAnswers.responses(to: resolved, ability: ability, phase: phase, random: &random)
                    let request = SubmissionRequest(
                        id: UUID(uuidString: DemoSession.uuid(&random)).map(\.uuidString) ?? UUID().uuidString,
                        sessionID: session.id,
                        participantCode: person.registration.participant.code,
                        formID: form.id,
                        responses: responses,
                        source: index % 9 == 4 ? .paper : .device,
                        receivedAt: DemoSession.date(slot.date, phase == .pre ? "09:05" : "16:40")
                    )
                    guard plan.showcase else {
                        bulk.append(request)
                        continue
                    }
                    if case .accepted = try await intake.submit(request, requireOpenForm: true) { summary.submissions += 1 }
                    // A phone on weak Wi-Fi sends again what it already sent.
                    if (index == 3 || index == 21) && form.id == forms[0].id && phase == .post {
                        if case .duplicate = try await intake.submit(request, requireOpenForm: true) { summary.duplicates += 1 }
                    }
                    // A participant starts the pre-test again on another phone: a second attempt is not allowed.
                    if index == 15 && form.id == forms[0].id && phase == .pre {
                        var second = request
                        second.id = UUID(uuidString: DemoSession.uuid(&random)).map(\.uuidString) ?? UUID().uuidString
                        second.responses = [:]
                        if case .conflict = try await intake.submit(second, requireOpenForm: true) { summary.quarantined += 1 }
                    }
                }
            }
            for outcome in try await intake.submitAll(bulk, requireOpenForm: true) {
                if case .accepted = outcome { summary.submissions += 1 }
            }
            bulk.removeAll()
            for form in forms { try await store.setForm(form.id, open: false, in: session.id, actor: actor) }
        }
        return summary
    }

    static func date(_ day: String, _ time: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: "\(day)T\(time):00Z") ?? Date()
    }

    static func uuid(_ random: inout SeededGenerator) -> String {
        let hex = (0..<16).map { _ in String(format: "%02X", UInt8.random(in: 0...255, using: &random)) }.joined()
        let characters = Array(hex)
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-4" + String(characters[13..<16]) + "-8"
            + String(characters[17..<20]) + "-" + String(characters[20..<32])
    }
}

extension SeededGenerator {
    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}

/// Plausible answers: right with a probability that grows with ability, otherwise a typical mistake.
enum DemoAnswers {
    static func responses(to form: ResolvedForm, ability: Double, phase: AssessmentPhase, random: inout SeededGenerator) -> [String: JSONValue] {
        var responses: [String: JSONValue] = [:]
        for loaded in form.items {
            if Int.random(in: 0..<100, using: &random) < 3 { continue }  // left blank
            let body = loaded.item.body
            if !loaded.itemType.isScored {
                let values = body["scale"]?.arrayValue?.compactMap { $0["value"] } ?? []
                guard !values.isEmpty else { continue }
                let shift = phase == .post ? values.count / 2 : 0
                responses[loaded.item.id] = values[min(values.count - 1, Int.random(in: 0..<max(1, values.count - 1), using: &random) + shift)]
                continue
            }
            let difficulty = loaded.item.type == "case-analysis" ? 0.6 : loaded.item.type == "short-text" ? 0.8 : 0.0
            let probability = 1 / (1 + exp(-(ability - difficulty) * 1.4))
            let key = loaded.itemType.correctResponse(for: loaded.body)
            responses[loaded.item.id] =
                Double.random(in: 0..<1, using: &random) < probability ? key : mistake(loaded.item.type, body: body, key: key, random: &random)
        }
        return responses
    }

    static func mistake(_ type: String, body: JSONValue, key: JSONValue, random: inout SeededGenerator) -> JSONValue {
        switch type {
        case "single-choice":
            let wrong = (body["choices"]?.arrayValue ?? []).compactMap { $0["id"] }.filter { $0 != key }
            return wrong.randomElement(using: &random) ?? key
        case "multiple-response":
            var chosen = key.arrayValue ?? []
            if chosen.count > 1 { chosen.removeLast() }
            if let wrong = (body["choices"]?.arrayValue ?? []).compactMap({ $0["id"] }).filter({ !(key.arrayValue ?? []).contains($0) })
                .randomElement(using: &random)
            {
                chosen.append(wrong)
            }
            return .array(chosen)
        case "true-false":
            return .bool(!(key.boolValue ?? false))
        case "matching":
            guard case .object(var pairs) = key, pairs.count > 1 else { return key }
            let first = pairs.members[0]
            let second = pairs.members[1]
            pairs[first.key] = second.value
            pairs[second.key] = first.value
            return .object(pairs)
        case "ordering":
            guard var order = key.arrayValue, order.count > 1 else { return key }
            let index = Int.random(in: 0..<(order.count - 1), using: &random)
            order.swapAt(index, index + 1)
            return .array(order)
        case "numeric":
            return .number((key.numberValue ?? 0) - 2)
        case "short-text":
            return .string(["trafic", "je ne sais pas", "exploitation", "migration"].randomElement(using: &random) ?? "")
        case "case-analysis":
            guard case .object(var parts) = key else { return key }
            let part = ["act", "means", "purpose", "classification"].randomElement(using: &random) ?? "means"
            if part == "classification" {
                let current = parts["classification"]?.stringValue
                parts["classification"] = .string(["trafficking", "smuggling", "neither"].first { $0 != current } ?? "neither")
            } else {
                parts[part] = .bool(!(parts[part]?.boolValue ?? false))
            }
            return .object(parts)
        default:
            return .null
        }
    }
}
