import AtelierKernel

/// A report table as HTML: a header row, a row header for a first column of labels, numeric columns
/// aligned at the end, missing values as a muted dash, in a wrapper that scrolls sideways on narrow screens.
struct HTMLTableMarkup {
    /// The table.
    let table: ReportDocument.Table
    /// The report's direction (numbers and codes are isolated in right-to-left reports).
    let direction: TextDirection
    /// The words of the report's language.
    let words: ReportWords
    /// A name for the scrolling region (the section heading or the chart title).
    let regionLabel: String

    /// The markup: the wrapper, the table and the note below it.
    func markup() -> String {
        let count = max(table.columns.count, table.rows.map(\.count).max() ?? 0)
        let numeric = (0..<count).map { index in
            NumberShape.isNumericColumn(table.rows.map { index < $0.count ? $0[index] : nil })
        }
        let rowHeaders = count > 1 && !numeric[0]
        var html = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTMLText.escaped(regionLabel))\">\n<table>\n<thead><tr>"
        for index in 0..<count {
            let name = index < table.columns.count ? table.columns[index] : ""
            html += "<th scope=\"col\"\(numeric[index] ? " class=\"num\"" : "")>\(inline(name))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        if table.rows.isEmpty {
            html += "<tr><td class=\"no-data\" colspan=\"\(max(count, 1))\">\(HTMLText.escaped(words.noData))</td></tr>\n"
        }
        for row in table.rows {
            html += "<tr>"
            for index in 0..<count {
                let cell = index < row.count ? row[index] : nil
                let tag = index == 0 && rowHeaders ? "th" : "td"
                let scope = tag == "th" ? " scope=\"row\"" : ""
                if let cell {
                    html += "<\(tag)\(scope)\(cellClass(cell, numeric: numeric[index]))>\(inline(cell))</\(tag)>"
                } else {
                    html += "<\(tag)\(scope) class=\"missing\(numeric[index] ? " num" : "")\">—</\(tag)>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        if let note = table.note, !note.isEmpty {
            html += "<p class=\"table-note\">\(inline(note))</p>\n"
        }
        return html
    }

    /// `num` for numbers; `code` for short cells without spaces (`OBJ-4`, `P-07`), which must not
    /// break at their hyphen.
    private func cellClass(_ cell: String, numeric: Bool) -> String {
        if NumberShape.isPlaceholder(cell), !cell.isEmpty { return numeric ? " class=\"missing num\"" : " class=\"missing\"" }
        if numeric { return " class=\"num\"" }
        if cell.count <= 24, !cell.contains(where: \.isWhitespace) { return " class=\"code\"" }
        return ""
    }

    private func inline(_ text: String) -> String {
        HTMLText.isolatingNumbers(text, direction: direction)
    }
}
