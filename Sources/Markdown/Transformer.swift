import CCmarkGFM
import Support

/// Rewrites the cmark tree before rendering: heading ids, safe and marked links, lazy images with
/// sizes, German quotes, fenced-block handlers, scrollable tables. Our HTML goes into custom nodes,
/// which cmark renders verbatim whether or not raw HTML from content is allowed.
struct Transformer {
    let document: CmarkDocument
    let file: String
    let lineOffset: Int
    let settings: MarkdownSettings
    let hooks: MarkdownHooks
    /// cmark counts columns in bytes; editors (and YAML diagnostics) count characters.
    let lines: LineIndex

    var headings: [HeadingInfo] = []
    var links: [LinkInfo] = []
    var images: [ImageInfo] = []
    var diagnostics: [Diagnostic] = []
    var plainText = ""
    var wordCount = 0

    init(document: CmarkDocument, source: String, file: String, lineOffset: Int, settings: MarkdownSettings, hooks: MarkdownHooks) {
        self.document = document
        self.lines = LineIndex(source)
        self.file = file
        self.lineOffset = lineOffset
        self.settings = settings
        self.hooks = hooks
    }

    func location(_ node: OpaquePointer) -> SourceLocation {
        // Inline nodes may report 0; fall back to the nearest block with a position.
        var current: OpaquePointer? = node
        while let n = current, n.line == 0 { current = n.parent }
        let line = current?.line ?? 1
        let byteColumn = current?.column ?? 1
        return SourceLocation(file: file, line: line + lineOffset, column: lines.characterColumn(line: line, byteColumn: byteColumn))
    }

    mutating func run() {
        var headingNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var imageNodes: [OpaquePointer] = []
        var codeBlocks: [OpaquePointer] = []
        var tables: [OpaquePointer] = []
        var quotes = QuoteState()
        var text: [String] = []

        for (entering, node) in document.nodes() {
            let type = node.cmarkType
            if type == CMARK_NODE_HEADING || type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM {
                quotes.reset()
            }
            guard entering else { continue }
            switch type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
                text.append(" ")
            case CMARK_NODE_LINK: linkNodes.append(node)
            case CMARK_NODE_IMAGE: imageNodes.append(node)
            case CMARK_NODE_CODE_BLOCK:
                codeBlocks.append(node)
                text.append(" ")
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !settings.allowRawHTML {
                    diagnostics.append(.warning(
                        "raw-html", at: location(node),
                        "HTML im Text wird nicht übernommen: „\(node.literal.trimmed(40))“.",
                        hint: "Schreiben Sie den Inhalt in Markdown. Roh-HTML lässt sich in site-config.json unter \"markdown\": {\"rawHTML\": true} erlauben."))
                }
            case CMARK_NODE_TEXT:
                let literal = node.literal
                text.append(literal)
                if settings.germanQuotes {
                    let converted = quotes.convert(literal)
                    if converted != literal { cmark_node_set_literal(node, converted) }
                }
            case CMARK_NODE_CODE:
                text.append(node.literal)
                quotes.note(node.literal)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.append(" ")
                quotes.note(" ")
            default:
                if isBlock(type) {
                    text.append(" ")
                } else if !isCoreInline(type) {
                    // Extension nodes (tables) have run-time types; compare by name, off the hot path.
                    switch node.typeName {
                    case "table": tables.append(node)
                    case "table_cell", "table_row": text.append(" ")
                    default: break
                    }
                }
            }
        }
        plainText = text.joined().collapsingWhitespace()
        wordCount = plainText.wordCount

        for node in imageNodes { transformImage(node) }
        for node in linkNodes { transformLink(node) }
        for node in headingNodes { transformHeading(node) }
        for node in codeBlocks { transformCodeBlock(node) }
        for node in tables {
            document.wrap(node, onEnter: "<div class=\"tabelle\" role=\"region\" aria-label=\"Tabelle\" tabindex=\"0\">",
                          onExit: "</div>")
        }
    }

    private func isCoreInline(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
            || type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_DOCUMENT || type == CMARK_NODE_LIST
    }

    private func isBlock(_ type: cmark_node_type) -> Bool {
        type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_ITEM
            || type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_CODE_BLOCK
    }

    // MARK: headings

    private mutating func transformHeading(_ node: OpaquePointer) {
        let text = node.plainText.collapsingWhitespace()
        var id = Slug.make(text)
        if id.isEmpty { id = "abschnitt" }
        // Ids must be unique on the page and must not start with a digit-only name clash.
        let base = id
        var counter = 2
        while headings.contains(where: { $0.id == id }) { id = "\(base)-\(counter)"; counter += 1 }
        let level = node.headingLevel
        headings.append(HeadingInfo(level: level, text: text, id: id, location: location(node)))
        document.replace(node, block: true, onEnter: "<h\(level) id=\"\(id)\">", onExit: "</h\(level)>",
                         keepChildren: true)
    }

    // MARK: links

    private mutating func transformLink(_ node: OpaquePointer) {
        let url = node.url.trimmingSpaces()
        let text = node.plainText.collapsingWhitespace()
        let loc = location(node)
        let kind = LinkKind(url, siteHosts: settings.siteHosts)
        links.append(LinkInfo(url: url, text: text, location: loc, isExternal: kind == .external))
        var href = url
        switch kind {
        case .dangerous:
            diagnostics.append(.error("unsafe-link", at: loc,
                                      "Der Link „\(url.trimmed(60))“ ist nicht erlaubt.",
                                      hint: "Links müssen mit https://, /, # oder mailto: beginnen."))
            document.replace(node, block: false, onEnter: "", onExit: "", keepChildren: true)
            return
        case .siteRelative:
            if let base = settings.absoluteBase { href = base + url }
        case .relative, .fragment, .mail, .phone, .internalAbsolute:
            break
        case .external:
            break
        }
        var attributes = "href=\"\(Escape.html(Escape.urlPath(href)))\""
        let title = node.title
        if !title.isEmpty { attributes += " title=\"\(Escape.html(title))\"" }
        if kind == .external {
            attributes += " class=\"extern\" rel=\"external noopener noreferrer\""
            document.replace(node, block: false, onEnter: "<a \(attributes)>",
                             onExit: "<span class=\"visually-hidden\"> (externer Link)</span></a>",
                             keepChildren: true)
        } else {
            document.replace(node, block: false, onEnter: "<a \(attributes)>", onExit: "</a>", keepChildren: true)
        }
    }

    // MARK: images

    private mutating func transformImage(_ node: OpaquePointer) {
        let source = node.url.trimmingSpaces()
        let alt = node.plainText.collapsingWhitespace()
        let loc = location(node)
        images.append(ImageInfo(source: source, alt: alt, location: loc))
        let kind = LinkKind(source, siteHosts: settings.siteHosts)
        if kind == .dangerous {
            diagnostics.append(.error("unsafe-image", at: loc, "Die Bildadresse „\(source.trimmed(60))“ ist nicht erlaubt.",
                                      hint: "Legen Sie das Bild unter content/static/bilder/ ab und schreiben Sie ![Beschreibung](/bilder/name.png)."))
            document.replace(node, block: false, onEnter: "", onExit: "", keepChildren: false)
            return
        }
        if kind == .external {
            diagnostics.append(.error("external-image", at: loc,
                                      "Das Bild „\(source.trimmed(60))“ wird von einer fremden Website geladen.",
                                      hint: "Aus Datenschutzgründen lädt die Website nichts von anderen Servern. Speichern Sie das Bild unter content/static/bilder/ und verlinken Sie /bilder/…"))
        }
        if alt.isEmpty {
            diagnostics.append(.error("image-without-alt", at: loc,
                                      "Das Bild „\(source.trimmed(60))“ hat keinen Alternativtext.",
                                      hint: "Beschreiben Sie in den eckigen Klammern, was auf dem Bild zu sehen ist: ![Beschreibung](\(source.trimmed(60)))."))
        }
        var src = source
        if kind == .siteRelative, let base = settings.absoluteBase { src = base + source }
        var attributes = "src=\"\(Escape.html(Escape.urlPath(src)))\" alt=\"\(Escape.html(alt))\""
        let title = node.title
        if !title.isEmpty { attributes += " title=\"\(Escape.html(title))\"" }
        if kind == .siteRelative, let size = hooks.imageSize?(source) {
            attributes += " width=\"\(size.width)\" height=\"\(size.height)\""
        }
        attributes += " loading=\"lazy\" decoding=\"async\""
        document.replace(node, block: false, onEnter: "<img \(attributes)>", onExit: "", keepChildren: false)
    }

    // MARK: fenced blocks

    private mutating func transformCodeBlock(_ node: OpaquePointer) {
        let info = node.fenceInfo.trimmingSpaces()
        let word = String(info.split(separator: " ").first ?? "")
        guard let handler = hooks.fencedBlocks[word] else { return }
        let output = handler(FencedBlock(info: info, code: node.literal, location: location(node)))
        diagnostics.append(contentsOf: output.diagnostics)
        document.replace(node, block: true, onEnter: output.html ?? "", onExit: "", keepChildren: false)
    }
}

/// What a URL in content points to.
enum LinkKind: Equatable {
    case siteRelative      // /2022/05/armut/
    case internalAbsolute  // https://mittelsachsen-sozial.de/…
    case relative          // ../bild.png, bild.png
    case fragment          // #abschnitt
    case mail, phone
    case external
    case dangerous         // javascript:, data:, file:, vbscript:

    init(_ url: String, siteHosts: [String]) {
        let lower = url.lowercased()
        if lower.hasPrefix("#") { self = .fragment; return }
        if lower.hasPrefix("//") { self = .external; return }
        if lower.hasPrefix("/") { self = .siteRelative; return }
        if lower.hasPrefix("mailto:") { self = .mail; return }
        if lower.hasPrefix("tel:") { self = .phone; return }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let afterScheme = lower.drop(while: { $0 != "/" }).dropFirst(2)
            let host = String(afterScheme.prefix(while: { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }))
            let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
            self = siteHosts.contains(where: { $0.lowercased() == host || $0.lowercased() == bare })
                ? .internalAbsolute : .external
            return
        }
        // A scheme before any / ? # is something we do not allow (javascript:, data:, file: …).
        if let colon = lower.firstIndex(of: ":"),
           !lower[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            self = .dangerous
            return
        }
        self = .relative
    }
}

/// Turns straight quotes into German ones, remembering the previous character across the text
/// nodes of one paragraph (emphasis splits text into several nodes). Works on Unicode scalars:
/// quotes are ASCII, and only the class of the previous scalar matters.
struct QuoteState {
    enum Previous { case start, space, opener, word, other }

    private var previous: Previous = .start
    private var doubleOpen = false
    private var singleOpen = false

    mutating func reset() { previous = .start; doubleOpen = false; singleOpen = false }

    mutating func note(_ text: String) {
        if let last = text.unicodeScalars.last { previous = Self.classify(last) }
    }

    static func classify(_ scalar: Unicode.Scalar) -> Previous {
        switch scalar {
        case " ", "\t", "\n", "\u{00A0}", "\u{202F}": return .space
        case "(", "[", "{", "-", "/", "–", "—", "„", "‚": return .opener
        case "a"..."z", "A"..."Z", "0"..."9": return .word  // what the properties below say, without the table lookup
        default:
            if scalar.isASCII { return .other }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? .word : .other
        }
    }

    mutating func convert(_ text: String) -> String {
        guard text.containsBytes("\"") || text.containsBytes("'") else { note(text); return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let opensAfter = previous == .start || previous == .space || previous == .opener
            var emitted = scalar
            if scalar == "\"" {
                if doubleOpen { emitted = "“"; doubleOpen = false }
                else if opensAfter { emitted = "„"; doubleOpen = true }
                else { emitted = "“" }
            } else if scalar == "'" {
                let next = index + 1 < scalars.count ? Self.classify(scalars[index + 1]) : nil
                if previous == .word, next == nil || next == .word || !singleOpen {
                    emitted = "’"  // apostrophe: geht's, Andrea's
                } else if !singleOpen && opensAfter {
                    emitted = "‚"; singleOpen = true
                } else {
                    emitted = "‘"; singleOpen = false
                }
            }
            out.append(emitted)
            previous = Self.classify(emitted)
        }
        return String(out)
    }
}

extension String {
    func trimmed(_ maxLength: Int) -> String {
        let single = collapsingWhitespace()
        return single.count > maxLength ? String(single.prefix(maxLength)) + "…" : single
    }

    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    func collapsingWhitespace() -> String {
        var copy = self
        // On the contiguous UTF-8 storage: this runs over the whole plain text of every post.
        return copy.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var space = false
                for byte in bytes {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        space = true
                    } else {
                        if space && count > 0 { out[count] = 0x20; count += 1 }
                        space = false
                        out[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    var wordCount: Int {
        var copy = self
        return copy.withUTF8 { bytes in
            var count = 0
            var inWord = false
            for byte in bytes {
                let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if !isSpace && !inWord { count += 1 }
                inWord = !isSpace
            }
            return count
        }
    }
}
