/// Numbers a chart writes itself (ticks, values at bar ends), with Western digits in every language
/// (the project's convention) and the language's decimal separator and percent sign.
struct ChartNumberFormat {
    /// The words of the report's language.
    let words: ReportWords

    /// `value` with at most `decimals` decimals, trailing zeros dropped: `25`, `0,5`, `-0.25`.
    func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let scale = (0..<max(decimals, 0)).reduce(1.0) { product, _ in product * 10 }
        let rounded = (value * scale).rounded() / scale
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let whole = magnitude.rounded(.towardZero)
        var fraction = Int(((magnitude - whole) * scale).rounded())
        var digits = ""
        for _ in 0..<max(decimals, 0) {
            digits = String(fraction % 10) + digits
            fraction /= 10
        }
        while digits.last == "0" {
            digits.removeLast()
        }
        let wholeText = whole < 1e15 ? String(Int(whole)) : String(whole)
        let body = digits.isEmpty ? wholeText : wholeText + words.decimalSeparator + digits
        return negative ? "-" + body : body
    }

    /// A percentage rounded to a whole number, with the language's percent sign: `72 %`, `72%`.
    func percent(_ value: Double) -> String {
        number(value, decimals: 0) + words.percentSuffix
    }

    /// A tick label: the number, with a percent sign when the axis is in percent and its label does not
    /// already say so ("Score (%)").
    func tick(_ value: Double, isPercent: Bool, axisLabel: String) -> String {
        isPercent && !axisLabel.contains("%") ? percent(value) : number(value)
    }
}
