import Foundation
import Testing
@testable import Outputs

// The service directory's byte-wise helpers must give what the scalar and Foundation versions
// they replace gave.

@Suite struct AngeboteBytePathTests {
    static let texts = [
        "", " ", "Beratung", "a,b;c\\d\r\ne\nf", "\r\r\n\n", "Tab\tund\u{0}Null\u{7F}", "Straße, „Zitat“ – 5 €",
        "e\u{301},\u{301}", "👩‍👩‍👧;🇩🇪", " \n Text mit Rand \t ", "\u{A0}geschützt\u{A0}", "\u{2003}Geviert\u{2028}",
        "\u{85}NEL", "x\r", "\ny", String(repeating: "Öffnungszeiten; Mo–Fr, ", count: 20),
    ]

    /// The escape before: scalar by scalar.
    static func escapeByScalars(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ",": out += "\\,"
            case ";": out += "\\;"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { break }
                out.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return out
    }

    @Test func vCardEscapeOnBytesIsTheScalarEscape() {
        for text in Self.texts {
            #expect(AngeboteVCard.escape(text) == Self.escapeByScalars(text), "\(text.debugDescription)")
        }
    }

    @Test func trimmingWithoutFoundationIsFoundationsTrimming() {
        for text in Self.texts {
            #expect(AngebotePages.Renderer.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(text.debugDescription)")
        }
    }
}
