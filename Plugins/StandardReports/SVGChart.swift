import AtelierKernel

/// A chart drawn as inline SVG for the HTML report: accessible (`role="img"`, a `<title>` and a
/// `<desc>`), self-contained (presentation attributes, no external references, no `xmlns`, which inline
/// SVG in HTML does not need) and sized in a 720-unit-wide box that scales with the page.
///
/// Layout and direction: in right-to-left documents the dumbbell and the bar chart are mirrored, with
/// their labels at the right and values growing leftwards, because the labels are what the reader
/// starts from. The histogram and the scatter plot keep their numeric axes left to right, as
/// Arabic statistical publications print such plots. Every text carries its own `direction`, so Arabic
/// labels shape and order correctly while ticks (Western digits, the project's convention) stay left to right.
struct SVGChart {
    /// The chart.
    let chart: ReportDocument.Chart
    /// The report's language.
    let language: ReportLanguage
    /// A document-unique prefix for the ids of the chart's title and description.
    let id: String

    /// The drawing's width in user units.
    static let width = 720.0

    /// The chart's `<svg>` element: the drawing, or a framed "no data" notice when there is nothing to draw.
    func markup() -> String {
        switch chart.content {
        case .dumbbell(let dumbbell): dumbbellMarkup(dumbbell)
        case .histogram(let histogram): histogramMarkup(histogram)
        case .bars(let bars): barsMarkup(bars)
        case .scatter(let scatter): scatterMarkup(scatter)
        }
    }

    /// Whether the chart has anything to draw.
    var hasData: Bool {
        switch chart.content {
        case .dumbbell(let dumbbell):
            return dumbbell.rows.contains { ($0.from?.isFinite ?? false) || ($0.to?.isFinite ?? false) }
        case .histogram(let histogram):
            return histogram.edges.count >= 2 && histogram.series.contains { $0.values.contains { $0?.isFinite ?? false } }
        case .bars(let bars):
            return !bars.categories.isEmpty && bars.series.contains { $0.values.contains { $0?.isFinite ?? false } }
        case .scatter(let scatter):
            return scatter.points.contains { $0.x.isFinite && $0.y.isFinite }
        }
    }

    /// The direction of the report's text.
    var documentDirection: TextDirection {
        language.isRightToLeft ? .rightToLeft : .leftToRight
    }

    /// Numbers the chart writes itself.
    var numbers: ChartNumberFormat {
        ChartNumberFormat(words: language.words)
    }

    /// A new canvas, mirrored when the layout should follow a right-to-left document.
    func canvas(mirroredInRightToLeft: Bool) -> SVGCanvas {
        SVGCanvas(width: Self.width, mirrored: mirroredInRightToLeft && language.isRightToLeft, documentDirection: documentDirection)
    }

    /// The finished `<svg>` for `canvas`, labelled with the chart's title and caption.
    func finish(_ canvas: SVGCanvas, height: Double, kind: String) -> String {
        canvas.svg(height: height, id: id, title: chart.title, description: chart.caption, className: "chart-svg chart-\(kind)")
    }

    /// A small framed drawing that says there is no data, in the report's language.
    func noDataMarkup(kind: String) -> String {
        var canvas = canvas(mirroredInRightToLeft: false)
        let height = 72.0
        canvas.rect(x: 1, y: 1, width: Self.width - 2, height: height - 2, fill: "#ffffff", stroke: ChartPalette.grid, strokeWidth: 1.5, dash: "6 4")
        canvas.text(
            [language.words.noData],
            x: Self.width / 2,
            y: height / 2 + 5,
            anchor: .middle,
            fontSize: 15,
            fill: ChartPalette.muted,
            className: "no-data"
        )
        return finish(canvas, height: height, kind: kind)
    }

    /// An entry of a legend: how its mark is drawn.
    enum LegendMark {
        case hollowCircle(String)
        case filledCircle(String)
        case swatch(fill: String, stroke: String)
        case triangle(fill: String, stroke: String)
    }

    /// A legend on one line above a plot spanning logical `start...end`, vertically centred on `y`: from
    /// the plot's inline start, which is its right edge in a right-to-left report even when the chart's
    /// axes run left to right.
    func drawLegend(_ entries: [(mark: LegendMark, label: String)], on canvas: inout SVGCanvas, from start: Double, to end: Double, y: Double) {
        guard documentDirection == .rightToLeft, !canvas.mirrored else {
            drawLegendEntries(entries, on: &canvas, x: start, y: y)
            return
        }
        canvas.flipped { canvas in
            drawLegendEntries(entries, on: &canvas, x: Self.width - end, y: y)
        }
    }

    private func drawLegendEntries(_ entries: [(mark: LegendMark, label: String)], on canvas: inout SVGCanvas, x: Double, y: Double) {
        var cursor = x
        let fontSize = 12.0
        for entry in entries {
            switch entry.mark {
            case .hollowCircle(let colour):
                canvas.circle(center: (cursor + 6, y), radius: 5, fill: "#ffffff", stroke: colour, strokeWidth: 2, className: "legend-mark")
            case .filledCircle(let colour):
                canvas.circle(center: (cursor + 6, y), radius: 5, fill: colour, stroke: "#ffffff", className: "legend-mark")
            case .swatch(let fill, let stroke):
                canvas.rect(x: cursor, y: y - 6, width: 12, height: 12, fill: fill, stroke: stroke, className: "legend-mark")
            case .triangle(let fill, let stroke):
                canvas.triangle(center: (cursor + 6, y + 1), size: 6, fill: fill, stroke: stroke, className: "legend-mark")
            }
            canvas.text([entry.label], x: cursor + 18, y: y + 4, anchor: .start, fontSize: fontSize)
            cursor += 18 + TextMetrics.width(of: entry.label, fontSize: fontSize) + 22
        }
    }

    /// Vertical grid lines and tick labels for a horizontal value axis, and the axis title under them.
    func drawHorizontalAxis(
        _ scale: ChartScale,
        axis: ReportDocument.Chart.Axis,
        on canvas: inout SVGCanvas,
        top: Double,
        bottom: Double,
        labelsAbove: Bool = false
    ) {
        for tick in scale.ticks(isPercent: axis.isPercent) {
            let x = scale.position(tick)
            canvas.line(from: (x, top), to: (x, bottom), stroke: ChartPalette.grid)
            let label = numbers.tick(tick, isPercent: axis.isPercent, axisLabel: axis.label)
            canvas.text([label], x: x, y: bottom + 16, anchor: .middle, fontSize: 11, fill: ChartPalette.muted, className: "tick")
            if labelsAbove {
                canvas.text([label], x: x, y: top - 7, anchor: .middle, fontSize: 11, fill: ChartPalette.muted, className: "tick")
            }
        }
        canvas.line(from: (scale.start, bottom), to: (scale.end, bottom), stroke: ChartPalette.axis)
        if !axis.label.isEmpty {
            canvas.text([axis.label], x: (scale.start + scale.end) / 2, y: bottom + 38, anchor: .middle, fontSize: 12, className: "axis-label")
        }
    }
}
