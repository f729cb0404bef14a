import Foundation

/// One themable chart colour: a CSS custom property with its light and dark value.
public struct PaletteColor: Sendable, Hashable {
    /// Suffix of the custom property and of the classes: `--chart-1`, `.ch-s-1`, `.ch-f-1`.
    public var name: String
    public var light: String
    public var dark: String
    /// What the colour is used for, which sets the contrast it needs against the background.
    public var use: Use

    public enum Use: Sendable, Hashable {
        /// Text and series that carry direct text labels: 4.5:1.
        case text
        /// Marks (lines, bars, axis): 3:1.
        case mark
        /// Decorative (gridlines, backgrounds, tile fills with their own text colour): no minimum.
        case decorative
    }
}

/// The chart palette: Okabe–Ito hues, darkened where needed so every series colour also passes
/// 4.5:1 as label text on white; the dark variants pass on #121212 (research §3.4).
public enum Palette {
    public static let lightBackground = "#FFFFFF"
    public static let darkBackground = "#121212"

    public static let colors: [PaletteColor] = [
        PaletteColor(name: "bg", light: "#FFFFFF", dark: "#121212", use: .decorative),
        PaletteColor(name: "text", light: "#1A1A1A", dark: "#ECECEC", use: .text),
        PaletteColor(name: "muted", light: "#595959", dark: "#B3B3B3", use: .text),
        PaletteColor(name: "axis", light: "#595959", dark: "#A6A6A6", use: .mark),
        PaletteColor(name: "grid", light: "#E3E3E3", dark: "#333333", use: .decorative),
        PaletteColor(name: "1", light: "#0072B2", dark: "#56B4E9", use: .text),
        PaletteColor(name: "2", light: "#B84F00", dark: "#E69F00", use: .text),
        PaletteColor(name: "3", light: "#007A56", dark: "#3CC29A", use: .text),
        PaletteColor(name: "4", light: "#A8417A", dark: "#E08BC0", use: .text),
        PaletteColor(name: "ref", light: "#3D3D3D", dark: "#D0D0D0", use: .text),
        PaletteColor(name: "ctx", light: "#767676", dark: "#8A8A8A", use: .text),
        PaletteColor(name: "bar", light: "#8A8A8A", dark: "#8A8A8A", use: .mark),
        // Text on filled series colours (segment labels): white on the dark light-mode hues,
        // near-black on the bright dark-mode hues and on grey.
        PaletteColor(name: "on", light: "#FFFFFF", dark: "#121212", use: .decorative),
        PaletteColor(name: "on-bar", light: "#000000", dark: "#000000", use: .decorative),
        // Sequential classes of the tile map; text on them uses `tt-N`, tile edges use `axis`.
        PaletteColor(name: "t1", light: "#E3EEF8", dark: "#1C2B3A", use: .decorative),
        PaletteColor(name: "t2", light: "#A9CCE8", dark: "#24476B", use: .decorative),
        PaletteColor(name: "t3", light: "#4F91C7", dark: "#3D73A8", use: .decorative),
        PaletteColor(name: "t4", light: "#1D5A8F", dark: "#8FC1EA", use: .decorative),
        PaletteColor(name: "tt1", light: "#1A1A1A", dark: "#ECECEC", use: .decorative),
        PaletteColor(name: "tt2", light: "#1A1A1A", dark: "#ECECEC", use: .decorative),
        PaletteColor(name: "tt3", light: "#000000", dark: "#FFFFFF", use: .decorative),
        PaletteColor(name: "tt4", light: "#FFFFFF", dark: "#121212", use: .decorative),
    ]

    static func color(_ name: String) -> PaletteColor {
        colors.first { $0.name == name } ?? colors[1]
    }

    /// Light fallback value written as the presentation attribute (used when no CSS is loaded,
    /// e.g. in a downloaded SVG or a feed reader).
    static func light(_ name: String) -> String { lightByName[name] ?? colors[1].light }

    /// Light colours by name, first entry winning as in `color(_:)`: every painted element asks.
    private static let lightByName: [String: String] = {
        var result: [String: String] = [:]
        for color in colors where result[color.name] == nil { result[color.name] = color.light }
        return result
    }()

    /// Palette name of text drawn on a fill of palette colour `name`.
    static func onColor(_ name: String) -> String { name == "bar" ? "on-bar" : "on" }

    /// Categorical series colours in order.
    static let seriesNames = ["1", "2", "3", "4"]

    /// WCAG 2.x contrast ratio of two `#RRGGBB` colours.
    public static func contrast(_ a: String, _ b: String) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.utf8.dropFirst())
        func channel(_ i: Int) -> Double {
            let value = Double(hexValue(digits[i]) * 16 + hexValue(digits[i + 1])) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        guard digits.count == 6 else { return 0 }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    private static func hexValue(_ byte: UInt8) -> Int {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: 0
        }
    }
}

/// Paint attributes for an element: the class the theme CSS colours, plus the light colour as
/// presentation attribute so the SVG still looks right without the CSS.
enum Paint {
    static func stroke(_ name: String) -> [(String, String)] {
        [("class", "ch-s-\(name)"), ("stroke", Palette.light(name))]
    }

    static func fill(_ name: String) -> [(String, String)] {
        [("class", "ch-f-\(name)"), ("fill", Palette.light(name))]
    }

    /// Class list plus fill, for elements that carry other classes too.
    static func fill(_ name: String, classes: String) -> [(String, String)] {
        [("class", "\(classes) ch-f-\(name)"), ("fill", Palette.light(name))]
    }

    /// Fill and stroke from the palette on one element.
    static func both(fill: String, stroke: String, classes: String = "") -> [(String, String)] {
        let prefix = classes.isEmpty ? "" : classes + " "
        return [("class", "\(prefix)ch-f-\(fill) ch-s-\(stroke)"), ("fill", Palette.light(fill)),
                ("stroke", Palette.light(stroke))]
    }

    /// Text with a halo in the background colour (`on`), drawn under the glyphs, so labels stay
    /// legible where they cross gridlines, lines or patterns.
    /// The halo is drawn by CSS only (`.ch-halo` sets `paint-order`, which SVG 1.1 has no
    /// attribute for); without CSS the text simply has none.
    static func halo(_ name: String, on background: String = "bg", classes: String) -> [(String, String)] {
        [("class", "\(classes) ch-halo ch-f-\(name) ch-s-\(background)"), ("fill", Palette.light(name))]
    }

    static func stroke(_ name: String, classes: String) -> [(String, String)] {
        [("class", "\(classes) ch-s-\(name)"), ("stroke", Palette.light(name))]
    }
}
