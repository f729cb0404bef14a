import Content
import Foundation
import Support

extension SitePages.PageBuilder {
    /// Old addresses (`aliases`) keep working three ways: an HTML page at the old path (works on any
    /// host), `.htaccess` for Apache and `nginx-redirects.conf` for nginx, both sorted by old path.
    /// `taken` tells an output path that a page or static file has already.
    func redirects(taken: (String) -> Bool) -> (pages: [SitePages.BuiltPage], diagnostics: [Diagnostic]) {
        guard let index else { return ([], []) }
        var pages: [SitePages.BuiltPage] = []
        var diagnostics: [Diagnostic] = []
        var targets: [String: (target: String, source: String)] = [:]
        for post in index.posts {
            let location = post.source.location(ofKey: "aliases")
            for alias in post.aliases {
                guard let path = SitePages.Redirects.normalized(alias) else {
                    diagnostics.append(.error("invalid-alias", at: location,
                                              "Der Alias „\(alias)“ ist keine gültige alte Adresse dieser Website.",
                                              hint: "Schreiben Sie den Pfad ohne Domain, mit / am Anfang und ohne ? oder #, z. B. „/2022/04/alter-name/“."))
                    continue
                }
                if path == post.url { continue }
                // The server decodes %C3%BC before it looks for the file, so the file has the plain name.
                let file = OutputFile.indexPath(forURL: path.removingPercentEncoding ?? path)
                if let other = targets[path] {
                    if other.target != post.url {
                        diagnostics.append(.error("duplicate-alias", at: location,
                                                  "Der Alias „\(path)“ steht auch in „\(other.source)“.",
                                                  hint: "Eine alte Adresse kann nur auf einen Beitrag weiterleiten."))
                    }
                    continue
                }
                if taken(file) {
                    diagnostics.append(.error("alias-collision", at: location,
                                              "Unter dem Alias „\(path)“ gibt es schon eine Seite; eine Weiterleitung würde sie ersetzen.",
                                              hint: "Entfernen Sie den Alias oder ändern Sie die Adresse der anderen Seite."))
                    continue
                }
                targets[path] = (post.url, post.source.path)
                var meta = SitePages.PageMeta(url: path, title: "Weiterleitung zu „\(post.title)“",
                                              description: "Dieser Beitrag hat eine neue Adresse.", kind: "weiterleitung")
                meta.robots = "noindex"
                // Root-relative, so the redirect also works in a local preview of the site.
                meta.refresh = post.url
                meta.canonical = config.absoluteURL(post.url)
                let context: [String: Any] = ["target": ["title": post.title, "url": post.url,
                                                         "absoluteURL": config.absoluteURL(post.url)]]
                var redirectPage = page("redirect", meta, context)
                redirectPage.path = file
                pages.append(SitePages.BuiltPage(file: redirectPage, source: post.source.path,
                                                 sitemap: nil))
            }
        }
        let sorted = targets.keys.sorted().map { ($0, targets[$0]!.target) }
        let scope = options.scope
        pages.append(SitePages.BuiltPage(file: scope.includes(".htaccess") ? SitePages.Redirects.htaccess(sorted, config: config)
                                                                            : RenderScope.placeholder(".htaccess"),
                                         source: nil, sitemap: nil))
        pages.append(SitePages.BuiltPage(file: scope.includes("nginx-redirects.conf") ? SitePages.Redirects.nginx(sorted)
                                                                                      : RenderScope.placeholder("nginx-redirects.conf"),
                                         source: nil, sitemap: nil))
        return (pages, diagnostics)
    }
}

extension SitePages {
    enum Redirects {
        /// The alias as a safe site path (`/2022/04/alter-name/`), or nil. Umlauts are percent-encoded;
        /// characters that mean something in Apache or nginx configuration are refused.
        static func normalized(_ alias: String) -> String? {
            var path = alias.trimmingCharacters(in: .whitespaces)
            if path.hasPrefix("http://") || path.hasPrefix("https://") { return nil }
            if !path.hasPrefix("/") { path = "/" + path }
            guard SitePages.isSafeSitePath(path) else { return nil }
            let encoded = Escape.urlPath(path)
            for byte in encoded.utf8 {
                let letterOrDigit = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                guard letterOrDigit || "-._~/%+,=:@".utf8.contains(byte) else { return nil }
            }
            return encoded
        }

        static func htaccess(_ redirects: [(from: String, to: String)], config: SiteConfig) -> OutputFile {
            var text = "# Erzeugt von sozialsite, nicht von Hand ändern.\n"
            text += "ErrorDocument 404 /404.html\n"
            text += "# Weiterleitungen alter Adressen:\n"
            for (from, to) in redirects { text += "Redirect 301 \(from) \(config.absoluteURL(to))\n" }
            return OutputFile(path: ".htaccess", text: text)
        }

        static func nginx(_ redirects: [(from: String, to: String)]) -> OutputFile {
            var text = "# Weiterleitungen alter Adressen (erzeugt von sozialsite); in den server-Block einbinden:\n"
            text += "#   include /pfad/zur/website/nginx-redirects.conf;\n"
            for (from, to) in redirects { text += "location = \(from) { return 301 \(to); }\n" }
            return OutputFile(path: "nginx-redirects.conf", text: text)
        }
    }
}
