import Content
import Markdown
import Support

/// The plain-text edition (the `text/plain` part, listmonk's „altbody“): readable on its own,
/// every link written out, lines wrapped at 72 characters.
enum NewsletterText {
    static let lineWidth = 72

    /// `groups`: `Newsletter.groups(edition, site: site)`, when the caller has them already.
    static func render(_ edition: NewsletterEdition, site: RenderedSite, tool: NewsletterTool,
                       hooks: MarkdownHooks = MarkdownHooks(), groups: [Newsletter.Group]? = nil) -> String {
        let config = site.config
        let links = NewsletterLinks(edition: edition, site: site)
        var blocks: [String] = []
        blocks.append(edition.title + "\n" + String(repeating: "=", count: min(lineWidth, edition.title.count)))
        blocks.append(FeedCatalog.siteTitle(config) + " · Newsletter " + edition.periodName)
        if let editorial = edition.editorial, !editorial.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let html = NewsletterHTML.renderEditorial(editorial, config: config, hooks: hooks).html
            let absolute = FeedHTML(pageURL: links.webVersion).clean(html)
            blocks.append(contentsOf: paragraphs(fromHTML: absolute))
        }
        if edition.posts.isEmpty {
            blocks.append(wrap("In diesem Zeitraum sind keine neuen Beiträge erschienen."))
        }
        for group in groups ?? Newsletter.groups(edition, site: site) {
            blocks.append("\n" + group.label.uppercased() + "\n" + String(repeating: "-", count: min(lineWidth, group.label.count)))
            for entry in group.entries {
                var lines = [wrap(entry.title), entry.date]
                if !entry.teaser.isEmpty { lines.append(wrap(entry.teaser)) }
                lines.append("Weiterlesen: " + entry.url)
                blocks.append(lines.joined(separator: "\n"))
            }
        }
        var footer = ["-- ", wrap("Sie erhalten diesen Newsletter, weil Sie ihn auf \(config.host) abonniert haben.")]
        footer.append("Im Browser ansehen: " + links.webVersion)
        footer.append("Newsletter abbestellen: " + tool.unsubscribePlaceholder)
        let contact = config.contact
        let place = [contact.postalCode, contact.city].filter { !$0.isEmpty }.joined(separator: " ")
        let publisher = [contact.organisation, contact.department, contact.street, place].filter { !$0.isEmpty }
        if !publisher.isEmpty { footer.append(wrap("Herausgeber: " + publisher.joined(separator: ", "))) }
        if !contact.email.isEmpty { footer.append("E-Mail: " + contact.email) }
        footer.append("Impressum: " + links.impressum)
        footer.append("Datenschutz: " + links.datenschutz)
        blocks.append(footer.joined(separator: "\n"))
        return XMLText.clean(blocks.joined(separator: "\n\n")) + "\n"
    }

    /// Paragraphs of rendered Markdown as text: links as „Text (https://…)“, list items with „- “
    /// or „1. “, images as „[Bild: Alternativtext]“, code blocks unchanged.
    static func paragraphs(fromHTML html: String) -> [String] {
        let bytes = Array(html.utf8)
        var blocks: [String] = []
        var current = ""
        var prefix = ""
        var listStack: [(ordered: Bool, counter: Int)] = []
        var linkStack: [(href: String, start: String.Index)] = []
        var inPre = false
        var skipDepth = 0
        var listLines: [String] = []
        func flush() {
            let text = inPre ? current : current.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                let block = inPre ? text : wrap(text, prefix: prefix)
                // List items stay together, one per line.
                if listStack.isEmpty { blocks.append(block) } else { listLines.append(block) }
            }
            current = ""
            prefix = ""
        }
        var i = 0
        while i < bytes.count {
            if bytes[i] != 0x3C {
                var j = i
                while j < bytes.count && bytes[j] != 0x3C { j += 1 }
                if skipDepth == 0 { current += HTMLTag.decodeEntities(String(decoding: bytes[i..<j], as: UTF8.self)) }
                i = j
                continue
            }
            guard let tag = HTMLTag.parse(bytes, at: i) else { current += "<"; i += 1; continue }
            i = tag.end
            switch (tag.name, tag.isEnd) {
            case ("span", false) where FeedHTML.isVisuallyHidden(tag.attribute("class")):
                skipDepth += 1
            case ("span", true) where skipDepth > 0:
                skipDepth -= 1
            case ("p", _), ("h1", _), ("h2", _), ("h3", _), ("h4", _), ("h5", _), ("h6", _), ("blockquote", _),
                 ("div", _), ("tr", _), ("section", _):
                flush()
            case ("pre", let end):
                flush()
                inPre = !end
            case ("br", _):
                current += "\n"
            case ("ul", false), ("ol", false):
                flush()
                listStack.append((tag.name == "ol", 0))
            case ("ul", true), ("ol", true):
                flush()
                _ = listStack.popLast()
                if listStack.isEmpty && !listLines.isEmpty {
                    blocks.append(listLines.joined(separator: "\n"))
                    listLines = []
                }
            case ("li", false):
                flush()
                if var top = listStack.popLast() {
                    top.counter += 1
                    listStack.append(top)
                    prefix = String(repeating: "  ", count: listStack.count - 1) + (top.ordered ? "\(top.counter). " : "- ")
                } else {
                    prefix = "- "
                }
            case ("li", true):
                flush()
            case ("td", true), ("th", true):
                current += " | "
            case ("a", false):
                linkStack.append((tag.attribute("href") ?? "", current.endIndex))
            case ("a", true):
                if let link = linkStack.popLast(), !link.href.isEmpty {
                    let text = current[link.start...].trimmingCharacters(in: .whitespaces)
                    if text != link.href && !link.href.hasSuffix(text) || text.isEmpty {
                        current += " (\(link.href.hasPrefix("mailto:") ? String(link.href.dropFirst(7)) : link.href))"
                    }
                }
            case ("img", _):
                let alt = tag.attribute("alt") ?? ""
                if !alt.isEmpty { current += "[Bild: \(alt)]" }
            default:
                break
            }
        }
        flush()
        if !listLines.isEmpty { blocks.append(listLines.joined(separator: "\n")) }
        return blocks
    }

    /// Word wrap at `lineWidth`; long words (addresses) stay whole on their own line.
    /// Continuation lines are indented as wide as `prefix`.
    static func wrap(_ text: String, prefix: String = "") -> String {
        // Text of scalars that are characters of their own counts the same by bytes (`wrapByScalars`).
        guard StandaloneScalars.areCharacters(text), StandaloneScalars.areCharacters(prefix) else {
            return wrapByCharacters(text, prefix: prefix)
        }
        return wrapByScalars(text, prefix: prefix)
    }

    /// `wrap` for text and prefix whose scalars are characters of their own
    /// (`StandaloneScalars.areCharacters`): words are runs of bytes other than spaces, lengths are
    /// counted in scalars.
    static func wrapByScalars(_ text: String, prefix: String) -> String {
        var text = text
        let indent = prefix.unicodeScalars.count
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(prefix.utf8.count + bytes.count + bytes.count / 32 * (indent + 1))
            out.append(contentsOf: prefix.utf8)
            var lineLength = indent, lineHasWord = false, i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 {
                    i += 1
                    continue
                }
                let start = i
                var length = 0
                while i < bytes.count, bytes[i] != 0x20 {
                    if bytes[i] & 0xC0 != 0x80 { length += 1 }
                    i += 1
                }
                if lineHasWord && lineLength + 1 + length > lineWidth {
                    out.append(0x0A)
                    out.append(contentsOf: repeatElement(0x20, count: indent))
                    lineLength = indent + length
                } else {
                    if lineHasWord {
                        out.append(0x20)
                        lineLength += 1
                    }
                    lineLength += length
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                lineHasWord = true
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `wrap`, the reference: splits and counts by characters.
    static func wrapByCharacters(_ text: String, prefix: String = "") -> String {
        let indent = String(repeating: " ", count: prefix.count)
        var lines: [String] = []
        var line = prefix
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > lineWidth {
                lines.append(line)
                line = indent + word
            } else {
                line += (lineHasWord ? " " : "") + word
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
