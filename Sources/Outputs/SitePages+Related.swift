import Content
import Foundation

extension SitePages {
    /// „Auch interessant“: up to three posts sharing the most Handlungsfelder and tags.
    ///
    /// Score = shared Handlungsfelder + shared tags. Ties go to the newer post, then the smaller URL.
    /// Candidates are the `window` posts on either side (in time) in each group the post belongs to,
    /// so the work per post is bounded whatever the size of the blog.
    struct RelatedPosts: Sendable {
        let index: Index
        let limit: Int
        let window: Int
        /// Each post's groups as small integers (same order as `index.memberships`), so scoring
        /// compares numbers instead of hashing group names for every candidate. All posts' lists
        /// end to end, post `i`'s at `groupStarts[i]..<groupStarts[i + 1]`: scoring a candidate
        /// then reads numbers without retaining an array the other cores read as well.
        private let groupNumbers: [Int32]
        private let groupStarts: [Int]
        /// The post's position in each of its groups (aligned with `groupNumbers`).
        private let positions: [Int]
        /// Post indices of each group number, newest first (`index.posts(in:)`), all groups end to
        /// end: group `g`'s at `memberStarts[g]..<memberStarts[g + 1]`.
        private let members: [Int]
        private let memberStarts: [Int]
        /// `index.posts[i].date`, for ties.
        private let dates: [Date]
        /// Each post's groups as bits, two words a post (`2 i`, `2 i + 1`): the 127 groups with the
        /// most posts (all Handlungsfelder and the common tags) have a bit of their own, all
        /// others share `rareBit` of the second word. The groups two posts share are then mostly
        /// the bits they share: the score is a population count, and only when both have a rare
        /// group are those counted one by one.
        private let signatures: [UInt64]
        /// Aligned with `groupNumbers`: whether that group is a rare one (shares `rareBit`).
        private let isRare: [Bool]
        private static let rareBit: UInt64 = 1 << 63

        init(index: Index, limit: Int = 3, window: Int = 30) {
            self.index = index
            self.limit = limit
            self.window = window
            var numbers: [Index.Group: Int] = [:]
            var members: [Int] = []
            var memberStarts: [Int] = [0]
            var groupNumbers: [Int32] = []
            var groupStarts: [Int] = [0]
            var positions: [Int] = []
            groupStarts.reserveCapacity(index.memberships.count + 1)
            for groups in index.memberships {
                for membership in groups {
                    if let number = numbers[membership.group] {
                        groupNumbers.append(Int32(number))
                    } else {
                        numbers[membership.group] = memberStarts.count - 1
                        groupNumbers.append(Int32(memberStarts.count - 1))
                        members += index.posts(in: membership.group)
                        memberStarts.append(members.count)
                    }
                    positions.append(membership.position)
                }
                groupStarts.append(groupNumbers.count)
            }
            self.groupNumbers = groupNumbers
            self.groupStarts = groupStarts
            self.positions = positions
            self.memberStarts = memberStarts
            // Bits by size, ties by number, so the same site always gets the same bits.
            let groupCount = memberStarts.count - 1
            let bySize = (0..<groupCount).sorted { a, b in
                let sizeA = memberStarts[a + 1] - memberStarts[a], sizeB = memberStarts[b + 1] - memberStarts[b]
                return sizeA != sizeB ? sizeA > sizeB : a < b
            }
            // (word, bit) of each group; rare groups have (1, rareBit).
            var bits = [(word: Int, bit: UInt64)](repeating: (1, Self.rareBit), count: groupCount)
            for (rank, group) in bySize.prefix(127).enumerated() { bits[group] = (rank / 64, 1 << UInt64(rank % 64)) }
            var signatures = [UInt64](repeating: 0, count: 2 * index.memberships.count)
            for i in index.memberships.indices {
                for group in groupNumbers[groupStarts[i]..<groupStarts[i + 1]] {
                    let (word, bit) = bits[Int(group)]
                    signatures[2 * i + word] |= bit
                }
            }
            self.signatures = signatures
            isRare = groupNumbers.map { bits[Int($0)] == (1, Self.rareBit) }
            self.members = members
            dates = index.posts.map(\.date)
        }

        /// Indices into `index.posts`, best first.
        func related(to i: Int) -> [Int] {
            let ownRange = groupStarts[i]..<groupStarts[i + 1]
            guard !ownRange.isEmpty else { return [] }
            // The best `limit` by (score, newer, smaller URL); a strict order, so picking them in one
            // pass gives the same posts in the same order as sorting all candidates, in whatever
            // order they come and however often: a candidate already among the best is not added
            // again, and one that dropped out is worse than all of them when it comes again.
            let urls = index.urls
            func isBetter(_ a: (index: Int, score: Int), than b: (index: Int, score: Int)) -> Bool {
                if a.score != b.score { return a.score > b.score }
                let da = dates[a.index], db = dates[b.index]
                if da != db { return da > db }
                return urls[a.index] < urls[b.index]
            }
            var best: [(index: Int, score: Int)] = []
            best.reserveCapacity(limit + 1)
            // Buffers for reading, not slices or nested arrays: each of those would retain an array
            // the other cores read as well.
            groupNumbers.withUnsafeBufferPointer { numbers in
            members.withUnsafeBufferPointer { members in
            isRare.withUnsafeBufferPointer { isRare in
                let own = UnsafeBufferPointer(rebasing: numbers[ownRange])
                let mine = (signatures[2 * i], signatures[2 * i + 1])
                // The `window` posts on either side (in time) in each of the post's groups.
                for k in ownRange {
                    let group = Int(numbers[k])
                    let list = memberStarts[group]..<memberStarts[group + 1]
                    let lower = list.lowerBound + max(0, positions[k] - window)
                    let upper = list.lowerBound + min(list.count, positions[k] + window + 1)
                    for j in members[lower..<upper] where j != i {
                        // Groups with a bit of their own are shared when the bit is; rare ones,
                        // which share a bit, are compared one by one.
                        let shared = (mine.0 & signatures[2 * j], mine.1 & signatures[2 * j + 1])
                        var score = shared.0.nonzeroBitCount + (shared.1 & ~Self.rareBit).nonzeroBitCount
                        if shared.1 & Self.rareBit != 0 {
                            for m in groupStarts[j]..<groupStarts[j + 1] where isRare[m] && own.contains(numbers[m]) {
                                score += 1
                            }
                        }
                        let candidate = (index: j, score: score)
                        if best.count == limit, let last = best.last, !isBetter(candidate, than: last) { continue }
                        if best.contains(where: { $0.index == j }) { continue }
                        let slot = best.firstIndex(where: { isBetter(candidate, than: $0) }) ?? best.count
                        best.insert(candidate, at: slot)
                        if best.count > limit { best.removeLast() }
                    }
                }
            }
            }
            }
            return best.map(\.index)
        }
    }
}
