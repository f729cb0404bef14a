/// The local preview server (`sozialsite serve`). See docs/ARCHITECTURE.md.
public enum DevServer {
    /// Only the loopback interface: the preview is never reachable from the network.
    public static let host = "127.0.0.1"
}
