import AtelierKernel
import Foundation
import Testing

@testable import StandardReports

@Suite("Text report")
struct TextReportRendererTests {
    /// Columns a terminal gives the text, counted independently of the renderer: one per Unicode
    /// scalar, except combining marks and format characters.
    private func columns(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.filter { scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: false
            default: true
            }
        }.count
    }

    private func render(_ report: ReportDocument) throws -> String {
        try #require(String(data: TextReportRenderer().render(report), encoding: .utf8))
    }

    /// A table mixing Arabic with vowel marks, French accents (composed and decomposed) and numbers.
    private let mixedRows: [[String?]] = [
        ["Amélie Sarr", "Définir la traite", "72 %"],
        ["مُحَمَّد الأَمِين", "تعريف الاتجار", "8 %"],
        ["Zoe\u{0308} Ndiaye", "Orientation vers les services", "100 %"],
        ["سَلْمَى", "Entretien", nil],
    ]

    @Test("aligns columns of Arabic, accented French and numbers, numbers on the right")
    func alignsMixedScripts() throws {
        let report = ReportDocument(
            title: "Alignement",
            language: "fr",
            sections: [.init(heading: "Tableau", blocks: [.table(.init(columns: ["Participant", "Objectif", "Score"], rows: mixedRows))])]
        )
        let lines = try render(report).split(separator: "\n", omittingEmptySubsequences: false)
        let rowLines = try mixedRows.map { row in
            let name = try #require(row[0])
            return try #require(lines.first { $0.hasPrefix(name) })
        }
        let objectiveStarts = try zip(rowLines, mixedRows).map { line, row in
            let objective = try #require(row[1])
            let range = try #require(line.range(of: objective))
            return columns(line[..<range.lowerBound])
        }
        #expect(Set(objectiveStarts).count == 1, "second column starts at \(objectiveStarts)")
        #expect(objectiveStarts.first == columns("مُحَمَّد الأَمِين") + 2)
        let lineEnds = rowLines.map { columns($0) }
        #expect(Set(lineEnds).count == 1, "numbers do not end on the same column: \(lineEnds)")
        let header = try #require(lines.first { $0.hasPrefix("Participant") })
        #expect(columns(header) == lineEnds.first, "the numeric header is not right-aligned")
    }

    @Test("shows missing values as an em dash")
    func missingAsDash() throws {
        let report = ReportDocument(
            title: "T",
            language: "en",
            sections: [.init(heading: "H", blocks: [.table(.init(columns: ["Name", "Score"], rows: mixedRows.map { [$0[0], $0[2]] }))])]
        )
        let line = try #require(try render(report).split(separator: "\n").first { $0.hasPrefix("سَلْمَى") })
        #expect(line.hasSuffix("—"))
    }

    @Test("keeps a column numeric when it holds printed dashes, minus signs and Arabic percent signs")
    func printedPlaceholders() throws {
        let report = ReportDocument(
            title: "T",
            language: "ar",
            sections: [
                .init(
                    heading: "H",
                    blocks: [
                        .table(
                            .init(columns: ["البند", "التغير"], rows: [["Q01", "+12.5"], ["Q02", "\u{2212}3.0"], ["Q03", "—"], ["Q04", "48٪"]])
                        )
                    ]
                )
            ]
        )
        let lines = try render(report).split(separator: "\n").filter { $0.hasPrefix("Q0") }
        #expect(lines.count == 4)
        #expect(Set(lines.map { columns($0) }).count == 1, "not right-aligned: \(lines)")
    }

    @Test("wraps paragraphs and long table cells within 100 columns")
    func wrapsAtOneHundredColumns() throws {
        let sentence = "La traite des personnes désigne le recrutement, le transport, le transfert, l'hébergement ou l'accueil de personnes. "
        let report = ReportDocument(
            title: "Définitions",
            language: "fr",
            sections: [
                .init(
                    heading: "Texte",
                    blocks: [
                        .paragraph(String(repeating: sentence, count: 5)),
                        .highlight(String(repeating: sentence, count: 2)),
                        .table(.init(columns: ["Objectif", "Score"], rows: [[String(repeating: sentence, count: 2), "72 %"]])),
                    ]
                )
            ]
        )
        let lines = try render(report).split(separator: "\n")
        #expect(lines.allSatisfy { columns($0) <= 100 }, "longest line: \(lines.map { columns($0) }.max() ?? 0)")
        #expect(lines.filter { $0.hasPrefix("  ┃ ") }.count == 3)
        #expect(lines.contains { $0.hasSuffix("72 %") })
    }

    @Test("writes the title underlined, metadata aligned and highlights first")
    func titleMetadataAndHighlight() throws {
        let report = ReportDocument(
            title: "Évaluation",
            language: "en",
            metadata: [.init(label: "Session", value: "DKR-2025-03"), .init(label: "Venue", value: "Dakar")],
            sections: [.init(heading: "Summary", blocks: [.paragraph("Context first."), .highlight("Scores rose by 26 points.")])]
        )
        let lines = try render(report).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(2)) == ["Évaluation", "=========="])
        #expect(lines.contains("Session: DKR-2025-03"))
        #expect(lines.contains("Venue:   Dakar"))
        let highlight = try #require(lines.firstIndex(of: "  ┃ Scores rose by 26 points."))
        let paragraph = try #require(lines.firstIndex(of: "Context first."))
        #expect(highlight < paragraph)
    }

    @Test("draws charts as their data table under their title, and strips terminal escapes")
    func chartsAsTables() throws {
        let report = SampleReport.document(language: "en")
        let text = try render(report)
        #expect(text.contains("Each participant's score before and after"))
        let rows = text.split(separator: "\n")
        let row = try #require(rows.first { $0.hasPrefix("P08") })
        #expect(row.hasSuffix("—"), "P08 missed the post-test")
        #expect(text.contains("Note: Means, counts and gain"))

        let hostile = ReportDocument(title: "\u{1B}]0;pwned\u{07}Title", language: "en", sections: [.init(heading: "\u{1B}[2J", blocks: [])])
        #expect(!(try render(hostile)).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test("renders the sample report within 100 columns, every participant on a line", arguments: SampleReport.languages)
    func sampleReport(language: String) throws {
        let text = try render(SampleReport.document(language: language))
        try text.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("report-\(language).txt"), atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { columns($0) <= 100 })
        for index in SampleReport.pre.indices {
            #expect(lines.contains { $0.hasPrefix(SampleReport.participantCode(index) + " ") })
        }
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    }

    @Test("says there is no data in the report's language")
    func noData() throws {
        let empty = ReportDocument(
            title: "Rapport",
            language: "fr",
            sections: [.init(heading: "Participants", blocks: [.table(.init(columns: ["Nom"], rows: []))])]
        )
        #expect(try render(empty).contains("Aucune donnée"))
    }
}
