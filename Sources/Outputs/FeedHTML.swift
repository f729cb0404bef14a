#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Support

/// Cleans rendered post HTML for places outside the site: feed items and e-mails. Readers and
/// mail clients show it without our page around it, so every URL must be absolute, and nothing
/// active may remain (validators flag `script`, `iframe`, `embed`, `object`, `form`, `style`, …
/// as `SecurityRisk`). The input is cmark-gfm output, and raw HTML only if the site allows it;
/// this is a tag-level filter for that input, not a general HTML parser.
public struct FeedHTML: Sendable {
    /// Absolute URL of the page the HTML belongs to (`https://…/2022/05/x/`): relative references
    /// and `#fragment` links resolve against it.
    public var pageURL: String
    /// Extra inline styles by element name (newsletter: mail clients ignore `<style>`).
    public var inlineStyles: [String: String]
    /// E-mail mode: images get a numeric `width` and fluid inline style; SVG (inline or as
    /// `<img>`) is replaced by its text alternative, because Outlook and Gmail do not show it.
    public var forEmail: Bool
    /// Largest image width in e-mail mode (content column).
    public var emailImageWidth: Int

    public init(pageURL: String, inlineStyles: [String: String] = [:], forEmail: Bool = false,
                emailImageWidth: Int = 552) {
        self.pageURL = pageURL
        self.inlineStyles = inlineStyles
        self.forEmail = forEmail
        self.emailImageWidth = emailImageWidth
    }

    /// Elements removed together with everything inside them.
    static let droppedWithContent: Set<String> = ["script", "style", "iframe", "noscript", "object",
                                                  "template", "textarea", "select", "frameset", "applet"]
    /// Elements whose tags are removed but whose text stays.
    static let droppedTags: Set<String> = ["form", "input", "button", "option", "meta", "link", "base", "embed",
                                           "frame", "param", "html", "body", "label", "fieldset", "legend"]
    static let urlAttributes: Set<String> = ["href", "src", "poster", "cite", "background", "longdesc", "action"]
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                            "meta", "param", "source", "track", "wbr"]

    /// The cleaned HTML.
    public func clean(_ html: String) -> String { clean(html, fastTags: true) }

    /// `fastTags`: tags that need no more than copying (`copyTag`) are written from their bytes
    /// without building an `HTMLTag` and strings for them; false only to compare both ways in tests.
    func clean(_ html: String, fastTags: Bool) -> String {
        var html = html
        return html.withUTF8 { String(decoding: cleanedBytes($0, fastTags: fastTags), as: UTF8.self) }
    }

    /// `clean` of UTF-8 bytes, as bytes: for feeds, which write them on as bytes. Valid UTF-8 in
    /// gives valid UTF-8 out (the cleaner cuts only at ASCII bytes, which never stand inside a
    /// multi-byte scalar), so the bytes are what `clean` returns.
    func cleanedBytes(_ bytes: UnsafeBufferPointer<UInt8>, fastTags: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        // `#fragment` links become the page's URL with the fragment, escaped as an attribute value.
        var pageURLValue = Escape.html(pageURL)
        pageURLValue.withUTF8 { pageURLValue in
            clean(bytes, into: &out, fastTags: fastTags && !forEmail && inlineStyles.isEmpty, pageURLValue: pageURLValue)
        }
        return out
    }

    private func clean(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], fastTags: Bool,
                       pageURLValue: UnsafeBufferPointer<UInt8>) {
        var i = 0
        var svgDepth = 0
        // One buffer for the attributes of every tag (see `HTMLTag.scan(_:at:attributes:)`).
        var attributeBuffer: [HTMLTag.Scanned.Attribute] = []
        let keptNames = HTMLTag.Kind.Table.shared
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x3C else {  // text up to the next '<' (memchr: text runs are long)
                var j = bytes.count
                if let found = memchr(bytes.baseAddress! + i, 0x3C, bytes.count - i) {
                    j = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - bytes.baseAddress!
                }
                if !(forEmail && svgDepth > 0) { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
                i = j
                continue
            }
            // `<p>`, `</td>`, `<li>` …: most tags of a body are plain tags that are copied as they are.
            if fastTags, let end = Self.plainTagEnd(bytes, at: i, keptNames: keptNames) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                i = end
                continue
            }
            // Comments, CDATA, doctype and processing instructions: dropped (MSO conditionals too).
            if i + 1 < bytes.count && (bytes[i + 1] == 0x21 || bytes[i + 1] == 0x3F) {
                i = Self.skipMarkupDeclaration(bytes, from: i)
                continue
            }
            guard let scanned = HTMLTag.scan(bytes, at: i, attributes: &attributeBuffer) else {
                // A lone '<' in text: keep it as text, escaped.
                if !(forEmail && svgDepth > 0) { out.append(contentsOf: "&lt;".utf8) }
                i += 1
                continue
            }
            i = scanned.end
            let kind = HTMLTag.Kind(bytes, name: scanned.name)
            let rawName = UnsafeBufferPointer(rebasing: bytes[scanned.name])
            if scanned.isEnd {
                if kind == .svg { svgDepth = max(0, svgDepth - 1); if forEmail { continue } }
                if kind == .droppedTag || kind == .droppedWithContent { continue }
                if forEmail && svgDepth > 0 { continue }
                out.append(0x3C); out.append(0x2F)  // "</"
                out.append(contentsOf: rawName)
                out.append(0x3E)
                continue
            }
            if kind == .droppedWithContent {
                if !scanned.selfClosing {
                    i = Self.skipElement(named: String(decoding: rawName, as: UTF8.self).lowercased(), in: bytes, from: i)
                }
                continue
            }
            if kind == .droppedTag { continue }
            if fastTags && svgDepth == 0 && kind == .other
                && copyTag(scanned, attributes: attributeBuffer, of: bytes, into: &out, pageURLValue: pageURLValue) {
                continue
            }
            let tag = HTMLTag(scanned, attributes: attributeBuffer, of: bytes)
            let name = tag.name
            // Screen-reader-only hints („(externer Link)“) would show as plain text without our CSS.
            if name == "span", Self.isVisuallyHidden(tag.attribute("class")) {
                if !tag.selfClosing { i = Self.skipElement(named: "span", in: bytes, from: i) }
                continue
            }
            if name == "svg" {
                if forEmail {
                    // Inline charts: keep their accessible name as text, drop the drawing.
                    if svgDepth == 0, let label = tag.attribute("aria-label"), !label.isEmpty {
                        out.append(contentsOf: Array(Escape.html(label).utf8))
                    }
                    if !tag.selfClosing { svgDepth += 1 }
                    continue
                }
                if !tag.selfClosing { svgDepth += 1 }
            }
            if forEmail && svgDepth > 0 { continue }
            if forEmail && name == "img", let src = tag.attribute("src"), Self.isSVG(src) {
                out.append(contentsOf: Array(Escape.html(tag.attribute("alt") ?? "").utf8))
                continue
            }
            if tag.attributes.isEmpty && !forEmail && inlineStyles[name] == nil {
                // What `rebuild` gives a tag without attributes (`<p>`, `<li>`, `<strong>`), without
                // building a string for each of the thousands of them.
                out.append(0x3C)
                out.append(contentsOf: tag.rawName.utf8)
                if tag.selfClosing && svgDepth > 0 { out.append(0x2F) }
                out.append(0x3E)
            } else {
                out.append(contentsOf: rebuild(tag, insideSVG: svgDepth > 0).utf8)
            }
        }
    }

    /// Whether a `class` value names `visually-hidden` (as `String.contains` finds it). An ASCII
    /// value is searched as bytes: Foundation's `contains` compares by characters, slowly, and
    /// for ASCII text characters and bytes are the same; other values go that way still.
    static func isVisuallyHidden(_ classes: String?) -> Bool {
        guard let classes else { return false }
        guard classes.utf8.allSatisfy({ $0 < 0x80 }) else { return classes.contains("visually-hidden") }
        return classes.containsBytes("visually-hidden")
    }

    /// The index after a tag at `start` that `clean` writes as it stands in feed mode: `<name>` or
    /// `</name>` without attributes or blanks, the name ASCII letters and digits (a letter first),
    /// of an element that is kept (`HTMLTag.Kind.other`, told by `keptNames`); nil for any other
    /// tag. For such a tag the general way (`scan`, then `copyTag` or the rebuild of a tag without
    /// attributes, inside SVG too) writes exactly these bytes, so they are copied without scanning
    /// for attributes.
    @inline(__always)
    static func plainTagEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, keptNames: HTMLTag.Kind.Table) -> Int? {
        let count = bytes.count
        var i = start + 1
        if i < count && bytes[i] == 0x2F { i += 1 }  // '/'
        let nameStart = i
        // The lower-cased name in one number, as `HTMLTag.Kind` reads it (letters | 0x20 are lower
        // case, digits have that bit already).
        var key: UInt64 = 0
        while i < count {
            let byte = bytes[i]
            guard (byte | 0x20) &- 0x61 < 26 || (i > nameStart && byte &- 0x30 < 10) else { break }
            if i - nameStart < 8 { key |= UInt64(byte | 0x20) << (8 * UInt64(i - nameStart)) }
            i += 1
        }
        guard i > nameStart, i < count, bytes[i] == 0x3E, i - nameStart > 8 || keptNames.isKept(key) else { return nil }
        return i + 1
    }

    /// Writes what `rebuild(tag, insideSVG: false)` gives for a start tag outside SVG, when that is
    /// a copy of its bytes: each attribute kept as written (`name="value"`), dropped (event
    /// handlers, `style`, …), or a bare name; a `#fragment` URL gets `pageURLValue`
    /// (`Escape.html(pageURL)`) in front. True when it did; false, with nothing written, when an
    /// attribute needs more (character references or characters to escape in the value, a URL that
    /// is not absolute, `srcset`). Only for feeds (no e-mail mode, no inline styles).
    private func copyTag(_ tag: HTMLTag.Scanned, attributes: [HTMLTag.Scanned.Attribute], of bytes: UnsafeBufferPointer<UInt8>,
                         into out: inout [UInt8], pageURLValue: UnsafeBufferPointer<UInt8>) -> Bool {
        let mark = out.count
        out.append(0x3C)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tag.name]))
        for attribute in attributes {
            let kind = HTMLTag.AttributeKind(bytes, name: attribute.name)
            switch kind {
            case .dropped: continue
            case .complex:
                out.removeSubrange(mark...)
                return false
            case .url, .other:
                break
            }
            let rawName = UnsafeBufferPointer(rebasing: bytes[attribute.name])
            guard let range = attribute.value else {
                out.append(0x20)
                out.append(contentsOf: rawName)
                continue
            }
            let value = UnsafeBufferPointer(rebasing: bytes[range])
            // `&` could start a character reference (decoded, then escaped again); `< > " '` are escaped.
            let copiesAsWritten = !value.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
            let url = kind == .url ? Self.plainURL(value) : .asWritten
            guard copiesAsWritten, url != .other else {
                out.removeSubrange(mark...)
                return false
            }
            out.append(0x20)
            out.append(contentsOf: rawName)
            out.append(0x3D); out.append(0x22)  // ="
            if url == .fragment { out.append(contentsOf: pageURLValue) }
            out.append(contentsOf: value)
            out.append(0x22)
        }
        out.append(0x3E)
        return true
    }

    /// What `absolute` makes of a URL, as far as its bytes tell without Foundation.
    private enum PlainURL {
        /// Returned as it is: `http(s)://…`, `mailto:…`, `tel:…`.
        case asWritten
        /// `#…`: the page's URL in front.
        case fragment
        /// Anything else: worked out by `absolute`.
        case other
    }

    /// `http(s)://…` whose last byte is ASCII and no blank (`absolute`'s own fast path); ASCII
    /// `mailto:…`, `tel:…` and `#…` without blanks at either end (in ASCII, trimming, lower case
    /// and characters are byte-wise matters).
    private static func plainURL(_ value: UnsafeBufferPointer<UInt8>) -> PlainURL {
        guard let last = value.last, last < 0x80, last != 0x20, !(0x09...0x0D).contains(last) else { return .other }
        if value.starts(with: "https://".utf8) || value.starts(with: "http://".utf8) { return .asWritten }
        guard value[0] != 0x20, !(0x09...0x0D).contains(value[0]), !value.contains(where: { $0 >= 0x80 }) else {
            return .other
        }
        if value[0] == 0x23 { return .fragment }  // '#'
        return value.starts(with: "mailto:".utf8) || value.starts(with: "tel:".utf8) ? .asWritten : .other
    }

    private func rebuild(_ tag: HTMLTag, insideSVG: Bool) -> String {
        // Names keep their case: SVG has `viewBox` and `linearGradient`.
        var text = "<" + tag.rawName
        var hasStyle = false
        var width: Int? = nil
        for (rawName, rawValue) in tag.attributes {
            let name = rawName.lowercased()
            if name.hasPrefix("on") || name == "srcdoc" || name == "formaction" { continue }
            if name == "style" { continue }  // inline CSS from content may hide or move things
            if forEmail && tag.name == "img" && (name == "width" || name == "height" || name == "loading"
                                                  || name == "decoding") {
                if name == "width" { width = Int(rawValue ?? "") }
                continue
            }
            guard var value = rawValue.map(HTMLTag.decodeEntities) else {
                text += " " + rawName
                continue
            }
            if Self.urlAttributes.contains(name) || name == "xlink:href" {
                if insideSVG && value.hasPrefix("#") { text += " \(name)=\"\(Escape.html(value))\""; continue }
                guard let absolute = absolute(value) else { continue }
                value = absolute
            } else if name == "srcset" {
                value = value.split(separator: ",").compactMap { candidate -> String? in
                    let parts = candidate.split(separator: " ", omittingEmptySubsequences: true)
                    guard let first = parts.first, let url = absolute(String(first)) else { return nil }
                    return ([url] + parts.dropFirst().map(String.init)).joined(separator: " ")
                }.joined(separator: ", ")
            }
            text += " \(rawName)=\"\(Escape.html(value))\""
        }
        if forEmail && tag.name == "img" {
            let w = min(width ?? emailImageWidth, emailImageWidth)
            text += " width=\"\(w)\" style=\"display:block;width:100%;max-width:\(w)px;height:auto;border:0;\""
            hasStyle = true
        }
        if !hasStyle, let style = inlineStyles[tag.name] {
            text += " style=\"\(Escape.html(style))\""
        }
        if tag.selfClosing && insideSVG { text += "/" }
        return text + ">"
    }

    /// `value` as an absolute URL, or nil when it must go (`javascript:`, `data:`, …).
    public func absolute(_ raw: String) -> String? {
        // Most values are already absolute http(s) URLs without blanks around them (the renderer's
        // links in feeds): returned as they are, without Foundation's trimming and lower-casing.
        // A last byte below 0x80 that is no ASCII blank means there is no trailing white space.
        if let last = raw.utf8.last, last < 0x80, last != 0x20, !(0x09...0x0D).contains(last),
           raw.utf8.starts(with: "https://".utf8) || raw.utf8.starts(with: "http://".utf8) {
            return raw
        }
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = value.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
            || lower.hasPrefix("tel:") {
            return value
        }
        if lower.hasPrefix("//") { return "https:" + value }
        if value.isEmpty { return pageURL }
        // Any other scheme before the first / ? # is refused (javascript:, data:, vbscript:, file:).
        if let colon = lower.firstIndex(of: ":"),
           !lower[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            return nil
        }
        if value.hasPrefix("#") { return pageURL + value }
        let encoded = Escape.urlPath(value)
        if let base = URL(string: pageURL), let resolved = URL(string: encoded, relativeTo: base) {
            return resolved.absoluteString
        }
        return nil
    }

    static func isSVG(_ url: String) -> Bool {
        var path = Substring(url)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        return path.lowercased().hasSuffix(".svg") || path.lowercased().hasSuffix(".svgz")
    }

    /// Index after `<!-- … -->`, `<![CDATA[ … ]]>`, `<!DOCTYPE …>` or `<? … ?>` starting at `start`.
    static func skipMarkupDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        func find(_ pattern: [UInt8], from: Int) -> Int? {
            guard pattern.count <= bytes.count else { return nil }
            var k = from
            while k + pattern.count <= bytes.count {
                if bytes[k] == pattern[0] && bytes[k..<(k + pattern.count)].elementsEqual(pattern) { return k }
                k += 1
            }
            return nil
        }
        let opener = bytes[start..<min(bytes.count, start + 9)]
        if opener.starts(with: "<!--".utf8) {
            return (find(Array("-->".utf8), from: start + 4).map { $0 + 3 }) ?? bytes.count
        }
        if opener.starts(with: "<![CDATA[".utf8) {
            return (find(Array("]]>".utf8), from: start + 9).map { $0 + 3 }) ?? bytes.count
        }
        return (find([0x3E], from: start + 2).map { $0 + 1 }) ?? bytes.count
    }

    /// Index after the end tag `</name>` matching the element opened before `from` (or the end).
    static func skipElement(named name: String, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let needle = Array("</\(name)".utf8)
        var k = from
        while k + needle.count <= bytes.count {
            if bytes[k] == 0x3C && bytes[k + 1] == 0x2F {
                var match = true
                for (offset, expected) in needle.enumerated() {
                    var actual = bytes[k + offset]
                    if actual >= 0x41 && actual <= 0x5A { actual += 0x20 }
                    if actual != expected { match = false; break }
                }
                if match {
                    var end = k + needle.count
                    while end < bytes.count && bytes[end] != 0x3E { end += 1 }
                    return min(bytes.count, end + 1)
                }
            }
            k += 1
        }
        return bytes.count
    }
}

/// One start or end tag as written in the HTML.
struct HTMLTag {
    /// Lower-cased, for comparisons.
    var name: String
    /// As written, for output.
    var rawName: String
    var isEnd: Bool
    var selfClosing: Bool
    /// Attributes in source order; the value is nil for a bare attribute (`disabled`).
    var attributes: [(String, String?)]
    /// Index just after the closing `>`.
    var end: Int

    /// A tag as byte ranges of the HTML it stands in (`scan`), before any string is made. Its
    /// attributes are in the buffer `scan` filled: a tag holding an array would retain and release
    /// it, and make the next scan copy it, for each of the thousands of tags of the feeds.
    struct Scanned {
        /// The name as written (ASCII letters, digits, `-`, `:`, `_`).
        var name: Range<Int>
        var isEnd: Bool
        var selfClosing: Bool
        /// An attribute's name and value (without quotes); nil for a bare attribute.
        typealias Attribute = (name: Range<Int>, value: Range<Int>?)
        /// Index just after the closing `>`.
        var end: Int
    }

    /// What `FeedHTML` does with an element, by its name.
    enum Kind {
        case droppedWithContent, droppedTag, svg, span, other

        /// The kind of the element whose name (as written) is `bytes[name]`.
        init(_ bytes: UnsafeBufferPointer<UInt8>, name: Range<Int>) {
            // Every name of the sets has at most eight letters: longer names are other elements.
            guard name.count <= 8 else {
                self = .other
                return
            }
            // The lower-cased name in one number (names are ASCII, see `isNameByte`).
            var key: UInt64 = 0
            for (shift, i) in name.enumerated() {
                let byte = bytes[i]
                key |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) << (8 * UInt64(shift))
            }
            self = .other
            for (known, kind) in Self.byKey where known == key {
                self = kind
                break
            }
        }

        /// Which names of up to eight bytes are `.other`, by their key as `init` makes it: the keys
        /// of `byKey` in a small open-addressing table (one multiply and a load for most names,
        /// where `init` compares with every key).
        struct Table {
            private let slots: [UInt64]
            private static let mask = 63

            /// The table, made once (`clean` takes it once per call and reads it for every tag).
            static let shared = Table()

            private init() {
                var slots = [UInt64](repeating: 0, count: Self.mask + 1)
                for (key, _) in Kind.byKey {
                    var slot = Self.slot(key)
                    while slots[slot] != 0 { slot = (slot + 1) & Self.mask }
                    slots[slot] = key
                }
                self.slots = slots
            }

            @inline(__always)
            private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58) }

            /// Whether a name of one to eight bytes with this key is `.other` (a key is never 0).
            @inline(__always)
            func isKept(_ key: UInt64) -> Bool {
                var slot = Self.slot(key)
                while true {
                    let entry = slots[slot]
                    if entry == key { return false }
                    if entry == 0 { return true }
                    slot = (slot + 1) & Self.mask
                }
            }
        }

        /// The names with a kind other than `.other`, as keys (a few dozen numbers to compare, no hashing).
        fileprivate static let byKey: [(UInt64, Kind)] = {
            func key(_ name: String) -> UInt64 {
                name.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            }
            return FeedHTML.droppedWithContent.sorted().map { (key($0), .droppedWithContent) }
                + FeedHTML.droppedTags.sorted().map { (key($0), .droppedTag) } + [(key("svg"), .svg), (key("span"), .span)]
        }()
    }

    /// What `FeedHTML` does with an attribute, by its name (`copyTag`).
    enum AttributeKind {
        /// Left out: event handlers (`on…`), `srcdoc`, `formaction`, `style`.
        case dropped
        /// A URL, made absolute.
        case url
        /// Kept as it is.
        case other
        /// Needs the string path: `srcset`, or a name with non-ASCII bytes (their lower case is
        /// not a byte-wise matter).
        case complex

        init(_ bytes: UnsafeBufferPointer<UInt8>, name: Range<Int>) {
            guard !bytes[name].contains(where: { $0 >= 0x80 }) else {
                self = .complex
                return
            }
            @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            if name.count >= 2, lower(bytes[name.lowerBound]) == 0x6F, lower(bytes[name.lowerBound + 1]) == 0x6E {
                self = .dropped  // "on…"
                return
            }
            // The lower-cased name in two numbers (every known name has at most sixteen bytes), with
            // its length: a hash and a string for each attribute of a post cost more than the rest.
            guard name.count <= 16 else {
                self = .other
                return
            }
            var key: (UInt64, UInt64) = (0, 0)
            for (offset, i) in name.enumerated() {
                let byte = UInt64(lower(bytes[i]))
                if offset < 8 { key.0 |= byte << (8 * UInt64(offset)) } else { key.1 |= byte << (8 * UInt64(offset - 8)) }
            }
            self = .other
            for known in Self.byKey where known.count == name.count && known.key == key {
                self = known.kind
                break
            }
        }

        /// The kinds `FeedHTML.rebuild` tells apart, by lower-cased name.
        static let byName: [String: AttributeKind] = {
            var kinds: [String: AttributeKind] = ["srcdoc": .dropped, "formaction": .dropped, "style": .dropped,
                                                  "srcset": .complex, "xlink:href": .url]
            for name in FeedHTML.urlAttributes { kinds[name] = .url }
            return kinds
        }()

        /// `byName` as keys of `init` (a dozen numbers to compare, no hashing).
        private static let byKey: [(key: (UInt64, UInt64), count: Int, kind: AttributeKind)] =
            byName.keys.sorted().map { name in
                var key: (UInt64, UInt64) = (0, 0)
                for (offset, byte) in name.utf8.enumerated() {
                    if offset < 8 { key.0 |= UInt64(byte) << (8 * UInt64(offset)) } else { key.1 |= UInt64(byte) << (8 * UInt64(offset - 8)) }
                }
                return (key, name.utf8.count, byName[name]!)
            }

        /// `init` the way it was first written, with a string and a dictionary: the reference the
        /// tests compare `init` with.
        static func byString(_ bytes: UnsafeBufferPointer<UInt8>, name: Range<Int>) -> AttributeKind {
            guard !bytes[name].contains(where: { $0 >= 0x80 }) else { return .complex }
            let lower = String(decoding: bytes[name].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            if lower.utf8.starts(with: "on".utf8) { return .dropped }
            return byName[lower] ?? .other
        }
    }

    func attribute(_ name: String) -> String? {
        attributes.first(where: { $0.0.lowercased() == name })?.1.map(HTMLTag.decodeEntities)
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A
            || b == 0x5F
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// Parses the tag starting with `<` at `start`, or nil when this `<` does not open a tag.
    static func parse(_ bytes: [UInt8], at start: Int) -> HTMLTag? {
        var attributes: [Scanned.Attribute] = []
        return bytes.withUnsafeBufferPointer { bytes in
            scan(bytes, at: start, attributes: &attributes).map { HTMLTag($0, attributes: attributes, of: bytes) }
        }
    }

    /// The tag of `scanned` (with the `attributes` its scan found), with its name and attributes as strings.
    init(_ scanned: Scanned, attributes: [Scanned.Attribute], of bytes: UnsafeBufferPointer<UInt8>) {
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        rawName = text(scanned.name)
        name = rawName.lowercased()
        isEnd = scanned.isEnd
        selfClosing = scanned.selfClosing
        self.attributes = attributes.map { (text($0.name), $0.value.map(text)) }
        end = scanned.end
    }

    /// Finds the tag starting with `<` at `start`, or nil when this `<` does not open a tag; its
    /// attributes go to `attributes` (emptied first, its storage kept: a caller that scans tag
    /// after tag keeps one buffer for all of them).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, attributes: inout [Scanned.Attribute]) -> Scanned? {
        attributes.removeAll(keepingCapacity: true)
        var i = start + 1
        var isEnd = false
        if i < bytes.count && bytes[i] == 0x2F { isEnd = true; i += 1 }
        guard i < bytes.count, (bytes[i] >= 0x61 && bytes[i] <= 0x7A) || (bytes[i] >= 0x41 && bytes[i] <= 0x5A)
        else { return nil }
        let nameStart = i
        while i < bytes.count && isNameByte(bytes[i]) { i += 1 }
        let name = nameStart..<i
        var selfClosing = false
        while i < bytes.count {
            while i < bytes.count && isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { break }
            if bytes[i] == 0x3E {
                i += 1
                return Scanned(name: name, isEnd: isEnd, selfClosing: selfClosing, end: i)
            }
            if bytes[i] == 0x2F { selfClosing = true; i += 1; continue }
            let attrStart = i
            while i < bytes.count && !isSpace(bytes[i]) && bytes[i] != 0x3D && bytes[i] != 0x3E
                    && !(bytes[i] == 0x2F && i + 1 < bytes.count && bytes[i + 1] == 0x3E) { i += 1 }
            if i == attrStart { i += 1; continue }
            let attrName = attrStart..<i
            selfClosing = false
            while i < bytes.count && isSpace(bytes[i]) { i += 1 }
            // Room for a few at the first: most tags have one to four attributes.
            if attributes.isEmpty { attributes.reserveCapacity(4) }
            guard i < bytes.count, bytes[i] == 0x3D else { attributes.append((attrName, nil)); continue }
            i += 1
            while i < bytes.count && isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count else { break }
            let value: Range<Int>
            if bytes[i] == 0x22 || bytes[i] == 0x27 {
                let quote = bytes[i]
                i += 1
                let valueStart = i
                while i < bytes.count && bytes[i] != quote { i += 1 }
                value = valueStart..<min(i, bytes.count)
                i += 1
            } else {
                let valueStart = i
                while i < bytes.count && !isSpace(bytes[i]) && bytes[i] != 0x3E { i += 1 }
                value = valueStart..<i
            }
            attributes.append((attrName, value))
        }
        return Scanned(name: name, isEnd: isEnd, selfClosing: selfClosing, end: bytes.count)
    }

    /// Decodes the character references an attribute value may contain: the XML five and numeric
    /// ones. Named HTML entities beyond those stay as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else { out += "&"; rest = after.dropFirst(); continue }
            let entity = after[after.index(after: amp)..<semi]
            var replacement: String? = nil
            switch entity {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            case "nbsp": replacement = "\u{00A0}"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after.dropFirst()
            }
        }
        out += rest
        return out
    }
}
