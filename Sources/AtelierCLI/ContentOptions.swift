import ArgumentParser
import AtelierKernel
import Foundation

/// Where the content is.
struct ContentOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder holding Curricula/ and Assessments/ (default: $ATELIER_CONTENT, else the working directory or its nearest parent that has them).",
            valueName: "dir"
        )
    )
    var content: String?

    /// The content root.
    func root(in environment: CLIEnvironment) -> String {
        if let content { return environment.absolute(content) }
        if let variable = environment.variables["ATELIER_CONTENT"], !variable.isEmpty { return environment.absolute(variable) }
        var directory = environment.currentDirectory
        while true {
            if ContentOptions.holdsContent(directory) { return directory }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { return environment.currentDirectory }
            directory = parent
        }
    }

    private static func holdsContent(_ directory: String) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: (directory as NSString).appendingPathComponent("Curricula"))
            || manager.fileExists(atPath: (directory as NSString).appendingPathComponent("Assessments"))
    }

    /// The default folders to load: the root's Curricula/ and Assessments/ that exist, as paths relative to
    /// the working directory when the root is inside it.
    func defaultPaths(in environment: CLIEnvironment) -> [String] {
        let root = root(in: environment)
        return ["Curricula", "Assessments"].compactMap { folder in
            let path = (root as NSString).appendingPathComponent(folder)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return ContentOptions.display(path, relativeTo: environment.currentDirectory)
        }
    }

    /// `path` relative to `directory` when it is inside it.
    static func display(_ path: String, relativeTo directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Loads the content and fails with a clear message if it has errors.
    func loadCatalog(in environment: CLIEnvironment) throws -> ContentCatalog {
        let paths = defaultPaths(in: environment)
        guard !paths.isEmpty else {
            throw CLIError(
                message: "no content found: there is no Curricula/ or Assessments/ folder in \(root(in: environment))",
                hint: "run from the repository, or pass --content DIR (or set ATELIER_CONTENT)"
            )
        }
        let loader = ContentLoader(registry: environment.registry)
        let result = loader.load(paths: paths.map { environment.absolute($0) })
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            let first = errors[0]
            let file = ContentOptions.display(first.file, relativeTo: environment.currentDirectory)
            throw CLIError(
                message:
                    "the content has \(errors.count) error\(errors.count == 1 ? "" : "s"); the first: \(file):\(first.line):\(first.column): \(first.message)",
                hint: "run `atelier validate` to see them all"
            )
        }
        return result.catalog
    }
}

extension ContentCatalog {
    /// The form `id`, resolved, or a clear error listing the forms there are.
    func requireForm(_ id: String) throws -> ResolvedForm {
        if let form = resolvedForm(id) { return form }
        let known = forms.keys.sorted()
        throw CLIError(
            message: "no assessment form '\(id)'",
            hint: known.isEmpty
                ? "there are no forms in Assessments/" : "known forms: \(known.joined(separator: ", ")) (see `atelier assessment list`)"
        )
    }
}

/// Reads a language option and checks it against what a file offers.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The language to show: fr, en or ar.", valueName: "lang"))
    var lang: String = "fr"

    /// The language, checked against `available`.
    func language(among available: [String]) throws -> String {
        guard available.contains(lang) else {
            throw CLIError(
                message: "'\(lang)' is not one of the available languages \(available.joined(separator: ", "))",
                hint: "pass --lang \(available.first ?? "fr")"
            )
        }
        return lang
    }
}
