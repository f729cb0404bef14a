import ArgumentParser
import Foundation
import Pipeline

struct TmpBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tmp-bench", shouldDisplay: false)
    @Option var source: String
    @Option var output: String
    @Option var post: String
    @Option var runs: Int = 5
    @Flag var drafts = false

    func run() throws {
        let options = BuildOptions(siteDirectory: source, outputDirectory: output, includeDrafts: drafts, now: Date())
        let clock = ContinuousClock()
        var t = clock.now
        var (report, state) = IncrementalBuild.build(options, previous: BuildCache.load(options))
        BuildCache.save(state, for: options)
        print("first", clock.now - t, report.summary(outputDirectory: output))
        let path = source + "/" + post
        let original = try String(contentsOfFile: path, encoding: .utf8)
        for i in 0..<runs {
            try (original + "\nÄnderung \(i).\n").write(toFile: path, atomically: false, encoding: .utf8)
            t = clock.now
            (report, state) = IncrementalBuild.build(options, previous: state)
            print("run \(i)", clock.now - t, report.summary(outputDirectory: output).replacingOccurrences(of: "\n", with: " | "))
        }
        try original.write(toFile: path, atomically: false, encoding: .utf8)
    }
}
