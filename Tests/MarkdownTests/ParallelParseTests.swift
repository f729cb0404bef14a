import Dispatch
import Synchronization
import Testing
@testable import Markdown

/// cmark-gfm clears its global tables of special characters after each parse (threadfix.c). With
/// the replacement live, parsers finish side by side without a lock and lose nothing.
@Suite struct ParallelParseTests {
    @Test func theReplacementIsLiveSoParsesNeedNoLock() {
        #expect(ExtensionRegistry.parsesInParallel)
    }

    /// Strikethrough and autolinks depend on the global tables. Without the replacement and without
    /// the lock, a fifth of such documents lost them when parsed on two threads (research report).
    @Test func documentsParsedOnManyThreadsAtOnceMatchTheSerialParse() {
        // Long documents keep each parser in its inline pass for a while, so the passes overlap.
        let documents = (0..<200).map { i in
            (0..<30).map { p in
                """
                Absatz \(i).\(p) mit *Betonung*, ~~durchgestrichen~~ und www.beispiel-\(i).de sowie
                https://example.org/\(p). Noch etwas `Code` und [ein Link](https://example.org/\(i)).

                | Spalte | ~~alt~~ |
                |---|:-:|
                | \(p) | ~~x~~ www.a.de |
                """
            }.joined(separator: "\n\n")
        }
        let serial = documents.map { MarkdownRenderer.render($0, file: "x.md").html }
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("href=\"http://www.") })
        let parallel = Mutex([String?](repeating: nil, count: documents.count))
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in stride(from: worker, to: documents.count, by: 8) {
                let html = MarkdownRenderer.render(documents[index], file: "x.md").html
                parallel.withLock { $0[index] = html }
            }
        }
        let results = parallel.withLock { $0 }
        #expect(results.indices.filter { results[$0] != serial[$0] }.isEmpty)
    }
}
