import Foundation

extension SitePages {
    /// Lets a background thread free what a finished render leaves behind.
    ///
    /// The cards, links and groups of 10,000 posts, the table of output paths and the list of
    /// pages are some 100,000 small objects. The pages are the last part of a clean build to
    /// finish, so freeing them on the rendering thread made the other core wait: the caller goes
    /// on instead, and a `sozialsite build` process may even exit before the thread is done (the
    /// system takes the memory back at once). The same idea as the pipeline's release of the site.
    static func releaseInBackground<Value>(_ value: consuming Value) {
        let box = ReleaseBox(value)
        Thread.detachNewThread { box.empty() }
    }

    /// Holds the value until the thread empties it. The caller hands the value over (nobody else
    /// uses it) and only the thread touches the box after `releaseInBackground` returns, so
    /// sending it to that thread is safe.
    private final class ReleaseBox<Value>: @unchecked Sendable {
        private var value: Value?
        init(_ value: consuming Value) { self.value = value }
        func empty() { value = nil }
    }
}
