import Testing
@testable import Support

/// A task-local value does not follow a new thread; `Prefetch` hands the core limit over, so a
/// sequential build (`CoreCount.$limit.withValue(1)`) stays sequential on its helper threads too.
@Test func prefetchKeepsTheCoreLimitOfItsCaller() {
    let limited = CoreCount.$limit.withValue(1) { Prefetch { CoreCount.active }.value }
    #expect(limited == 1)
    let two = CoreCount.$limit.withValue(2) { Prefetch { CoreCount.limit }.value }
    #expect(two == 2)
    #expect(Prefetch { CoreCount.limit }.value == CoreCount.limit)
}
