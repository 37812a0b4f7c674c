import AtelierKernel

extension SVGChart {
    /// One row per subject: the label at the inline start, a line from the value before to the value
    /// after, a hollow circle before and a filled one after (shape and colour both tell them apart),
    /// a lone mark when one end is missing.
    ///
    /// Rows are 22 units high up to 30 rows (30 participants fit on an A4 page), 15 up to 60, and
    /// 10 beyond, with smaller marks and labels.
    func dumbbellMarkup(_ dumbbell: ReportDocument.Chart.Dumbbell) -> String {
        guard hasData else { return noDataMarkup(kind: "dumbbell") }
        let density = DumbbellDensity(rowCount: dumbbell.rows.count)
        var canvas = canvas(mirroredInRightToLeft: true)
        let finite: (Double?) -> Double? = { value in value.flatMap { $0.isFinite ? $0 : nil } }
        let labelWidth = min(max(dumbbell.rows.map { TextMetrics.width(of: $0.label, fontSize: density.fontSize) }.max() ?? 0, 28), 190)
        let plotStart = 8 + labelWidth + 16
        let scale = ChartScale(
            axis: dumbbell.axis,
            data: dumbbell.rows.flatMap { [finite($0.from), finite($0.to)].compactMap { $0 } },
            from: plotStart,
            to: Self.width - 28
        )
        let ticksAbove = dumbbell.rows.count > 15
        let top = ticksAbove ? 58.0 : 40.0
        let bottom = top + Double(dumbbell.rows.count) * density.rowHeight

        drawLegend(
            [(.hollowCircle(ChartPalette.from), dumbbell.fromName), (.filledCircle(ChartPalette.to), dumbbell.toName)],
            on: &canvas,
            from: scale.start,
            to: scale.end,
            y: 16
        )
        for index in dumbbell.rows.indices where index % 2 == 1 {
            let y = top + Double(index) * density.rowHeight
            canvas.rect(x: 0, y: y, width: Self.width, height: density.rowHeight, fill: ChartPalette.stripe)
        }
        drawHorizontalAxis(scale, axis: dumbbell.axis, on: &canvas, top: top, bottom: bottom, labelsAbove: ticksAbove)

        for (index, row) in dumbbell.rows.enumerated() {
            let y = top + (Double(index) + 0.5) * density.rowHeight
            let label = TextMetrics.truncated(row.label, toWidth: labelWidth, fontSize: density.fontSize)
            canvas.text(
                [label],
                x: 8,
                y: y + density.fontSize * 0.35,
                anchor: .start,
                fontSize: density.fontSize,
                fullText: label == row.label ? nil : row.label,
                className: "row-label"
            )
            let from = finite(row.from)
            let to = finite(row.to)
            let tooltip = "\(row.label): \(from.map { numbers.number($0) } ?? "—") → \(to.map { numbers.number($0) } ?? "—")"
            canvas.group(tooltip: tooltip, className: "dumbbell-row") { canvas in
                if let from, let to {
                    canvas.line(
                        from: (scale.position(from), y),
                        to: (scale.position(to), y),
                        stroke: ChartPalette.connector,
                        strokeWidth: density.lineWidth
                    )
                }
                if let from {
                    canvas.circle(
                        center: (scale.position(from), y),
                        radius: density.fromRadius,
                        fill: "#ffffff",
                        stroke: ChartPalette.from,
                        strokeWidth: density.lineWidth,
                        className: "dumbbell-from"
                    )
                }
                if let to {
                    canvas.circle(
                        center: (scale.position(to), y),
                        radius: density.toRadius,
                        fill: ChartPalette.to,
                        stroke: "#ffffff",
                        strokeWidth: 0.8,
                        className: "dumbbell-to"
                    )
                }
                if from == nil, to == nil {
                    canvas.text(["—"], x: scale.start + 4, y: y + 4, anchor: .start, fontSize: density.fontSize, fill: ChartPalette.muted)
                }
            }
        }
        return finish(canvas, height: bottom + 50, kind: "dumbbell")
    }
}

/// Sizes of a dumbbell chart's rows and marks for its number of rows.
private struct DumbbellDensity {
    let rowHeight: Double
    let fontSize: Double
    let fromRadius: Double
    let toRadius: Double
    let lineWidth: Double

    init(rowCount: Int) {
        switch rowCount {
        case ...30: (rowHeight, fontSize, fromRadius, toRadius, lineWidth) = (22, 12, 5.5, 4.6, 2)
        case ...60: (rowHeight, fontSize, fromRadius, toRadius, lineWidth) = (15, 10.5, 4.4, 3.7, 1.6)
        default: (rowHeight, fontSize, fromRadius, toRadius, lineWidth) = (10, 8, 3.2, 2.7, 1.2)
        }
    }
}
