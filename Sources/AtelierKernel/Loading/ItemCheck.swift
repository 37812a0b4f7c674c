/// Decodes an item's body with its type's plugin and runs the plugin's checks.
struct ItemCheck {
    /// One problem, at an absolute pointer in the file.
    struct Problem {
        var severity: Diagnostic.Severity
        var code: String
        var message: String
        var pointer: JSONPointer
        var hint: String?
    }

    /// The item's type, when registered.
    var itemType: AnyItemType?
    /// The decoded body, when it decoded.
    var body: PreparedBody?
    /// What the checks found.
    var problems: [Problem] = []

    /// Whether the item can be presented and graded.
    var isUsable: Bool { body != nil && !problems.contains { $0.severity == .error } }

    /// Checks `item`, found at `pointer`, of a file written in `languages`.
    init(_ item: Item, at pointer: JSONPointer, languages: [String], registry: PluginRegistry) {
        guard let itemType = registry.itemType(item.type) else { return }  // reported by the schema check
        self.itemType = itemType
        let bodyPointer = pointer.appending("body")
        do {
            body = try itemType.decode(item.body)
        } catch let error as DecodingError {
            let (relative, message) = ContentLoader.describe(error)
            problems.append(Problem(severity: .error, code: "decode-failed", message: message, pointer: bodyPointer.appending(relative)))
            return
        } catch {
            problems.append(Problem(severity: .error, code: "decode-failed", message: "\(error)", pointer: bodyPointer))
            return
        }
        if let body {
            for entry in itemType.check(body, in: ItemCheckContext(itemID: item.id, languages: languages)).entries {
                problems.append(
                    Problem(
                        severity: entry.severity,
                        code: entry.code,
                        message: entry.message,
                        pointer: bodyPointer.appending(entry.pointer),
                        hint: entry.hint
                    )
                )
            }
        }
        if !itemType.isScored, item.points != nil {
            problems.append(
                Problem(
                    severity: .error,
                    code: "points-on-unscored-item",
                    message: "'\(item.type)' items are not scored, so they take no points",
                    pointer: pointer.appending("points"),
                    hint: "remove \"points\""
                )
            )
        }
    }

    /// Reports the problems into a file's collector.
    func report(into diagnostics: inout DocumentDiagnostics) {
        for problem in problems {
            diagnostics.report(problem.severity, problem.code, problem.message, at: problem.pointer, hint: problem.hint)
        }
    }
}
