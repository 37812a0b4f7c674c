import AtelierKernel
import Foundation
import Hummingbird
import Mustache

/// Renders participant pages from the Mustache templates and the per-language strings.
public struct PageRenderer: Sendable {
    /// The languages pages are offered in.
    static let languages: [(code: String, name: String)] = [("fr", "Français"), ("en", "English"), ("ar", "العربية")]

    private let library: MustacheLibrary
    private let strings: [String: [String: String]]

    /// Loads the templates and strings shipped with the server.
    public init() throws {
        var library = MustacheLibrary()
        for name in ["layout", "join", "home", "item", "review", "receipt", "message"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates") else {
                throw Problem(.internalServerError, "Missing template", detail: "the template \(name) is not in the bundle")
            }
            try library.register(String(contentsOf: url, encoding: .utf8), named: name)
        }
        self.library = library
        var strings: [String: [String: String]] = [:]
        for (code, _) in PageRenderer.languages {
            if let url = Bundle.module.url(forResource: code, withExtension: "json", subdirectory: "Strings"),
                let data = try? Data(contentsOf: url), let table = try? JSONDecoder().decode([String: String].self, from: data)
            {
                strings[code] = table
            }
        }
        self.strings = strings
    }

    /// The text of `key` in `language`, with `{name}` placeholders filled.
    func text(_ key: String, _ language: String, _ values: [String: String] = [:]) -> String {
        var text = strings[language]?[key] ?? strings["en"]?[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Every key of the strings of `language` (for tests).
    func keys(_ language: String) -> Set<String> { Set(strings[language]?.keys ?? [:].keys) }

    /// The strings as nested dictionaries, so that templates write `{{t.join.heading}}`.
    private func nested(_ language: String) -> [String: Any] {
        var root: [String: Any] = [:]
        for (key, value) in strings[language] ?? [:] {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                var group = root[parts[0]] as? [String: Any] ?? [:]
                group[parts[1]] = value
                root[parts[0]] = group
            } else {
                root[key] = value
            }
        }
        return root
    }

    /// A full page: `template` rendered with `context`, inside the layout.
    func page(
        _ template: String,
        _ context: [String: Any],
        language: String,
        participant: String?,
        path: String,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = context
        context["t"] = nested(language)
        context["language"] = language
        let body = library.render(context, withTemplate: template) ?? ""
        let layout: [String: Any] = [
            "language": language,
            "direction": TextDirection(language: language).rawValue,
            "title": text("app.title", language),
            "participant": participant != nil,
            "participantLabel": participant.map { text("home.you", language, ["code": $0]) } ?? "",
            "languageLabel": text("language", language),
            "languages": PageRenderer.languages.map { code, name -> [String: Any] in
                [
                    "code": code, "name": name, "href": participant == nil ? "/?lang=\(code)" : "/p/language?lang=\(code)&back=\(path)",
                    "current": code == language,
                ]
            },
            "body": body,
        ]
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(
            status: status,
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: library.render(layout, withTemplate: "layout") ?? body))
        )
    }
}

/// Reads `application/x-www-form-urlencoded` bodies, keeping repeated keys.
struct FormBody {
    let fields: [(String, String)]

    static func read(_ request: Request, context: some RequestContext) async throws -> FormBody {
        let buffer: ByteBuffer
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > 64 * 1024 {
            throw Problem(.contentTooLarge, "Body too large", detail: "the form is larger than 64 KiB")
        }
        do {
            buffer = try await request.body.collect(upTo: 64 * 1024)
        } catch {
            throw Problem(.contentTooLarge, "Body too large", detail: "the form is larger than 64 KiB")
        }
        let text = String(decoding: buffer.readableBytesView, as: UTF8.self)
        let fields = text.split(separator: "&").compactMap { pair -> (String, String)? in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let key = parts.first, !key.isEmpty else { return nil }
            return (key, parts.count > 1 ? parts[1] : "")
        }
        return FormBody(fields: fields)
    }

    subscript(name: String) -> String? { fields.first { $0.0 == name }?.1 }

    func all(_ name: String) -> [String] { fields.filter { $0.0 == name }.map(\.1) }
}
