import Support

// Public factories for the types of a rendered body, so a rendered body can be stored and
// restored (the incremental build keeps them in `.sozialsite-cache/` between runs).

extension RenderedMarkdown {
    public static func restored(html: String, headings: [HeadingInfo], links: [LinkInfo], images: [ImageInfo],
                                plainText: String, wordCount: Int, diagnostics: [Diagnostic]) -> RenderedMarkdown {
        RenderedMarkdown(html: html, headings: headings, links: links, images: images, plainText: plainText,
                         wordCount: wordCount, diagnostics: diagnostics)
    }
}

extension HeadingInfo {
    public static func restored(level: Int, text: String, id: String, location: SourceLocation) -> HeadingInfo {
        HeadingInfo(level: level, text: text, id: id, location: location)
    }
}

extension LinkInfo {
    public static func restored(url: String, text: String, location: SourceLocation, isExternal: Bool) -> LinkInfo {
        LinkInfo(url: url, text: text, location: location, isExternal: isExternal)
    }
}

extension ImageInfo {
    public static func restored(source: String, alt: String, location: SourceLocation) -> ImageInfo {
        ImageInfo(source: source, alt: alt, location: location)
    }
}
