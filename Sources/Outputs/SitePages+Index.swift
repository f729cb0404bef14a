import Content
import Foundation
import Support

extension SitePages {
    /// The posts grouped once for every listing page: by Handlungsfeld, tag and year, with each
    /// post's position in its groups so related posts can look at its neighbours only.
    struct Index {
        enum Group: Hashable, Comparable {
            case handlungsfeld(String)
            case tag(String)
        }

        /// Newest first; ties by URL so the order never depends on the input order.
        let posts: [Post]
        /// `posts[i].url`, computed once (`Post.url` asks the calendar for year and month).
        let urls: [String]
        /// `max(date, updated)` of each post: when it last changed, for `lastmod`.
        let lastChanges: [Date]
        /// Sorted by `order`, then slug.
        let handlungsfelder: [Handlungsfeld]
        let handlungsfeldBySlug: [String: Handlungsfeld]
        /// Post indices (into `posts`), newest first.
        let postsByGroup: [Group: [Int]]
        /// Tag slug → shown name (the spelling most posts use; ties: alphabetically first).
        let tagNames: [String: String]
        /// Tag slugs sorted by their shown name, German-style (umlauts as base letters).
        let tagSlugs: [String]
        /// Year → post indices, newest first; years descending.
        let postsByYear: [Int: [Int]]
        let years: [Int]
        /// For each post: the groups it is in and its position there.
        let memberships: [[(group: Group, position: Int)]]
        let diagnostics: [Diagnostic]

        init(site: RenderedSite) {
            var diagnostics: [Diagnostic] = []
            // A slug like "../x" would write outside the output folder: such a post is left out
            // everywhere (no page, no card linking to nothing) and reported.
            let all = site.content.posts
            let urls = all.map(\.url)
            let safe = all.indices.filter { i in
                if SitePages.isSafeSitePath(urls[i]) { return true }
                let post = all[i]
                diagnostics.append(.error("unsafe-slug", at: post.source.location(ofKey: "slug"),
                                          "Aus dem slug „\(post.slug)“ entsteht keine gültige Adresse; der Beitrag wird nicht veröffentlicht.",
                                          hint: "Verwenden Sie nur Kleinbuchstaben, Ziffern und Bindestriche, z. B. „\(Slug.make(post.title))“."))
                return false
            }
            // Sorted by index with URLs computed once: moving whole posts around is slow on 10,000.
            // The loader's order (newest first, ties by path) is usually this one already.
            let order = safe.sorted { a, b in
                all[a].date != all[b].date ? all[a].date > all[b].date : urls[a] < urls[b]
            }
            let inOrder = order.count == all.count && order.elementsEqual(all.indices)
            let posts = inOrder ? all : order.map { all[$0] }
            self.posts = posts
            self.urls = inOrder ? urls : order.map { urls[$0] }
            lastChanges = posts.indices.map { i in max(posts[i].date, posts[i].updated ?? posts[i].date) }
            handlungsfelder = site.content.handlungsfelder.sorted { a, b in
                a.order != b.order ? a.order < b.order : a.slug < b.slug
            }
            var bySlug: [String: Handlungsfeld] = [:]
            for field in handlungsfelder where bySlug[field.slug] == nil { bySlug[field.slug] = field }
            handlungsfeldBySlug = bySlug

            var groups: [Group: [Int]] = [:]
            var spellings: [String: [String: Int]] = [:]
            var years: [Int: [Int]] = [:]
            var memberships: [[(group: Group, position: Int)]] = []
            memberships.reserveCapacity(posts.count)
            // Fields are read in place: a copy of each `Post` would retain some twenty references.
            for i in posts.indices {
                // A post is in a few groups: looking back through `mine` beats hashing into a Set.
                var mine: [(group: Group, position: Int)] = []
                for slug in posts[i].handlungsfelder {
                    // Unknown slugs are reported by content validation; the post still shows elsewhere.
                    guard bySlug[slug] != nil else { continue }
                    let group = Group.handlungsfeld(slug)
                    guard !mine.contains(where: { $0.group == group }) else { continue }
                    mine.append((group, Self.append(i, to: group, in: &groups)))
                }
                // The loader made each tag's slug already (`tagSlugs[k] == Slug.make(tags[k])`).
                let slugs = posts[i].tagSlugs
                for (k, name) in posts[i].tags.enumerated() {
                    let slug = slugs[k]
                    guard !slug.isEmpty else {
                        diagnostics.append(.warning("empty-tag", at: posts[i].source.location(ofKey: "tags"),
                                                    "Aus dem Schlagwort „\(name)“ entsteht keine Adresse (nur Sonderzeichen).",
                                                    hint: "Verwenden Sie Buchstaben oder Ziffern im Schlagwort."))
                        continue
                    }
                    let group = Group.tag(slug)
                    guard !mine.contains(where: { $0.group == group }) else { continue }
                    spellings[slug, default: [:]][name, default: 0] += 1
                    mine.append((group, Self.append(i, to: group, in: &groups)))
                }
                years[BerlinTime.year(of: posts[i].date), default: []].append(i)
                memberships.append(mine)
            }
            postsByGroup = groups
            postsByYear = years
            self.years = years.keys.sorted(by: >)
            self.memberships = memberships
            self.diagnostics = diagnostics

            var names: [String: String] = [:]
            for (slug, counts) in spellings {
                names[slug] = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
            }
            tagNames = names
            // Each name folded once, not in every comparison of the sort.
            let folded = names.mapValues(Slug.fold)
            tagSlugs = names.keys.sorted { a, b in
                let fa = folded[a]!, fb = folded[b]!
                return fa != fb ? fa < fb : a < b
            }
        }

        func posts(in group: Group) -> [Int] { postsByGroup[group] ?? [] }

        /// Appends post `i` to `group` (hashing the group once) and returns its position there.
        private static func append(_ i: Int, to group: Group, in groups: inout [Group: [Int]]) -> Int {
            guard let slot = groups.index(forKey: group) else {
                groups[group] = [i]
                return 0
            }
            groups.values[slot].append(i)
            return groups.values[slot].count - 1
        }

        /// Known Handlungsfelder of a post, in the post's order, without duplicates.
        func handlungsfelder(of post: borrowing Post) -> [Handlungsfeld] {
            // A post names a few Handlungsfelder: looking back through them beats hashing into a Set.
            let slugs = post.handlungsfelder
            var fields: [Handlungsfeld] = []
            fields.reserveCapacity(slugs.count)
            for (n, slug) in slugs.enumerated() where !slugs[..<n].contains(slug) {
                if let field = handlungsfeldBySlug[slug] { fields.append(field) }
            }
            return fields
        }

        /// Tags of a post as (slug, shown name), without duplicates or empty slugs.
        func tags(of post: borrowing Post) -> [(slug: String, name: String)] {
            // A post has a few tags: looking back through them beats hashing into a Set.
            let names = post.tags, slugs = post.tagSlugs
            var tags: [(slug: String, name: String)] = []
            tags.reserveCapacity(names.count)
            for k in names.indices where !slugs[k].isEmpty && !tags.contains(where: { $0.slug == slugs[k] }) {
                tags.append((slugs[k], names[k]))
            }
            return tags
        }
    }
}
