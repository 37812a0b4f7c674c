import AtelierKernel

/// A linear map from values on an axis to positions in a drawing, with the axis's ticks.
struct ChartScale {
    /// The smallest value shown.
    let lower: Double
    /// The largest value shown.
    let upper: Double
    /// The position of ``lower``.
    let start: Double
    /// The position of ``upper``.
    let end: Double

    /// A scale covering `axis`, widened to take in every finite value of `data` (so nothing is drawn
    /// outside the frame); falls back on the data, then on 0...1, when the axis range is unusable.
    init(axis: ReportDocument.Chart.Axis, data: [Double], from start: Double, to end: Double) {
        let values = data.filter(\.isFinite)
        var lower = axis.minimum.isFinite ? axis.minimum : (values.min() ?? 0)
        var upper = axis.maximum.isFinite ? axis.maximum : (values.max() ?? 1)
        lower = min(lower, values.min() ?? lower)
        upper = max(upper, values.max() ?? upper)
        if upper < lower {
            swap(&lower, &upper)
        }
        if upper - lower < 1e-9 {
            lower -= 1
            upper += 1
        }
        self.init(lower: lower, upper: upper, start: start, end: end)
    }

    /// A scale from `lower...upper` to `start...end`.
    init(lower: Double, upper: Double, start: Double, end: Double) {
        self.lower = lower
        self.upper = upper
        self.start = start
        self.end = end
    }

    /// The position of `value`, kept inside the frame.
    func position(_ value: Double) -> Double {
        let clamped = min(max(value, lower), upper)
        return start + (clamped - lower) / (upper - lower) * (end - start)
    }

    /// Round values to mark: every 25 on a 0–100 % axis, otherwise steps of 1, 2, 2.5 or 5 × 10ⁿ giving
    /// four to eight ticks.
    func ticks(isPercent: Bool) -> [Double] {
        if isPercent, lower == 0, upper == 100 { return [0, 25, 50, 75, 100] }
        let step = Self.niceStep(atLeast: (upper - lower) / 7, candidates: [1, 2, 2.5, 5])
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard first <= last else { return [lower, upper] }
        return stride(from: first, through: last, by: 1).map { ($0 * step * 1e9).rounded() / 1e9 }
    }

    /// Integer ticks from 0 for counts up to `maximum`, and the top of the axis (a multiple of the step).
    static func countTicks(upTo maximum: Double) -> (ticks: [Double], top: Double) {
        let step = max(niceStep(atLeast: max(maximum, 1) / 5, candidates: [1, 2, 5]), 1)
        let top = max((maximum / step).rounded(.up), 1) * step
        return (stride(from: 0, through: top, by: step).map { $0 }, top)
    }

    /// The smallest `candidate × 10ⁿ` that is at least `minimum`.
    private static func niceStep(atLeast minimum: Double, candidates: [Double]) -> Double {
        guard minimum.isFinite, minimum > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= minimum {
            magnitude *= 10
        }
        while magnitude > minimum {
            magnitude /= 10
        }
        for factor in [1.0, 10.0] {
            for candidate in candidates where candidate * magnitude * factor >= minimum {
                return candidate * magnitude * factor
            }
        }
        return magnitude * 10
    }
}
