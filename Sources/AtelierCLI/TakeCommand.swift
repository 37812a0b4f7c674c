import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier take`: a participant takes an open form on the trainer's laptop (shared-device mode).
struct TakeCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "A participant takes an open form in the terminal: language, one item at a time, review, receipt.",
        discussion: """
            For a shared laptop or a participant without a phone. The participant chooses French, English or Arabic,
            types their code, answers one item at a time by typing numbers (Enter skips), reviews, and sends. The
            receipt shows how many items were answered; the score is shown only if the form gives feedback on submit.

            Example:
              atelier take --session demo-nouakchott
            """
    )
    @Option(name: .long, help: "The form (default: the only open one, else a choice).") var form: String?
    @Option(name: .long, help: "The participant code (default: asked).") var code: String?
    @Option(name: .long, help: "fr, en or ar (default: asked).") var lang: String?
    @OptionGroup var sessionOption: SessionOption
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var contentOptions: ContentOptions

    func run(in environment: CLIEnvironment) async throws {
        let catalog = try contentOptions.loadCatalog(in: environment)
        let store = try storeOptions.open(in: environment)
        let session = try await sessionOption.resolve(in: store)
        var terminal = TerminalDialog(environment: environment)

        let language = try lang ?? terminal.chooseLanguage()
        guard UIStrings.languages.contains(language) else { throw CLIError(message: "'\(language)' is not fr, en or ar") }
        let strings = UIStrings(language: language)
        terminal.strings = strings
        environment.writeOutput(strings["take.welcome"])

        let registered = Set(try await store.participants(in: session.id).map(\.code))
        let participant = try code.map(ParticipantCode.normalize) ?? terminal.askCode(registered: registered)
        guard registered.contains(participant) else { throw CLIError(message: strings["take.code-unknown"]) }

        let open = try await store.sessionForms(session.id).filter(\.isOpen).map(\.formID)
        guard !open.isEmpty else { throw CLIError(message: strings["take.no-open-form"]) }
        let formID: String
        if let form {
            guard open.contains(form) else { throw StoreError.formNotOpen(form: form, session: session.id) }
            formID = form
        } else if open.count == 1 {
            formID = open[0]
        } else {
            let titles = open.map { catalog.forms[$0]?.title.resolved(in: language) ?? $0 }
            formID = open[try terminal.choose(strings["take.choose-form"], among: titles)]
        }
        let resolved = try catalog.requireForm(formID)
        if session.retakePolicy == .none,
            try await store.submissions(in: session.id, participant: participant).contains(where: { $0.formID == formID })
        {
            environment.writeOutput(strings["take.done-before"])
            return
        }

        let seed = UInt64(truncatingIfNeeded: participant.utf8.reduce(UInt64(1_469_598_103_934_665_603)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })
        let presented = resolved.presented(in: language, seed: seed)
        environment.writeOutput("")
        environment.writeOutput(presented.title)
        environment.writeOutput(presented.instructions)
        var responses: [String: JSONValue] = [:]
        for index in presented.items.indices {
            responses[presented.items[index].id] = try terminal.ask(
                presented.items[index],
                number: index + 1,
                of: presented.items.count,
                form: resolved
            )
        }
        while true {
            environment.writeOutput("")
            environment.writeOutput(strings["take.review"])
            for (index, item) in presented.items.enumerated() {
                let state = responses[item.id] == nil ? strings["take.unanswered"] : strings["take.answered"]
                environment.writeOutput("  \(index + 1). [\(state)] \(item.prompt.prefix(60))\(item.prompt.count > 60 ? "…" : "")")
            }
            let choice = try terminal.number(strings["take.confirm"], range: 0...presented.items.count)
            if choice == 0 { break }
            let item = presented.items[choice - 1]
            responses[item.id] = try terminal.ask(item, number: choice, of: presented.items.count, form: resolved)
        }

        let request = SubmissionRequest(
            id: UUID().uuidString,
            sessionID: session.id,
            participantCode: participant,
            formID: formID,
            responses: responses,
            source: .terminal
        )
        let outcome = try await SubmissionIntake(catalog: catalog, store: store).submit(request, requireOpenForm: true)
        environment.writeOutput("")
        guard let stored = outcome.stored else {
            environment.writeOutput(strings["take.already"])
            return
        }
        environment.writeOutput(strings["take.thanks"])
        environment.writeOutput(strings["take.receipt", values: ["id": String(stored.id.prefix(8))]])
        let answered = stored.grade.items.filter { $0.status != .unanswered }.count
        environment.writeOutput(strings["take.count", values: ["n": String(answered), "total": String(stored.grade.items.count)]])
        if resolved.form.feedback == .onSubmit {
            let score = JSONValue.number((stored.grade.score * 100).rounded() / 100).serialized()
            environment.writeOutput(
                strings[
                    "take.score",
                    values: [
                        "score": score, "max": JSONValue.number(stored.grade.maxScore).serialized(),
                        "percent": JSONValue.number(stored.grade.percent).serialized(),
                    ]
                ]
            )
        } else {
            environment.writeOutput(strings["take.feedback-later"])
        }
    }
}

/// The questions and answers of `atelier take`, one line at a time.
struct TerminalDialog {
    let environment: CLIEnvironment
    var strings = UIStrings(language: "en")

    /// Reads a line, or stops when the input ends.
    func read(_ prompt: String) throws -> String {
        environment.writeOutput(prompt)
        guard let line = environment.readInput() else { throw CLIError(message: strings["take.input-ended"]) }
        return line.trimmingCharacters(in: .whitespaces).withWesternDigits
    }

    func chooseLanguage() throws -> String {
        let languages = ["fr", "en", "ar"]
        while true {
            let answer = try read("1) Français   2) English   3) العربية\nLangue / Language / اللغة :").lowercased()
            if let number = Int(answer), (1...3).contains(number) { return languages[number - 1] }
            if languages.contains(answer) { return answer }
        }
    }

    func askCode(registered: Set<String>) throws -> String {
        for _ in 0..<5 {
            let code = ParticipantCode.normalize(try read(strings["take.code"]))
            if !ParticipantCode.isValid(code) {
                environment.writeOutput(strings["take.code-invalid"])
            } else if !registered.contains(code) {
                environment.writeOutput(strings["take.code-unknown"])
            } else {
                return code
            }
        }
        throw CLIError(message: strings["take.code-invalid"])
    }

    func number(_ prompt: String, range: ClosedRange<Int>) throws -> Int {
        while true {
            if let value = Int(try read(prompt)), range.contains(value) { return value }
            environment.writeOutput(
                strings["take.not-understood", values: ["reason": strings["take.number-range", values: ["max": String(range.upperBound)]]]]
            )
        }
    }

    func choose(_ prompt: String, among options: [String]) throws -> Int {
        for (index, option) in options.enumerated() { environment.writeOutput("  \(index + 1)) \(option)") }
        return try number(prompt, range: 1...options.count) - 1
    }

    /// Asks one item until the answer is understood (or skipped); returns the response.
    func ask(_ item: PresentedItem, number: Int, of total: Int, form: ResolvedForm) throws -> JSONValue? {
        guard let loaded = form.items.first(where: { $0.item.id == item.id }) else { return nil }
        while true {
            environment.writeOutput("")
            environment.writeOutput(strings["take.question", values: ["n": String(number), "total": String(total)]])
            environment.writeOutput(item.prompt)
            let response: JSONValue?
            do {
                response = try answer(item)
            } catch let error as AnswerError {
                environment.writeOutput(strings["take.not-understood", values: ["reason": error.reason]])
                continue
            }
            guard let response else { return nil }
            if case .invalid(let reason) = loaded.itemType.grade(response, against: loaded.body, in: GradingContext()) {
                environment.writeOutput(strings["take.not-understood", values: ["reason": reason]])
                continue
            }
            return response
        }
    }

    struct AnswerError: Error { var reason: String }

    private func options(_ list: [JSONValue]?) -> [(id: JSONValue, text: String)] {
        (list ?? []).map { option in
            (option["id"] ?? option["value"] ?? .null, option["text"]?.stringValue ?? option["label"]?.stringValue ?? "")
        }
    }

    private func show(_ list: [(id: JSONValue, text: String)]) {
        for (index, option) in list.enumerated() { environment.writeOutput("  \(index + 1)) \(option.text)") }
    }

    private func numbers(_ text: String, count: Int) throws -> [Int] {
        let values = text.split { " ,;".contains($0) }.map { Int($0) }
        guard values.allSatisfy({ $0.map { (1...count).contains($0) } ?? false }) else {
            throw AnswerError(reason: strings["take.number-range", values: ["max": String(count)]])
        }
        return values.compactMap { $0 }
    }

    private func answer(_ item: PresentedItem) throws -> JSONValue? {
        let body = item.body
        let skip = strings["take.skip"]
        switch item.type {
        case "single-choice", "true-false", "likert":
            let list = options(body["choices"]?.arrayValue ?? body["options"]?.arrayValue ?? body["scale"]?.arrayValue)
            show(list)
            let help = strings["take.help.\(item.type)"]
            let text = try read("\(help) \(skip)")
            if text.isEmpty { return nil }
            guard let index = try numbers(text, count: list.count).first, text.split(separator: " ").count == 1 else {
                throw AnswerError(reason: strings["take.number-range", values: ["max": String(list.count)]])
            }
            return list[index - 1].id
        case "multiple-response":
            let list = options(body["choices"]?.arrayValue)
            show(list)
            let text = try read("\(strings["take.help.multiple-response"]) \(skip)")
            if text.isEmpty { return nil }
            if text == "-" { return [] }
            return .array(try numbers(text, count: list.count).map { list[$0 - 1].id })
        case "ordering":
            let list = options(body["elements"]?.arrayValue)
            show(list)
            let text = try read("\(strings["take.help.ordering"]) \(skip)")
            if text.isEmpty { return nil }
            let chosen = try numbers(text, count: list.count)
            guard Set(chosen).count == list.count, chosen.count == list.count else { throw AnswerError(reason: strings["take.all-numbers"]) }
            return .array(chosen.map { list[$0 - 1].id })
        case "matching":
            let premises = options(body["premises"]?.arrayValue)
            let targets = options(body["targets"]?.arrayValue)
            show(targets)
            environment.writeOutput(strings["take.help.matching"] + " " + skip)
            var pairs = JSONObject()
            for (index, premise) in premises.enumerated() {
                let text = try read("  \(premise.text) →")
                if text.isEmpty && index == 0 { return nil }  // Enter on the first one skips the item
                if text.isEmpty { continue }
                guard let index = try numbers(text, count: targets.count).first else { continue }
                pairs[premise.id.stringValue ?? ""] = targets[index - 1].id
            }
            return pairs.count == 0 ? nil : .object(pairs)
        case "numeric":
            let unit = body["unit"]?.stringValue.map { " (\($0))" } ?? ""
            let text = try read("\(strings["take.help.numeric"])\(unit) \(skip)")
            return text.isEmpty ? nil : .string(text)
        case "short-text":
            let text = try read("\(strings["take.help.short-text"]) \(skip)")
            return text.isEmpty ? nil : .string(text)
        case "case-analysis":
            if let scenario = body["scenario"]?.stringValue { environment.writeOutput(scenario) }
            var parts = JSONObject()
            for (index, element) in (body["elements"]?.arrayValue ?? []).enumerated() {
                let question = element["question"]?.stringValue ?? ""
                while true {
                    let text = try read("\(question)\n  \(strings["take.yes-no"])")
                    if text.isEmpty && index == 0 { return nil }  // Enter on the first one skips the item
                    if text.isEmpty { break }
                    if text == "1" || text == "2" {
                        parts[element["id"]?.stringValue ?? ""] = .bool(text == "1")
                        break
                    }
                    environment.writeOutput(strings["take.not-understood", values: ["reason": strings["take.yes-no"]]])
                }
            }
            let classifications = options(body["classifications"]?.arrayValue)
            show(classifications)
            let text = try read(strings["take.classify"])
            if !text.isEmpty, let index = try numbers(text, count: classifications.count).first {
                parts["classification"] = classifications[index - 1].id
            }
            return parts.count == 0 ? nil : .object(parts)
        default:
            let text = try read("\(strings["take.help.other"]) (JSON) \(skip)")
            if text.isEmpty { return nil }
            do { return try JSONParser.parse(text).value } catch { throw AnswerError(reason: error.message) }
        }
    }
}
