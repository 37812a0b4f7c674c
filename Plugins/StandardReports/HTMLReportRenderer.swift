import AtelierKernel
import Foundation

/// Renders a report as one self-contained HTML page: inline CSS, charts as inline SVG, no script and
/// no external request of any kind (a Content-Security-Policy forbids them too), so the file can be
/// mailed, opened offline, printed on A4 or read on a phone.
///
/// Arabic reports get `dir="rtl"`; numbers and codes in their text are isolated left to right. Each
/// section's highlight comes first, drawn prominently. Each chart is an accessible SVG with its data
/// table in a `<details>` element under it.
///
/// ```swift
/// let page = try HTMLReportRenderer().render(report)
/// try page.write(to: URL(fileURLWithPath: "report.html"))
/// ```
public struct HTMLReportRenderer: ReportRenderer {
    /// `html`.
    public let format = "html"
    /// `text/html; charset=utf-8`.
    public let mediaType = "text/html; charset=utf-8"

    /// Creates a renderer.
    public init() {}

    /// Renders the report as a UTF-8 HTML page.
    public func render(_ report: ReportDocument) throws -> Data {
        Data(html(of: report).utf8)
    }

    /// The page.
    func html(of report: ReportDocument) -> String {
        let language = ReportLanguage(tag: report.language)
        let direction: TextDirection = language.isRightToLeft ? .rightToLeft : .leftToRight
        var html = """
            <!DOCTYPE html>
            <html lang="\(HTMLText.escaped(report.language))" dir="\(direction.attributeValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>\(HTMLText.escaped(report.title))</title>
            <style>
            \(HTMLStyleSheet.css)
            </style>
            </head>
            <body>
            <main>
            <header>
            <h1>\(HTMLText.isolatingNumbers(report.title, direction: direction))</h1>

            """
        if !report.metadata.isEmpty {
            html += "<dl class=\"metadata\">\n"
            for field in report.metadata {
                html += "<div><dt>\(HTMLText.isolatingNumbers(field.label, direction: direction))</dt>"
                html += "<dd>\(HTMLText.isolatingNumbers(field.value, direction: direction))</dd></div>\n"
            }
            html += "</dl>\n"
        }
        html += "</header>\n"
        if report.sections.isEmpty {
            html += "<p class=\"no-data\">\(HTMLText.escaped(language.words.noData))</p>\n"
        }
        var chartCount = 0
        for (sectionIndex, section) in report.sections.enumerated() {
            let headingID = "section-\(sectionIndex + 1)"
            html += "<section aria-labelledby=\"\(headingID)\">\n"
            html += "<h2 id=\"\(headingID)\">\(HTMLText.isolatingNumbers(section.heading, direction: direction))</h2>\n"
            for block in section.blocksInReadingOrder {
                switch block {
                case .paragraph(let text):
                    html += "<p>\(paragraph(text, direction: direction))</p>\n"
                case .highlight(let text):
                    html += "<p class=\"highlight\">\(paragraph(text, direction: direction))</p>\n"
                case .table(let table):
                    html += HTMLTableMarkup(table: table, direction: direction, words: language.words, regionLabel: section.heading).markup()
                case .chart(let chart):
                    chartCount += 1
                    html += figure(chart, id: "chart-\(chartCount)", language: language, direction: direction)
                }
            }
            html += "</section>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// A chart: its title and caption, the drawing, and its data table under a disclosure.
    private func figure(_ chart: ReportDocument.Chart, id: String, language: ReportLanguage, direction: TextDirection) -> String {
        let drawing = SVGChart(chart: chart, language: language, id: id)
        var html = "<figure class=\"chart\" id=\"\(id)\">\n<figcaption>"
        html += "<span class=\"chart-title\">\(HTMLText.isolatingNumbers(chart.title, direction: direction))</span>"
        if !chart.caption.isEmpty {
            html += "<span class=\"chart-caption\">\(HTMLText.isolatingNumbers(chart.caption, direction: direction))</span>"
        }
        html += "</figcaption>\n<div class=\"chart-scroll\">\n\(drawing.markup())\n</div>\n"
        if drawing.hasData {
            let table = HTMLTableMarkup(table: chart.dataTable, direction: direction, words: language.words, regionLabel: chart.title)
            html += "<details>\n<summary>\(HTMLText.escaped(language.words.dataTable))</summary>\n\(table.markup())</details>\n"
        }
        html += "</figure>\n"
        return html
    }

    /// Running text, its line breaks kept.
    private func paragraph(_ text: String, direction: TextDirection) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { HTMLText.isolatingNumbers(String($0), direction: direction) }
            .joined(separator: "<br>")
    }
}
