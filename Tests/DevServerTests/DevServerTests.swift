import Testing
@testable import DevServer

@Test func listensOnLoopbackOnly() {
    #expect(DevServer.host == "127.0.0.1")
}
