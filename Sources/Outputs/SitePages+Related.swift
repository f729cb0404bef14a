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
        /// compares numbers instead of hashing group names for every candidate.
        private let groupNumbers: [[Int]]
        /// Post indices of each group number, newest first (`index.posts(in:)`).
        private let members: [[Int]]

        init(index: Index, limit: Int = 3, window: Int = 30) {
            self.index = index
            self.limit = limit
            self.window = window
            var numbers: [Index.Group: Int] = [:]
            var members: [[Int]] = []
            groupNumbers = index.memberships.map { groups in
                groups.map { membership in
                    if let number = numbers[membership.group] { return number }
                    numbers[membership.group] = members.count
                    members.append(index.posts(in: membership.group))
                    return members.count - 1
                }
            }
            self.members = members
        }

        /// Indices into `index.posts`, best first.
        func related(to i: Int) -> [Int] {
            let groups = index.memberships[i]
            guard !groups.isEmpty else { return [] }
            let own = groupNumbers[i]
            // The windows as one sorted list without repeats: cheaper than hashing into a Set, and
            // the pick below does not depend on the order it sees the candidates in.
            var candidates: [Int] = []
            candidates.reserveCapacity(groups.count * (2 * window + 1))
            for (k, membership) in groups.enumerated() {
                let list = members[own[k]]
                let lower = max(0, membership.position - window)
                let upper = min(list.count, membership.position + window + 1)
                candidates += list[lower..<upper]
            }
            candidates.sort()
            // The best `limit` by (score, newer, smaller URL); a strict order, so picking them in one
            // pass gives the same posts in the same order as sorting all candidates.
            let posts = index.posts, urls = index.urls
            func isBetter(_ a: (index: Int, score: Int), than b: (index: Int, score: Int)) -> Bool {
                if a.score != b.score { return a.score > b.score }
                let da = posts[a.index].date, db = posts[b.index].date
                if da != db { return da > db }
                return urls[a.index] < urls[b.index]
            }
            var best: [(index: Int, score: Int)] = []
            best.reserveCapacity(limit + 1)
            var previous = -1
            for j in candidates where j != previous && j != i {
                previous = j
                var score = 0
                for group in groupNumbers[j] where own.contains(group) { score += 1 }
                let candidate = (index: j, score: score)
                if best.count == limit, let last = best.last, !isBetter(candidate, than: last) { continue }
                let slot = best.firstIndex(where: { isBetter(candidate, than: $0) }) ?? best.count
                best.insert(candidate, at: slot)
                if best.count > limit { best.removeLast() }
            }
            return best.map(\.index)
        }
    }
}
