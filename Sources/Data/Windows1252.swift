/// Windows-1252 ("ANSI" in German Excel). It equals Latin-1 except 0x80–0x9F, where Latin-1 has
/// C1 controls: 0x85 read as Latin-1 is U+0085, which Swift counts as a line break, while in
/// Windows-1252 it is "…" (the statistics symbol "not yet available").
enum Windows1252 {
    /// Code points for 0x80…0x9F; nil where Windows-1252 defines no character.
    static let upperControlRange: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// The scalar for one byte, or nil for the five undefined bytes.
    static func scalar(for byte: UInt8) -> Unicode.Scalar? {
        if byte < 0x80 || byte >= 0xA0 { return Unicode.Scalar(byte) }
        guard let value = upperControlRange[Int(byte - 0x80)] else { return nil }
        return Unicode.Scalar(value)
    }
}
