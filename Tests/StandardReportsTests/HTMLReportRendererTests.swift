import AtelierKernel
import Foundation
import Testing

@testable import StandardReports

@Suite("HTML report")
struct HTMLReportRendererTests {
    private func render(_ report: ReportDocument) throws -> String {
        try #require(String(data: HTMLReportRenderer().render(report), encoding: .utf8))
    }

    /// The `<svg>…</svg>` fragments of a page.
    private func svgFragments(_ html: String) -> [Substring] {
        var fragments: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            fragments.append(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return fragments
    }

    /// Whether every start tag of an XML-like fragment is closed in order (self-closing tags allowed),
    /// and no `&` starts anything but a known entity.
    private func isBalanced(_ fragment: Substring) -> Bool {
        var stack: [Substring] = []
        var rest = fragment
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return false }
            let tag = rest[rest.index(after: open)..<close]
            let name = tag.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" }
            if tag.hasPrefix("/") {
                guard stack.popLast() == name else { return false }
            } else if !tag.hasSuffix("/") {
                stack.append(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        let ampersands = fragment.split(separator: "&", omittingEmptySubsequences: false).dropFirst()
        let entities = ["amp;", "lt;", "gt;", "quot;", "#39;"]
        return stack.isEmpty && ampersands.allSatisfy { part in entities.contains { part.hasPrefix($0) } }
    }

    @Test("renders the sample report as one self-contained page", arguments: SampleReport.languages)
    func sampleReport(language: String) throws {
        let html = try render(SampleReport.document(language: language))
        try html.write(
            to: FileManager.default.temporaryDirectory.appendingPathComponent("report-\(language).html"),
            atomically: true,
            encoding: .utf8
        )

        for forbidden in ["http://", "https://", "src=", "<script", "url(", "xmlns", "@import", "<link", "<img", "<iframe"] {
            #expect(!html.lowercased().contains(forbidden), "contains \(forbidden)")
        }
        #expect(!html.contains(/\son[a-z]+\s*=/), "an event handler attribute")
        #expect(html.contains(language == "ar" ? #"<html lang="ar" dir="rtl">"# : #"<html lang="\#(language)" dir="ltr">"#))
        let svgs = svgFragments(html)
        #expect(svgs.count == 5)
        for svg in svgs {
            #expect(svg.contains(#"role="img""#))
            #expect(svg.contains("<title id="))
            #expect(svg.contains("<desc id="))
            #expect(isBalanced(svg), "unbalanced SVG: \(svg.prefix(120))")
        }
        for kind in ["dumbbell", "histogram", "bars", "scatter"] {
            #expect(svgs.contains { $0.contains("chart-\(kind)") }, "no \(kind) chart")
        }
        #expect(html.components(separatedBy: "<details>").count - 1 == 5, "each chart has its data table")
        #expect(html.components(separatedBy: "<section ").count - 1 == 4)
    }

    @Test("marks Arabic pages right to left and isolates numbers in their table cells")
    func arabicDirection() throws {
        let html = try render(SampleReport.document(language: "ar"))
        #expect(html.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(html.contains(#"<td class="num"><bdi dir="ltr">48٪</bdi></td>"#))
        #expect(html.contains(#"<p class="highlight">ارتفع متوسط الدرجات من <bdi dir="ltr">46٪</bdi>"#))
        #expect(html.contains(#"<bdi dir="ltr">OBJ-4</bdi>"#))
        let arabicLabel = try #require(svgFragments(html).first { $0.contains("chart-bars") })
        #expect(arabicLabel.contains(#"direction="rtl""#), "Arabic labels in SVG must run right to left")
    }

    @Test("mirrors the dumbbell in right-to-left reports: labels at the right")
    func mirroredDumbbell() throws {
        let labelX = { (language: String) throws -> Double in
            let html = try render(SampleReport.document(language: language))
            let dumbbell = try #require(svgFragments(html).first { $0.contains("chart-dumbbell") })
            let label = try #require(dumbbell.range(of: #"class="row-label""#))
            let text = try #require(dumbbell[..<label.lowerBound].range(of: "<text", options: .backwards))
            let x = try #require(dumbbell[text.upperBound...].range(of: #"x=""#))
            return try #require(Double(dumbbell[x.upperBound...].prefix { $0 != "\"" }))
        }
        #expect(try labelX("en") < 100)
        #expect(try labelX("ar") > 620)
    }

    @Test("escapes markup in every piece of text")
    func escaping() throws {
        let attack = "<script>alert(\"x\")</script> & 'quotes'"
        let report = ReportDocument(
            title: attack,
            language: "en",
            metadata: [.init(label: attack, value: attack)],
            sections: [
                .init(
                    heading: attack,
                    blocks: [
                        .paragraph(attack), .highlight(attack), .table(.init(columns: [attack], rows: [[attack]], note: attack)),
                        .chart(
                            .init(
                                title: attack,
                                caption: attack,
                                content: .bars(
                                    .init(
                                        axis: .init(label: attack, minimum: 0, maximum: 100),
                                        categories: [attack],
                                        series: [.init(name: attack, values: [40])]
                                    )
                                )
                            )
                        ),
                    ]
                )
            ]
        )
        let html = try render(report)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"))
        for svg in svgFragments(html) {
            #expect(isBalanced(svg))
        }
    }

    @Test("draws one pair of marks per participant, and a lone mark for a missing test")
    func dumbbellMarks() throws {
        let rows = (1...12).map { ReportDocument.Chart.Dumbbell.Row(label: "P\($0)", from: Double($0) * 5, to: Double($0) * 7) }
        let chart = { (rows: [ReportDocument.Chart.Dumbbell.Row]) in
            ReportDocument(
                title: "T",
                language: "en",
                sections: [
                    .init(
                        heading: "H",
                        blocks: [
                            .chart(
                                .init(
                                    title: "Scores",
                                    caption: "Before and after",
                                    content: .dumbbell(
                                        .init(
                                            axis: .init(label: "Score (%)", minimum: 0, maximum: 100, isPercent: true),
                                            fromName: "Pre",
                                            toName: "Post",
                                            rows: rows
                                        )
                                    )
                                )
                            )
                        ]
                    )
                ]
            )
        }
        let count = { (html: String, mark: String) in html.components(separatedBy: #"class="\#(mark)""#).count - 1 }
        let full = try render(chart(rows))
        #expect(count(full, "dumbbell-from") == 12)
        #expect(count(full, "dumbbell-to") == 12)
        for tick in ["0", "25", "50", "75", "100"] {
            #expect(full.contains(#"class="tick">\#(tick)</text>"#))
        }
        var gaps = rows
        gaps[3].to = nil
        gaps[7].from = nil
        let partial = try render(chart(gaps))
        #expect(count(partial, "dumbbell-from") == 11)
        #expect(count(partial, "dumbbell-to") == 11)

        let many = (1...75).map { ReportDocument.Chart.Dumbbell.Row(label: "P\($0)", from: 40, to: 70) }
        let compact = try render(chart(many))
        #expect(count(compact, "dumbbell-from") == 75)
        let height = try #require(compact.range(of: #"chart-dumbbell" viewBox="0 0 720 "#))
        let value = try #require(Double(compact[height.upperBound...].prefix { $0 != "\"" }))
        #expect(value < 75 * 12, "more than 60 rows are drawn compactly")
    }

    @Test(
        "says there is no data in the report's language",
        arguments: [("fr", "Aucune donnée"), ("en", "No data"), ("ar", "لا توجد بيانات"), ("sw", "No data")]
    )
    func noData(language: String, message: String) throws {
        let axis = ReportDocument.Chart.Axis(label: "Score", minimum: 0, maximum: 100, isPercent: true)
        let report = ReportDocument(
            title: "T",
            language: language,
            sections: [
                .init(
                    heading: "H",
                    blocks: [
                        .chart(.init(title: "Dumbbell", caption: "", content: .dumbbell(.init(axis: axis, fromName: "a", toName: "b", rows: [])))),
                        .chart(.init(title: "Histogram", caption: "", content: .histogram(.init(axis: axis, edges: [], series: [])))),
                        .chart(
                            .init(
                                title: "Bars",
                                caption: "",
                                content: .bars(.init(axis: axis, categories: ["x"], series: [.init(name: "s", values: [nil])]))
                            )
                        ),
                        .chart(.init(title: "Scatter", caption: "", content: .scatter(.init(xAxis: axis, yAxis: axis, points: [])))),
                        .table(.init(columns: ["Name"], rows: [])),
                    ]
                )
            ]
        )
        let html = try render(report)
        #expect(html.components(separatedBy: message).count - 1 == 5)
        #expect(svgFragments(html).count == 4)
        #expect(!html.contains("<details>"))
        #expect(try render(ReportDocument(title: "T", language: language)).contains(message))
    }

    @Test("puts the highlight first in its section, and survives values no axis can hold")
    func highlightFirstAndBadValues() throws {
        let axis = ReportDocument.Chart.Axis(label: "x", minimum: .nan, maximum: .infinity)
        let report = ReportDocument(
            title: "T",
            language: "en",
            sections: [
                .init(
                    heading: "H",
                    blocks: [
                        .paragraph("Context."),
                        .highlight("The sentence to copy."),
                        .chart(
                            .init(
                                title: "Odd",
                                caption: "",
                                content: .scatter(
                                    .init(
                                        xAxis: axis,
                                        yAxis: axis,
                                        points: [
                                            .init(label: "a", x: .infinity, y: 1), .init(label: "b", x: 2, y: 3),
                                            .init(label: "c", x: 1e300, y: -1e300),
                                        ],
                                        guides: [.init(label: "g", from: (0, 0), to: (.nan, 1))]
                                    )
                                )
                            )
                        ),
                    ]
                )
            ]
        )
        let html = try render(report)
        let highlight = try #require(html.range(of: #"<p class="highlight">The sentence to copy.</p>"#))
        let paragraph = try #require(html.range(of: "<p>Context.</p>"))
        #expect(highlight.lowerBound < paragraph.lowerBound)
        #expect(!html.contains("nan") && !html.contains("inf"))
    }
}
