import Foundation

/// Maps independent items on all cores and returns the results in input order, so the outcome
/// is the same as a sequential `map` (determinism) while reading and parsing files in parallel.
enum ParallelMap {
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item],
                                                      _ transform: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.store(transform(items[index]), at: index)
        }
        return slots.values()
    }

    /// Each index is written by exactly one iteration, and read only after all have finished.
    private final class Slots<Value>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func store(_ value: Value, at index: Int) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }
        func values() -> [Value] { storage.map { $0! } }
    }
}
