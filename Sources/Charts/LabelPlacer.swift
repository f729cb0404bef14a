/// Places labels along one axis without overlap, as close as possible to their targets
/// ("batch merge", as Our World in Data's end-of-line labels and jtrim-ons/labelplacer do):
/// labels sorted by target; neighbours that overlap are merged into a block centred on the mean
/// of their targets, clamped to the bounds. Deterministic and fine for a dozen labels.
public enum LabelPlacer {
    public struct Item: Sendable, Hashable {
        /// Where the label's centre should be.
        public var target: Double
        public var height: Double
        /// Higher keeps its label when not all fit.
        public var priority: Int

        public init(target: Double, height: Double, priority: Int = 0) {
            self.target = target
            self.height = height
            self.priority = priority
        }
    }

    /// Top coordinate of each label (nil: dropped because not all fit between the bounds), in the
    /// order of `items`. Labels keep at least `gap` between each other and stay in [lower, upper].
    public static func place(_ items: [Item], lower: Double, upper: Double, gap: Double = 2) -> [Double?] {
        var kept = Set(items.indices)
        // Drop the least important labels until the rest fit at all.
        while !kept.isEmpty && totalHeight(kept.map { items[$0] }, gap: gap) > upper - lower {
            let victim = kept.min { a, b in
                (items[a].priority, -a) < (items[b].priority, -b)
            }!
            kept.remove(victim)
        }
        let order = kept.sorted { (items[$0].target, $0) < (items[$1].target, $1) }
        var batches: [Batch] = []
        for index in order {
            batches.append(Batch(members: [index], items: items, gap: gap, lower: lower, upper: upper))
            while batches.count >= 2 {
                let last = batches[batches.count - 1], previous = batches[batches.count - 2]
                if previous.top + previous.height + gap <= last.top + 1e-9 { break }
                batches.removeLast(2)
                batches.append(Batch(members: previous.members + last.members, items: items, gap: gap,
                                     lower: lower, upper: upper))
            }
        }
        var result = [Double?](repeating: nil, count: items.count)
        for batch in batches {
            var y = batch.top
            for member in batch.members {
                result[member] = y
                y += items[member].height + gap
            }
        }
        return result
    }

    private static func totalHeight(_ items: [Item], gap: Double) -> Double {
        items.reduce(0) { $0 + $1.height } + gap * Double(max(0, items.count - 1))
    }

    private struct Batch {
        var members: [Int]
        var top: Double
        var height: Double

        init(members: [Int], items: [Item], gap: Double, lower: Double, upper: Double) {
            self.members = members
            height = LabelPlacer.totalHeight(members.map { items[$0] }, gap: gap)
            // Ideal top: each member wants its centre on its target; average what that asks of the top.
            var offset = 0.0, sum = 0.0
            for member in members {
                sum += items[member].target - (offset + items[member].height / 2)
                offset += items[member].height + gap
            }
            let ideal = sum / Double(members.count)
            top = min(max(ideal, lower), upper - height)
        }
    }
}
