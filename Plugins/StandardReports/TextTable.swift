/// A table laid out for a terminal: columns aligned by display width, numeric columns aligned on the
/// right, and wide text columns wrapped so the table fits the line.
struct TextTable {
    /// The header.
    var columns: [String]
    /// The cells; `nil` is a suppressed or missing value.
    var rows: [[String?]]
    /// What a `nil` cell shows.
    var missing = "—"
    /// The widest a line may be, in columns, as long as text columns can still be narrowed.
    var maximumWidth = 100
    /// Text columns are never narrowed below this (numeric columns are never narrowed).
    var minimumColumnWidth = 12

    private let gap = "  "

    /// The table's lines: header, a rule, then the rows, without trailing spaces.
    func lines() -> [String] {
        let count = max(columns.count, rows.map(\.count).max() ?? 0)
        let header = (0..<count).map { $0 < columns.count ? TerminalText.singleLine(columns[$0]) : "" }
        let body = rows.map { row in
            (0..<count).map { index in
                index < row.count ? row[index].map(TerminalText.singleLine) ?? missing : missing
            }
        }
        let numeric = (0..<count).map { index in
            NumberShape.isNumericColumn(rows.map { index < $0.count ? $0[index] : nil })
        }
        let widths = fittedWidths(
            natural: (0..<count).map { index in
                max(header[index].terminalColumns, body.map { $0[index].terminalColumns }.max() ?? 0, 1)
            },
            numeric: numeric
        )
        var lines = layout(header, widths: widths, numeric: numeric)
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: gap))
        for row in body {
            lines += layout(row, widths: widths, numeric: numeric)
        }
        return lines
    }

    /// Column widths: the natural ones, with the widest text columns narrowed one column at a time until
    /// the table fits `maximumWidth` or no text column can shrink further.
    private func fittedWidths(natural: [Int], numeric: [Bool]) -> [Int] {
        var widths = natural
        let total = { widths.reduce(0, +) + gap.count * max(widths.count - 1, 0) }
        while total() > maximumWidth {
            let shrinkable = widths.indices.filter { !numeric[$0] && widths[$0] > minimumColumnWidth }
            guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        return widths
    }

    /// One table row as one or more lines (cells wider than their column wrap).
    private func layout(_ cells: [String], widths: [Int], numeric: [Bool]) -> [String] {
        let wrapped = cells.indices.map { TerminalText.wrap(cells[$0], columns: widths[$0]) }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            let line = cells.indices.map { index in
                let text = lineIndex < wrapped[index].count ? wrapped[index][lineIndex] : ""
                return TerminalText.pad(text, to: widths[index], alignEnd: numeric[index])
            }
            return trimmingTrailingSpaces(line.joined(separator: gap))
        }
    }

    private func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " {
            line.removeLast()
        }
        return line
    }
}
