import ArgumentParser
import AtelierKernel
import Foundation

/// `atelier curricula list|show`.
struct CurriculaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curricula",
        abstract: "List and show curriculum modules and training programs.",
        subcommands: [List.self, Show.self]
    )

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the modules and programs.",
            discussion: """
                JSON output: [{"id", "kind" (module|program), "version", "title" ({"fr","en","ar"}), "audiences", "languages",
                "minutes", "units" (modules) | "days", "slots", "modules" (programs)}].

                Examples:
                  atelier curricula list
                  atelier curricula list --lang ar
                  atelier curricula list --format json
                """
        )

        @Option(name: .long, help: ArgumentHelp("The language of titles: fr, en or ar.", valueName: "lang"))
        var lang: String = "fr"
        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text
        @OptionGroup var contentOptions: ContentOptions

        func run(in environment: CLIEnvironment) async throws {
            let catalog = try contentOptions.loadCatalog(in: environment)
            let modules = catalog.modules.values.sorted { $0.id < $1.id }
            let programs = catalog.programs.values.sorted { $0.id < $1.id }
            switch format {
            case .json:
                let entries = modules.map(List.json(for:)) + programs.map(List.json(for:))
                environment.writeOutput(JSONValue.array(entries).serialized(pretty: true))
            case .text:
                var table = TextTable(columns: ["ID", "KIND", "VERSION", "LENGTH", "TITLE"])
                for module in modules {
                    table.add([
                        module.id, "module", module.version, "\(module.units.count) units, \(Duration.text(module.totalMinutes))",
                        module.title.resolved(in: lang),
                    ])
                }
                for program in programs {
                    table.add([
                        program.id, "program", program.version, "\(program.days) day\(program.days == 1 ? "" : "s"), \(program.schedule.count) slots",
                        program.title.resolved(in: lang),
                    ])
                }
                environment.writeOutput(table.rendered)
            }
        }

        static func json(for module: CurriculumModule) -> JSONValue {
            var object = JSONObject()
            object["id"] = .string(module.id)
            object["kind"] = "module"
            object["version"] = .string(module.version)
            object["title"] = (try? JSONValue(encoding: module.title)) ?? .null
            object["audiences"] = .array(module.audiences.map { .string($0.rawValue) })
            object["languages"] = .array(module.languages.map(JSONValue.string))
            object["minutes"] = .number(Double(module.totalMinutes))
            object["units"] = .number(Double(module.units.count))
            object["objectives"] = .number(Double(module.objectives.count))
            return .object(object)
        }

        static func json(for program: Program) -> JSONValue {
            var object = JSONObject()
            object["id"] = .string(program.id)
            object["kind"] = "program"
            object["version"] = .string(program.version)
            object["title"] = (try? JSONValue(encoding: program.title)) ?? .null
            object["audiences"] = .array(program.audiences.map { .string($0.rawValue) })
            object["languages"] = .array(program.languages.map(JSONValue.string))
            object["minutes"] = .number(Double(program.schedule.compactMap(\.minutes).reduce(0, +)))
            object["days"] = .number(Double(program.days))
            object["slots"] = .number(Double(program.schedule.count))
            object["modules"] = .array(program.modules.map(JSONValue.string))
            return .object(object)
        }
    }

    struct Show: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a module (objectives, units, activities, trainer notes, sources) or a program (schedule, completion rule).",
            discussion: """
                JSON output: the module or program as stored, with every language.

                Examples:
                  atelier curricula show definitions
                  atelier curricula show police-gendarmerie-2day --lang ar
                  atelier curricula show identification --format json
                """
        )

        @Argument(help: "The module or program id.")
        var id: String
        @OptionGroup var language: LanguageOption
        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text
        @OptionGroup var contentOptions: ContentOptions

        func run(in environment: CLIEnvironment) async throws {
            let catalog = try contentOptions.loadCatalog(in: environment)
            if let module = catalog.modules[id] {
                if format == .json { return environment.writeOutput(try JSONOutput.encode(module)) }
                environment.writeOutput(CurriculumText.module(module, language: try language.language(among: module.languages)))
            } else if let program = catalog.programs[id] {
                if format == .json { return environment.writeOutput(try JSONOutput.encode(program)) }
                environment.writeOutput(CurriculumText.program(program, catalog: catalog, language: try language.language(among: program.languages)))
            } else {
                let known = (catalog.modules.keys.sorted() + catalog.programs.keys.sorted()).joined(separator: ", ")
                throw CLIError(message: "no module or program '\(id)'", hint: "known: \(known)")
            }
        }
    }
}

/// Human-readable curricula.
enum CurriculumText {
    static func module(_ module: CurriculumModule, language: String) -> String {
        let trainerLanguage =
            (module.trainerLanguages ?? module.languages).contains(language) ? language : (module.trainerLanguages?.first ?? language)
        var lines: [String] = []
        lines.append("\(module.title.resolved(in: language))  [\(module.id) \(module.version)]")
        lines.append(module.summary.resolved(in: language))
        lines.append("")
        lines.append("Audiences: \(module.audiences.map(\.rawValue).joined(separator: ", "))")
        lines.append("Length: \(Duration.text(module.totalMinutes)) in \(module.units.count) units")
        lines.append("")
        lines.append("Objectives")
        for objective in module.objectives {
            lines.append("  \(objective.id)  \(objective.text.resolved(in: language))")
        }
        for unit in module.units {
            lines.append("")
            lines.append(
                "\(unit.id)  \(unit.title.resolved(in: language))  (\(unit.minutes) min; objectives \(unit.objectives.joined(separator: ", ")))"
            )
            lines.append("  Key messages")
            for message in unit.keyMessages {
                lines.append("    - \(message.text.resolved(in: language)) [\(message.sources.joined(separator: ", "))]")
            }
            lines.append("  Activities")
            for activity in unit.activities {
                lines.append("    \(activity.minutes) min  \(activity.type.rawValue): \(activity.title.resolved(in: language))")
                lines.append("      \(activity.instructions.resolved(in: trainerLanguage))")
            }
            lines.append("  Trainer notes (\(trainerLanguage))")
            lines.append("    \(unit.trainerNotes.resolved(in: trainerLanguage))")
        }
        lines.append("")
        lines.append("References")
        for reference in module.references {
            lines.append("  [\(reference.id)] \(reference.citation)\(reference.url.map { " <\($0)>" } ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    static func program(_ program: Program, catalog: ContentCatalog, language: String) -> String {
        var unitTitles: [String: String] = [:]
        for module in catalog.modules.values {
            for unit in module.units { unitTitles[unit.id] = unit.title.resolved(in: language) }
        }
        var lines: [String] = []
        lines.append("\(program.title.resolved(in: language))  [\(program.id) \(program.version)]")
        lines.append(program.summary.resolved(in: language))
        lines.append("")
        lines.append("Audiences: \(program.audiences.map(\.rawValue).joined(separator: ", "))")
        lines.append("Modules: \(program.modules.joined(separator: ", "))")
        let attendance = Int((program.completion.minimumAttendance * 100).rounded())
        lines.append(
            "Completion: at least \(attendance)% attendance\(program.completion.requirePostTestPass ? " and the post-test pass mark" : "")"
        )
        var day = 0
        for slot in program.schedule {
            if slot.day != day {
                day = slot.day
                lines.append("")
                lines.append("Day \(day)")
            }
            lines.append("  \(slot.start)–\(slot.end)  \(slot.part.rawValue)  [\(slot.id)]")
            for form in slot.forms ?? [] {
                let title = catalog.forms[form]?.title.resolved(in: language) ?? form
                lines.append("    test: \(title) [\(form)]")
            }
            for unit in slot.units {
                lines.append("    \(unitTitles[unit] ?? unit) [\(unit)]")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// Durations as people write them.
enum Duration {
    static func text(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        if hours == 0 { return "\(rest) min" }
        return rest == 0 ? "\(hours) h" : "\(hours) h \(String(format: "%02d", rest))"
    }
}

/// A plain text table with columns sized to their content.
struct TextTable {
    let columns: [String]
    private(set) var rows: [[String]] = []

    init(columns: [String]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    var rendered: String {
        let widths = columns.indices.map { index in
            ([columns[index]] + rows.map { index < $0.count ? $0[index] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(columns)] + rows.map(line)).joined(separator: "\n")
    }
}
