import FlyingFox
import FlyingSocks
#if canImport(Glibc)
import Glibc
#endif

/// FlyingFox's socket pool, with Nagle's algorithm switched off on every connection: the server
/// writes a response's head and body separately, and on a kept-alive connection the body would
/// otherwise wait for the browser's delayed acknowledgement (40 ms per request on Linux).
struct NoDelayPool: AsyncSocketPool {
    let base: any AsyncSocketPool

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        #if canImport(Glibc)
        var yes: Int32 = 1
        setsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
