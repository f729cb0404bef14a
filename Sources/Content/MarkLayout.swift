import Yams

/// Makes Yams `Mark`s, whose initializer is internal to Yams.
///
/// `Mark` is a struct of exactly two stored `Int`s, `line` and `column`, in that order. The bit
/// cast below is only used after `isVerified` has checked, once per process, that a value made
/// this way reads back as the same line and column and has the size of two `Int`s; should a Yams
/// update change the layout, the check fails and every front matter goes through `Yams.compose`.
enum MarkLayout {
    static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    static let isVerified: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size,
              MemoryLayout<Mark>.stride == MemoryLayout<(Int, Int)>.stride else { return false }
        let probe = mark(line: 12_345, column: 678)
        guard probe.line == 12_345, probe.column == 678 else { return false }
        // And a mark Yams made itself reads the same as ours.
        guard let node = try? Yams.compose(yaml: "\n  a: b", .basic, Constructor([:], [:], [:]), .utf8),
              let yamsMark = node.mapping?.first?.key.mark else { return false }
        let ours = mark(line: yamsMark.line, column: yamsMark.column)
        return ours.line == 2 && ours.column == 3 && withUnsafeBytes(of: ours, { Array($0) })
            == withUnsafeBytes(of: yamsMark, { Array($0) })
    }()
}
