import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` on all cores, results in input order. Work is handed out one index at a time, so
    /// uneven items (a long post next to a short one) keep both cores busy.
    public func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let count = self.count
        let workers = Swift.min(count, CoreCount.active)
        if workers < 2 { return map(transform) }
        let buffer = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        // Each index is written by exactly one worker, so unsynchronised writes are safe.
        nonisolated(unsafe) let slots = buffer
        let next = Atomic<Int>(0)
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let items = input
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    if index >= count { break }
                    slots[index] = transform(items[index])
                }
            }
        }
        return buffer.map { $0! }
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
