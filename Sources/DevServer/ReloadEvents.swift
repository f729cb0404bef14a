import FlyingSocks
import Synchronization

/// The server-sent events behind live reload: every open preview tab holds one stream
/// (`/__sozialsite/events`); after each build every stream gets the new build's name („Stand“)
/// and the tab reloads. A comment line every few seconds finds closed tabs.
final class ReloadEvents: Sendable {
    private struct State {
        var next = 0
        var streams: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
        var stand: String
    }

    private let state: Mutex<State>

    init(stand: String) {
        state = Mutex(State(stand: stand))
    }

    var stand: String { state.withLock { $0.stand } }

    var openStreams: Int { state.withLock { $0.streams.count } }

    /// A new stream that starts with the current build.
    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = state.withLock { state -> Int in
            state.next += 1
            state.streams[state.next] = continuation
            continuation.yield(Self.event(state.stand))
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    /// Tells every tab about the build `stand`.
    func publish(stand: String) {
        send(Self.event(stand), stand: stand)
    }

    /// Keeps idle connections alive and notices closed ones.
    func heartbeat() {
        send(Array(": ping\n\n".utf8), stand: nil)
    }

    func finishAll() {
        let streams = state.withLock { state -> [AsyncStream<[UInt8]>.Continuation] in
            defer { state.streams.removeAll() }
            return Array(state.streams.values)
        }
        for stream in streams { stream.finish() }
    }

    private func send(_ bytes: [UInt8], stand: String?) {
        let streams = state.withLock { state -> [(Int, AsyncStream<[UInt8]>.Continuation)] in
            if let stand { state.stand = stand }
            return Array(state.streams)
        }
        for (id, stream) in streams {
            if case .terminated = stream.yield(bytes) {
                _ = state.withLock { $0.streams.removeValue(forKey: id) }
            }
        }
    }

    static func event(_ stand: String) -> [UInt8] {
        Array("retry: 1000\nevent: stand\ndata: \(stand)\n\n".utf8)
    }
}

/// An event stream as the byte sequence FlyingFox sends as a chunked response body.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return taken
        }
    }
}
