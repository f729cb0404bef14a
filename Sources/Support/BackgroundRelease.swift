import Foundation

/// Lets a background thread free what a finished piece of work leaves behind.
///
/// Dropping a built site frees millions of small objects one after the other (10,000 posts: about
/// 50 ms on one core, after all the work is done); the cards, links and groups of the pages part
/// are some 100,000 more, at the end of the last part to finish. Nobody need wait for that: a
/// `sozialsite build` process prints its report and exits while the thread is still at it (the
/// system takes the memory back at once), and the preview server frees it beside the next request.
public enum BackgroundRelease {
    /// Hands `value` over (the caller must not keep a copy, or this thread frees it after all).
    public static func drop<Value>(_ value: consuming Value) {
        let box = Box(value)
        Thread.detachNewThread { box.empty() }
    }

    /// Holds the value until the thread empties it. The value is no longer used by anyone else, and
    /// only the thread touches the box after `drop` returns, so handing it over is safe.
    private final class Box<Value>: @unchecked Sendable {
        private var value: Value?
        init(_ value: consuming Value) { self.value = value }
        func empty() { value = nil }
    }
}
