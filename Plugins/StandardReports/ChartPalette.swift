/// The colours of the charts: a palette that survives colour blindness (orange against blue, as in
/// Okabe and Ito's palette) and greyscale printing (the two main colours differ in lightness, and
/// every colour distinction is doubled by a shape or an outline).
enum ChartPalette {
    /// Text.
    static let ink = "#1b1f24"
    /// Secondary text: ticks, notes.
    static let muted = "#55606b"
    /// Axis lines.
    static let axis = "#6b7580"
    /// Grid lines.
    static let grid = "#dfe4e9"
    /// Alternate row background.
    static let stripe = "#f3f5f7"
    /// The first end of a dumbbell (before): an outline only.
    static let from = "#b35900"
    /// The second end of a dumbbell (after): filled.
    static let to = "#1f4e79"
    /// Pre → post connecting line.
    static let connector = "#9aa6b2"
    /// Flagged points.
    static let warning = "#d55e00"
    /// Flagged points' outline.
    static let warningOutline = "#6e2f00"
    /// Ordinary points.
    static let point = "#1f4e79"

    /// Fill and outline of the `index`th series of bars: light orange, dark blue, then greys and a light
    /// blue that stay apart in lightness.
    static func series(_ index: Int) -> (fill: String, stroke: String) {
        seriesColours[index % seriesColours.count]
    }

    private static let seriesColours: [(fill: String, stroke: String)] = [
        ("#f2a950", "#8f4d00"),
        ("#1f4e79", "#102a42"),
        ("#9e9e9e", "#4d4d4d"),
        ("#9ccbe8", "#2f6690"),
        ("#5a5a5a", "#262626"),
    ]
}
