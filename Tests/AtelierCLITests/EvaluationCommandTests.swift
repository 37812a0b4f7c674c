import AtelierKernel
import Foundation
import Testing

@Suite("atelier analyze and atelier report")
struct EvaluationCommandTests {
    /// Writes `rows` as a marks file with items i1…iK.
    static func writeMarks(_ rows: [(String, [String])], to path: String) throws {
        let items = (1...(rows.first?.1.count ?? 0)).map { "i\($0)" }
        let text = (["participant," + items.joined(separator: ",")] + rows.map { ([$0.0] + $0.1).joined(separator: ",") }).joined(separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Vector A of STATISTICS.md, item level.
    static let vectorAPre = ["10010", "00100", "11000", "00001", "10110", "01000", "10000", "00111"]
    static let vectorAPost = ["11011", "10110", "11101", "01011", "11110", "01100", "11011", "10111"]

    static func rows(_ patterns: [String], prefix: String = "P") -> [(String, [String])] {
        patterns.enumerated().map { ("\(prefix)\($0.offset + 1)", $0.element.map { String($0) }) }
    }

    @Test("analyze prepost reproduces Vector A and prints the documented keys")
    func prepostVectorA() async throws {
        let directory = try CLI.temporaryDirectory()
        try Self.writeMarks(Self.rows(Self.vectorAPre), to: "\(directory)/pre.csv")
        try Self.writeMarks(Self.rows(Self.vectorAPost), to: "\(directory)/post.csv")
        let run = await CLI.run(["analyze", "prepost", "--pre", "pre.csv", "--post", "post.csv", "--format", "json"], in: directory)
        #expect(run.exitCode == 0, "\(run.error)")
        let json = try run.json()
        #expect(json["n"] == 8)
        #expect(json["meanPre"] == 35)
        #expect(json["meanPost"] == 70)
        #expect(json["t"]?.numberValue.map { abs($0 - 7) < 1e-9 } == true)
        #expect(json["wilcoxon"]?["p"] == .number(0.0078125))
        #expect(json["pctImproved"] == 100)
        #expect(json["items"]?.arrayValue?.map { $0["c"] } == [2, 4, 2, 3, 3])
        for key in ["gainCI95", "sdGain", "df", "pTTest", "dz", "gz", "hakeG", "meanIndividualG"] { #expect(json[key] != nil, "\(key)") }

        let text = await CLI.run(["analyze", "prepost", "--pre", "pre.csv", "--post", "post.csv"], in: directory)
        #expect(text.output.contains("Matched participants: 8"))
        #expect(text.output.contains("indicative"))
    }

    @Test("analyze items reproduces Vector B (KR-20 = alpha = 0.700)")
    func itemsVectorB() async throws {
        let directory = try CLI.temporaryDirectory()
        let patterns = ["11111", "11110", "11101", "11100", "11010", "11000", "10100", "10000", "01000", "00000"]
        try Self.writeMarks(Self.rows(patterns), to: "\(directory)/marks.csv")
        let run = await CLI.run(["analyze", "items", "--marks", "marks.csv", "--format", "json"], in: directory)
        #expect(run.exitCode == 0, "\(run.error)")
        let json = try run.json()
        #expect(json["test"]?["kr20"]?.numberValue.map { abs($0 - 0.7) < 1e-9 } == true)
        #expect(json["test"]?["cronbachAlpha"]?.numberValue.map { abs($0 - 0.7) < 1e-9 } == true)
        #expect(json["test"]?["alphaIsIndicative"] == true)
        #expect(json["items"]?.arrayValue?.map { $0["facility"]?.numberValue ?? -1 } == [0.8, 0.7, 0.5, 0.3, 0.2])
        for key in [
            "id", "facility", "sd", "randomGuessScore", "intendedWeight", "effectiveWeight", "discriminationIndex",
            "discriminativeEfficiency", "itemRest", "upperLowerD",
        ] {
            #expect(json["items"]?.arrayValue?.first?[key] != nil, "\(key)")
        }
    }

    @Test("a bad marks file names the file, line and column, and analyses nothing")
    func badFile() async throws {
        let directory = try CLI.temporaryDirectory()
        try Data("id,q1,q2\nA,1,0\nB,0,2\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/pre.csv"))
        let run = await CLI.run(["analyze", "items", "--marks", "pre.csv", "--format", "json"], in: directory)
        #expect(run.exitCode == 1)
        #expect(run.output.isEmpty)
        #expect(run.error.contains("pre.csv:3:3:"))
        let missing = await CLI.run(["analyze", "prepost", "--pre", "nope.csv", "--post", "pre.csv"], in: directory)
        #expect(missing.exitCode == 1)
        #expect(missing.error.contains("cannot read nope.csv"))
    }

    @Test("report on the demo: the cohort agrees with results, codes only, small groups suppressed")
    func reportOnDemo() async throws {
        let directory = try CLI.temporaryDirectory()
        let db = "\(directory)/demo.sqlite"
        #expect(await CLI.run(["demo", "--db", db]).exitCode == 0)
        let results = try await CLI.run(["results", "--db", db, "--format", "json"]).json()
        let report = await CLI.run(["report", "--db", db, "--by", "sex", "--by", "nationality", "--format", "json"])
        #expect(report.exitCode == 0, "\(report.error)")
        let json = try report.json()
        #expect(json["cohort"]?["n"] == results["summary"]?["paired"])
        #expect(json["cohort"]?["registered"] == results["participants"])
        #expect(json["participants"]?.arrayValue?.count == results["rows"]?.arrayValue?.count)
        #expect(json["attendance"]?["completed"] == results["summary"]?["completed"])

        // No name ever appears in a report.
        let names = try await CLI.run(["participants", "list", "--db", db, "--names", "--format", "json"]).json()
        let everyName = names.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(everyName.count == 30)
        for format in ["json", "text", "html", "csv"] {
            let output = await CLI.run(["report", "--db", db, "--format", format, "--by", "sex"]).output
            #expect(!everyName.contains { output.contains($0) }, "a name in the \(format) report")
        }

        // Every nationality group with fewer than 5 participants is withheld, and shows no figure.
        let groups = json["disaggregations"]?.arrayValue?.first { $0["by"] == "nationality" }?["groups"]?.arrayValue ?? []
        #expect(!groups.isEmpty)
        for group in groups {
            if group["suppressed"] == true {
                #expect(group["registered"] == "<5")
                #expect(group["meanPre"] == nil)
            } else {
                #expect((group["registered"]?.numberValue ?? 0) >= 5)
            }
        }
        // A threshold above every group hides them all.
        let strict = try await CLI.run(["report", "--db", db, "--by", "sex", "--small-group", "31", "--format", "json"]).json()
        let sexes = strict["disaggregations"]?.arrayValue?.first?["groups"]?.arrayValue ?? []
        #expect(!sexes.isEmpty && sexes.allSatisfy { $0["suppressed"] == true })
    }

    @Test("when one group alone would be withheld, the next smallest is withheld too")
    func secondarySuppression() async throws {
        let directory = try CLI.temporaryDirectory()
        let db = "\(directory)/demo.sqlite"
        #expect(await CLI.run(["demo", "--db", db]).exitCode == 0)
        // The demo has 10 women and 20 men: a threshold of 11 withholds the women, so the men must go too.
        let json = try await CLI.run(["report", "--db", db, "--by", "sex", "--small-group", "11", "--format", "json"]).json()
        let groups = json["disaggregations"]?.arrayValue?.first?["groups"]?.arrayValue ?? []
        #expect(groups.count == 2)
        #expect(groups.allSatisfy { $0["suppressed"] == true })
    }

    @Test("the HTML report is self-contained, right-to-left in Arabic, and opens with the summary sentence")
    func htmlReport() async throws {
        let directory = try CLI.temporaryDirectory()
        let db = "\(directory)/demo.sqlite"
        #expect(await CLI.run(["demo", "--db", db]).exitCode == 0)
        for language in ["fr", "en", "ar"] {
            let run = await CLI.run(["report", "--db", db, "--format", "html", "--lang", language, "--output", "\(directory)/r-\(language).html"])
            #expect(run.exitCode == 0, "\(run.error)")
            let html = try String(contentsOfFile: "\(directory)/r-\(language).html", encoding: .utf8)
            #expect(html.contains("lang=\"\(language)\""))
            #expect(html.contains("dir=\"rtl\"") == (language == "ar"))
            #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
            #expect(html.components(separatedBy: "<svg").count - 1 >= 5)
        }
        let arabic = try String(contentsOfFile: "\(directory)/r-ar.html", encoding: .utf8)
        #expect(arabic.contains("ارتفع متوسط الدرجات"))
        let french = try String(contentsOfFile: "\(directory)/r-fr.html", encoding: .utf8)
        #expect(french.contains("le score moyen est passé de"))
    }

    @Test("report refuses contradictory or unknown scopes with a way out")
    func scopes() async throws {
        let directory = try CLI.temporaryDirectory()
        let db = "\(directory)/demo.sqlite"
        let empty = await CLI.run(["report", "--db", db])
        #expect(empty.exitCode == 1 && empty.error.contains("no session"))
        #expect(await CLI.run(["demo", "--db", db]).exitCode == 0)
        let both = await CLI.run(["report", "--db", db, "--all", "--program", "x"])
        #expect(both.exitCode != 0 && both.error.contains("choose one of"))
        let unknown = await CLI.run(["report", "--db", db, "--program", "nope"])
        #expect(unknown.exitCode == 1 && unknown.error.contains("police-gendarmerie-2day"))
        let field = await CLI.run(["report", "--db", db, "--by", "shoe-size"])
        #expect(field.exitCode != 0 && field.error.contains("shoe-size"))
    }
}
