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

/// Runs stage bodies and keeps their wall-clock times; a stage that runs in several portions
/// (rendering and writing part by part) gets their sum.
struct StageClock {
    private(set) var timings: [StageTiming] = []
    private let clock = ContinuousClock()

    mutating func run<T>(_ stage: BuildStage, _ body: () throws -> T) rethrows -> T {
        let start = clock.now
        defer { add(stage, clock.now - start) }
        return try body()
    }

    /// Adds time measured elsewhere; stages stay in their order however they interleave.
    mutating func add(_ stage: BuildStage, _ elapsed: Duration) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if let index = timings.firstIndex(where: { $0.stage == stage }) {
            timings[index].seconds += seconds
        } else {
            timings.append(StageTiming(stage: stage, seconds: seconds))
            let order = BuildStage.allCases
            timings.sort { order.firstIndex(of: $0.stage)! < order.firstIndex(of: $1.stage)! }
        }
    }
}
