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

    public init(documents: consuming [SearchDocument], handlungsfelder: [Handlungsfeld]) {
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
        // The documents are put in order where they are, by swaps, which move them: copying each
        // into a new array would retain (and later release) every field of every document.
        var sorted = consume documents
        Self.permute(&sorted, by: order)
        self.documents = sorted
    }

    /// Puts `elements[order[k]]` at `k` for every `k` (`order` is a permutation of the indices),
    /// following each cycle of the permutation with swaps.
    static func permute<Element>(_ elements: inout [Element], by order: [Int]) {
        var done = [Bool](repeating: false, count: order.count)
        for start in order.indices where !done[start] {
            // Along the cycle each position receives its element from the next one, which is still
            // untouched; the start's element travels along and lands in the cycle's last position.
            var k = start
            done[k] = true
            while !done[order[k]] {
                elements.swapAt(k, order[k])
                k = order[k]
                done[k] = true
            }
        }
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
        // through its value witness, a retain and release of every field; and read in place from
        // the buffer through a pointer (a buffer's subscript copies the element; a pointer's
        // lends it).
        documents.withUnsafeBufferPointer { buffer in
            // Safe to share: `documents` is a `let` of this value, not changed while the workers
            // read it, and the buffer lives until `parallelMap` has returned.
            nonisolated(unsafe) let documents = buffer.baseAddress
            let lines = Array(buffer.indices).parallelMap { lineBytes(for: documents![$0]) }
            return jsonBytes(lines: lines, count: \.count) { out, line in out += line }
        }
    }

    /// The lines of `documents`, in their order.
    public var lines: [String] { documents.parallelMap(line(for:)) }

    /// One document's line of `d`. It depends on the document and the Handlungsfeld labels only,
    /// so an incremental build keeps the lines of documents that did not change.
    public func line(for document: SearchDocument) -> String {
        String(decoding: lineBytes(for: document), as: UTF8.self)
    }

    /// `line(for:)` as bytes, written into one buffer.
    func lineBytes(for document: borrowing SearchDocument) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(document.url.utf8.count + document.title.utf8.count + document.summary.utf8.count
                            + 128 + (document.textParts.last?.utf8.count ?? 0) / 2)
        out.append(0x5B)  // [
        Escape.appendJSONString(document.url, to: &out)
        out.append(0x2C)
        Escape.appendJSONString(document.title, to: &out)
        out.append(0x2C)
        appendMetaLine(document, to: &out)
        out.append(0x2C)
        Escape.appendJSONString(document.summary, to: &out)
        // The terms are a–z, 0–9 and spaces, which JSON writes as they are: escaping them would
        // copy the longest field byte by byte.
        out.append(0x2C)
        out.append(0x22)
        SearchText.appendSortedTermsLine(document.title, document.textParts, to: &out)
        out.append(0x22)
        out.append(0x5D)
        return out
    }

    /// `metaLine(document)` as a JSON string.
    func appendMetaLine(_ document: borrowing SearchDocument, to out: inout [UInt8]) {
        out.append(0x22)
        appendMetaLine(document, withKind: true, to: &out, escape: Escape.appendJSONStringBody)
        out.append(0x22)
    }

    /// `metaLine(document, withKind:)` written piece by piece, each escaped by `escape`: JSON and
    /// HTML escape each character on its own, so the pieces escaped one by one give the bytes of
    /// the whole line escaped (the separators need no escape). Whether it wrote any bytes.
    @discardableResult
    func appendMetaLine(_ document: borrowing SearchDocument, withKind: Bool, to out: inout [UInt8],
                        escape: (String, inout [UInt8]) -> Void) -> Bool {
        let separator: StaticString = " · "
        let separatorBytes = UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
        let start = out.count
        var parts = 0
        if withKind {
            escape(document.kind.singular, &out)
            parts += 1
        }
        if let date = document.date {
            if parts > 0 { out.append(contentsOf: separatorBytes) }
            escape(GermanFormat.longDate(date), &out)
            parts += 1
        }
        if document.kind != .handlungsfeld {
            var labels = 0
            for slug in document.handlungsfelder {
                guard let label = label(ofField: slug) else { continue }
                if labels > 0 {
                    out.append(0x2C)
                    out.append(0x20)
                } else if parts > 0 {
                    out.append(contentsOf: separatorBytes)
                }
                escape(label, &out)
                labels += 1
            }
            if labels > 0 { parts += 1 }
        }
        return out.count > start
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
