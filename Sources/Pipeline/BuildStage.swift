/// The named stages of a build, in order. Their German names appear in timings and in every
/// diagnostic, so a student sees whether a problem came from reading, checking or writing.
public enum BuildStage: String, CaseIterable, Sendable {
    case load = "Laden"
    case markdown = "Markdown"
    case validate = "Prüfen"
    case render = "Rendern"
    case write = "Schreiben"
}

public struct StageTiming: Sendable, Equatable {
    public var stage: BuildStage
    public var seconds: Double
}

/// Runs stage bodies and keeps their wall-clock times.
struct StageClock {
    private(set) var timings: [StageTiming] = []
    private let clock = ContinuousClock()

    mutating func run<T>(_ stage: BuildStage, _ body: () throws -> T) rethrows -> T {
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            timings.append(StageTiming(stage: stage, seconds: seconds))
        }
        return try body()
    }
}
