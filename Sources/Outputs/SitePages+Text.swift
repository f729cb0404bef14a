import Foundation
import Support

extension SitePages {
    /// Display strings the templates show; computed here so templates stay logic-free.
    enum Text {
        /// `2022-04-26T09:30:00+02:00`: Berlin wall clock with its offset, for `datetime` and JSON-LD.
        static func rfc3339(_ date: Date) -> String {
            let c = BerlinTime.components(of: date)
            let offset = BerlinTime.offsetSeconds(at: date)
            let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
            let year = c.year!, month = c.month!, day = c.day!, hour = c.hour!, minute = c.minute!, second = c.second!
            guard (0..<10_000).contains(year),
                  [month, day, hour, minute, second, hours, minutes].allSatisfy({ (0..<100).contains($0) }) else {
                return interpolatedRFC3339(date)
            }
            // The 25 bytes written straight into the string: one per card, post page and feed item,
            // where the interpolation built a dozen temporary strings.
            return String(unsafeUninitializedCapacity: 25) { bytes in
                func put(_ value: Int, _ width: Int, at start: Int, then separator: UInt8?) {
                    var value = value
                    for index in stride(from: start + width - 1, through: start, by: -1) {
                        bytes[index] = 0x30 + UInt8(value % 10)
                        value /= 10
                    }
                    if let separator { bytes[start + width] = separator }
                }
                put(year, 4, at: 0, then: 0x2D)       // -
                put(month, 2, at: 5, then: 0x2D)      // -
                put(day, 2, at: 8, then: 0x54)        // T
                put(hour, 2, at: 11, then: 0x3A)      // :
                put(minute, 2, at: 14, then: 0x3A)    // :
                put(second, 2, at: 17, then: offset < 0 ? 0x2D : 0x2B)
                put(hours, 2, at: 20, then: 0x3A)     // :
                put(minutes, 2, at: 23, then: nil)
                return 25
            }
        }

        /// `rfc3339` by interpolation, for years and fields outside the fixed widths.
        static func interpolatedRFC3339(_ date: Date) -> String {
            let c = BerlinTime.components(of: date)
            let offset = BerlinTime.offsetSeconds(at: date)
            let sign = offset < 0 ? "-" : "+"
            let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
            return "\(pad(c.year!, 4))-\(pad(c.month!))-\(pad(c.day!))T\(pad(c.hour!)):\(pad(c.minute!)):\(pad(c.second!))"
                + "\(sign)\(pad(hours)):\(pad(minutes))"
        }

        static func pad(_ value: Int, _ width: Int = 2) -> String {
            var text = String(value)
            while text.utf8.count < width { text = "0" + text }
            return text
        }

        /// The start of `text` up to `limit` characters, cut at a word and ended with „…“.
        static func excerpt(_ text: String, limit: Int) -> String {
            if let fast = latinExcerpt(text, limit: limit) { return fast }
            return characterExcerpt(text, limit: limit)
        }

        /// `excerpt` on Characters: for any text.
        static func characterExcerpt(_ text: String, limit: Int) -> String {
            // Only the start matters; long bodies are not split as a whole.
            let collapsed = text.prefix(limit * 2).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                .joined(separator: " ")
            // `dropFirst` stops after limit * 2 characters; `text.count` would walk the whole body.
            guard collapsed.count > limit || !text.dropFirst(limit * 2).isEmpty else { return collapsed }
            var result = ""
            for word in collapsed.split(separator: " ") {
                if result.count + word.count + 1 > limit { break }
                result += result.isEmpty ? String(word) : " " + word
            }
            if result.isEmpty { result = String(collapsed.prefix(limit)) }
            while let last = result.last, ",;:.–-".contains(last) { result.removeLast() }
            return result + " …"
        }

        /// `excerpt` on UTF-8 bytes, or nil when the text's start is not plain enough for that.
        ///
        /// Splitting a text into Characters (grapheme clusters) cost about one percent of a build.
        /// Below U+0300 (ASCII, Latin-1, Latin Extended: the letters of German text) every scalar is
        /// a Character of its own – the first scalar that can join its predecessor is the combining
        /// U+0300 – except "\r\n", which is one Character; so are the punctuation marks and
        /// currency signs of `isPlainPunctuation`. So while the scalars up to one past the part
        /// `excerpt` reads are all of these and no "\r\n" occurs, counting scalars is counting
        /// Characters, and this gives the same text as `characterExcerpt`.
        static func latinExcerpt(_ text: String, limit: Int) -> String? {
            guard limit > 0 else { return nil }
            var text = text
            return text.withUTF8 { bytes -> String? in
                let wanted = limit * 2
                // The bytes of the first `wanted` scalars, and whether a scalar follows them.
                var end = 0, scalars = 0
                var previous: UInt8 = 0
                while end < bytes.count {
                    let byte = bytes[end]
                    let width: Int
                    if byte < 0x80 { width = 1 }
                    else if byte >= 0xC2 && byte <= 0xCB { width = 2 }  // U+0080 … U+02FF
                    else if byte == 0xE2 && isPlainPunctuation(bytes[end + 1], bytes[end + 2]) { width = 3 }
                    else { return nil }
                    if byte == 0x0A && previous == 0x0D { return nil }
                    if scalars == wanted { break }  // the one past the part read: checked, not taken
                    previous = byte
                    end += width
                    scalars += 1
                }
                let hasMore = end < bytes.count
                func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
                func isLead(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
                // Words of the part read, joined by single spaces.
                var collapsed: [UInt8] = []
                collapsed.reserveCapacity(end)
                var collapsedCount = 0
                var position = 0
                while position < end {
                    while position < end && isSpace(bytes[position]) { position += 1 }
                    guard position < end else { break }
                    if !collapsed.isEmpty { collapsed.append(0x20); collapsedCount += 1 }
                    while position < end && !isSpace(bytes[position]) {
                        let byte = bytes[position]
                        collapsed.append(byte)
                        if isLead(byte) { collapsedCount += 1 }
                        position += 1
                    }
                }
                guard collapsedCount > limit || hasMore else { return String(decoding: collapsed, as: UTF8.self) }
                // Whole words while they fit, counting one more for the space (also before the first).
                var resultEnd = 0, resultCount = 0
                var start = 0
                while start < collapsed.count {
                    var stop = start, wordCount = 0
                    while stop < collapsed.count && collapsed[stop] != 0x20 {
                        if isLead(collapsed[stop]) { wordCount += 1 }
                        stop += 1
                    }
                    if resultCount + wordCount + 1 > limit { break }
                    resultCount += resultEnd == 0 ? wordCount : wordCount + 1
                    resultEnd = stop
                    start = stop + 1
                }
                if resultEnd == 0 {
                    // No word fits: the first `limit` scalars.
                    var count = 0
                    while resultEnd < collapsed.count {
                        if isLead(collapsed[resultEnd]) {
                            if count == limit { break }
                            count += 1
                        }
                        resultEnd += 1
                    }
                }
                // „,;:.-“ are ASCII, „–“ (U+2013) is E2 80 93; a continuation byte never equals them.
                while resultEnd > 0 {
                    if [0x2C, 0x3B, 0x3A, 0x2E, 0x2D].contains(collapsed[resultEnd - 1]) {
                        resultEnd -= 1
                    } else if resultEnd >= 3, collapsed[resultEnd - 3] == 0xE2, collapsed[resultEnd - 2] == 0x80,
                              collapsed[resultEnd - 1] == 0x93 {
                        resultEnd -= 3
                    } else {
                        break
                    }
                }
                var result = Array(collapsed[..<resultEnd])
                result.append(contentsOf: " …".utf8)
                return String(decoding: result, as: UTF8.self)
            }
        }

        /// Whether `E2 second third` encodes a dash, quotation mark or other punctuation of
        /// U+2010 … U+2027, U+2030 … U+205E, or a currency sign U+20A0 … U+20BF („ “ – … € of
        /// German text): each is a Character of its own, like the Latin letters (none of them
        /// extends a cluster; the joiners, separators and directional marks around them do, or
        /// break lines, and are left out).
        static func isPlainPunctuation(_ second: UInt8, _ third: UInt8) -> Bool {
            switch second {
            case 0x80: return (0x90...0xA7).contains(third) || (0xB0...0xBF).contains(third)
            case 0x81: return (0x80...0x9E).contains(third)
            case 0x82: return (0xA0...0xBF).contains(third)
            default: return false
            }
        }

        /// "1 Beitrag", "12 Beiträge".
        static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
            "\(GermanFormat.number(Double(n))) \(n == 1 ? singular : plural)"
        }

        /// Minutes at 200 words a minute (a calm pace for factual German text), at least one.
        static func readingMinutes(words: Int) -> Int { max(1, (words + 199) / 200) }

        static func readingTime(words: Int) -> String {
            let minutes = readingMinutes(words: words)
            return "Lesezeit: \(minutes) \(minutes == 1 ? "Minute" : "Minuten")"
        }

        /// `tel:` target from a written number ("03731 799-0" → `tel:037317990`).
        static func telephoneHref(_ phone: String) -> String {
            var digits = ""
            for ch in phone where ch.isASCII && (ch.isNumber || (ch == "+" && digits.isEmpty)) { digits.append(ch) }
            return "tel:" + digits
        }
    }
}
