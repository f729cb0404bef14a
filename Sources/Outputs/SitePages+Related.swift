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
        /// Post indices of each group number, newest first (`index.posts(in:)`).
        private let members: [[Int]]
        /// `index.posts[i].date`, for ties.
        private let dates: [Date]
        /// Each post's groups as bits (group number modulo 64). When a post's own groups have
        /// distinct bits, the bits it shares with a candidate bound their score from above (every
        /// shared group sets its own bit in both), so most candidates are dismissed without counting.
        private let signatures: [UInt64]

        init(index: Index, limit: Int = 3, window: Int = 30) {
            self.index = index
            self.limit = limit
            self.window = window
            var numbers: [Index.Group: Int] = [:]
            var members: [[Int]] = []
            var groupNumbers: [Int32] = []
            var groupStarts: [Int] = [0]
            groupStarts.reserveCapacity(index.memberships.count + 1)
            for groups in index.memberships {
                for membership in groups {
                    if let number = numbers[membership.group] {
                        groupNumbers.append(Int32(number))
                    } else {
                        numbers[membership.group] = members.count
                        members.append(index.posts(in: membership.group))
                        groupNumbers.append(Int32(members.count - 1))
                    }
                }
                groupStarts.append(groupNumbers.count)
            }
            self.groupNumbers = groupNumbers
            self.groupStarts = groupStarts
            signatures = (0..<index.memberships.count).map { i in
                groupNumbers[groupStarts[i]..<groupStarts[i + 1]].reduce(0) { $0 | 1 << UInt64($1 & 63) }
            }
            self.members = members
            dates = index.posts.map(\.date)
        }

        /// Indices into `index.posts`, best first.
        func related(to i: Int) -> [Int] {
            let groups = index.memberships[i]
            guard !groups.isEmpty else { return [] }
            let own = groupNumbers[groupStarts[i]..<groupStarts[i + 1]]
            // The windows as one sorted list without repeats: cheaper than hashing into a Set, and
            // the pick below does not depend on the order it sees the candidates in.
            var candidates: [Int] = []
            candidates.reserveCapacity(groups.count * (2 * window + 1))
            for (k, membership) in groups.enumerated() {
                let list = members[Int(own[own.startIndex + k])]
                let lower = max(0, membership.position - window)
                let upper = min(list.count, membership.position + window + 1)
                candidates += list[lower..<upper]
            }
            candidates.sort()
            // The best `limit` by (score, newer, smaller URL); a strict order, so picking them in one
            // pass gives the same posts in the same order as sorting all candidates.
            let urls = index.urls
            func isBetter(_ a: (index: Int, score: Int), than b: (index: Int, score: Int)) -> Bool {
                if a.score != b.score { return a.score > b.score }
                let da = dates[a.index], db = dates[b.index]
                if da != db { return da > db }
                return urls[a.index] < urls[b.index]
            }
            var best: [(index: Int, score: Int)] = []
            best.reserveCapacity(limit + 1)
            var previous = -1
            // A buffer for reading, not slices: each slice would retain the shared array.
            groupNumbers.withUnsafeBufferPointer { numbers in
                let own = UnsafeBufferPointer(rebasing: numbers[groupStarts[i]..<groupStarts[i + 1]])
                let mine = signatures[i]
                let canBound = limit > 0 && mine.nonzeroBitCount == own.count
                for j in candidates where j != previous && j != i {
                    previous = j
                    // Shared groups share their bit, so this is at least the score: a candidate
                    // whose bound is below the last of a full list cannot enter it.
                    if canBound, best.count == limit, (mine & signatures[j]).nonzeroBitCount < best[limit - 1].score {
                        continue
                    }
                    var score = 0
                    for k in groupStarts[j]..<groupStarts[j + 1] where own.contains(numbers[k]) { score += 1 }
                    let candidate = (index: j, score: score)
                    if best.count == limit, let last = best.last, !isBetter(candidate, than: last) { continue }
                    let slot = best.firstIndex(where: { isBetter(candidate, than: $0) }) ?? best.count
                    best.insert(candidate, at: slot)
                    if best.count > limit { best.removeLast() }
                }
            }
            return best.map(\.index)
        }
    }
}
