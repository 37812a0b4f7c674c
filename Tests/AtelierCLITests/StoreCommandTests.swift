import AtelierKernel
import Foundation
import Testing

/// A fresh database file for one test.
func freshDatabase() throws -> String { try CLI.temporaryDirectory() + "/atelier.sqlite" }

@Suite("atelier demo, results, db")
struct DemoCommandTests {
    @Test("demo then results shows a plausible session; db check says ok")
    func demoResults() async throws {
        let db = try freshDatabase()
        let demo = await CLI.run(["demo", "--db", db])
        #expect(demo.exitCode == 0, "\(demo.error)")
        #expect(demo.output.contains("30 participants"))
        let results = try await CLI.run(["results", "--db", db, "--format", "json"]).json()
        let rows = try #require(results["rows"]?.arrayValue)
        #expect(rows.count == 30)
        #expect(results.value(at: "/summary/paired") == 27)
        let meanPre = try #require(results.value(at: "/summary/meanPre")?.numberValue)
        let meanPost = try #require(results.value(at: "/summary/meanPost")?.numberValue)
        #expect(meanPre > 30 && meanPre < 60)
        #expect(meanPost > meanPre + 10)
        #expect(rows.allSatisfy { $0["name"] == nil })
        #expect(rows.filter { $0["post"] == .null }.count == 2)  // the two drop-outs
        #expect(rows.filter { $0["pre"] == .null }.count == 1)  // the late arrival
        let text = await CLI.run(["results", "demo-nouakchott", "--db", db])
        #expect(text.output.contains("30 participants; mean pre"))
        let check = await CLI.run(["db", "check", "--db", db])
        #expect(check.exitCode == 0)
        #expect(check.output.hasPrefix("ok"))
        let quarantine = try #require(try await CLI.run(["responses", "quarantine", "--db", db, "--format", "json"]).json().arrayValue)
        #expect(quarantine.map { $0["reason"] } == ["already-submitted"])
        #expect(try await CLI.run(["session", "show", "--db", db, "--format", "json"]).json()["quarantined"] == 1)
        let again = await CLI.run(["demo", "--db", db])
        #expect(again.exitCode == 0)
        #expect(again.output.contains("already in"))
        #expect(again.output.contains("30 participants; mean pre"))
    }

    @Test("session list and participants list print the documented keys, pseudonymous unless --names")
    func listings() async throws {
        let db = try freshDatabase()
        _ = await CLI.run(["demo", "--db", db])
        let sessions = try #require(try await CLI.run(["session", "list", "--db", db, "--format", "json"]).json().arrayValue)
        #expect(sessions.count == 1)
        #expect(["id", "code", "program"].allSatisfy { sessions[0][$0] != nil })
        let participants = try #require(try await CLI.run(["participants", "list", "--db", db, "--format", "json"]).json().arrayValue)
        #expect(participants.count == 30)
        #expect(participants.allSatisfy { $0["code"] != nil && $0["name"] == nil })
        let named = try #require(try await CLI.run(["participants", "list", "--names", "--db", db, "--format", "json"]).json().arrayValue)
        #expect(named.first?["name"]?.stringValue?.isEmpty == false)
        let show = await CLI.run(["results", "--db", db, "--names"])
        #expect(show.output.contains("NAME"))
    }

    @Test("backup copies the database; a second backup to the same file is refused")
    func backup() async throws {
        let db = try freshDatabase()
        _ = await CLI.run(["demo", "--db", db])
        let copy = try CLI.temporaryDirectory() + "/copy.sqlite"
        #expect(await CLI.run(["db", "backup", copy, "--db", db]).exitCode == 0)
        let results = try await CLI.run(["results", "--db", copy, "--format", "json"]).json()
        #expect(results["rows"]?.arrayValue?.count == 30)
        let twice = await CLI.run(["db", "backup", copy, "--db", db])
        #expect(twice.exitCode == 1)
        #expect(twice.error.contains("already exists"))
    }

    @Test("commands without a session say how to create one")
    func noSession() async throws {
        let run = await CLI.run(["participants", "list", "--db", try freshDatabase()])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("there is no session yet"))
    }
}

@Suite("atelier session and participants")
struct ParticipantCommandTests {
    func session() async throws -> String {
        let db = try freshDatabase()
        let created = await CLI.run([
            "session", "create", "--program", "awareness-civil-society", "--site", "Nouakchott", "--start", "2026-12-03", "--db", db,
            "--trainer", "Ousmane Ba",
        ])
        #expect(created.exitCode == 0, "\(created.error)")
        #expect(created.output.hasPrefix("created session nouakchott-20261203"))
        return db
    }

    func write(_ text: String) throws -> String {
        let path = try CLI.temporaryDirectory() + "/sheet.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("imports a valid sheet; importing it again registers nobody twice")
    func importSheet() async throws {
        let db = try await session()
        let sheet = try write(
            """
            code,name,sex,age_band,organization,organization_type,role,nationality,language
            ,Aminetou Mint Ahmed,F,25-34,Association Espoir,civil-society,coordinatrice,MR,ar
            ,Mamadou Sow,homme,41,Mairie de Sebkha,local-authority,,mr,français
            ;;;
            """.replacingOccurrences(of: ";;;", with: "")
        )
        let first = await CLI.run(["participants", "import", sheet, "--db", db])
        #expect(first.exitCode == 0, "\(first.error)")
        #expect(first.output == "imported 2 participant(s) into nouakchott-20261203")
        let again = await CLI.run(["participants", "import", sheet, "--db", db])
        #expect(again.output.contains("imported 0 participant(s)"))
        #expect(again.output.contains("2 already registered"))
        let list = try #require(try await CLI.run(["participants", "list", "--db", db, "--format", "json"]).json().arrayValue)
        #expect(list.map { $0["ageBand"] } == ["25-34", "35-44"])
        #expect(list.map { $0["nationality"] } == ["MR", "MR"])
        #expect(list.map { $0["language"] } == ["ar", "fr"])
    }

    @Test("reports every bad cell with its row and field, and imports nothing")
    func rejectsInvalidSheet() async throws {
        let db = try await session()
        let sheet = try write(
            """
            code,name,sex,age_band,organization,organization_type,role,nationality,language
            ,Awa Ndiaye,female,25-34,,civil-society,,SN,fr
            ,Oumar Ba,X,25-34,,police force,,Mauritanie,fr
            ABCDEF,Coumba Dia,female,teen,,civil-society,,MR,fr
            """
        )
        let run = await CLI.run(["participants", "import", sheet, "--db", db])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("row 3, sex: 'X' is not a sex; write one of female, male, not-stated"))
        #expect(run.error.contains("row 3, organization_type: 'police force' is not a organization type"))
        #expect(run.error.contains("row 3, nationality: 'Mauritanie' is not a two-letter country code"))
        #expect(run.error.contains("row 4, code: 'ABCDEF' is not a valid participant code"))
        #expect(run.error.contains("row 4, age_band: 'teen' is not a age band"))
        #expect(run.error.contains("nothing was imported"))
        #expect(try await CLI.run(["participants", "list", "--db", db, "--format", "json"]).json().arrayValue?.count == 0)
        let partial = await CLI.run(["participants", "import", sheet, "--db", db, "--skip-invalid"])
        #expect(partial.exitCode == 0)
        #expect(partial.output.contains("imported 1 participant(s)"))
    }

    @Test("a wrong header is explained")
    func wrongHeader() async throws {
        let db = try await session()
        let run = await CLI.run(["participants", "import", try write("code,nom,sexe\n,a,b\n"), "--db", db])
        #expect(run.exitCode == 1)
        #expect(
            run.error.contains("row 1, header: the header must be code,name,sex,age_band,organization,organization_type,role,nationality,language")
        )
    }

    @Test("add prints a code; forget erases the name and keeps the rest")
    func addAndForget() async throws {
        let db = try await session()
        let add = await CLI.run([
            "participants", "add", "--name", "Fatimata Sy", "--sex", "female", "--age-band", "30", "--organization-type", "civil-society",
            "--consent", "v1", "--language", "fr", "--db", db,
        ])
        #expect(add.exitCode == 0, "\(add.error)")
        let code = add.output
        #expect(code.count == 6)
        #expect(try await CLI.run(["participants", "show", code, "--names", "--db", db, "--format", "json"]).json()["name"] == "Fatimata Sy")
        #expect(await CLI.run(["participants", "forget", code, "--db", db]).exitCode == 0)
        let after = try await CLI.run(["participants", "show", code, "--names", "--db", db, "--format", "json"]).json()
        #expect(after["name"] == .null)
        #expect(after["sex"] == "female")
    }

    @Test("open and close forms; unknown forms are named")
    func openClose() async throws {
        let db = try await session()
        #expect(await CLI.run(["session", "open", "definitions.pre", "--db", db]).output == "definitions.pre is open in session nouakchott-20261203")
        let show = try await CLI.run(["session", "show", "--db", db, "--format", "json"]).json()
        #expect(show.value(at: "/forms/0/open") == true)
        let wrong = await CLI.run(["session", "open", "protection.pre", "--db", db])
        #expect(wrong.exitCode == 1)
        #expect(wrong.error.contains("its forms: definitions.pre, definitions.post"))
    }
}

@Suite("atelier attendance, responses, take")
struct FieldworkCommandTests {
    /// A demo database and its participant codes.
    func demo() async throws -> (db: String, codes: [String]) {
        let db = try freshDatabase()
        _ = await CLI.run(["demo", "--db", db])
        let codes = try #require(try await CLI.run(["participants", "list", "--db", db, "--format", "json"]).json().arrayValue).compactMap {
            $0["code"]?.stringValue
        }
        return (db, codes)
    }

    func write(_ text: String, name: String = "sheet.csv") throws -> String {
        let path = try CLI.temporaryDirectory() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("imports a wide attendance sheet, reports bad cells, and changes nothing on re-import")
    func attendanceImport() async throws {
        let (db, codes) = try await demo()
        let sheet = try write("code;d1-am;d1-pm\n\(codes[0]);P;retard\n\(codes[1]);A;E\n")
        let first = await CLI.run(["attendance", "import", sheet, "--db", db])
        #expect(first.exitCode == 0, "\(first.error)")
        #expect(first.output.contains("recorded"))
        #expect(await CLI.run(["attendance", "import", sheet, "--db", db]).output.hasPrefix("recorded 0 mark(s); 4 already recorded"))
        let bad = try write("code,d1-am\n\(codes[0]),maybe\nZZZZZZ,P\n")
        let run = await CLI.run(["attendance", "import", bad, "--db", db])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("row 2, d1-am: 'maybe' is not a status"))
        #expect(run.error.contains("row 3, code: 'ZZZZZZ' is not a participant"))
        let list = try await CLI.run(["attendance", "list", "--db", db, "--format", "json"]).json()
        #expect(list.arrayValue?.first { $0["code"]?.stringValue == codes[1] }?.value(at: "/slots/d1-am") == "absent")
    }

    @Test("writes a right-to-left sign-in sheet in Arabic with names isolated")
    func sheet() async throws {
        let (db, _) = try await demo()
        let directory = try CLI.temporaryDirectory()
        let run = await CLI.run(["attendance", "sheet", "--slot", "d1-am", "--lang", "ar", "--output", directory, "--db", db])
        #expect(run.exitCode == 0, "\(run.error)")
        let html = try String(contentsOfFile: directory + "/attendance-demo-nouakchott-d1-am.html", encoding: .utf8)
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("ورقة الحضور"))
        #expect(html.contains("<bdi>Mamadou Ba</bdi>"))
        #expect(!html.contains("margin-left") && !html.contains("text-align: left"))
        let codesOnly = await CLI.run(["attendance", "sheet", "--slot", "d1-am", "--codes-only", "--output", directory, "--db", db])
        #expect(codesOnly.exitCode == 0)
        #expect(!(try String(contentsOfFile: directory + "/attendance-demo-nouakchott-d1-am.html", encoding: .utf8)).contains("Mamadou Ba"))
    }

    @Test("a paper sheet filled from the template is graded; re-importing changes nothing; a changed answer is quarantined")
    func responsesImport() async throws {
        let db = try freshDatabase()
        _ = await CLI.run(["session", "create", "--program", "awareness-civil-society", "--site", "Rosso", "--start", "2026-12-05", "--db", db])
        let sheet = try write(
            "code,name,sex,age_band,organization,organization_type,role,nationality,language\n,A,female,25-34,,civil-society,,MR,fr\n,B,male,35-44,,civil-society,,MR,ar\n"
        )
        _ = await CLI.run(["participants", "import", sheet, "--db", db])
        let template = await CLI.run(["responses", "template", "definitions.pre", "--db", db])
        // A sheet for spreadsheets: UTF-8 with a byte-order mark, CRLF line ends.
        #expect(template.output.hasPrefix("\u{FEFF}"))
        var lines = template.output.dropFirst().components(separatedBy: "\r\n")
        #expect(lines.count == 3)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.prefix(2) == ["participant_code", "form"])
        #expect(header.contains("def-b04.p1") && header.contains("def-b05.classification"))
        // Fill the first participant's row with the key, in the spellings people use on paper.
        let key = try #require(try await CLI.run(["assessment", "key", "definitions.pre"]).json()["responses"]?.objectValue)
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for (index, column) in header.enumerated().dropFirst(2) {
            let parts = column.split(separator: ".", maxSplits: 1).map(String.init)
            let itemID = column.hasPrefix("definitions") ? column : String(column.prefix { $0 != "." })
            let suffix = column.count > itemID.count ? String(column.dropFirst(itemID.count + 1)) : ""
            _ = parts
            guard let value = key[itemID] else { continue }
            switch value {
            case .string(let text): cells[index] = text
            case .bool(let flag): cells[index] = flag ? "V" : "F"
            case .number: cells[index] = value.serialized()
            case .array(let ids): cells[index] = ids.compactMap(\.stringValue).joined(separator: " ")
            case .object(let object):
                let part = object[suffix]
                cells[index] = part?.boolValue.map { $0 ? "O" : "N" } ?? part?.stringValue ?? ""
            default: break
            }
        }
        lines[1] = cells.joined(separator: ",")
        let filled = try write(lines.joined(separator: "\n") + "\n", name: "pre.csv")
        let imported = await CLI.run(["responses", "import", filled, "--db", db])
        #expect(imported.exitCode == 0, "\(imported.error)")
        #expect(imported.output.hasPrefix("imported 1 answer sheet(s); 0 already stored"))
        let results = try await CLI.run(["results", "--db", db, "--format", "json"]).json()
        #expect(results.value(at: "/rows/0/pre") == 100)
        #expect(results.value(at: "/rows/1/pre") == .null)  // an empty row is not a 0% test
        #expect(
            await CLI.run(["responses", "import", filled, "--db", db]).output.hasPrefix("imported 0 answer sheet(s); 1 already stored, unchanged")
        )
        let changed = try write(
            lines.joined(separator: "\n").replacingOccurrences(of: ",definitions.pre,", with: ",definitions.pre,,") + "\n",
            name: "changed.csv"
        )
        _ = changed
        let bIndex = try #require(header.firstIndex(of: "def-b01"))
        var altered = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        altered[bIndex] = altered[bIndex] == "a" ? "b" : "a"
        let conflict = await CLI.run([
            "responses", "import", try write([lines[0], altered.joined(separator: ",")].joined(separator: "\n") + "\n", name: "conflict.csv"), "--db",
            db,
        ])
        #expect(conflict.output.contains("1 in quarantine"))
        #expect(conflict.error.contains("kept in quarantine, nothing overwritten"))
        #expect(try await CLI.run(["results", "--db", db, "--format", "json"]).json().value(at: "/rows/0/pre") == 100)
    }

    @Test("reports bad answer cells with row and column, and imports nothing")
    func responsesBadCells() async throws {
        let (db, codes) = try await demo()
        let sheet = try write(
            "participant_code,form,def-b01,def-b02,def-b05.act,def-b05.classification\n\(codes[0]),definitions.post,z,peut-être,O,T\n\(codes[1]),definitions.post,a,V,oui,maybe\n"
        )
        let run = await CLI.run(["responses", "import", sheet, "--db", db])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("row 2, def-b01: 'z' is not one of the choices"))
        #expect(run.error.contains("row 2, def-b02: 'peut-être' is neither true nor false"))
        #expect(run.error.contains("row 3, def-b05.classification: 'maybe' is not a classification"))
        #expect(run.error.contains("nothing was imported"))
    }

    @Test("take: language, code, one item at a time, review, receipt; a second attempt is refused")
    func take() async throws {
        let db = try freshDatabase()
        _ = await CLI.run(["session", "create", "--program", "awareness-civil-society", "--site", "Kaédi", "--start", "2026-12-07", "--db", db])
        let code = await CLI.run(["participants", "add", "--sex", "male", "--age-band", "25-34", "--organization-type", "civil-society", "--db", db])
            .output
        #expect(await CLI.run(["session", "open", "definitions.pre", "--db", db]).exitCode == 0)
        // French; the code; skip every item (Enter); at review, change item 2, then send.
        let items = try #require(
            try await CLI.run(["assessment", "list", "--format", "json"]).json().arrayValue?.first { $0["id"] == "definitions.pre" }?["items"]?
                .integerValue
        )
        var input = ["1", code.lowercased()] + Array(repeating: "", count: items)
        input += ["2", "1", "0"]
        let run = await CLI.run(["take", "--db", db], input: input)
        #expect(run.exitCode == 0, "\(run.error)")
        #expect(run.output.contains("Question 1 sur \(items)"))
        #expect(run.output.contains("Merci. Vos réponses sont enregistrées."))
        #expect(run.output.contains("Réponses données : 1 sur \(items)"))
        #expect(!run.output.contains("Résultat"))  // feedback after release: no score on screen
        let again = await CLI.run(["take", "--db", db, "--lang", "ar", "--code", code], input: [])
        #expect(again.output.contains("لقد أجبت على هذا الاختبار من قبل"))
        let closed = await CLI.run(["session", "close", "definitions.pre", "--db", db])
        #expect(closed.exitCode == 0)
        let none = await CLI.run(["take", "--db", db, "--lang", "en", "--code", code])
        #expect(none.error.contains("No test is open at the moment"))
    }

    @Test("take ends cleanly when the input ends, sending nothing")
    func takeInputEnds() async throws {
        let db = try freshDatabase()
        _ = await CLI.run(["session", "create", "--program", "awareness-civil-society", "--site", "Atar", "--start", "2026-12-07", "--db", db])
        _ = await CLI.run(["session", "open", "definitions.pre", "--db", db])
        let run = await CLI.run(["take", "--db", db], input: ["3"])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("انقطع الإدخال"))
    }
}
