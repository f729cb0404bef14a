import Content
import Support

/// `/suche/index.json`: everything `suche.js` needs, as small as it stays readable.
///
/// ```json
/// {"v":1,
/// "s":["aber","alle",…],
/// "d":[
/// ["/2022/05/x/","Titel","Beitrag · 3. Mai 2022 · Armut und Notlagen","Kurzfassung …","armut mindestsicher …"],
/// …]}
/// ```
/// `s` are the stop words the script drops from queries. A document is `[url, title, meta line,
/// summary, terms]`: the meta line is written here (German dates, Handlungsfeld labels) so the
/// script needs no calendar; `terms` are the unique search terms of title and text
/// (`SearchText.terms`), sorted and joined by spaces. Documents come in the order of the complete
/// list (by kind, newest first, then by title), which is the script's order for equal scores.
public struct SearchIndex: Sendable {
    public static let url = "/suche/index.json"
    public static let formatVersion = 1

    /// In display order.
    public let documents: [SearchDocument]
    /// Slugs and labels of the Handlungsfelder, by `order`.
    public let fieldSlugs: [String]
    public let fieldLabels: [String]

    public init(documents: [SearchDocument], handlungsfelder: [Handlungsfeld]) {
        let fields = handlungsfelder.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
        fieldSlugs = fields.map(\.slug)
        fieldLabels = fields.map(\.label)
        // Sorts positions by keys worked out once (not documents, which are copied on every move).
        let keys = documents.map { (kind: $0.kind.order, date: $0.date, title: SearchTermCollector.folded($0.title)) }
        let order = documents.indices.sorted { i, j in
            let x = keys[i], y = keys[j]
            if x.kind != y.kind { return x.kind < y.kind }
            if x.date != y.date {
                guard let dx = x.date else { return false }
                guard let dy = y.date else { return true }
                return dx > dy
            }
            if x.title != y.title { return x.title < y.title }
            return documents[i].url < documents[j].url
        }
        self.documents = order.map { documents[$0] }
    }

    /// Label of a Handlungsfeld slug, if the site has it.
    public func label(ofField slug: String) -> String? {
        fieldSlugs.firstIndex(of: slug).map { fieldLabels[$0] }
    }

    /// „Beitrag · 3. Mai 2022 · Armut und Notlagen“; without the kind in the complete list, where
    /// the heading names it. A Handlungsfeld does not repeat its own name.
    public func metaLine(_ document: SearchDocument, withKind: Bool = true) -> String {
        var parts: [String] = []
        if withKind { parts.append(document.kind.singular) }
        if let date = document.date { parts.append(GermanFormat.longDate(date)) }
        let labels = document.handlungsfelder.compactMap(label(ofField:))
        if !labels.isEmpty && document.kind != .handlungsfeld { parts.append(labels.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    /// The file's text. Deterministic: same documents, same bytes.
    public var json: String { json(lines: lines) }

    /// The file's bytes (`json`); the lines are made as bytes, never as strings.
    public var jsonBytes: [UInt8] {
        // Over indices: `parallelMap` (in Support, not specialized here) would copy each document
        // through its value witness, a retain and release of every field.
        let lines = Array(documents.indices).parallelMap { lineBytes(for: documents[$0]) }
        return jsonBytes(lines: lines, count: \.count) { out, line in out += line }
    }

    /// The lines of `documents`, in their order.
    public var lines: [String] { documents.parallelMap(line(for:)) }

    /// One document's line of `d`. It depends on the document and the Handlungsfeld labels only,
    /// so an incremental build keeps the lines of documents that did not change.
    public func line(for document: SearchDocument) -> String {
        String(decoding: lineBytes(for: document), as: UTF8.self)
    }

    /// `line(for:)` as bytes, written into one buffer.
    func lineBytes(for document: SearchDocument) -> [UInt8] {
        let meta = metaLine(document)
        var out: [UInt8] = []
        out.reserveCapacity(document.url.utf8.count + document.title.utf8.count + meta.utf8.count
                            + document.summary.utf8.count + 64 + (document.textParts.last?.utf8.count ?? 0) / 2)
        out.append(0x5B)  // [
        for (index, field) in [document.url, document.title, meta, document.summary].enumerated() {
            if index > 0 { out.append(0x2C) }
            Escape.appendJSONString(field, to: &out)
        }
        // The terms are a–z, 0–9 and spaces, which JSON writes as they are: escaping them would
        // copy the longest field byte by byte.
        out.append(0x2C)
        out.append(0x22)
        SearchText.appendSortedTermsLine(document.title, document.textParts, to: &out)
        out.append(0x22)
        out.append(0x5D)
        return out
    }

    /// The file's text from the lines of `documents`, in their order.
    public func json(lines: [String]) -> String { String(decoding: jsonBytes(lines: lines), as: UTF8.self) }

    /// The file's bytes from the lines of `documents`, in their order, written once into a buffer of
    /// their size (the index of 10,000 posts has some 25 MB).
    public func jsonBytes(lines: [String]) -> [UInt8] {
        jsonBytes(lines: lines, count: \.utf8.count) { out, line in out += line.utf8 }
    }

    private func jsonBytes<Line>(lines: [Line], count: (Line) -> Int, append: (inout [UInt8], Line) -> Void) -> [UInt8] {
        let head = "{\"v\":\(Self.formatVersion),\n\"s\":[" + SearchText.stopWords.map(Escape.jsonString).joined(separator: ",")
            + "],\n\"d\":[\n"
        let separator = ",\n", tail = "\n]}\n"
        var out: [UInt8] = []
        out.reserveCapacity(head.utf8.count + lines.reduce(0) { $0 + count($1) + separator.utf8.count } + tail.utf8.count)
        out += head.utf8
        for (i, line) in lines.enumerated() {
            if i > 0 { out += separator.utf8 }
            append(&out, line)
        }
        out += tail.utf8
        return out
    }
}
