import Foundation

/// Loads content files, checks each one and all of them together, and builds a ``ContentCatalog``.
///
/// Every problem is reported, each with file, line, column, JSON pointer, message and a hint; one bad
/// file never stops the others from being checked.
///
/// ```swift
/// let loader = ContentLoader(registry: registry)
/// let result = loader.load(paths: ["Curricula", "Assessments"])
/// for diagnostic in result.diagnostics { print(diagnostic.formatted) }
/// ```
public struct ContentLoader: Sendable {
    /// Bounds on the input.
    public struct Limits: Sendable {
        /// The largest content file accepted, in bytes.
        public var maxFileBytes: Int
        /// The deepest nesting accepted.
        public var maxDepth: Int
        /// The most files read in one load.
        public var maxFiles: Int

        /// Creates limits.
        public init(maxFileBytes: Int = 4 * 1024 * 1024, maxDepth: Int = JSONParser.defaultMaxDepth, maxFiles: Int = 5_000) {
            self.maxFileBytes = maxFileBytes
            self.maxDepth = maxDepth
            self.maxFiles = maxFiles
        }
    }

    /// The plugins whose item types the content may use.
    public let registry: PluginRegistry
    /// Bounds on the input.
    public let limits: Limits
    private let schemas: ContentSchemas

    /// Creates a loader.
    public init(registry: PluginRegistry, limits: Limits = Limits()) {
        self.registry = registry
        self.limits = limits
        self.schemas = ContentSchemas(registry: registry)
    }

    /// Loads every content file under `paths` (files or folders; `*.schema.json` files are skipped).
    ///
    /// - Parameters:
    ///   - paths: files and folders to load and report on.
    ///   - context: more files and folders to load so that references resolve, without reporting their own
    ///     problems (validating one form in the context of the whole repository).
    /// - Returns: the catalog of what loaded and every diagnostic, ordered by file and line.
    public func load(paths: [String], context: [String] = []) -> ContentLoadResult {
        var diagnostics: [Diagnostic] = []
        let reported = collectFiles(paths, diagnostics: &diagnostics)
        let extra = collectFiles(context, diagnostics: &diagnostics).filter { !reported.contains($0) }
        // Context first: when an id is defined twice, the file being checked is the one told so.
        let files = extra + reported
        if files.count > limits.maxFiles {
            diagnostics.append(
                Diagnostic(
                    severity: .error,
                    code: "too-many-files",
                    file: paths.first ?? ".",
                    location: .start,
                    pointer: .root,
                    message: "\(files.count) content files found; at most \(limits.maxFiles) are read in one run",
                    hint: "validate the folders one at a time"
                )
            )
            return ContentLoadResult(catalog: ContentCatalog(), diagnostics: diagnostics, files: [])
        }
        var documents: [LoadedDocument] = []
        for file in files {
            let (document, fileDiagnostics) = loadDocument(file)
            diagnostics += fileDiagnostics
            if let document { documents.append(document) }
        }
        var builder = CatalogBuilder(registry: registry, documents: documents)
        builder.build()
        diagnostics += builder.diagnostics
        let reportedSet = Set(reported)
        let shown = diagnostics.filter { reportedSet.contains($0.file) || !files.contains($0.file) }
        return ContentLoadResult(catalog: builder.catalog, diagnostics: shown.sortedForDisplay(), files: reported)
    }

    // MARK: - Files

    private func collectFiles(_ paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(
                    Diagnostic(
                        severity: .error,
                        code: "path-not-found",
                        file: path,
                        location: .start,
                        pointer: .root,
                        message: "no such file or folder",
                        hint: "check the path; run from the repository root or pass --content"
                    )
                )
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".json") && !relative.hasSuffix(".schema.json") {
                    found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                }
                if found.count > limits.maxFiles { break }
            }
            files += found.sorted()
        }
        var seen = Set<String>()
        return files.filter { seen.insert($0).inserted }
    }

    private func loadDocument(_ file: String) -> (LoadedDocument?, [Diagnostic]) {
        func fail(_ code: String, _ message: String, _ location: SourceLocation = .start, hint: String? = nil) -> (LoadedDocument?, [Diagnostic]) {
            (nil, [Diagnostic(severity: .error, code: code, file: file, location: location, pointer: .root, message: message, hint: hint)])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        if size > limits.maxFileBytes {
            return fail(
                "file-too-large",
                "the file is \(size) bytes; content files are limited to \(limits.maxFileBytes) bytes",
                hint: "split it (one module, bank or form per file), or check that it is really a content file"
            )
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return fail("unreadable-file", "the file cannot be read", hint: "check its permissions")
        }
        let parsed: ParsedJSON
        do {
            parsed = try JSONParser.parse(data, maxDepth: limits.maxDepth)
        } catch {
            return fail("json-syntax", error.message, error.location, hint: error.hint)
        }
        var diagnostics = DocumentDiagnostics(file: file, sourceMap: parsed.sourceMap)
        for pointer in parsed.duplicateKeys {
            diagnostics.errorAtKey(
                "duplicate-key",
                "the key '\(pointer.tokens.last ?? "")' appears twice in this object",
                at: pointer,
                hint: "JSON readers keep only one of the values; remove the other"
            )
        }
        guard case .object(let root) = parsed.value else {
            diagnostics.error(
                "wrong-type",
                "a content file holds one JSON object, found \(parsed.value.typeName == "array" ? "an array" : "a \(parsed.value.typeName)")",
                at: .root
            )
            return (nil, diagnostics.diagnostics)
        }
        let kinds = ContentKind.allCases.map(\.rawValue)
        guard let kindValue = root["kind"] else {
            diagnostics.error(
                "missing-property",
                "missing required property 'kind'",
                at: .root,
                hint: "say what the file holds: \"kind\": one of \(kinds.joined(separator: ", "))"
            )
            return (nil, diagnostics.diagnostics)
        }
        guard let kindName = kindValue.stringValue, let kind = ContentKind(rawValue: kindName) else {
            diagnostics.error(
                "unknown-kind",
                "\(kindValue.serialized()) is not a content kind",
                at: "/kind",
                hint: "use one of \(kinds.joined(separator: ", "))"
            )
            return (nil, diagnostics.diagnostics)
        }
        checkSchemaReference(root["$schema"], kind: kind, file: file, diagnostics: &diagnostics)
        var validator = SchemaValidator(document: schemas.document(for: kind), diagnostics: diagnostics, root: parsed.value)
        validator.validate(parsed.value)
        diagnostics = validator.diagnostics
        guard !diagnostics.hasErrors else {
            if kind == .bank || kind == .form { checkItemsDespiteErrors(parsed, diagnostics: &diagnostics) }
            return (nil, diagnostics.diagnostics)
        }

        let model: LoadedDocument.Model
        do {
            switch kind {
            case .module: model = .module(try parsed.value.decode(CurriculumModule.self))
            case .program: model = .program(try parsed.value.decode(Program.self))
            case .bank: model = .bank(try parsed.value.decode(QuestionBank.self))
            case .form: model = .form(try parsed.value.decode(AssessmentForm.self))
            }
        } catch let error as DecodingError {
            let (pointer, message) = ContentLoader.describe(error)
            diagnostics.error("decode-failed", message, at: pointer, hint: "the schema and the Swift model disagree here; please report it")
            return (nil, diagnostics.diagnostics)
        } catch {
            diagnostics.error("decode-failed", "\(error)", at: .root)
            return (nil, diagnostics.diagnostics)
        }
        let document = LoadedDocument(file: file, kind: kind, value: parsed.value, sourceMap: parsed.sourceMap, model: model)
        return (document, diagnostics.diagnostics)
    }

    /// Runs the item types' own checks on every item that passed its schema, even though another part of
    /// the file did not: an author sees the wrong answer key and the missing field in the same run.
    private func checkItemsDespiteErrors(_ parsed: ParsedJSON, diagnostics: inout DocumentDiagnostics) {
        guard let entries = parsed.value["items"]?.arrayValue else { return }
        let languages = parsed.value["languages"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let failing = diagnostics.diagnostics.filter { $0.severity == .error }.map(\.pointer)
        for (index, entry) in entries.enumerated() where entry["ref"] == nil {
            let pointer = JSONPointer("/items/\(index)")
            let prefix = pointer.description
            guard !failing.contains(where: { $0 == prefix || $0.hasPrefix(prefix + "/") }),
                let item = try? entry.decode(Item.self)
            else { continue }
            ItemCheck(item, at: pointer, languages: languages, registry: registry).report(into: &diagnostics)
        }
    }

    private func checkSchemaReference(_ value: JSONValue?, kind: ContentKind, file: String, diagnostics: inout DocumentDiagnostics) {
        guard let reference = value?.stringValue, !reference.isEmpty else { return }
        let expected = kind.schemaFileName
        if reference.hasPrefix("http://") || reference.hasPrefix("https://") {
            diagnostics.warning(
                "schema-reference",
                "$schema is a URL; editors cannot validate offline against it",
                at: "/$schema",
                hint: "name the schema by relative path, e.g. \"../schemas/\(expected)\""
            )
            return
        }
        let name = (reference as NSString).lastPathComponent
        if name != expected {
            diagnostics.warning(
                "schema-reference",
                "$schema names '\(name)' but this is a \(kind.rawValue) file",
                at: "/$schema",
                hint: "use the \(kind.rawValue) schema: \"../schemas/\(expected)\""
            )
            return
        }
        let directory = (file as NSString).deletingLastPathComponent
        let resolved = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(reference)
        if !FileManager.default.fileExists(atPath: resolved) {
            diagnostics.warning(
                "schema-reference",
                "$schema points to '\(reference)', which does not exist from this file's folder",
                at: "/$schema",
                hint: "the schema is \(ContentSchemas.relativePath(of: kind)) in the repository; fix the relative path"
            )
        }
    }

    static func describe(_ error: DecodingError) -> (JSONPointer, String) {
        func pointer(_ path: [any CodingKey]) -> JSONPointer {
            JSONPointer(tokens: path.map { $0.intValue.map(String.init) ?? $0.stringValue })
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return (pointer(context.codingPath), context.debugDescription)
        case .keyNotFound(let key, let context):
            return (pointer(context.codingPath), "missing '\(key.stringValue)'")
        @unknown default:
            return (.root, "\(error)")
        }
    }
}

/// What a load produced.
public struct ContentLoadResult: Sendable {
    /// What loaded (files with errors are left out).
    public var catalog: ContentCatalog
    /// Every diagnostic, ordered by file and line.
    public var diagnostics: [Diagnostic]
    /// The files read and reported on.
    public var files: [String]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}

/// One content file that parsed, passed its schema and decoded.
struct LoadedDocument: Sendable {
    enum Model: Sendable {
        case module(CurriculumModule)
        case program(Program)
        case bank(QuestionBank)
        case form(AssessmentForm)
    }

    var file: String
    var kind: ContentKind
    var value: JSONValue
    var sourceMap: SourceMap
    var model: Model
}
