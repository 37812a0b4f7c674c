import AtelierKernel
import Foundation
import Testing

/// The real executable, killed in the middle of an import.
@Suite("Crash safety")
struct CrashTests {
    /// The `atelier` executable built beside the tests.
    static var executable: String { CLI.root + "/.build/debug/atelier" }

    @Test("a process killed during an import leaves the database as it was before the import")
    func killedImport() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable), "build the executable first: swift build")
        let db = try freshDatabase()
        _ = await CLI.run(["session", "create", "--program", "awareness-civil-society", "--site", "Nouadhibou", "--start", "2026-12-08", "--db", db])
        _ = await CLI.run([
            "participants", "add", "--name", "Before Import", "--sex", "female", "--age-band", "25-34", "--organization-type", "other", "--db", db,
        ])
        var sheet = "code,name,sex,age_band,organization,organization_type,role,nationality,language\n"
        for index in 0..<90_000 {
            sheet += ",Participant \(index) with a long enough name to fill pages,female,25-34,Association \(index),civil-society,member,MR,fr\n"
        }
        let file = try CLI.temporaryDirectory() + "/big.csv"
        try sheet.write(toFile: file, atomically: true, encoding: .utf8)

        var killedMidway = false
        for attempt in 0..<4 where !killedMidway {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = ["participants", "import", file, "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let walSize = { ((try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size]) as? Int) ?? 0 }
            let before = walSize()
            try process.run()
            // Wait until the import's transaction is writing pages, then kill -9.
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && Date() < deadline && walSize() < before + (1 << 20) * (attempt + 1) {
                try await Task.sleep(for: .milliseconds(2))
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                killedMidway = process.terminationReason == .uncaughtSignal
            }
        }
        #expect(killedMidway, "the import finished before it could be killed")
        let participants = try #require(try await CLI.run(["participants", "list", "--db", db, "--format", "json"]).json().arrayValue)
        #expect(participants.count == 1)
        let check = await CLI.run(["db", "check", "--db", db])
        #expect(check.exitCode == 0)
        #expect(check.output.hasPrefix("ok"))
    }
}
