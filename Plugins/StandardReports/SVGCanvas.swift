/// An SVG drawing being built, element by element, with presentation attributes (so a copied chart
/// keeps its colours) and HTML-escaped text.
///
/// Charts are laid out in logical coordinates: x grows from the inline start of the layout. When
/// ``mirrored`` is set (a right-to-left document's dumbbell or bar chart) the canvas flips every x and
/// swaps start and end anchors, so one layout serves both directions.
struct SVGCanvas {
    /// The drawing's width in user units.
    let width: Double
    /// Whether logical x runs from the right edge.
    private(set) var mirrored: Bool
    /// The direction of the report, which decides how labels with right-to-left letters run.
    let documentDirection: TextDirection
    /// The elements drawn so far.
    private(set) var elements: [String] = []

    /// Where a text sits relative to its x, in logical terms.
    enum Anchor {
        /// Extends towards the layout's inline end from x.
        case start
        /// Centred on x.
        case middle
        /// Extends towards the layout's inline start from x.
        case end
    }

    /// Creates an empty canvas.
    init(width: Double, mirrored: Bool, documentDirection: TextDirection) {
        self.width = width
        self.mirrored = mirrored
        self.documentDirection = documentDirection
    }

    /// Draws with the layout flipped: a right-to-left legend on a chart whose axes stay left to right.
    mutating func flipped(_ draw: (inout SVGCanvas) -> Void) {
        mirrored.toggle()
        draw(&self)
        mirrored.toggle()
    }

    /// The physical x of a logical x.
    func x(_ logical: Double) -> Double {
        mirrored ? width - logical : logical
    }

    /// A straight line.
    mutating func line(
        from start: (x: Double, y: Double),
        to end: (x: Double, y: Double),
        stroke: String,
        strokeWidth: Double = 1,
        dash: String? = nil,
        className: String? = nil
    ) {
        var attributes = [
            ("x1", Self.number(x(start.x))), ("y1", Self.number(start.y)), ("x2", Self.number(x(end.x))),
            ("y2", Self.number(end.y)), ("stroke", stroke), ("stroke-width", Self.number(strokeWidth)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let className { attributes.append(("class", className)) }
        elements.append(Self.element("line", attributes))
    }

    /// A rectangle from logical `x` extending `width` towards the inline end.
    mutating func rect(
        x logicalX: Double,
        y: Double,
        width rectWidth: Double,
        height: Double,
        fill: String,
        stroke: String? = nil,
        strokeWidth: Double = 1,
        dash: String? = nil,
        className: String? = nil
    ) {
        let physicalX = mirrored ? width - logicalX - rectWidth : logicalX
        var attributes = [
            ("x", Self.number(physicalX)), ("y", Self.number(y)), ("width", Self.number(max(rectWidth, 0))),
            ("height", Self.number(max(height, 0))), ("fill", fill),
        ]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Self.number(strokeWidth))] }
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let className { attributes.append(("class", className)) }
        elements.append(Self.element("rect", attributes))
    }

    /// A circle; an outline only when `fill` is white or `none`.
    mutating func circle(
        center: (x: Double, y: Double),
        radius: Double,
        fill: String,
        stroke: String? = nil,
        strokeWidth: Double = 1,
        className: String? = nil
    ) {
        var attributes = [
            ("cx", Self.number(x(center.x))), ("cy", Self.number(center.y)), ("r", Self.number(radius)), ("fill", fill),
        ]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Self.number(strokeWidth))] }
        if let className { attributes.append(("class", className)) }
        elements.append(Self.element("circle", attributes))
    }

    /// An upward triangle centred on a point (the shape of flagged points).
    mutating func triangle(
        center: (x: Double, y: Double),
        size: Double,
        fill: String,
        stroke: String,
        className: String? = nil
    ) {
        let cx = x(center.x)
        let points = [(cx, center.y - size), (cx + size * 0.92, center.y + size * 0.6), (cx - size * 0.92, center.y + size * 0.6)]
        var attributes = [
            ("points", points.map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")),
            ("fill", fill), ("stroke", stroke), ("stroke-width", "1"),
        ]
        if let className { attributes.append(("class", className)) }
        elements.append(Self.element("polygon", attributes))
    }

    /// One or more lines of text; the first baseline at `y`, then every `lineHeight`.
    ///
    /// Each text runs in its own direction: right to left when it holds right-to-left letters and the
    /// document (or its first letter) is right to left, left to right otherwise (numbers, codes). The
    /// `direction` attribute is always written, because an SVG inside `<html dir="rtl">` would inherit
    /// right to left; `text-anchor` is chosen from that direction so the text sits on the intended side.
    /// `fullText`, when given, becomes a tooltip (the label was shortened).
    mutating func text(
        _ lines: [String],
        x logicalX: Double,
        y: Double,
        lineHeight: Double = 0,
        anchor: Anchor,
        fontSize: Double,
        fill: String = ChartPalette.ink,
        bold: Bool = false,
        halo: Bool = false,
        rotation: Double? = nil,
        fullText: String? = nil,
        className: String? = nil
    ) {
        let direction = TextDirection.forLabel(lines.joined(separator: " "), in: documentDirection)
        let physicalX = x(logicalX)
        var attributes = [
            ("x", Self.number(physicalX)), ("y", Self.number(y)), ("font-size", Self.number(fontSize)), ("fill", fill),
            ("text-anchor", textAnchor(for: anchor, direction: direction)), ("direction", direction.attributeValue),
            ("unicode-bidi", "embed"),
        ]
        if bold { attributes.append(("font-weight", "600")) }
        if halo {
            attributes += [("stroke", "#ffffff"), ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke")]
        }
        if let rotation {
            attributes.append(("transform", "rotate(\(Self.number(rotation)) \(Self.number(physicalX)) \(Self.number(y)))"))
        }
        if let className { attributes.append(("class", className)) }
        var content = fullText.map { "<title>" + HTMLText.escaped($0) + "</title>" } ?? ""
        if lines.count == 1, let line = lines.first {
            content += HTMLText.escaped(line)
        } else {
            for (index, line) in lines.enumerated() {
                let dy = index == 0 ? "0" : Self.number(lineHeight)
                content += "<tspan x=\"\(Self.number(physicalX))\" dy=\"\(dy)\">" + HTMLText.escaped(line) + "</tspan>"
            }
        }
        elements.append(Self.element("text", attributes, content: content))
    }

    /// A group with a tooltip, around elements drawn by `draw`.
    mutating func group(tooltip: String, className: String? = nil, _ draw: (inout SVGCanvas) -> Void) {
        let classAttribute = className.map { " class=\"\(HTMLText.escaped($0))\"" } ?? ""
        elements.append("<g\(classAttribute)><title>" + HTMLText.escaped(tooltip) + "</title>")
        draw(&self)
        elements.append("</g>")
    }

    /// The finished `<svg>` element, labelled for assistive technology by its title and description.
    func svg(height: Double, id: String, title: String, description: String, className: String) -> String {
        let titleID = id + "-title"
        let descriptionID = id + "-desc"
        let attributes = [
            ("class", className), ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"), ("width", Self.number(width)),
            ("height", Self.number(height)), ("role", "img"), ("aria-labelledby", titleID + " " + descriptionID),
            ("direction", "ltr"), ("font-size", "12"),
        ]
        let header = [
            "<title id=\"\(HTMLText.escaped(titleID))\">" + HTMLText.escaped(title) + "</title>",
            "<desc id=\"\(HTMLText.escaped(descriptionID))\">" + HTMLText.escaped(description) + "</desc>",
        ]
        return Self.element("svg", attributes, content: "\n" + (header + elements).joined(separator: "\n") + "\n")
    }

    /// A coordinate with at most one decimal: `12`, `12.5`, `-3`.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0" }
        let whole = Int(tenths / 10)
        let fraction = Int(abs(tenths).truncatingRemainder(dividingBy: 10))
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    private func textAnchor(for anchor: Anchor, direction: TextDirection) -> String {
        let extendsRightwards: Bool
        switch anchor {
        case .middle: return "middle"
        case .start: extendsRightwards = !mirrored
        case .end: extendsRightwards = mirrored
        }
        // `start` is the left edge of left-to-right text and the right edge of right-to-left text.
        return extendsRightwards == (direction == .leftToRight) ? "start" : "end"
    }

    private static func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) -> String {
        let attributeText = attributes.map { " \($0.0)=\"\(HTMLText.escaped($0.1))\"" }.joined()
        guard let content else { return "<\(name)\(attributeText)/>" }
        return "<\(name)\(attributeText)>\(content)</\(name)>"
    }
}
