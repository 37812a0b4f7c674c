import AtelierKernel

extension SVGChart {
    /// Side-by-side bars for each series in each bin, on a horizontal value axis marked at the bins'
    /// edges and a vertical axis of whole counts; counts are written above bars wide enough to hold them.
    func histogramMarkup(_ histogram: ReportDocument.Chart.Histogram) -> String {
        guard hasData else { return noDataMarkup(kind: "histogram") }
        var canvas = canvas(mirroredInRightToLeft: false)
        let height = 340.0
        let top = 44.0
        let bottom = height - 66
        let edges = histogram.edges
        let x = ChartScale(axis: histogram.axis, data: edges.filter(\.isFinite), from: 66, to: Self.width - 20)
        let count: (Int, Int) -> Double? = { series, bin in
            let values = histogram.series[series].values
            guard values.indices.contains(bin), let value = values[bin], value.isFinite else { return nil }
            return max(value, 0)
        }
        let binCount = max(edges.count - 1, 0)
        let largest = (0..<binCount).flatMap { bin in histogram.series.indices.compactMap { count($0, bin) } }.max() ?? 0
        let counts = ChartScale.countTicks(upTo: largest)
        let y = ChartScale(lower: 0, upper: counts.top, start: bottom, end: top)

        drawLegend(
            histogram.series.enumerated().map { index, series in
                let colours = ChartPalette.series(index)
                return (.swatch(fill: colours.fill, stroke: colours.stroke), series.name)
            },
            on: &canvas,
            from: x.start,
            to: x.end,
            y: 16
        )
        for tick in counts.ticks {
            canvas.line(from: (x.start, y.position(tick)), to: (x.end, y.position(tick)), stroke: ChartPalette.grid)
            canvas.text(
                [numbers.number(tick)],
                x: x.start - 8,
                y: y.position(tick) + 4,
                anchor: .end,
                fontSize: 11,
                fill: ChartPalette.muted,
                className: "tick"
            )
        }
        canvas.text(
            [language.words.count],
            x: 18,
            y: (top + bottom) / 2,
            anchor: .middle,
            fontSize: 12,
            rotation: -90,
            className: "axis-label"
        )

        let seriesCount = max(histogram.series.count, 1)
        for bin in 0..<binCount where edges[bin].isFinite && edges[bin + 1].isFinite {
            let left = x.position(edges[bin])
            let right = x.position(edges[bin + 1])
            guard right - left >= 2 else { continue }
            let padding = (right - left) * 0.12
            let barWidth = (right - left - 2 * padding) / Double(seriesCount)
            for series in histogram.series.indices {
                guard let value = count(series, bin) else { continue }
                let colours = ChartPalette.series(series)
                let barLeft = left + padding + Double(series) * barWidth
                let barTop = y.position(value)
                canvas.rect(
                    x: barLeft,
                    y: barTop,
                    width: barWidth,
                    height: bottom - barTop,
                    fill: colours.fill,
                    stroke: colours.stroke,
                    strokeWidth: 0.8,
                    className: "bin"
                )
                if value > 0, barWidth >= 11 {
                    canvas.text(
                        [numbers.number(value)],
                        x: barLeft + barWidth / 2,
                        y: barTop - 4,
                        anchor: .middle,
                        fontSize: 10,
                        className: "bin-count"
                    )
                }
            }
        }

        let labelEvery = max(Int((Double(edges.count) / 12).rounded(.up)), 1)
        for (index, edge) in edges.enumerated() where edge.isFinite {
            let position = x.position(edge)
            canvas.line(from: (position, bottom), to: (position, bottom + 4), stroke: ChartPalette.axis)
            if index % labelEvery == 0 || index == edges.count - 1 {
                let label = numbers.tick(edge, isPercent: histogram.axis.isPercent, axisLabel: histogram.axis.label)
                canvas.text([label], x: position, y: bottom + 17, anchor: .middle, fontSize: 11, fill: ChartPalette.muted, className: "tick")
            }
        }
        canvas.line(from: (x.start, bottom), to: (x.end, bottom), stroke: ChartPalette.axis)
        if !histogram.axis.label.isEmpty {
            canvas.text([histogram.axis.label], x: (x.start + x.end) / 2, y: bottom + 40, anchor: .middle, fontSize: 12, className: "axis-label")
        }
        return finish(canvas, height: height, kind: "histogram")
    }
}
