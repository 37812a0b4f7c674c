import AtelierKernel

extension LocalizedText {
    /// The text as an xAPI language map with one entry: the text in `language` if there is one, else in
    /// French, English or Arabic, else in any language, keyed by the language it is really in (a French
    /// prompt is never labelled English); `nil` when there is no text.
    func languageMap(preferring language: String) -> JSONValue? {
        let candidates = [language, "fr", "en", "ar"] + translations.keys.sorted()
        for candidate in candidates {
            if let text = translations[candidate], !text.isEmpty {
                return .object(JSONObject([(key: candidate, value: .string(text))]))
            }
        }
        return nil
    }
}
