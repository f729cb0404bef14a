import Foundation

/// Work that runs on a thread of its own while the caller goes on; `value` waits for it. The build
/// reads the previous output folder this way during loading: done between two stages, the reading
/// would leave one of the two cores idle.
public final class Prefetch<Value: Sendable>: @unchecked Sendable {
    // Safe without a lock: `result` is written once, by the worker, before it signals `done`, and
    // read only after waiting on `done` (the semaphore orders the two).
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> Value) {
        // A task-local value does not follow a new thread: the core limit of a sequential build
        // (`CoreCount.$limit`) is handed over by hand.
        let limit = CoreCount.limit
        let thread = Thread { [self] in
            result = CoreCount.$limit.withValue(limit) { work() }
            done.signal()
        }
        thread.start()
    }

    /// The result; the first read waits for the worker, later reads return at once.
    public var value: Value {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
