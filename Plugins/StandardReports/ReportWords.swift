/// The few words and number conventions the renderers add around a report's own text, per language.
///
/// Everything else a reader sees comes from the ``AtelierKernel/ReportDocument`` itself, already in its
/// language. Unknown languages fall back to English.
struct ReportWords: Sendable, Equatable {
    /// Said where a chart or table has nothing to show.
    var noData: String
    /// The label of the disclosure that holds a chart's data table.
    var dataTable: String
    /// The legend entry for flagged points in a scatter chart.
    var flagged: String
    /// The vertical axis of a histogram (how many values fall in a bin).
    var count: String
    /// The word put before a table's note in plain text.
    var note: String
    /// What separates a label from its value ("Session: …", "Session : …" in French typography).
    var labelSeparator: String
    /// The decimal separator of axis ticks and value labels (digits are always 0-9, the project's convention).
    var decimalSeparator: String
    /// What follows a percentage: "%", a narrow no-break space and "%" in French, "٪" in Arabic (as the
    /// evaluation report prints its tables).
    var percentSuffix: String

    /// The words for a language tag such as `fr`, `ar-MA` or `en`; English when the language is not known.
    static func forLanguage(_ tag: String) -> ReportWords {
        byLanguage[ReportLanguage.primarySubtag(of: tag)] ?? english
    }

    private static let english = ReportWords(
        noData: "No data",
        dataTable: "Data table",
        flagged: "Flagged",
        count: "Count",
        note: "Note",
        labelSeparator: ":",
        decimalSeparator: ".",
        percentSuffix: "%"
    )

    private static let byLanguage: [String: ReportWords] = [
        "en": english,
        "fr": ReportWords(
            noData: "Aucune donnée",
            dataTable: "Tableau des données",
            flagged: "Signalé",
            count: "Effectif",
            note: "Note",
            labelSeparator: "\u{00A0}:",
            decimalSeparator: ",",
            percentSuffix: "\u{202F}%"
        ),
        "ar": ReportWords(
            noData: "لا توجد بيانات",
            dataTable: "جدول البيانات",
            flagged: "مميَّز بعلامة",
            count: "العدد",
            note: "ملاحظة",
            labelSeparator: ":",
            decimalSeparator: ".",
            percentSuffix: "\u{066A}"
        ),
    ]
}
