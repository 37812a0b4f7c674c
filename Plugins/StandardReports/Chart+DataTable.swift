import AtelierKernel

extension ReportDocument.Chart {
    /// The chart's ``table``, safe for any values.
    ///
    /// The kernel prints whole numbers through `Int(_:)`, which traps on infinities and on magnitudes
    /// beyond `Int`'s range; a chart built from bad data must still render. Missing-able values that are
    /// not finite become `nil` (shown as missing); other values are clamped to ±10¹⁵.
    var dataTable: ReportDocument.Table {
        var chart = self
        switch content {
        case .dumbbell(var dumbbell):
            dumbbell.rows = dumbbell.rows.map { row in
                .init(label: row.label, from: row.from.flatMap(Self.finite), to: row.to.flatMap(Self.finite))
            }
            chart.content = .dumbbell(dumbbell)
        case .histogram(var histogram):
            histogram.edges = histogram.edges.map(Self.clamped)
            histogram.series = histogram.series.map(Self.finite)
            chart.content = .histogram(histogram)
        case .bars(var bars):
            bars.series = bars.series.map(Self.finite)
            chart.content = .bars(bars)
        case .scatter(var scatter):
            scatter.points = scatter.points.map { point in
                .init(label: point.label, x: Self.clamped(point.x), y: Self.clamped(point.y), flagged: point.flagged)
            }
            chart.content = .scatter(scatter)
        }
        return chart.table
    }

    private static let limit = 1e15

    private static func finite(_ value: Double) -> Double? {
        value.isFinite ? clamped(value) : nil
    }

    private static func finite(_ series: Series) -> Series {
        Series(name: series.name, values: series.values.map { $0.flatMap(finite) })
    }

    private static func clamped(_ value: Double) -> Double {
        value.isNaN ? value : min(max(value, -limit), limit)
    }
}
