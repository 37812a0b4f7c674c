import AtelierKernel
import Foundation
import Testing

@testable import AtelierStore

@Suite("Submissions: stored once, never summed")
struct SubmissionTests {
    let key: [String: JSONValue] = Fixture.catalog.resolvedForm("definitions.pre")!.correctResponses()

    func intake(_ store: SQLiteStore) -> SubmissionIntake { SubmissionIntake(catalog: Fixture.catalog, store: store) }

    @Test("the same id with the same content is answered again with the stored result, stored once")
    func duplicate() async throws {
        let code = Fixture.codes[0]
        let store = try await Fixture.store(try SQLiteStore(), codes: [code])
        let request = Fixture.request(code: code, responses: key)
        let first = try await intake(store).submit(request, requireOpenForm: true)
        guard case .accepted(let stored) = first else {
            Issue.record("expected accepted, got \(first)")
            return
        }
        #expect(stored.grade.percent == 100)
        var again = request
        again.receivedAt = Date().addingTimeInterval(60)
        let second = try await intake(store).submit(again, requireOpenForm: true)
        #expect(second == .duplicate(stored))
        #expect(try await store.submissions(in: "nkc-1").count == 1)
        #expect(try await store.submissions(in: "nkc-1", participant: code).map(\.id) == [request.id])
        #expect(try await store.submissions(in: "nkc-1", participant: Fixture.codes[1]).isEmpty)
        #expect(try await store.quarantine(in: nil).isEmpty)
    }

    @Test("the same id with different content is quarantined; nothing is overwritten")
    func sameIDDifferentContent() async throws {
        let code = Fixture.codes[0]
        let store = try await Fixture.store(try SQLiteStore(), codes: [code])
        let request = Fixture.request(id: "6F1C2A8E-0000-4000-8000-000000000001", code: code, responses: key)
        _ = try await intake(store).submit(request, requireOpenForm: true)
        var altered = request
        altered.responses["def-b01"] = "d"
        let outcome = try await intake(store).submit(altered, requireOpenForm: true)
        guard case .conflict(let entry) = outcome else {
            Issue.record("expected a conflict, got \(outcome)")
            return
        }
        #expect(entry.reason == .sameIDDifferentContent)
        #expect(entry.conflictsWith == request.id)
        let stored = try await store.submissions(in: "nkc-1")
        #expect(stored.count == 1)
        #expect(stored.first?.responses["def-b01"] == key["def-b01"])
        // Sending the same conflicting content again keeps one quarantine entry.
        _ = try await intake(store).submit(altered, requireOpenForm: true)
        #expect(try await store.quarantine(in: "nkc-1").count == 1)
    }

    @Test("a second attempt is a conflict when the session allows no retakes")
    func secondAttempt() async throws {
        let code = Fixture.codes[0]
        let store = try await Fixture.store(try SQLiteStore(), codes: [code])
        _ = try await intake(store).submit(Fixture.request(code: code, responses: [:]), requireOpenForm: true)
        let outcome = try await intake(store).submit(Fixture.request(code: code, responses: key), requireOpenForm: true)
        guard case .conflict(let entry) = outcome else {
            Issue.record("expected a conflict, got \(outcome)")
            return
        }
        #expect(entry.reason == .alreadySubmitted)
        let stored = try await store.submissions(in: "nkc-1")
        #expect(stored.map(\.grade.score) == [0])
    }

    @Test(
        "with retakes, attempts are kept apart and the policy decides which counts; scores are never added",
        arguments: [(RetakePolicy.first, 0.0), (.last, 40.0), (.best, 100.0)]
    )
    func retakes(policy: RetakePolicy, expectedPre: Double) async throws {
        let code = Fixture.codes[0]
        let store = try await Fixture.store(try SQLiteStore(), codes: [code], retakes: policy)
        let anchors = key.filter { $0.key.hasPrefix("def-b") }
        for responses in [[:], key, anchors] {
            let outcome = try await intake(store).submit(Fixture.request(code: code, responses: responses), requireOpenForm: true)
            #expect(outcome.stored != nil)
        }
        let submissions = try await store.submissions(in: "nkc-1")
        #expect(submissions.map(\.attempt) == [1, 2, 3])
        let results = SessionResults.compute(
            session: try #require(try await store.session("nkc-1")),
            program: Fixture.catalog.programs["police-gendarmerie-2day"],
            catalog: Fixture.catalog,
            participants: try await store.participants(in: "nkc-1"),
            attendance: [],
            submissions: submissions
        )
        #expect(results.rows.first?.pre == expectedPre)
    }

    @Test("refuses unknown sessions, participants, forms, forms outside the program, and closed forms")
    func refusals() async throws {
        let codes = Fixture.codes
        let store = try await Fixture.store(try SQLiteStore(), codes: [codes[0]])
        try await store.setForm("definitions.pre", open: false, in: "nkc-1", actor: "t")
        await #expect(throws: StoreError.formNotOpen(form: "definitions.pre", session: "nkc-1")) {
            try await intake(store).submit(Fixture.request(code: codes[0], responses: key), requireOpenForm: true)
        }
        #expect(try await intake(store).submit(Fixture.request(code: codes[0], responses: key), requireOpenForm: false).stored != nil)
        await #expect(throws: StoreError.participantNotFound(codes[1])) {
            try await intake(store).submit(Fixture.request(code: codes[1], responses: key), requireOpenForm: false)
        }
        await #expect(throws: StoreError.unknownForm("nothing.pre")) {
            try await intake(store).submit(Fixture.request(code: codes[0], form: "nothing.pre", responses: [:]), requireOpenForm: false)
        }
        var otherSession = Fixture.request(code: codes[0], responses: [:])
        otherSession.sessionID = "elsewhere"
        await #expect(throws: StoreError.sessionNotFound("elsewhere", known: ["nkc-1"])) {
            try await intake(store).submit(otherSession, requireOpenForm: false)
        }
    }

    @Test("concurrent duplicate submissions from many devices are stored once")
    func concurrentDuplicates() async throws {
        let code = Fixture.codes[0]
        let path = Fixture.temporaryDatabase()
        let store = try await Fixture.store(try SQLiteStore(path: path), codes: [code])
        let other = try SQLiteStore(path: path)  // a second connection pool, as the CLI beside the server
        let request = Fixture.request(code: code, responses: key)
        let outcomes = try await withThrowingTaskGroup(of: SubmissionOutcome.self) { group in
            for index in 0..<16 {
                let target = index.isMultiple(of: 2) ? store : other
                group.addTask { try await SubmissionIntake(catalog: Fixture.catalog, store: target).submit(request, requireOpenForm: true) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { if case .accepted = $0 { true } else { false } }.count == 1)
        #expect(outcomes.filter { if case .duplicate = $0 { true } else { false } }.count == 15)
        #expect(try await store.submissions(in: "nkc-1").count == 1)
    }

    @Test("two writers on one file at once lose nothing")
    func twoWriters() async throws {
        let codes = Fixture.codes
        let path = Fixture.temporaryDatabase()
        let first = try await Fixture.store(try SQLiteStore(path: path), codes: codes)
        let second = try SQLiteStore(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, code) in codes.enumerated() {
                let writer = index.isMultiple(of: 2) ? first : second
                group.addTask {
                    _ = try await SubmissionIntake(catalog: Fixture.catalog, store: writer).submit(
                        Fixture.request(code: code, responses: [:]),
                        requireOpenForm: true
                    )
                }
                group.addTask {
                    try await writer.mark(
                        [
                            AttendanceRecord(
                                sessionID: "nkc-1",
                                participantCode: code,
                                slotID: "d1-am",
                                status: "present",
                                source: .selfCheckIn,
                                recordedBy: code
                            )
                        ],
                        actor: code,
                        action: "attendance.check-in",
                        details: ""
                    )
                }
            }
            try await group.waitForAll()
        }
        #expect(try await first.submissions(in: "nkc-1").count == codes.count)
        #expect(try await second.attendance(in: "nkc-1").count == codes.count)
        #expect(try await first.check().isOK)
    }
}

@Suite("Content hash")
struct ContentHashTests {
    @Test("a graded submission's hash is the request's: SHA-256 of the canonical {form, participant, responses}")
    func sameHash() throws {
        let request = SubmissionRequest(
            id: "x",
            sessionID: "s",
            participantCode: "K7M2QX",
            formID: "definitions.pre",
            responses: ["b": ["z": 1, "a": [true, "é\"\n"]], "a": nil],
            source: .device
        )
        let form = try #require(Fixture.catalog.resolvedForm("definitions.pre"))
        let graded = GradedSubmission(request: request, phase: "pre", grade: FormGrader.grade(form, responses: request.responses))
        #expect(graded.contentHash == request.contentHash)
    }
}

@Suite("Submission intake")
struct SubmissionIntakeTests {
    @Test("remembers what never changes, but always reads whether a form is open")
    func closedLater() async throws {
        let codes = Fixture.codes
        let store = try await Fixture.store(try SQLiteStore(), codes: [codes[0], codes[1]])
        let intake = SubmissionIntake(catalog: Fixture.catalog, store: store)
        #expect(try await intake.submit(Fixture.request(code: codes[0], responses: [:]), requireOpenForm: true).stored != nil)
        try await store.setForm("definitions.pre", open: false, in: "nkc-1", actor: "t")
        await #expect(throws: StoreError.formNotOpen(form: "definitions.pre", session: "nkc-1")) {
            try await intake.submit(Fixture.request(code: codes[1], responses: [:]), requireOpenForm: true)
        }
    }
}
