import AtelierKernel
import Foundation
import GRDB
import Testing

@testable import AtelierStore

@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("migrates an empty file, reports ok, and re-opening applies nothing more")
    func migratesFromEmpty() async throws {
        let path = Fixture.temporaryDatabase()
        let store = try SQLiteStore(path: path)
        let report = try await store.check()
        #expect(report.isOK)
        #expect(
            report.appliedMigrations == [
                "v1-sessions-participants-attendance-submissions", "v2-tokens-drafts-release-settings", "v3-evaluation-attempts",
            ]
        )
        #expect(try await SQLiteStore(path: path).migrate().isEmpty)
        let journal = try await store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let secureDelete = try await store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA secure_delete") }
        #expect(secureDelete == 1)
    }

    @Test("stores and reads back sessions, participants, identities apart, and attendance")
    func roundTrips() async throws {
        let codes = Array(Fixture.codes.prefix(3))
        let store = try await Fixture.store(try SQLiteStore(), codes: codes)
        #expect(try await store.session("nkc-1") == Fixture.session())
        #expect(try await store.participants(in: "nkc-1").map(\.code) == codes)
        #expect(try await store.identities(in: "nkc-1")[codes[0]]?.name == "Aminetou Mint Ahmed \(codes[0])")
        try await store.mark(
            [AttendanceRecord(sessionID: "nkc-1", participantCode: codes[0], slotID: "d1-am", status: "present", source: .typed, recordedBy: "t")],
            actor: "t",
            action: "attendance.mark",
            details: ""
        )
        try await store.mark(
            [AttendanceRecord(sessionID: "nkc-1", participantCode: codes[0], slotID: "d1-am", status: "late", source: .sheet, recordedBy: "t")],
            actor: "t",
            action: "attendance.import",
            details: ""
        )
        let attendance = try await store.attendance(in: "nkc-1")
        #expect(attendance.count == 1)
        #expect(attendance.first?.status == "late")
        #expect(attendance.first?.source == .sheet)
        let actions = try await store.auditEntries(limit: 10).map(\.action)
        #expect(actions == ["attendance.import", "attendance.mark", "participants.add", "session.create"])
    }

    @Test("registration is all or nothing")
    func registrationIsAtomic() async throws {
        let codes = Fixture.codes
        let store = try await Fixture.store(try SQLiteStore(), codes: [codes[0]])
        await #expect(throws: StoreError.participantExists(codes[0])) {
            try await store.register(
                [Fixture.participant(codes[1]), Fixture.participant(codes[0])],
                actor: "t",
                action: "participants.import",
                details: ""
            )
        }
        #expect(try await store.participants(in: "nkc-1").map(\.code) == [codes[0]])
    }

    @Test("forget erases the identity, keeps the pseudonymous data, and leaves no trace of the name in the file")
    func forget() async throws {
        let path = Fixture.temporaryDatabase()
        let codes = Array(Fixture.codes.prefix(2))
        let store = try await Fixture.store(try SQLiteStore(path: path), codes: codes)
        try await store.forget(codes[0], actor: "trainer")
        #expect(try await store.identities(in: "nkc-1")[codes[0]] == nil)
        #expect(try await store.identities(in: "nkc-1")[codes[1]] != nil)
        #expect(try await store.participant(codes[0]) != nil)
        let entry = try #require(try await store.auditEntries(limit: 1).first)
        #expect(entry.action == "participant.forget")
        #expect(entry.subject == codes[0])
        #expect(!entry.details.contains("Aminetou"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
        #expect(bytes.range(of: Data("Aminetou Mint Ahmed \(codes[0])".utf8)) == nil)
        #expect(wal.range(of: Data("Aminetou Mint Ahmed \(codes[0])".utf8)) == nil)
        #expect(
            bytes.range(of: Data("Aminetou Mint Ahmed \(codes[1])".utf8)) != nil || wal.range(of: Data("Aminetou Mint Ahmed \(codes[1])".utf8)) != nil
        )
        await #expect(throws: StoreError.participantNotFound("ZZZZZZ")) { try await store.forget("ZZZZZZ", actor: "t") }
    }

    @Test("backs up with the online backup API to a new file, never over an existing one")
    func backup() async throws {
        let store = try await Fixture.store(try SQLiteStore(path: Fixture.temporaryDatabase()), codes: Array(Fixture.codes.prefix(5)))
        let destination = Fixture.temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try await store.backup(to: destination)
        let copy = try SQLiteStore(path: destination)
        #expect(try await copy.participants(in: "nkc-1").count == 5)
        #expect(try await copy.check().isOK)
        await #expect(throws: StoreError.backupDestinationExists(destination)) { try await store.backup(to: destination) }
    }

    @Test("participant codes avoid look-alikes and catch a mistyped character or a swap")
    func codes() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<1_000 {
            let code = ParticipantCode.generate(using: &generator)
            #expect(ParticipantCode.isValid(code))
            #expect(!code.contains { "01OIL".contains($0) })
            let characters = Array(code)
            for index in 0..<6 {
                for replacement in ParticipantCode.alphabet where replacement != characters[index] {
                    var typo = characters
                    typo[index] = replacement
                    #expect(!ParticipantCode.isValid(String(typo)))
                }
            }
            for index in 0..<5 where characters[index] != characters[index + 1] {
                var swapped = characters
                swapped.swapAt(index, index + 1)
                #expect(!ParticipantCode.isValid(String(swapped)))
            }
        }
    }
}
