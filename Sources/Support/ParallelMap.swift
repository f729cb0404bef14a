import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on all cores, results in input order. Work is handed out one index at a time, so
    /// uneven items (a long post next to a short one) keep both cores busy.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let count = self.count
        let workers = Swift.min(count, CoreCount.active)
        if workers < 2 { return map(transform) }
        // Results go straight into the array's storage: each index is initialised by exactly one
        // worker (unsynchronised writes are safe), and every index is done when
        // `concurrentPerform` returns. No optionals, and no copy of each result into a second array.
        return [Result](unsafeUninitializedCapacity: count) { storage, initialized in
            nonisolated(unsafe) let slots = storage
            let next = Atomic<Int>(0)
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let items = input
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while true {
                        let index = next.add(1, ordering: .relaxed).oldValue
                        if index >= count { break }
                        (slots.baseAddress! + index).initialize(to: transform(items[index]))
                    }
                }
            }
            initialized = count
        }
    }
}

public enum CoreCount {
    /// Upper bound on worker threads for the current task: `CoreCount.$limit.withValue(1) { … }`
    /// gives a sequential build, which tests compare with the parallel one.
    @TaskLocal public static var limit: Int? = nil

    /// Cores the build may use: the task-local limit, else `SOZIALSITE_THREADS`, else all cores.
    public static var active: Int {
        if let limit { return max(1, limit) }
        if let value = getenvString("SOZIALSITE_THREADS"), let n = Int(value), n > 0 { return n }
        return max(1, sysconfCores())
    }
}
