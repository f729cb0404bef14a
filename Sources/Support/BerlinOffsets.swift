import Foundation

/// A time zone's offsets from UTC over a span of years, as a sorted table of its transitions:
/// asking the zone (ICU) for every date costs far more than a binary search.
struct BerlinOffsets: Sendable {
    /// Instants (Unix seconds) at which a new offset starts, ascending.
    private let starts: [Double]
    /// `offsets[i]` holds before `starts[i]`; the last one after the last start.
    private let offsets: [Int]
    private let lower: Double
    private let upper: Double

    /// Reads the zone's transitions between the two instants (Unix seconds).
    init(timeZone: TimeZone, from lower: Double, to upper: Double) {
        var starts: [Double] = []
        var offsets = [timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: lower))]
        var date = Date(timeIntervalSince1970: lower)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: date), next.timeIntervalSince1970 < upper {
            starts.append(next.timeIntervalSince1970)
            offsets.append(timeZone.secondsFromGMT(for: next))
            date = next
        }
        self.starts = starts
        self.offsets = offsets
        self.lower = lower
        self.upper = upper
    }

    /// Seconds east of UTC at the instant; nil outside the table's span.
    func offset(at seconds: Double) -> Int? {
        guard seconds >= lower, seconds < upper else { return nil }
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }
}
