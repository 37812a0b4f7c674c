import AtelierKernel
import Foundation
import Spreadsheets
import Testing

@Suite("Spreadsheets from the CLI")
struct SpreadsheetCommandTests {
    let codec = CSVSpreadsheetCodec()

    func sheet(_ output: String) throws -> CSVTable { try codec.read(Data(output.utf8)) }

    @Test("participants, attendance and results as CSV: BOM, the chosen delimiter, codes only unless --names")
    func lists() async throws {
        let directory = try CLI.temporaryDirectory()
        let db = "\(directory)/demo.sqlite"
        #expect(await CLI.run(["demo", "--db", db]).exitCode == 0)

        let participants = await CLI.run(["participants", "list", "--db", db, "--format", "csv", "--delimiter", ";"])
        #expect(participants.exitCode == 0, "\(participants.error)")
        #expect(participants.output.hasPrefix("\u{FEFF}"))
        let people = try sheet(participants.output)
        #expect(people.delimiter == ";")
        #expect(people.header == ["code", "name", "sex", "age_band", "organization", "organization_type", "role", "nationality", "language"])
        #expect(people.rows.count == 30)
        #expect(people.rows.allSatisfy { $0.cells[1].isEmpty })
        let named = try sheet(await CLI.run(["participants", "list", "--db", db, "--format", "csv", "--names"]).output)
        #expect(named.rows.allSatisfy { !$0.cells[1].isEmpty })

        let attendance = try sheet(await CLI.run(["attendance", "list", "--db", db, "--format", "csv"]).output)
        #expect(attendance.header == ["code", "d1-am", "d1-pm", "d2-am", "d2-pm", "attendance"])
        #expect(attendance.rows.count == 30)

        let results = try sheet(await CLI.run(["results", "--db", db, "--format", "csv", "--delimiter", "tab"]).output)
        #expect(results.delimiter == "\t")
        #expect(results.header == ["code", "pre", "post", "gain", "attendance", "passed_post_tests", "completed"])
        let json = try await CLI.run(["results", "--db", db, "--format", "json"]).json()
        #expect(results.rows.map { $0.cells[0] } == json["rows"]?.arrayValue?.compactMap { $0["code"]?.stringValue })
    }

    @Test("a participant sheet exported as CSV imports again into another session, French accents and Arabic intact")
    func roundTrip() async throws {
        let directory = try CLI.temporaryDirectory()
        let db = "\(directory)/a.sqlite"
        _ = await CLI.run(["session", "create", "--program", "awareness-civil-society", "--site", "Rosso", "--start", "2026-12-05", "--db", db])
        let text =
            "code,name,sex,age_band,organization,organization_type,role,nationality,language\n,Aïssata Sané,female,25-34,Association Élan,civil-society,présidente,MR,fr\n,محمد الأمين,male,35-44,,civil-society,,MR,ar\n"
        let path = "\(directory)/in.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(await CLI.run(["participants", "import", path, "--db", db]).exitCode == 0)
        let exported = await CLI.run(["participants", "list", "--db", db, "--format", "csv", "--names", "--delimiter", ";"])
        let table = try sheet(exported.output)
        #expect(table.rows.map { $0.cells[1] } == ["Aïssata Sané", "محمد الأمين"])
        #expect(table.rows[0].cells[4] == "Association Élan")

        // Re-importing the corrected sheet into a second session (codes cleared) works.
        let db2 = "\(directory)/b.sqlite"
        _ = await CLI.run(["session", "create", "--program", "awareness-civil-society", "--site", "Kiffa", "--start", "2026-12-06", "--db", db2])
        let cleared = codec.write(
            [table.header] + table.rows.map { [""] + $0.cells.dropFirst() },
            options: SpreadsheetOptions(delimiter: ";")
        )
        try cleared.write(to: URL(fileURLWithPath: "\(directory)/again.csv"))
        let again = await CLI.run(["participants", "import", "\(directory)/again.csv", "--db", db2])
        #expect(again.exitCode == 0, "\(again.error)")
        let names = try sheet(await CLI.run(["participants", "list", "--db", db2, "--format", "csv", "--names"]).output).rows.map { $0.cells[1] }
        #expect(names == ["Aïssata Sané", "محمد الأمين"])
    }

    @Test("every report table as CSV, with ';' for French spreadsheets")
    func reportTables() async throws {
        let directory = try CLI.temporaryDirectory()
        let db = "\(directory)/demo.sqlite"
        #expect(await CLI.run(["demo", "--db", db]).exitCode == 0)
        let run = await CLI.run(["report", "--db", db, "--format", "csv", "--lang", "fr", "--delimiter", ";", "--by", "sex"])
        #expect(run.exitCode == 0, "\(run.error)")
        let table = try sheet(run.output)
        #expect(table.delimiter == ";")
        let titles = table.rows.map { $0.cells[0] }
        #expect(titles.contains("Résultats par sexe"))
        #expect(titles.contains("Objectif"))
        #expect(titles.contains { $0.hasPrefix("Analyse des items") })
    }
}
