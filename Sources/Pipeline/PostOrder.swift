/// The posts grouped the way the pages list them: newest first, by Handlungsfeld and by tag, with
/// each post's position in its groups.
///
/// Mirrors `SitePages.Index` and `SitePages.RelatedPosts` (Outputs) so the dependency graph knows
/// which list pages and which „Auch interessant“ boxes a post appears in. If those rules change
/// in Outputs, change them here too; `IncrementalBuildTests` compares the two on a generated site.
struct PostOrder: Sendable {
    enum Group: Hashable, Sendable {
        case field(String)
        case tag(String)
    }

    struct Membership: Sendable, Hashable {
        var group: Group
        var position: Int
    }

    /// Newest first; ties by URL.
    let posts: [PostSummary]
    /// Source path → index into `posts`.
    let index: [String: Int]
    /// Members of each group as indices into `posts`, newest first.
    let groups: [Group: [Int]]
    /// For each post the groups it is in (Handlungsfelder first, then tags) and its position there.
    let memberships: [[Membership]]

    /// `posts` must be ordered (`SiteSummary.ordered`).
    init(posts: [PostSummary]) {
        self.posts = posts
        var index: [String: Int] = [:]
        var groups: [Group: [Int]] = [:]
        var memberships: [[Membership]] = []
        memberships.reserveCapacity(posts.count)
        for (i, post) in posts.enumerated() {
            index[post.path] = i
            var mine: [Membership] = []
            for group in post.fields.map(Group.field) + post.tags.map({ Group.tag($0.slug) }) {
                mine.append(Membership(group: group, position: groups[group, default: []].count))
                groups[group, default: []].append(i)
            }
            memberships.append(mine)
        }
        self.index = index
        self.groups = groups
        self.memberships = memberships
    }

    /// `order` with some posts replaced by new versions that kept their place and their groups.
    init(reusing order: PostOrder, posts: [PostSummary]) {
        self.posts = posts
        index = order.index
        groups = order.groups
        memberships = order.memberships
    }

    func members(of group: Group) -> [Int] { groups[group] ?? [] }

    static let relatedLimit = 3
    static let relatedWindow = 30

    /// „Auch interessant“ of post `i` as source paths, best first (see `SitePages.RelatedPosts`):
    /// score = shared groups; ties newer first, then smaller URL; candidates are the `window` posts
    /// on either side in each of the post's groups.
    func related(to i: Int) -> [String] {
        let own = memberships[i]
        guard !own.isEmpty else { return [] }
        let ownGroups = Set(own.map(\.group))
        var candidates = Set<Int>()
        for membership in own {
            let members = self.members(of: membership.group)
            let lower = max(0, membership.position - Self.relatedWindow)
            let upper = min(members.count, membership.position + Self.relatedWindow + 1)
            for j in members[lower..<upper] where j != i { candidates.insert(j) }
        }
        let scored = candidates.map { j in
            (index: j, score: memberships[j].reduce(0) { $0 + (ownGroups.contains($1.group) ? 1 : 0) })
        }
        return scored.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let da = posts[a.index].date, db = posts[b.index].date
            if da != db { return da > db }
            return posts[a.index].url < posts[b.index].url
        }.prefix(Self.relatedLimit).map { posts[$0.index].path }
    }

    /// Posts within `window + 1` places of post `i` in any of its groups: the only posts whose
    /// „Auch interessant“ box can change when post `i` changes, arrives or leaves.
    func neighbourhood(of i: Int) -> Set<String> {
        var result = Set<String>()
        for membership in memberships[i] {
            let members = self.members(of: membership.group)
            let lower = max(0, membership.position - Self.relatedWindow - 1)
            let upper = min(members.count, membership.position + Self.relatedWindow + 2)
            for j in members[lower..<upper] { result.insert(posts[j].path) }
        }
        return result
    }
}
