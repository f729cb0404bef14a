import Content
import Foundation

extension SitePages {
    /// „Auch interessant“: up to three posts sharing the most Handlungsfelder and tags.
    ///
    /// Score = shared Handlungsfelder + shared tags. Ties go to the newer post, then the smaller URL.
    /// Candidates are the `window` posts on either side (in time) in each group the post belongs to,
    /// so the work per post is bounded whatever the size of the blog.
    struct RelatedPosts {
        let index: Index
        let limit: Int
        let window: Int

        init(index: Index, limit: Int = 3, window: Int = 30) {
            self.index = index
            self.limit = limit
            self.window = window
        }

        /// Indices into `index.posts`, best first.
        func related(to i: Int) -> [Int] {
            let groups = index.memberships[i]
            guard !groups.isEmpty else { return [] }
            let own = Set(groups.map(\.group))
            var candidates = Set<Int>()
            for (group, position) in groups {
                let members = index.posts(in: group)
                let lower = max(0, position - window), upper = min(members.count, position + window + 1)
                for j in members[lower..<upper] where j != i { candidates.insert(j) }
            }
            let scored = candidates.map { j -> (index: Int, score: Int) in
                (j, index.memberships[j].reduce(0) { $0 + (own.contains($1.group) ? 1 : 0) })
            }
            let posts = index.posts
            return scored.sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                let da = posts[a.index].date, db = posts[b.index].date
                if da != db { return da > db }
                return posts[a.index].url < posts[b.index].url
            }.prefix(limit).map(\.index)
        }
    }
}
