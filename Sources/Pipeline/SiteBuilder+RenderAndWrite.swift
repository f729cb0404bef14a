import Foundation
import Outputs
import Support
import Synchronization

extension SiteBuilder {
    /// Stages 4 and 5 of a clean build that writes: each part of the site goes to the staging folder
    /// as soon as it is rendered and is then dropped, so memory holds the content and one part per
    /// lane, not the whole site (10,000 posts: about 450 MB of output). Nothing published changes
    /// before every part is rendered and written without an error; then the staging folder is swapped in.
    ///
    /// Two lanes, this thread and a second one, take the parts one after the other from a shared
    /// queue (the pages first). Each part spreads its items over all cores, but each also has
    /// stretches on one core (the index of all posts, the feed channels, the dashboard's tables,
    /// the end of a portion); side by side, one part fills the other's gaps (1,000 posts: 0.02 s,
    /// 10,000 posts: 0.1 s). The output does not depend on which part writes first.
    static func renderAndWrite(_ context: RenderContext, options: BuildOptions, clock: StageClock,
                               diagnostics: [Diagnostic], parts: [OutputPart] = RenderStage.parts,
                               stagingScan: Prefetch<StagingTree?>? = nil) -> BuildReport {
        var clock = clock, diagnostics = diagnostics
        func collect(_ found: [Diagnostic], _ stage: BuildStage) { diagnostics += tagged(found, stage) }
        func stop() -> BuildReport { BuildReport(diagnostics: diagnostics, timings: clock.timings) }
        func failed(_ error: Error) -> BuildReport {
            collect([writeFailed(error, options)], .write)
            return stop()
        }
        let writer = OutputWriter(outputDirectory: options.outputDirectory)
        collect(writer.preflight(siteDirectory: options.siteDirectory), .write)
        if diagnostics.hasErrors { return stop() }
        let session: OutputWriter.Session
        do { session = try clock.run(.write) { try writer.session(prescanned: stagingScan?.value ?? nil) } }
        catch { return failed(error) }

        let shared = SharedSession(session, stopped: diagnostics.hasErrors)
        let wall = ContinuousClock()
        let start = wall.now
        let second = CoreCount.active > 1 && parts.count > 1 ? Prefetch { shared.render(parts, context) } : nil
        let rendered = shared.render(parts, context) + (second?.value ?? [])
        // In the order of `parts`, whichever lane rendered them.
        for (_, found) in rendered.sorted(by: { $0.index < $1.index }) { collect(found, .render) }
        var state = shared.finish()
        // The lanes may write at the same time: the summed writing time is capped at the wall time.
        let elapsed = wall.now - start, writing = min(state.writing, elapsed)
        clock.add(.render, elapsed - writing)
        clock.add(.write, writing)
        if let writeFailure = state.failure { return failed(writeFailure) }

        let copies = RenderStage.copies(context)
        if state.accept(copies.map(\.path), stopped: diagnostics.hasErrors) {
            do { try clock.run(.write) { try state.session.copy(copies) } } catch { return failed(error) }
        }
        collect(OutputWriter.problems(pathCounts: state.pathCounts), .write)
        if diagnostics.hasErrors { return stop() }
        let written: OutputWriter.Result
        do { written = try clock.run(.write) { try state.session.finish() } } catch { return failed(error) }
        return BuildReport(diagnostics: diagnostics, timings: clock.timings, pages: state.pages, files: state.files,
                           written: written.written, unchanged: written.unchanged, published: true)
    }
}

/// The write session of `renderAndWrite`, shared by the lanes that render parts side by side:
/// writing and its bookkeeping happen under one lock, one portion at a time.
final class SharedSession: Sendable {
    struct State: Sendable {
        var session: OutputWriter.Session
        /// How often each path is written: a path twice, or one leading out of the folder, stops
        /// the writing (all parts are still rendered, so every problem is reported).
        var pathCounts: [String: Int] = [:]
        var pages = 0, files = 0
        var failure: Error? = nil
        /// A part reported an error: nothing more is written, the build will not publish.
        var stopped: Bool
        /// Time spent writing, summed over the lanes.
        var writing = Duration.zero

        /// Counts `paths`; false when they must not be written.
        mutating func accept(_ paths: [String], stopped: Bool = false) -> Bool {
            var clean = true
            for path in paths {
                pathCounts[path, default: 0] += 1
                if pathCounts[path]! > 1 || !OutputWriter.isSafeRelativePath(path) { clean = false }
            }
            files += paths.count
            return clean && !stopped && !self.stopped && failure == nil
        }
    }

    private let state: Mutex<State?>
    /// The next part of the queue to render.
    private let next = Atomic<Int>(0)

    init(_ session: OutputWriter.Session, stopped: Bool) {
        state = Mutex(State(session: session, stopped: stopped))
    }

    /// Renders the parts of the queue that no other lane has taken, each as a whole, writing each
    /// portion as it comes; the diagnostics of each part rendered here, with its index in `parts`.
    func render(_ parts: [OutputPart], _ context: RenderContext) -> [(index: Int, diagnostics: [Diagnostic])] {
        var done: [(index: Int, diagnostics: [Diagnostic])] = []
        while case let index = next.add(1, ordering: .relaxed).oldValue, index < parts.count {
            let rendered = RenderStage.render(parts[index], context, emit: write)
            if rendered.diagnostics.hasErrors { state.withLock { $0!.stopped = true } }
            write(rendered.files)
            done.append((index, rendered.diagnostics))
        }
        return done
    }

    /// Writes `portion`: its folders are made under the lock, its files are written outside it,
    /// so a lane writing a big portion (the search index, a thousand posts) does not hold up the
    /// other lane's next portion.
    func write(_ portion: [OutputFile]) {
        let clock = ContinuousClock(), start = clock.now
        let placement = state.withLock { state -> OutputWriter.Session.Placement? in
            state!.pages += portion.count { $0.path.hasSuffix(".html") }
            guard state!.accept(portion.map(\.path)) else { return nil }
            do { return try state!.session.reserve(portion.map(\.path)) } catch {
                state!.failure = error
                return nil
            }
        }
        guard let placement else { return }
        let outcomes = placement.place(portion)
        state.withLock { state in
            do { try state!.session.record(outcomes) } catch { if state!.failure == nil { state!.failure = error } }
            state!.writing += clock.now - start
        }
    }

    /// The state once every lane is done.
    func finish() -> State {
        state.withLock { state in
            defer { state = nil }
            return state!
        }
    }
}
