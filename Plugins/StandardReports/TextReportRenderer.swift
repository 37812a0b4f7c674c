import AtelierKernel
import Foundation

/// Renders a report as plain text for a terminal.
///
/// The title is underlined, metadata are aligned `label: value` lines, paragraphs are wrapped at
/// ``lineWidth`` columns, a highlight is an indented block, and tables (charts included, through their
/// data table) have aligned columns with numbers on the right and missing values as `—`. Widths are
/// counted in terminal columns, so accented and Arabic text line up.
///
/// ```swift
/// let text = try TextReportRenderer().render(report)
/// FileHandle.standardOutput.write(text)
/// ```
public struct TextReportRenderer: ReportRenderer {
    /// `text`.
    public let format = "text"
    /// `text/plain; charset=utf-8`.
    public let mediaType = "text/plain; charset=utf-8"
    /// The width paragraphs are wrapped at, in terminal columns.
    public let lineWidth: Int

    /// Creates a renderer.
    /// - Parameter lineWidth: the width paragraphs are wrapped at (at least 20 columns).
    public init(lineWidth: Int = 100) {
        self.lineWidth = max(lineWidth, 20)
    }

    /// Renders the report as UTF-8 text with `\n` line ends.
    public func render(_ report: ReportDocument) throws -> Data {
        Data(text(of: report).utf8)
    }

    /// The report as lines of text, ending with a line break.
    func text(of report: ReportDocument) -> String {
        let words = ReportWords.forLanguage(report.language)
        var blocks: [[String]] = [underlined(report.title, with: "=")]
        if !report.metadata.isEmpty {
            blocks.append(metadataLines(report.metadata, words: words))
        }
        if report.sections.isEmpty {
            blocks.append([words.noData])
        }
        for section in report.sections {
            blocks.append(underlined(section.heading, with: "-"))
            for block in section.blocksInReadingOrder {
                blocks.append(lines(of: block, words: words))
            }
        }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private func underlined(_ heading: String, with rule: Character) -> [String] {
        let lines = TerminalText.wrap(heading, columns: lineWidth)
        let width = max(lines.map(\.terminalColumns).max() ?? 0, 1)
        return lines + [String(repeating: rule, count: width)]
    }

    private func metadataLines(_ fields: [ReportDocument.Field], words: ReportWords) -> [String] {
        let labels = fields.map { TerminalText.singleLine($0.label) + words.labelSeparator }
        let labelWidth = min(labels.map(\.terminalColumns).max() ?? 0, lineWidth / 3)
        let indent = String(repeating: " ", count: labelWidth + 1)
        return zip(labels, fields).flatMap { label, field in
            let values = TerminalText.wrap(field.value, columns: lineWidth - labelWidth - 1)
            let first = TerminalText.pad(label, to: labelWidth, alignEnd: false) + " " + (values.first ?? "")
            return [first] + values.dropFirst().map { indent + $0 }
        }
    }

    private func lines(of block: ReportDocument.Block, words: ReportWords) -> [String] {
        switch block {
        case .paragraph(let text):
            return TerminalText.wrap(text, columns: lineWidth)
        case .highlight(let text):
            let bar = "  ┃ "
            return TerminalText.wrap(text, columns: lineWidth - bar.terminalColumns).map { bar + $0 }
        case .table(let table):
            return tableLines(table, words: words)
        case .chart(let chart):
            let heading = TerminalText.wrap(chart.title, columns: lineWidth)
            let caption = chart.caption.isEmpty ? [] : TerminalText.wrap(chart.caption, columns: lineWidth)
            return heading + caption + [""] + tableLines(chart.dataTable, words: words)
        }
    }

    private func tableLines(_ table: ReportDocument.Table, words: ReportWords) -> [String] {
        var lines =
            table.rows.isEmpty
            ? [words.noData]
            : TextTable(columns: table.columns, rows: table.rows, maximumWidth: lineWidth).lines()
        if let note = table.note, !note.isEmpty {
            lines += TerminalText.wrap("\(words.note)\(words.labelSeparator) \(note)", columns: lineWidth)
        }
        return lines
    }
}
