import AtelierKernel

extension SVGChart {
    /// Horizontal bars grouped by category, one bar per series, with the value at each bar's end.
    /// Category labels wrap onto up to three lines; a longer one is shortened with an ellipsis and keeps
    /// its full text as a tooltip.
    func barsMarkup(_ bars: ReportDocument.Chart.Bars) -> String {
        guard hasData else { return noDataMarkup(kind: "bars") }
        var canvas = canvas(mirroredInRightToLeft: true)
        let fontSize = 12.0
        let lineHeight = 15.0
        let labelWidth = 230.0
        let seriesCount = bars.series.count
        let barHeight = seriesCount <= 2 ? 15.0 : seriesCount <= 4 ? 11.0 : 8.0
        let barGap = 3.0
        let value: (Int, Int) -> Double? = { series, category in
            let values = bars.series[series].values
            guard values.indices.contains(category), let value = values[category], value.isFinite else { return nil }
            return value
        }
        let allValues = bars.categories.indices.flatMap { category in bars.series.indices.compactMap { value($0, category) } }
        let scale = ChartScale(axis: bars.axis, data: allValues, from: 8 + labelWidth + 16, to: Self.width - 58)
        let base = scale.position(min(max(0, scale.lower), scale.upper))

        let labels = bars.categories.map { TextMetrics.lines(of: $0, width: labelWidth, fontSize: fontSize, maximumLines: 3) }
        let barsHeight = Double(seriesCount) * barHeight + Double(max(seriesCount - 1, 0)) * barGap
        let groupHeights = labels.map { max(barsHeight, Double($0.lines.count) * lineHeight) + 18 }
        let top = 40.0
        let bottom = top + groupHeights.reduce(0, +)

        drawLegend(
            bars.series.enumerated().map { index, series in
                let colours = ChartPalette.series(index)
                return (.swatch(fill: colours.fill, stroke: colours.stroke), series.name)
            },
            on: &canvas,
            from: scale.start,
            to: scale.end,
            y: 16
        )
        var groupTop = top
        for (index, height) in groupHeights.enumerated() where index % 2 == 1 {
            let y = top + groupHeights.prefix(index).reduce(0, +)
            canvas.rect(x: 0, y: y, width: Self.width, height: height, fill: ChartPalette.stripe)
        }
        drawHorizontalAxis(scale, axis: bars.axis, on: &canvas, top: top, bottom: bottom)

        for (category, label) in bars.categories.enumerated() {
            let centre = groupTop + groupHeights[category] / 2
            let lines = labels[category].lines
            canvas.text(
                lines,
                x: 8,
                y: centre - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35,
                lineHeight: lineHeight,
                anchor: .start,
                fontSize: fontSize,
                fullText: labels[category].isShortened ? label : nil,
                className: "category-label"
            )
            var barTop = centre - barsHeight / 2
            for series in bars.series.indices {
                let colours = ChartPalette.series(series)
                if let value = value(series, category) {
                    let end = scale.position(value)
                    canvas.rect(
                        x: min(base, end),
                        y: barTop,
                        width: max(abs(end - base), 1),
                        height: barHeight,
                        fill: colours.fill,
                        stroke: colours.stroke,
                        strokeWidth: 0.8,
                        className: "bar"
                    )
                    let text = bars.axis.isPercent ? numbers.percent(value) : numbers.number(value)
                    canvas.text(
                        [text],
                        x: end >= base ? max(end, base) + 4 : end - 4,
                        y: barTop + barHeight / 2 + 4,
                        anchor: end >= base ? .start : .end,
                        fontSize: min(11, barHeight),
                        className: "bar-value"
                    )
                } else {
                    canvas.text(["—"], x: base + 4, y: barTop + barHeight / 2 + 4, anchor: .start, fontSize: 11, fill: ChartPalette.muted)
                }
                barTop += barHeight + barGap
            }
            groupTop += groupHeights[category]
        }
        return finish(canvas, height: bottom + 50, kind: "bars")
    }
}
