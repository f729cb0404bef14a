import Content
import Foundation
import Support

extension SitePages {
    /// A template context handed between page workers. `@unchecked Sendable`: it is built once and
    /// then only read, and holds value types only (strings, numbers, Booleans, arrays and
    /// dictionaries of them).
    struct SharedContext: @unchecked Sendable {
        let value: [String: Any]
    }

    /// What the layout (`base.mustache`) needs to know about one page.
    struct PageMeta {
        /// Site path of the page (`/2022/05/x/`).
        var url: String
        /// The page's own title ("Gesundheit rundum"); nil on the start page.
        var title: String?
        var description: String
        var ogType = "website"
        /// Site path or absolute URL of the page's image.
        var image: String?
        var imageAlt: String?
        /// Raw JSON for `<script type="application/ld+json">`, already escaped.
        var jsonLD: String?
        /// Feeds of this page besides the three site feeds.
        var feeds: [(title: String, href: String)] = []
        var breadcrumbs: [(title: String, url: String)] = []
        /// `noindex` for redirect and error pages.
        var robots: String?
        /// Absolute target of a redirect page.
        var refresh: String?
        /// Canonical URL if not this page (redirects point to the target).
        var canonical: String?
        /// Distinguishes page kinds for the stylesheet (`seite-beitrag`).
        var kind: String
        var publishedTime: String?
        var modifiedTime: String?
    }

    /// Builds pages: the site-wide parts once, then each page's context.
    ///
    /// `@unchecked Sendable` so page kinds can render on all cores: every stored property is
    /// immutable once `init` returns, and the `[String: Any]` contexts hold only value types
    /// (strings, numbers, Booleans, arrays and dictionaries of them), which threads may read at once.
    struct PageBuilder: @unchecked Sendable {
        let site: RenderedSite
        let theme: Theme
        let options: Options
        let index: Index?
        let config: SiteConfig
        let siteContext: [String: Any]
        let contactContext: [String: Any]
        let flags: [String: Any]
        /// The three site feeds of every page's `<head>`, built once.
        let siteFeeds: [[String: Any]]
        /// `nav` of a page no menu item points to or contains (posts, lists): every page except a
        /// few shares this one instead of building its menus again.
        let plainNav: [String: Any]
        /// The items of both menus, to test whether a page needs menus of its own.
        let menuItems: [MenuItem]
        /// Sections and variables that read only `site`, `contact`, `flags` (and `nav`, on pages with
        /// `plainNav`) are the same on every page: header menu and footer are rendered once
        /// (`SectionMemo`).
        let plainNavMemo: SectionMemo?
        let ownNavMemo: SectionMemo?
        /// Teaser context of each post (aligned with `index.posts`), built once: a post appears as a
        /// card on several pages. `cardHTML` in it is the rendered `card` template (see `init`).
        private(set) var cards: [[String: Any]] = []
        /// Title, URL and dates of each post (aligned with `cards`, read from them once): the
        /// archive and the previous/next links of post pages ask for them 30,000 times.
        private(set) var links: [PostLink] = []
        /// The previous/next link context of each post (aligned with `links`): every post page
        /// shows two, so each is built once instead of twice.
        private(set) var neighbours: [[String: Any]] = []
        /// Each tag's `{name, url}` on post pages, by slug, built once instead of on every post.
        private(set) var tagLinks: [String: [String: Any]] = [:]
        /// Each Handlungsfeld's badge context (`handlungsfeldLink`) by slug, for the cards.
        private(set) var handlungsfeldLinks: [String: [String: Any]] = [:]
        /// Breadcrumb entries that many pages show above their own, not as the current page:
        /// „Archiv“ and the year above each post, the overviews above tag and Handlungsfeld
        /// lists. By URL, with the title they were made with.
        private(set) var sharedCrumbs: [String: (title: String, context: [String: Any])] = [:]
        /// „Startseite“, first in every breadcrumb trail.
        let homeCrumb: [String: Any] = ["title": "Startseite", "url": "/", "current": false]

        /// `rendersManyPages` false: a builder for a single page, which does not make the
        /// `SectionMemo`s (rendering their sections takes longer than that one page).
        init(site: RenderedSite, theme: Theme, options: Options, index: Index?, rendersManyPages: Bool = true) {
            self.site = site
            self.theme = theme
            self.options = options
            self.index = index
            config = site.config
            siteContext = [
                "title": config.title,
                "description": config.description,
                "baseURL": config.baseURL,
                // "soziales.mittelsachsen.gemeinsam.machen" has no spaces: allow breaks after the dots
                // so it never forces a horizontal scroll on a 320 px phone.
                "titleHTML": Escape.html(config.title).replacing(".", with: ".<wbr>"),
            ]
            let contact = config.contact
            var contactContext: [String: Any] = [:]
            for (key, value) in [("organisation", contact.organisation), ("department", contact.department),
                                 ("street", contact.street), ("city", contact.city),
                                 ("postalCode", contact.postalCode), ("email", contact.email),
                                 ("phone", contact.phone)] {
                contactContext[key] = value.isEmpty ? false : value
            }
            contactContext["cityLine"] = [contact.postalCode, contact.city].filter { !$0.isEmpty }
                .joined(separator: " ")
            contactContext["hasCityLine"] = !(contact.postalCode.isEmpty && contact.city.isEmpty)
            contactContext["emailHref"] = "mailto:" + contact.email
            contactContext["phoneHref"] = Text.telephoneHref(contact.phone)
            contactContext["hasAny"] = !(contact.organisation.isEmpty && contact.street.isEmpty
                && contact.email.isEmpty && contact.phone.isEmpty)
            self.contactContext = contactContext
            flags = ["dashboard": options.hasDashboard, "angebote": options.hasServiceDirectory,
                     "entryPoints": options.hasDashboard || options.hasServiceDirectory]
            siteFeeds = [
                ["type": "application/rss+xml", "title": "\(config.title) (RSS)", "href": "/feed.xml"],
                ["type": "application/atom+xml", "title": "\(config.title) (Atom)", "href": "/atom.xml"],
                ["type": "application/feed+json", "title": "\(config.title) (JSON Feed)", "href": "/feed.json"],
            ]
            plainNav = Self.nav(config, current: nil)
            menuItems = (config.menus["haupt"] ?? []) + (config.menus["fuss"] ?? [])
            let constants: [String: Any] = ["site": siteContext, "contact": contactContext, "flags": flags]
            plainNavMemo = rendersManyPages
                ? theme.sectionMemo(constants: constants.merging(["nav": plainNav]) { _, nav in nav }) : nil
            ownNavMemo = rendersManyPages ? theme.sectionMemo(constants: constants) : nil
            if let index {
                for field in index.handlungsfelder where handlungsfeldLinks[field.slug] == nil {
                    handlungsfeldLinks[field.slug] = handlungsfeldLink(field)
                }
            }
            var crumbs = [("Archiv", "/archiv/"), ("Schlagwörter", "/tag/"), ("Handlungsfelder", "/handlungsfelder/")]
            for year in index?.years ?? [] { crumbs.append((String(year), "/\(year)/")) }
            for (title, url) in crumbs { sharedCrumbs[url] = (title, ["title": title, "url": url, "current": false]) }
            // An incremental render needs a few cards only; it builds them when asked (`card(at:)`).
            if let index, options.scope.isEverything {
                let built = renderedCards(index)
                cards = built.map(\.card.value)
                links = built.map(\.link)
                neighbours = built.map(\.neighbour.value)
                for slug in index.tagSlugs { tagLinks[slug] = Self.tagLink(slug: slug, index: index) }
            }
        }

        /// Card context of `index.posts[i]` (with `cardHTML`).
        func card(at i: Int) -> [String: Any] {
            cards.isEmpty ? renderedCard(i) : cards[i]
        }

        /// Whether the page at `url` is rendered; outside the render scope it is a placeholder.
        func renders(_ url: String) -> Bool { options.scope.includes(url: url) }

        /// A sitemap entry, made only when the sitemap is rendered (its date costs a calendar lookup).
        func sitemapEntry(_ entry: @autoclosure () -> SitePages.SitemapEntry?) -> SitePages.SitemapEntry? {
            options.scope.includes("sitemap.xml") ? entry() : nil
        }

        /// A page outside the render scope: known to exist, not rendered.
        func placeholder(_ url: String, source: String?, sitemap: SitePages.SitemapEntry?) -> SitePages.BuiltPage {
            SitePages.BuiltPage(file: RenderScope.placeholder(OutputFile.indexPath(forURL: url)), source: source,
                                sitemap: sitemap)
        }

        /// What is made once for each post: its card, its link and its previous/next link context.
        struct BuiltCard: Sendable {
            var card: SitePages.SharedContext
            var link: PostLink
            var neighbour: SitePages.SharedContext
        }

        /// The card context of each post, with `cardHTML`: `card.mustache` rendered once per post with
        /// the card's keys and the page-independent `site`, `contact` and `flags`, without its final
        /// line break. A post shows as a card on the start page, its Handlungsfeld and tag lists and
        /// as related post, up to a dozen times; rendering the partial on every page cost a fifth of
        /// a build. Themes insert it with `{{{cardHTML}}}`; `{{>card}}` still works.
        /// Each card's link and neighbour context are made on the same core from the same strings,
        /// not read back out of the finished cards one key at a time.
        private func renderedCards(_ index: Index) -> [BuiltCard] {
            let builder = self
            return Array(index.posts.indices).parallelMap { i in
                let link = builder.postLink(index.posts[i], url: index.urls[i])
                return BuiltCard(card: SharedContext(value: builder.renderedCard(i, link: link)), link: link,
                                 neighbour: SharedContext(value: Self.neighbourContext(link)))
            }
        }

        /// The card context of `index.posts[i]` with its `cardHTML`.
        private func renderedCard(_ i: Int, link: PostLink? = nil) -> [String: Any] {
            var card = card(index!.posts[i], link: link ?? postLink(index!.posts[i], url: index!.urls[i]))
            var html = ""
            if theme.templateNames.contains("card") {
                // Card keys shadow the shared ones, as on a page stack [root, card]. The card itself
                // is the root: the shared keys go in for the render and out again, instead of into
                // a copy of the whole card (a new table, every key hashed again).
                card.reserveCapacity(card.count + 4)
                let addsSite = card["site"] == nil, addsContact = card["contact"] == nil
                let addsFlags = card["flags"] == nil
                if addsSite { card["site"] = siteContext }
                if addsContact { card["contact"] = contactContext }
                if addsFlags { card["flags"] = flags }
                html = theme.render("card", card)
                if html.hasSuffix("\n") { html.removeLast() }
                if addsSite { card["site"] = nil }
                if addsContact { card["contact"] = nil }
                if addsFlags { card["flags"] = nil }
            }
            card["cardHTML"] = html
            return card
        }

        /// The root context every template gets: `site`, `page`, `nav`, `contact`, `flags`, plus `extra`.
        /// `marksMenu` is `marksMenu(current: meta.url)`, when the caller knows it already.
        /// `extra` is consumed: a page's own keys, built for this call, get the five shared ones in
        /// place instead of in a copy of the whole dictionary.
        func context(_ meta: PageMeta, _ extra: consuming [String: Any], marksMenu: Bool? = nil) -> [String: Any] {
            let absoluteURL = config.absoluteURL(meta.url)
            var crumbs: [[String: Any]] = []
            if !meta.breadcrumbs.isEmpty {
                crumbs.reserveCapacity(meta.breadcrumbs.count + 1)
                crumbs.append(homeCrumb)
                for crumb in meta.breadcrumbs {
                    let current = crumb.url == meta.url
                    if !current, let shared = sharedCrumbs[crumb.url], shared.title == crumb.title {
                        crumbs.append(shared.context)
                    } else {
                        crumbs.append(["title": crumb.title, "url": crumb.url, "current": current])
                    }
                }
            }
            // Filled into a table made big enough at once: a literal goes through a temporary list
            // of pairs, copied and destroyed by generic code, which cost more than the filling.
            var page = [String: Any](minimumCapacity: 20)
            func set(_ key: String, _ value: Any) { page[key] = value }
            set("url", meta.url)
            set("documentTitle", meta.title.map { "\($0) – \(config.title)" } ?? config.title)
            set("description", meta.description)
            set("canonical", meta.canonical ?? absoluteURL)
            set("absoluteURL", absoluteURL)
            set("ogType", meta.ogType)
            set("ogTitle", meta.title ?? config.title)
            set("kind", meta.kind)
            set("isHome", meta.url == "/")
            set("title", meta.title ?? false)
            set("ogImage", meta.image.map { config.absoluteURL(Escape.urlPath($0)) } ?? false)
            set("ogImageAlt", meta.imageAlt ?? false)
            set("jsonLD", meta.jsonLD ?? false)
            set("robots", meta.robots ?? false)
            set("refresh", meta.refresh ?? false)
            set("publishedTime", meta.publishedTime ?? false)
            set("modifiedTime", meta.modifiedTime ?? false)
            set("feeds", meta.feeds.isEmpty ? siteFeeds
                : siteFeeds + meta.feeds.map { ["type": "application/rss+xml", "title": $0.title, "href": $0.href] })
            set("breadcrumbs", crumbs)
            set("hasBreadcrumbs", !crumbs.isEmpty)

            var result = consume extra
            // Room for the five keys at once instead of growing after (a no-op when there is).
            result.reserveCapacity(result.count + 5)
            result["site"] = siteContext
            result["page"] = page
            result["nav"] = (marksMenu ?? self.marksMenu(current: meta.url)) ? Self.nav(config, current: meta.url) : plainNav
            result["contact"] = contactContext
            result["flags"] = flags
            return result
        }

        /// The memo for a page with the root of `context(meta, _)`: its constant keys are set last
        /// there, so no key of `extra` can replace them.
        func memo(for meta: PageMeta, marksMenu: Bool? = nil) -> SectionMemo? {
            (marksMenu ?? self.marksMenu(current: meta.url)) ? ownNavMemo : plainNavMemo
        }

        /// `nav`: both menus of the page at `current` (nil: a page no item marks).
        static func nav(_ config: SiteConfig, current: String?) -> [String: Any] {
            let main = menu(config.menus["haupt"] ?? [], current: current)
            let footer = menu(config.menus["fuss"] ?? [], current: current)
            return ["main": main, "hasMain": !main.isEmpty, "footer": footer, "hasFooter": !footer.isEmpty]
        }

        /// Whether a menu item is `current` or `section` on the page at `current`; if none is,
        /// the page's menus are the shared `plainNav`.
        func marksMenu(current: String) -> Bool {
            menuItems.contains { Self.isCurrent($0, current) || Self.isSection($0, current) }
        }

        /// Menu items with `current` (this very page: `aria-current="page"`) and `section`
        /// (the page lies below the item, e.g. a Handlungsfeld below „Handlungsfelder“).
        static func menu(_ items: [MenuItem], current: String?) -> [[String: Any]] {
            items.map { item in
                let marksCurrent = current.map { isCurrent(item, $0) } ?? false
                let marksSection = current.map { isSection(item, $0) } ?? false
                return ["title": item.title, "url": item.url, "current": marksCurrent, "section": marksSection]
            }
        }

        private static func isCurrent(_ item: MenuItem, _ current: String) -> Bool { item.url == current }

        private static func isSection(_ item: MenuItem, _ current: String) -> Bool {
            item.url != current && item.url != "/" && item.url.hasPrefix("/") && current.hasPrefix(item.url)
        }

        func page(_ template: String, _ meta: PageMeta, _ extra: @autoclosure () -> [String: Any]) -> OutputFile {
            let path = OutputFile.indexPath(forURL: meta.url)
            guard renders(meta.url) else { return RenderScope.placeholder(path) }
            let marks = marksMenu(current: meta.url)
            return OutputFile(path: path, contents: theme.renderBytes(template, context(meta, extra(), marksMenu: marks),
                                                                      memo: memo(for: meta, marksMenu: marks)))
        }
    }
}
