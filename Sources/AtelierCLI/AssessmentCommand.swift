import ArgumentParser
import AtelierKernel
import Foundation

/// `atelier assessment list|preview|key`.
struct AssessmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment",
        abstract: "List assessment forms, preview one as a participant sees it, or print its answer key.",
        subcommands: [List.self, Preview.self, Key.self]
    )

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the assessment forms.",
            discussion: """
                JSON output: [{"id", "module", "phase", "items", "scoredItems", "maxScore", "passMark", "languages"}].

                Examples:
                  atelier assessment list
                  atelier assessment list --format json
                """
        )

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text
        @OptionGroup var contentOptions: ContentOptions

        func run(in environment: CLIEnvironment) async throws {
            let catalog = try contentOptions.loadCatalog(in: environment)
            let forms = catalog.orderedForms.compactMap { catalog.resolvedForm($0.id) }
            switch format {
            case .json:
                let entries: [JSONValue] = forms.map { resolved in
                    [
                        "id": .string(resolved.form.id),
                        "module": .string(resolved.form.module),
                        "phase": .string(resolved.form.phase.rawValue),
                        "items": .number(Double(resolved.items.count)),
                        "scoredItems": .number(Double(resolved.items.filter(\.itemType.isScored).count)),
                        "maxScore": .number(resolved.maxScore),
                        "passMark": .number(resolved.form.passMark),
                        "languages": .array(resolved.form.languages.map(JSONValue.string)),
                    ]
                }
                environment.writeOutput(JSONValue.array(entries).serialized(pretty: true))
            case .text:
                var table = TextTable(columns: ["ID", "MODULE", "PHASE", "ITEMS", "MAX", "PASS", "LANGUAGES"])
                for resolved in forms {
                    table.add([
                        resolved.form.id, resolved.form.module, resolved.form.phase.rawValue, String(resolved.items.count),
                        JSONValue.number(resolved.maxScore).serialized(), "\(Int((resolved.form.passMark * 100).rounded()))%",
                        resolved.form.languages.joined(separator: ","),
                    ])
                }
                environment.writeOutput(table.rendered)
            }
        }
    }

    struct Preview: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a form as a participant sees it: no answer key, no per-choice credit, no feedback.",
            discussion: """
                JSON output: the participant view served to phones: {"id", "module", "phase", "language", "direction",
                "title", "instructions", "timeLimitMinutes", "items": [{"id", "type", "points", "prompt", "body"}]}.

                Examples:
                  atelier assessment preview definitions.pre --lang fr
                  atelier assessment preview identification.post --lang ar --format json
                """
        )

        @Argument(help: "The form id (see `atelier assessment list`).")
        var id: String
        @OptionGroup var language: LanguageOption
        @Option(name: .long, help: "Seed of the shuffle when the form shuffles items or choices (one participant, one order).")
        var seed: UInt64 = 0
        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text
        @OptionGroup var contentOptions: ContentOptions

        func run(in environment: CLIEnvironment) async throws {
            let catalog = try contentOptions.loadCatalog(in: environment)
            let resolved = try catalog.requireForm(id)
            let presented = resolved.presented(in: try language.language(among: resolved.form.languages), seed: seed)
            switch format {
            case .json: environment.writeOutput(try JSONOutput.encode(presented))
            case .text: environment.writeOutput(PresentedFormText.render(presented))
            }
        }
    }

    struct Key: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a form's answer key as a responses file that earns full marks (for trainers; never for participants).",
            discussion: """
                The output is the input of `atelier grade`: {"responses": {"ITEM_ID": <response>}}.

                Example:
                  atelier assessment key definitions.post > key.json && atelier grade --assessment definitions.post --responses key.json
                """
        )

        @Argument(help: "The form id.")
        var id: String
        @OptionGroup var contentOptions: ContentOptions

        func run(in environment: CLIEnvironment) async throws {
            let catalog = try contentOptions.loadCatalog(in: environment)
            let resolved = try catalog.requireForm(id)
            let responses = resolved.correctResponses()
            let ordered = JSONObject(resolved.items.compactMap { loaded in responses[loaded.item.id].map { (key: loaded.item.id, value: $0) } })
            environment.writeOutput(JSONValue.object(JSONObject([(key: "responses", value: .object(ordered))])).serialized(pretty: true))
        }
    }
}

/// A presented form as text for a terminal.
enum PresentedFormText {
    static func render(_ form: PresentedForm) -> String {
        var lines: [String] = []
        lines.append(form.title)
        lines.append(String(repeating: "=", count: min(60, max(10, form.title.count))))
        lines.append(form.instructions)
        if let minutes = form.timeLimitMinutes { lines.append("(\(minutes) min)") }
        for (index, item) in form.items.enumerated() {
            lines.append("")
            let points = item.points.map { " [\(JSONValue.number($0).serialized()) pt]" } ?? ""
            lines.append("\(index + 1). \(item.prompt)\(points)  (\(item.id), \(item.type))")
            lines += body(item.body).map { "   " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// The options of a presented body, whatever its type: scenario, choices, premises and targets, scale.
    static func body(_ body: JSONValue) -> [String] {
        var lines: [String] = []
        if let scenario = body["scenario"]?.stringValue { lines.append(scenario) }
        for key in ["choices", "elements", "premises", "targets", "options", "scale", "classifications"] {
            guard let options = body[key]?.arrayValue else { continue }
            if key == "targets" { lines.append("→") }
            for option in options {
                let id = option["id"]?.stringValue ?? option["value"].map { $0.serialized() } ?? ""
                let text = option["text"]?.stringValue ?? option["label"]?.stringValue ?? ""
                let question = option["question"]?.stringValue.map { " — \($0)" } ?? ""
                lines.append("  \(id)) \(text)\(question)")
            }
        }
        if body["selectAll"]?.boolValue == true { lines.append("  (select all that apply)") }
        if let unit = body["unit"]?.stringValue { lines.append("  ____ \(unit)") }
        if body["maxLength"] != nil { lines.append("  ________________") }
        return lines
    }
}
