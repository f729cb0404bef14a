import Foundation
import Support

extension SitePages {
    /// Display strings the templates show; computed here so templates stay logic-free.
    enum Text {
        /// `2022-04-26T09:30:00+02:00`: Berlin wall clock with its offset, for `datetime` and JSON-LD.
        static func rfc3339(_ date: Date) -> String {
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
