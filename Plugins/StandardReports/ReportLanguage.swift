/// What a renderer needs to know about a report's language: its direction and its words.
struct ReportLanguage: Sendable, Equatable {
    /// Whether the script is written right to left (Arabic, Persian, Hebrew, Urdu…).
    let isRightToLeft: Bool
    /// The renderers' own words in this language.
    let words: ReportWords

    /// The conventions of the language tagged `tag` (`ar`, `fr-SN`, `en`…).
    init(tag: String) {
        self.isRightToLeft = Self.rightToLeftLanguages.contains(Self.primarySubtag(of: tag))
        self.words = ReportWords.forLanguage(tag)
    }

    /// `ar` for `ar-MA`, `fr` for `FR_fr`: the lowercased language subtag.
    static func primarySubtag(of tag: String) -> String {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return primary.lowercased()
    }

    private static let rightToLeftLanguages: Set<String> = [
        "ar", "arc", "ckb", "dv", "fa", "he", "nqo", "ps", "sd", "syr", "ug", "ur", "yi",
    ]
}
