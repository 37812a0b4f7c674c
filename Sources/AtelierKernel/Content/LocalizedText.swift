import Foundation

/// Text in several languages: `{"fr": "…", "en": "…", "ar": "…"}`.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The text of each language, keyed by language code.
    public var translations: [String: String]

    /// Creates a text from its translations.
    public init(_ translations: [String: String]) { self.translations = translations }

    public init(from decoder: any Decoder) throws {
        translations = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(translations)
    }

    /// The text in `language`, if there is one.
    public subscript(language: String) -> String? { translations[language] }

    /// The text in `language`, else in the first of `fallbacks` that exists, else any.
    public func resolved(in language: String, fallbacks: [String] = ["fr", "en", "ar"]) -> String {
        if let text = translations[language] { return text }
        for fallback in fallbacks { if let text = translations[fallback] { return text } }
        return translations.sorted { $0.key < $1.key }.first?.value ?? ""
    }
}

/// The writing direction of a language.
public enum TextDirection: String, Sendable, Codable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"

    /// The direction of `language` (`ar`, `fa`, `he`, `ur`, Adlam-script Pulaar… are right-to-left).
    public init(language: String) {
        let code = language.lowercased()
        let base = code.split(separator: "-").first.map(String.init) ?? code
        let rightToLeft: Set<String> = ["ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "mey"]
        self = rightToLeft.contains(base) || code.contains("-adlm") || code.contains("-arab") ? .rightToLeft : .leftToRight
    }
}
