import AtelierKernel
import AtelierServer
import AtelierStore
import Foundation
import Logging
import ServiceLifecycle
import Testing

@Suite("Group commit")
struct CommitterTests {
    func graded(_ fixture: ServerFixture, participant: Int) throws -> GradedSubmission {
        let form = try #require(ServerFixture.catalog.resolvedForm("definitions.pre"))
        let request = SubmissionRequest(
            id: UUID().uuidString,
            sessionID: "nkc-1",
            participantCode: fixture.codes[participant % 3],
            formID: "definitions.pre",
            responses: ["def-b01": "a"],
            source: .device
        )
        return GradedSubmission(request: request, phase: "pre", grade: FormGrader.grade(form, responses: request.responses))
    }

    @Test("commits many concurrent submissions together, answering each with its own outcome")
    func batches() async throws {
        let fixture = try await ServerFixture.make()
        let committer = SubmissionCommitter(store: fixture.store)
        let group = ServiceGroup(services: [committer], logger: Logger(label: "test"))
        let submissions = try (0..<200).map { try graded(fixture, participant: $0) }
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let outcomes = try await withThrowingTaskGroup(of: SubmissionOutcome.self) { inner in
                for submission in submissions { inner.addTask { try await committer.commit(submission, retakePolicy: .last) } }
                return try await inner.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.count == 200)
            #expect(outcomes.allSatisfy { $0.stored != nil })
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").count == 200)
    }

    @Test("on shutdown, every submission is either committed and answered, or refused and not stored")
    func shutdown() async throws {
        let fixture = try await ServerFixture.make()
        let committer = SubmissionCommitter(store: fixture.store)
        let group = ServiceGroup(services: [committer], logger: Logger(label: "test"))
        let submissions = try (0..<300).map { try graded(fixture, participant: $0) }
        var committed: Set<String> = []
        var refused = 0
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let results = await withTaskGroup(of: (String, Bool).self) { inner in
                for (index, submission) in submissions.enumerated() {
                    inner.addTask {
                        if index == 150 { await group.triggerGracefulShutdown() }
                        do {
                            let outcome = try await committer.commit(submission, retakePolicy: .last)
                            return (submission.request.id, outcome.stored != nil)
                        } catch {
                            return (submission.request.id, false)
                        }
                    }
                }
                return await inner.reduce(into: [(String, Bool)]()) { $0.append($1) }
            }
            for (id, stored) in results {
                if stored { committed.insert(id) } else { refused += 1 }
            }
            try await tasks.waitForAll()
        }
        let inDatabase = Set(try await fixture.store.submissions(in: "nkc-1").map(\.id))
        #expect(inDatabase == committed)
        #expect(committed.count + refused == 300)
    }
}
