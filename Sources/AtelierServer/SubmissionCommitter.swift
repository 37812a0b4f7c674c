import AtelierKernel
import AtelierStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Group commit: the single writer commits together every submission waiting at that moment, in one
/// transaction (WAL, `synchronous=FULL`), then answers each. Throughput comes from sharing the sync, never
/// from weaker syncing; an answer is sent only after its transaction committed.
public final class SubmissionCommitter: Service, Sendable {
    struct Pending: Sendable {
        var submission: GradedSubmission
        var retakePolicy: RetakePolicy
        var continuation: CheckedContinuation<SubmissionOutcome, any Error>
    }

    private let store: any TrainingStore
    private let queue = Mutex<[Pending]>([])
    private let signal: AsyncStream<Void>
    private let signalContinuation: AsyncStream<Void>.Continuation
    private let accepting = Atomic<Bool>(true)
    /// The most submissions committed in one transaction.
    public let maxBatch: Int

    /// Creates a committer on `store`.
    public init(store: any TrainingStore, maxBatch: Int = 512) {
        self.store = store
        self.maxBatch = maxBatch
        (signal, signalContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues a graded submission and returns its outcome once committed.
    ///
    /// - Throws: ``CommitterError/shuttingDown`` once shutdown has begun (the client may resend safely).
    public func commit(_ submission: GradedSubmission, retakePolicy: RetakePolicy) async throws -> SubmissionOutcome {
        try await withCheckedThrowingContinuation { continuation in
            guard accepting.load(ordering: .acquiring) else {
                continuation.resume(throwing: CommitterError.shuttingDown)
                return
            }
            queue.withLock { $0.append(Pending(submission: submission, retakePolicy: retakePolicy, continuation: continuation)) }
            signalContinuation.yield()
        }
    }

    /// Commits batches until shutdown; then refuses new work and commits what was already queued.
    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in signal {
                await drain()
            }
        } onGracefulShutdown: {
            self.accepting.store(false, ordering: .releasing)
            self.signalContinuation.finish()
        }
        await drain()
    }

    private func drain() async {
        while true {
            let batch: [Pending] = queue.withLock { pending in
                let taken = Array(pending.prefix(maxBatch))
                pending.removeFirst(taken.count)
                return taken
            }
            if batch.isEmpty { return }
            // One transaction per retake policy (a batch almost always has one).
            for group in Dictionary(grouping: batch, by: \.retakePolicy).values {
                do {
                    let outcomes = try await store.storeAll(group.map(\.submission), retakePolicy: group[0].retakePolicy)
                    for (pending, outcome) in zip(group, outcomes) { pending.continuation.resume(returning: outcome) }
                } catch {
                    for pending in group { pending.continuation.resume(throwing: error) }
                }
            }
        }
    }
}

/// Why the committer refused a submission.
public enum CommitterError: Error {
    /// The server is shutting down; nothing was stored.
    case shuttingDown
}
