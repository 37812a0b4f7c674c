import ArgumentParser
import AtelierKernel
import Foundation

/// `atelier grade`: grades a responses file against a form.
struct GradeCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a responses file against an assessment form.",
        discussion: """
            FILE is {"responses": {"ITEM_ID": <response>}}; the response shape of each item type is in the README.
            A missing or null response is unanswered; a response of the wrong shape earns 0 and is reported
            for its item, and the rest is still graded.

            JSON output (the shape the HTTP grading endpoint returns): {"form", "score", "maxScore", "percent",
            "passMark", "passed", "items": [{"id", "type", "status", "score", "maxScore", "error"}], "unknownItems",
            "graderVersion"}. status is correct, partial, incorrect, unanswered, invalid or recorded (unscored).

            Example:
              atelier grade --assessment definitions.pre --responses answers.json --format json
            """
    )

    /// The largest responses file read.
    static let maxFileBytes = 1 << 20

    @Option(name: .long, help: ArgumentHelp("The form id (see `atelier assessment list`).", valueName: "id"))
    var assessment: String
    @Option(name: .long, help: ArgumentHelp("The responses file: {\"responses\": {\"ITEM_ID\": <response>}}.", valueName: "file"))
    var responses: String
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
    @OptionGroup var contentOptions: ContentOptions

    func run(in environment: CLIEnvironment) async throws {
        let answers = try GradeCommand.readResponses(at: responses, in: environment)
        let catalog = try contentOptions.loadCatalog(in: environment)
        let resolved = try catalog.requireForm(assessment)
        let grade = FormGrader.grade(resolved, responses: answers)
        switch format {
        case .json:
            environment.writeOutput(grade.jsonValue.serialized(pretty: true))
        case .text:
            environment.writeOutput(GradeCommand.text(grade))
        }
    }

    /// Reads and checks a responses file, with the position of any problem.
    static func readResponses(at path: String, in environment: CLIEnvironment) throws -> [String: JSONValue] {
        let absolute = environment.absolute(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CLIError(message: "\(path): no such file", hint: "pass the responses file: {\"responses\": {\"ITEM_ID\": <response>}}")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? Int) ?? 0
        guard size <= maxFileBytes else {
            throw CLIError(message: "\(path): the file is \(size) bytes; a responses file is limited to \(maxFileBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: absolute) else { throw CLIError(message: "\(path): cannot be read") }
        let parsed: ParsedJSON
        do {
            parsed = try JSONParser.parse(data)
        } catch {
            throw CLIError(message: "\(path):\(error.location): \(error.message)", hint: error.hint)
        }
        guard case .object(let root) = parsed.value else {
            throw CLIError(
                message: "\(path):1:1: expected an object {\"responses\": {…}}, found \(parsed.value.typeName)",
                hint: "wrap the answers: {\"responses\": {\"ITEM_ID\": <response>}}"
            )
        }
        for key in root.keys where key != "responses" {
            let location = parsed.sourceMap.keyLocation(of: JSONPointer(tokens: [key]))
            throw CLIError(message: "\(path):\(location): /\(key): unknown key '\(key)'", hint: "the file holds one key, \"responses\"")
        }
        guard let responses = root["responses"] else {
            throw CLIError(message: "\(path):1:1: missing \"responses\"", hint: "the file is {\"responses\": {\"ITEM_ID\": <response>}}")
        }
        guard case .object(let object) = responses else {
            let location = parsed.sourceMap.location(of: "/responses")
            throw CLIError(
                message: "\(path):\(location): /responses: expected an object keyed by item id, found \(responses.typeName)",
                hint: "write {\"responses\": {\"def-b01\": \"b\", \"def-b02\": true}}"
            )
        }
        var answers: [String: JSONValue] = [:]
        for member in object.members { answers[member.key] = member.value }
        return answers
    }

    static func text(_ grade: FormGrade) -> String {
        func number(_ value: Double) -> String { JSONValue.number((value * 100).rounded() / 100).serialized() }
        var table = TextTable(columns: ["ITEM", "TYPE", "SCORE", "STATUS"])
        for item in grade.items {
            let status = item.error.map { "invalid: \($0)" } ?? item.status.rawValue
            table.add([item.id, item.type, item.maxScore > 0 ? "\(number(item.score))/\(number(item.maxScore))" : "-", status])
        }
        var lines = [
            "\(grade.form): \(number(grade.score)) / \(number(grade.maxScore)) (\(number(grade.percent))%), \(grade.passed ? "passed" : "not passed") (pass mark \(number(grade.passMark * 100))%)",
            "",
            table.rendered,
        ]
        if !grade.unknownItems.isEmpty {
            lines.append("")
            lines.append("ignored responses for items not on this form: \(grade.unknownItems.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
