import AtelierKernel
import Foundation
import Testing

@testable import StandardReports

@Suite("CSV report")
struct CSVReportRendererTests {
    private func document(_ rows: [[String?]], columns: [String] = ["A", "B"], note: String? = nil) -> ReportDocument {
        ReportDocument(
            title: "T",
            language: "fr",
            sections: [.init(heading: "Tableau", blocks: [.table(.init(columns: columns, rows: rows, note: note))])]
        )
    }

    private func text(_ data: Data) throws -> String {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(Array(data.prefix(3)) == bom, "no UTF-8 byte order mark")
        return try #require(String(data: data.dropFirst(3), encoding: .utf8))
    }

    @Test("starts with a byte order mark and ends lines with CRLF")
    func bomAndLineEnds() throws {
        let output = try text(CSVReportRenderer().render(document([["1", "2"]])))
        #expect(output == "Tableau\r\nA,B\r\n1,2\r\n\r\n")
    }

    @Test("quotes commas, quotes and line breaks so they read back unchanged")
    func quoting() throws {
        let rows: [[String?]] = [
            ["Diallo, Aminata", "She said \"no\""],
            ["line one\nline two", "crlf\r\ninside"],
            ["72,5 %", nil],
        ]
        let output = try text(CSVReportRenderer().render(document(rows)))
        #expect(output.contains("\"Diallo, Aminata\",\"She said \"\"no\"\"\""))
        let records = try CSVReader.records(output)
        #expect(Array(records[2...4]) == rows.map { $0.map { $0 ?? "" } })
    }

    @Test("uses a semicolon delimiter for French Excel, quoting only what needs it")
    func semicolon() throws {
        let rows: [[String?]] = [["72,5 %", "a;b"], ["Sécurité", "الاتجار"]]
        let output = try text(CSVReportRenderer(delimiter: ";").render(document(rows)))
        #expect(output.contains("72,5 %;\"a;b\"\r\n"))
        let records = try CSVReader.records(output, delimiter: ";")
        #expect(Array(records[2...3]) == rows.map { $0.map { $0 ?? "" } })
    }

    @Test(
        "guards formula-like cells with a leading apostrophe but leaves numbers alone",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+33 6 12 34 56", "'+33 6 12 34 56"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-", "'-"),
            ("-3", "-3"),
            ("+12", "+12"),
            ("-3,5", "-3,5"),
            ("+26 %", "+26 %"),
            ("-0.25", "-0.25"),
            ("Diallo", "Diallo"),
        ]
    )
    func formulaInjection(cell: String, expected: String) throws {
        let records = try CSVReader.records(try text(CSVReportRenderer().render(document([[cell, "x"]]))))
        #expect(records[2].first == expected)
    }

    @Test("refuses a delimiter that cannot separate fields")
    func unusableDelimiter() {
        #expect(throws: CSVReportRenderer.UnusableDelimiter(delimiter: "\"")) {
            try CSVReportRenderer(delimiter: "\"").render(document([]))
        }
        #expect(throws: CSVReportRenderer.UnusableDelimiter(delimiter: "\n")) {
            try CSVReportRenderer(delimiter: "\n").render(document([]))
        }
    }

    @Test("holds every table and chart of the report, in order, and reads back cell for cell", arguments: SampleReport.languages)
    func wholeReport(language: String) throws {
        let report = SampleReport.document(language: language)
        let records = try CSVReader.records(
            try text(CSVReportRenderer(delimiter: language == "fr" ? ";" : ",").render(report)),
            delimiter: language == "fr" ? ";" : ","
        )
        var expected: [[String]] = []
        for section in report.sections {
            for block in section.blocks {
                let titled: (String, ReportDocument.Table)
                switch block {
                case .table(let table): titled = (section.heading, table)
                case .chart(let chart): titled = (chart.title, chart.table)
                default: continue
                }
                expected.append([titled.0])
                expected.append(titled.1.columns)
                expected += titled.1.rows.map { $0.map { $0 ?? "" } }
                if let note = titled.1.note { expected.append([note]) }
                expected.append([""])
            }
        }
        #expect(records == expected)
        let titles = records.filter { $0.count == 1 && !$0[0].isEmpty }.map { $0[0] }
        #expect(titles.count >= 8, "3 tables and 5 charts")
        let dumbbellTitle = SampleWords.forLanguage(language).dumbbellTitle
        let dumbbell = try #require(records.firstIndex(of: [dumbbellTitle]))
        #expect(
            records[dumbbell + 2..<dumbbell + 2 + SampleReport.pre.count].map(\.first) == SampleReport.pre.indices.map(SampleReport.participantCode)
        )
    }
}
