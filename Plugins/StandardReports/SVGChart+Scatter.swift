import AtelierKernel

extension SVGChart {
    /// Labelled points on two axes with grid lines, dashed guide lines with their label, and flagged
    /// points drawn as warning-coloured triangles (a different shape, for greyscale and colour-blind
    /// readers). Labels are placed beside their point where they overlap neither another label nor a point.
    func scatterMarkup(_ scatter: ReportDocument.Chart.Scatter) -> String {
        guard hasData else { return noDataMarkup(kind: "scatter") }
        var canvas = canvas(mirroredInRightToLeft: false)
        let height = 470.0
        let top = 44.0
        let bottom = height - 64
        let points = scatter.points.filter { $0.x.isFinite && $0.y.isFinite }
        let x = ChartScale(axis: scatter.xAxis, data: points.map(\.x), from: 72, to: Self.width - 24)
        let y = ChartScale(axis: scatter.yAxis, data: points.map(\.y), from: bottom, to: top)

        if points.contains(where: \.flagged) {
            drawLegend(
                [(.triangle(fill: ChartPalette.warning, stroke: ChartPalette.warningOutline), language.words.flagged)],
                on: &canvas,
                from: x.start,
                to: x.end,
                y: 16
            )
        }
        for tick in x.ticks(isPercent: scatter.xAxis.isPercent) {
            let position = x.position(tick)
            canvas.line(from: (position, top), to: (position, bottom), stroke: ChartPalette.grid)
            let label = numbers.tick(tick, isPercent: scatter.xAxis.isPercent, axisLabel: scatter.xAxis.label)
            canvas.text([label], x: position, y: bottom + 17, anchor: .middle, fontSize: 11, fill: ChartPalette.muted, className: "tick")
        }
        for tick in y.ticks(isPercent: scatter.yAxis.isPercent) {
            let position = y.position(tick)
            canvas.line(from: (x.start, position), to: (x.end, position), stroke: ChartPalette.grid)
            let label = numbers.tick(tick, isPercent: scatter.yAxis.isPercent, axisLabel: scatter.yAxis.label)
            canvas.text([label], x: x.start - 8, y: position + 4, anchor: .end, fontSize: 11, fill: ChartPalette.muted, className: "tick")
        }
        canvas.rect(x: x.start, y: top, width: x.end - x.start, height: bottom - top, fill: "none", stroke: ChartPalette.axis)
        if !scatter.xAxis.label.isEmpty {
            canvas.text([scatter.xAxis.label], x: (x.start + x.end) / 2, y: bottom + 42, anchor: .middle, fontSize: 12, className: "axis-label")
        }
        if !scatter.yAxis.label.isEmpty {
            canvas.text([scatter.yAxis.label], x: 18, y: (top + bottom) / 2, anchor: .middle, fontSize: 12, rotation: -90, className: "axis-label")
        }

        let frame = PlotFrame(left: x.start, top: top, right: x.end, bottom: bottom)
        var placement = LabelPlacement(frame: frame)
        let positions = points.map { (x: x.position($0.x), y: y.position($0.y)) }
        for position in positions {
            placement.avoid(Box(left: position.x - 5, top: position.y - 5, right: position.x + 5, bottom: position.y + 5))
        }
        let guides = scatter.guides.compactMap { guide in guideSegment(guide, x: x, y: y, frame: frame).map { (guide.label, $0) } }
        for (_, segment) in guides {
            placement.avoid(segment)
            canvas.line(from: segment.from, to: segment.to, stroke: ChartPalette.muted, strokeWidth: 1.3, dash: "6 4", className: "guide")
        }
        for (point, position) in zip(points, positions) {
            canvas.group(
                tooltip: "\(point.label): \(numbers.number(point.x)), \(numbers.number(point.y))",
                className: point.flagged ? "point flagged" : "point"
            ) {
                canvas in
                if point.flagged {
                    canvas.triangle(
                        center: position,
                        size: 6.5,
                        fill: ChartPalette.warning,
                        stroke: ChartPalette.warningOutline,
                        className: "scatter-flagged"
                    )
                } else {
                    canvas.circle(center: position, radius: 4.5, fill: ChartPalette.point, stroke: "#ffffff", className: "scatter-point")
                }
            }
        }
        for (label, segment) in guides where !label.isEmpty {
            let fontSize = 11.0
            let spot = placement.place(width: TextMetrics.width(of: label, fontSize: fontSize), fontSize: fontSize, along: segment)
            canvas.text(
                [label],
                x: spot.x,
                y: spot.y,
                anchor: spot.anchor,
                fontSize: fontSize,
                fill: ChartPalette.muted,
                halo: true,
                className: "guide-label"
            )
        }
        for (point, position) in zip(points, positions) where !point.label.isEmpty {
            let fontSize = 10.5
            let label = TextMetrics.truncated(point.label, toWidth: 120, fontSize: fontSize)
            let spot = placement.place(width: TextMetrics.width(of: label, fontSize: fontSize), fontSize: fontSize, near: position)
            canvas.text(
                [label],
                x: spot.x,
                y: spot.y,
                anchor: spot.anchor,
                fontSize: fontSize,
                fill: point.flagged ? ChartPalette.warningOutline : ChartPalette.ink,
                bold: point.flagged,
                halo: true,
                fullText: label == point.label ? nil : point.label,
                className: "point-label"
            )
        }
        return finish(canvas, height: height, kind: "scatter")
    }

    /// Where a guide line runs in the drawing, clipped to the frame; `nil` when it is malformed or misses the frame.
    private func guideSegment(_ guide: ReportDocument.Chart.Scatter.Guide, x: ChartScale, y: ChartScale, frame: PlotFrame) -> Segment? {
        guard guide.from.count >= 2, guide.to.count >= 2, (guide.from + guide.to).allSatisfy(\.isFinite) else { return nil }
        let project: (Double, Double) -> (x: Double, y: Double) = { valueX, valueY in
            (
                x.start + (valueX - x.lower) / (x.upper - x.lower) * (x.end - x.start),
                y.start + (valueY - y.lower) / (y.upper - y.lower) * (y.end - y.start)
            )
        }
        return frame.clip(Segment(from: project(guide.from[0], guide.from[1]), to: project(guide.to[0], guide.to[1])))
    }
}

/// A straight line between two points of the drawing.
private struct Segment {
    var from: (x: Double, y: Double)
    var to: (x: Double, y: Double)

    /// The point at `fraction` of the way from `from` to `to`.
    func point(at fraction: Double) -> (x: Double, y: Double) {
        (from.x + fraction * (to.x - from.x), from.y + fraction * (to.y - from.y))
    }
}

/// A rectangle in the drawing.
private struct Box {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    func overlap(with other: Box) -> Double {
        max(0, min(right, other.right) - max(left, other.left)) * max(0, min(bottom, other.bottom) - max(top, other.top))
    }
}

/// The plotting area of a chart.
private struct PlotFrame {
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double

    /// The part of the segment inside the frame (Liang–Barsky), or `nil` when it misses the frame.
    func clip(_ segment: Segment) -> Segment? {
        let start = segment.from
        let end = segment.to
        let dx = end.x - start.x
        let dy = end.y - start.y
        var entering = 0.0
        var leaving = 1.0
        for (p, q) in [(-dx, start.x - left), (dx, right - start.x), (-dy, start.y - top), (dy, bottom - start.y)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let t = q / p
            if p < 0 {
                entering = max(entering, t)
            } else {
                leaving = min(leaving, t)
            }
        }
        guard entering <= leaving else { return nil }
        return Segment(from: (start.x + entering * dx, start.y + entering * dy), to: (start.x + leaving * dx, start.y + leaving * dy))
    }
}

/// Greedy placement of point labels: each label takes the first spot around its point that overlaps
/// nothing already placed, or the least crowded one.
private struct LabelPlacement {
    let frame: PlotFrame
    private var taken: [Box] = []
    private var lines: [Segment] = []

    init(frame: PlotFrame) {
        self.frame = frame
    }

    /// Keeps labels off `box`.
    mutating func avoid(_ box: Box) {
        taken.append(box)
    }

    /// Keeps labels from crossing `segment`, if they can.
    mutating func avoid(_ segment: Segment) {
        lines.append(segment)
    }

    /// A spot for a line's label: beside the line, near its end if possible, else near its start or middle.
    mutating func place(width: Double, fontSize: Double, along segment: Segment) -> (x: Double, y: Double, anchor: SVGCanvas.Anchor) {
        let candidates = [0.97, 0.85, 0.03, 0.15, 0.5, 0.7, 0.3].flatMap { fraction in
            let point = segment.point(at: fraction)
            return [(-4.0, -6.0, SVGCanvas.Anchor.end), (4, -6, .start), (-4, 15, .end), (4, 15, .start)].map {
                (x: point.x + $0.0, y: point.y + $0.1, anchor: $0.2)
            }
        }
        return choose(among: candidates, width: width, fontSize: fontSize)
    }

    /// A spot for a point's label: right, left, above or below it, or diagonally.
    mutating func place(width: Double, fontSize: Double, near point: (x: Double, y: Double)) -> (x: Double, y: Double, anchor: SVGCanvas.Anchor) {
        let offsets: [(Double, Double, SVGCanvas.Anchor)] = [
            (7, 4, .start), (-7, 4, .end), (0, -9, .middle), (0, 15, .middle),
            (6, -6, .start), (6, 14, .start), (-6, -6, .end), (-6, 14, .end),
        ]
        return choose(among: offsets.map { (point.x + $0.0, point.y + $0.1, $0.2) }, width: width, fontSize: fontSize)
    }

    /// The first candidate whose box overlaps nothing, else the least crowded; its box is then taken.
    private mutating func choose(
        among candidates: [(x: Double, y: Double, anchor: SVGCanvas.Anchor)],
        width: Double,
        fontSize: Double
    ) -> (x: Double, y: Double, anchor: SVGCanvas.Anchor) {
        var best: (score: Double, spot: (x: Double, y: Double, anchor: SVGCanvas.Anchor), box: Box)?
        for candidate in candidates {
            let left: Double
            switch candidate.anchor {
            case .start: left = candidate.x
            case .middle: left = candidate.x - width / 2
            case .end: left = candidate.x - width
            }
            let box = Box(left: left, top: candidate.y - fontSize * 0.8, right: left + width, bottom: candidate.y + fontSize * 0.25)
            let outside = box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom
            let boxFrame = PlotFrame(left: box.left, top: box.top, right: box.right, bottom: box.bottom)
            let crossings = lines.filter { boxFrame.clip($0) != nil }.count
            let score = taken.reduce(0) { $0 + box.overlap(with: $1) } + Double(crossings) * 400 + (outside ? 10_000 : 0)
            if best.map({ score < $0.score }) ?? true {
                best = (score, candidate, box)
            }
            if score == 0 { break }
        }
        guard let best else { return (frame.left, frame.top, .start) }
        taken.append(best.box)
        return best.spot
    }
}
