import AtelierKernel
import Foundation
import GRDB
import Testing

@testable import AtelierStore

@Suite("Evaluation data in the store")
struct EvaluationStoreTests {
    /// A store with three participants who took definitions.pre: full marks, a blank sheet, and a mix.
    static func storeWithSubmissions() async throws -> (SQLiteStore, [StoredSubmission]) {
        let codes = Array(Fixture.codes.prefix(3))
        let store = try await Fixture.store(SQLiteStore(), codes: codes)
        let form = try #require(Fixture.catalog.resolvedForm("definitions.pre"))
        let key = Dictionary(uniqueKeysWithValues: form.items.map { ($0.item.id, $0.itemType.correctResponse(for: $0.body)) })
        var mixed = key
        for loaded in form.items where loaded.item.type == "single-choice" {
            let choices = loaded.item.body["choices"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            mixed[loaded.item.id] = choices.first { .string($0) != key[loaded.item.id] }.map(JSONValue.string)
        }
        let intake = SubmissionIntake(catalog: Fixture.catalog, store: store)
        for (code, responses) in zip(codes, [key, [:], mixed]) {
            _ = try await intake.submit(Fixture.request(code: code, responses: responses), requireOpenForm: true)
        }
        return (store, try await store.submissions(in: "nkc-1"))
    }

    @Test("the compact item columns carry each item's score, maximum and chosen option")
    func digestMatchesGrades() async throws {
        let (store, stored) = try await Self.storeWithSubmissions()
        let data = try await store.evaluationData(for: [Fixture.session()])
        let attempts = try #require(data.first?.submissions)
        #expect(attempts.count == 3)
        for submission in stored {
            let attempt = try #require(attempts.first { $0.id == submission.id })
            #expect(attempt == EvaluationAttempt(submission))
            #expect(attempt.scores == submission.grade.items.map(\.score))
            #expect(attempt.maxScores == submission.grade.items.map(\.maxScore))
            #expect(attempt.passed == submission.grade.passed)
            let chosen = attempt.choicesText.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            for (position, item) in submission.grade.items.enumerated() where item.type == "single-choice" {
                #expect(chosen[position] == (submission.responses[item.id]?.stringValue ?? ""))
            }
        }
    }

    @Test("migration v3 fills the item columns of submissions stored before it")
    func migrationBackfills() async throws {
        let (source, _) = try await Self.storeWithSubmissions()
        let expected = try await source.evaluationData(for: [Fixture.session()]).first?.submissions ?? []
        #expect(expected.count == 3)

        // A database at v2, holding the same rows in the columns v2 had.
        let path = Fixture.temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: path)
        try SQLiteStore.migrator.migrate(old, upTo: "v2-tokens-drafts-release-settings")
        for table in ["session", "sessionForm", "participant", "identity", "submission"] {
            let columns = try await old.read { db in try db.columns(in: table).map(\.name) }
            let values = try await source.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table)").map { row in
                    columns.map { row[$0] as DatabaseValue }
                }
            }
            let placeholders = columns.map { _ in "?" }.joined(separator: ", ")
            try await old.write { db in
                for row in values {
                    try db.execute(
                        sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
                        arguments: StatementArguments(row)
                    )
                }
            }
        }
        try old.close()

        let migrated = try SQLiteStore(path: path)
        let attempts = try await migrated.evaluationData(for: [Fixture.session()]).first?.submissions ?? []
        #expect(attempts.sorted { $0.id < $1.id } == expected.sorted { $0.id < $1.id })
    }
}
