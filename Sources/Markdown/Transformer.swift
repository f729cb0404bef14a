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
    /// Room for the plain text, which is about as long as the source.
    let sourceByteCount: Int

    var headings: [HeadingInfo] = []
    var links: [LinkInfo] = []
    var images: [ImageInfo] = []
    var diagnostics: [Diagnostic] = []
    var plainText = ""
    var wordCount = 0
    /// Reused for heading, link and alt texts.
    private var scratch = PlainTextBuilder(capacity: 128)
    /// Reused for the opening tags of headings, links and images, built as bytes.
    private var tag = CTag()

    init(document: CmarkDocument, source: String, file: String, lineOffset: Int, settings: MarkdownSettings, hooks: MarkdownHooks) {
        self.document = document
        self.lines = LineIndex(source)
        self.sourceByteCount = source.utf8.count
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
        // The nodes to rewrite once the walk is done, in document order, in one array (one
        // allocation, not one per kind).
        var marked: [(node: OpaquePointer, kind: Marked)] = []
        marked.reserveCapacity(32)
        var counts = (headings: 0, links: 0, images: 0)
        var quotes = QuoteState()
        // Plain text straight from the literals' bytes: no String per text node.
        var text = PlainTextBuilder(capacity: sourceByteCount)
        var converted: [UInt8] = []
        // What the run-time types of extension nodes (and the core types handled by name) are,
        // so a type's name is read once per document, not once per node (every table cell).
        var roles: [(type: cmark_node_type, role: NamedRole)] = []

        // Walks the tree as it is; changing a text node's literal does not disturb the iterator.
        let iterator = cmark_iter_new(document.root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            let node = cmark_iter_get_node(iterator)!
            let type = node.cmarkType
            if type == CMARK_NODE_HEADING || type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_ITEM {
                quotes.reset()
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_HEADING:
                marked.append((node, .heading))
                counts.headings += 1
                text.appendSpace()
            case CMARK_NODE_LINK:
                marked.append((node, .link))
                counts.links += 1
            case CMARK_NODE_IMAGE:
                marked.append((node, .image))
                counts.images += 1
            case CMARK_NODE_CODE_BLOCK:
                marked.append((node, .codeBlock))
                text.appendSpace()
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !settings.allowRawHTML {
                    diagnostics.append(.warning(
                        "raw-html", at: location(node),
                        "HTML im Text wird nicht übernommen: „\(node.literal.trimmed(40))“.",
                        hint: "Schreiben Sie den Inhalt in Markdown. Roh-HTML lässt sich in site-config.json unter \"markdown\": {\"rawHTML\": true} erlauben."))
                }
            case CMARK_NODE_TEXT:
                // Plain text keeps the straight quotes; the page gets the German ones.
                let germanQuotes = settings.germanQuotes
                let changed = node.withLiteralBytes { literal -> Bool in
                    text.append(literal)
                    return germanQuotes && quotes.convert(literal, into: &converted)
                }
                if changed {
                    converted.append(0)
                    converted.withUnsafeBufferPointer { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) }
                    }
                }
            case CMARK_NODE_CODE:
                node.withLiteralBytes { literal in
                    text.append(literal)
                    quotes.note(literal)
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.appendSpace()
                quotes.noteSpace()
            default:
                if isBlock(type) {
                    text.appendSpace()
                } else if !isCoreInline(type) {
                    // Extension nodes (tables) have run-time types; compare by name.
                    let role: NamedRole
                    if let known = roles.first(where: { $0.type == type }) {
                        role = known.role
                    } else {
                        role = NamedRole(node.typeName)
                        roles.append((type, role))
                    }
                    switch role {
                    case .table: marked.append((node, .table))
                    case .cell: text.appendSpace()
                    // One type, two names: `table_header` for the header row, which gets no separator.
                    case .row: if cmark_gfm_extensions_get_table_row_is_header(node) == 0 { text.appendSpace() }
                    case .inert: break
                    }
                }
            }
        }
        plainText = text.string
        wordCount = text.wordCount

        headings.reserveCapacity(counts.headings)
        links.reserveCapacity(counts.links)
        images.reserveCapacity(counts.images)
        // Kind by kind, as the order of the diagnostics has always been.
        for (node, kind) in marked where kind == .image { transformImage(node) }
        for (node, kind) in marked where kind == .link { transformLink(node) }
        for (node, kind) in marked where kind == .heading { transformHeading(node) }
        for (node, kind) in marked where kind == .codeBlock { transformCodeBlock(node) }
        for (node, kind) in marked where kind == .table {
            document.wrap(node, onEnter: "<div class=\"tabelle\" role=\"region\" aria-label=\"Tabelle\" tabindex=\"0\">",
                          onExit: "</div>")
        }
    }

    /// The nodes `run` rewrites after its walk.
    enum Marked { case heading, link, image, codeBlock, table }

    /// What `run` does with a node whose type it knows only by name.
    enum NamedRole {
        case table, row, cell, inert

        init(_ typeName: String) {
            switch typeName {
            case "table": self = .table
            case "table_row", "table_header": self = .row
            case "table_cell": self = .cell
            default: self = .inert
            }
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
        let text = node.collapsedPlainText(using: &scratch)
        var id = Slug.make(text)
        if id.isEmpty { id = "abschnitt" }
        // Ids must be unique on the page and must not start with a digit-only name clash.
        let base = id
        var counter = 2
        while headings.contains(where: { $0.id == id }) { id = "\(base)-\(counter)"; counter += 1 }
        let level = node.headingLevel
        headings.append(HeadingInfo(level: level, text: text, id: id, location: location(node)))
        tag.start("<h")
        tag.append(String(level))
        tag.append(" id=\"")
        tag.append(id)
        tag.append("\">")
        let document = document
        tag.withCString { onEnter in
            switch level {
            case 1: document.replace(node, block: true, onEnter: onEnter, onExit: "</h1>", keepChildren: true)
            case 2: document.replace(node, block: true, onEnter: onEnter, onExit: "</h2>", keepChildren: true)
            case 3: document.replace(node, block: true, onEnter: onEnter, onExit: "</h3>", keepChildren: true)
            case 4: document.replace(node, block: true, onEnter: onEnter, onExit: "</h4>", keepChildren: true)
            case 5: document.replace(node, block: true, onEnter: onEnter, onExit: "</h5>", keepChildren: true)
            default: document.replace(node, block: true, onEnter: onEnter, onExit: "</h\(level)>", keepChildren: true)
            }
        }
    }

    // MARK: links

    private mutating func transformLink(_ node: OpaquePointer) {
        let url = node.url.trimmingSpacesIfAny()
        let text = node.collapsedPlainText(using: &scratch)
        let loc = location(node)
        let kind = LinkKind.of(url, hosts: settings.hosts)
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
        // The opening tag in a reused byte buffer: this runs for every link of every post.
        tag.start("<a href=\"")
        tag.appendEscaped(Escape.urlPath(href))
        tag.append("\"")
        let title = node.title
        if !title.isEmpty {
            tag.append(" title=\"")
            tag.appendEscaped(title)
            tag.append("\"")
        }
        let document = document
        if kind == .external {
            tag.append(" class=\"extern\" rel=\"external noopener noreferrer\">")
            tag.withCString { onEnter in
                document.replace(node, block: false, onEnter: onEnter,
                                 onExit: "<span class=\"visually-hidden\"> (externer Link)</span></a>", keepChildren: true)
            }
        } else {
            tag.append(">")
            tag.withCString { document.replace(node, block: false, onEnter: $0, onExit: "</a>", keepChildren: true) }
        }
    }

    // MARK: images

    private mutating func transformImage(_ node: OpaquePointer) {
        let source = node.url.trimmingSpacesIfAny()
        let alt = node.collapsedPlainText(using: &scratch)
        let loc = location(node)
        images.append(ImageInfo(source: source, alt: alt, location: loc))
        let kind = LinkKind.of(source, hosts: settings.hosts)
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
        tag.start("<img src=\"")
        tag.appendEscaped(Escape.urlPath(src))
        tag.append("\" alt=\"")
        tag.appendEscaped(alt)
        tag.append("\"")
        let title = node.title
        if !title.isEmpty {
            tag.append(" title=\"")
            tag.appendEscaped(title)
            tag.append("\"")
        }
        if kind == .siteRelative, let size = hooks.imageSize?(source) {
            tag.append(" width=\"")
            tag.append(String(size.width))
            tag.append("\" height=\"")
            tag.append(String(size.height))
            tag.append("\"")
        }
        tag.append(" loading=\"lazy\" decoding=\"async\">")
        let document = document
        tag.withCString { document.replace(node, block: false, onEnter: $0, onExit: "", keepChildren: false) }
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

extension String {
    func trimmed(_ maxLength: Int) -> String {
        let single = collapsingWhitespace()
        return single.count > maxLength ? String(single.prefix(maxLength)) + "…" : single
    }

    /// `trimmingSpaces()` for a value used once: when there is nothing to trim the String itself
    /// moves on (a method returning `self` hands back a retained copy).
    consuming func trimmingSpacesIfAny() -> String {
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return trimmingSpaces()
    }

    func trimmingSpaces() -> String {
        // Printable ASCII (not space) at both ends: the first and last Characters start with a
        // scalar that is not whitespace, so the loops below would remove nothing.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
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
