#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func printToStandardError(_ text: String) {
    let line = text + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
}
