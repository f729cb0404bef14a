import Support

/// Links, anchors and files in the generated pages — what the theme, the menus in site-config.json
/// and generated pages (feeds, newsletter, search) add to what editors wrote — and `<img>`
/// without `alt`. Links written in Markdown were checked by the build already.
enum SiteCheckLinks {
    static let stage = "Links"

    /// Elements that lead somewhere when followed (a missing target is a dead link), as opposed to
    /// files a page loads (a missing one breaks the page).
    static func isNavigation(_ tag: HTMLTag, attribute: String) -> Bool {
        switch tag.name {
        case "a", "area", "form": return true
        case "link":
            let rel = (tag.attribute("rel") ?? "").lowercased().split(separator: " ")
            return rel.contains("canonical") || rel.contains("alternate") || rel.contains("prev")
                || rel.contains("next") || rel.contains("help") || rel.contains("license")
        default: return false
        }
    }

    /// (attribute, reference) pairs of a tag that point at an address.
    static func references(_ tag: HTMLTag) -> [(attribute: String, url: String)] {
        var found: [(String, String)] = []
        for (name, value) in tag.attributes {
            switch name {
            case "href" where tag.name != "base", "src", "xlink:href", "poster", "data", "action":
                found.append((name, value))
            case "srcset", "imagesrcset":
                for candidate in value.split(separator: ",") {
                    if let url = candidate.split(whereSeparator: { $0 == " " || $0 == "\n" }).first {
                        found.append((name, String(url)))
                    }
                }
            case "content" where tag.name == "meta" && (tag.attribute("http-equiv") ?? "").lowercased() == "refresh":
                if let range = value.range(of: "url=", options: .caseInsensitive) {
                    found.append((name, String(value[range.upperBound...]).trimmingCharacters(in: .whitespaces)))
                }
            default: break
            }
        }
        return found
    }

    /// `newsletter/<edition>/email.html` is the source for the mailing tool, not a web page: its
    /// unsubscribe link is the tool's placeholder (as in tools/sitecheck/check-all.sh).
    static func isMailTemplate(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return parts.count == 3 && parts[0] == "newsletter" && parts[2] == "email.html"
    }

    static func check(_ context: SiteCheckContext) -> [Diagnostic] {
        var brokenLinks = Occurrences(), missingFiles = Occurrences(), brokenAnchors = Occurrences(),
            missingAlt = Occurrences()
        for page in context.pages where !isMailTemplate(page.path) {
            for tag in page.tags {
                if tag.name == "img", !tag.has("alt") {
                    missingAlt.add(tag.attribute("src") ?? "", page: page.path, line: tag.line, column: tag.column)
                }
                for (attribute, url) in references(tag) where !context.contentReferences.contains(url) {
                    guard case .site(let path, let fragment) = SiteCheckURL.resolve(url, base: page.sitePath,
                                                                                  hosts: context.hosts) else { continue }
                    guard let file = context.addresses.file(for: path) else {
                        if isNavigation(tag, attribute: attribute) {
                            brokenLinks.add(path, page: page.path, line: tag.line, column: tag.column)
                        } else {
                            missingFiles.add(path, page: page.path, line: tag.line, column: tag.column)
                        }
                        continue
                    }
                    if let fragment, !fragment.isEmpty, let ids = context.ids[file], !ids.contains(fragment) {
                        brokenAnchors.add(SiteCheckAddresses.sitePath(ofFile: file) + "#" + fragment,
                                          page: page.path, line: tag.line, column: tag.column)
                    }
                }
            }
        }
        let known = context.addresses.paths.map { "/" + $0.replacingOccurrences(of: "index.html", with: "") }.sorted()
        var diagnostics: [Diagnostic] = []
        for (path, entry) in brokenLinks.sorted {
            let (location, origin) = locate(path, entry, context)
            diagnostics.append(Diagnostic(
                .error, code: "page-broken-link", at: location,
                "Der Link auf „\(path)“ führt ins Leere: Diese Adresse erzeugt die Website nicht\(Occurrences.spread(entry)).",
                hint: SiteCheck.hint(origin, Suggestion.hint(for: path, in: known)),
                stage: stage))
        }
        for (path, entry) in missingFiles.sorted {
            let (location, origin) = locate(path, entry, context)
            diagnostics.append(Diagnostic(
                .error, code: "page-missing-file", at: location,
                "Die Datei „\(path)“, die eine Seite lädt, gibt es nicht\(Occurrences.spread(entry)).",
                hint: SiteCheck.hint(origin, Suggestion.hint(for: path, in: known)
                        ?? (path.hasPrefix("/assets/")
                            ? "Dateien unter /assets/ kommen aus themes/\(context.input.site.config.theme)\(path)."
                            : "Legen Sie die Datei unter content/static\(path) ab oder korrigieren Sie die Adresse.")),
                stage: stage))
        }
        for (target, entry) in brokenAnchors.sorted {
            let (location, origin) = locate(target, entry, context)
            let parts = target.split(separator: "#", maxSplits: 1).map(String.init)
            let ids = context.addresses.file(for: parts[0]).flatMap { context.ids[$0] } ?? []
            diagnostics.append(Diagnostic(
                .warning, code: "page-broken-anchor", at: location,
                "Auf der Seite „\(parts[0])“ gibt es keinen Abschnitt „#\(parts[1])“\(Occurrences.spread(entry)).",
                hint: SiteCheck.hint(origin, Suggestion.hint(for: parts[1], in: ids.sorted())),
                stage: stage))
        }
        for (source, entry) in missingAlt.sorted {
            let (location, origin) = locate(source, entry, context)
            diagnostics.append(Diagnostic(
                .error, code: "img-missing-alt", at: location,
                "Das Bild „\(source)“ hat keinen Alternativtext (alt)\(Occurrences.spread(entry)).",
                hint: SiteCheck.hint(origin, "Jedes Bild braucht einen Alternativtext; schmückende Bilder ein leeres alt=\"\"."),
                stage: stage))
        }
        return diagnostics
    }

    /// Menu entry in site-config.json, else the content file whose Markdown has it, else the
    /// first generated page; with a sentence saying where the reference comes from.
    static func locate(_ reference: String, _ entry: Occurrences.Entry,
                       _ context: SiteCheckContext) -> (SourceLocation, String?) {
        let first = entry.first ?? (page: "index.html", line: 1, column: 1)
        if let menu = context.configLocation(of: reference) {
            return (menu, "Die Adresse steht im Menü oder in den Einstellungen in site-config.json.")
        }
        if let content = context.contentLocation(ofPage: first.page, containing: reference) {
            return (content, nil)
        }
        return (context.outputLocation(first.page, line: first.line, column: first.column),
                "Die Adresse kommt aus dem Theme „\(context.input.site.config.theme)“ oder einer Seite, die die Website "
                + "selbst erzeugt; das muss die Technik korrigieren.")
    }
}
