import Content
import Foundation
import Mustache
import Support

/// A site theme: the Mustache templates of `themes/<name>/templates/` parsed once, and the files of
/// `themes/<name>/assets/` that the build copies to `/assets/`.
///
/// Load it with `Theme.load(named:siteDirectory:)`; every template problem comes back as a
/// `Diagnostic`, so a student sees all broken templates at once instead of a crash.
public struct Theme: Sendable {
    /// Folder name under `themes/`.
    public let name: String
    /// Absolute path of `themes/<name>`.
    public let directory: String
    /// Files under `assets/`, each with its site path under `/assets/`, sorted by site path.
    public let assets: [StaticFile]
    /// Template names (file names without `.mustache`), sorted.
    public let templateNames: [String]
    let library: MustacheLibrary
    /// The same templates for the fast renderer; nil when a template uses what it does not support.
    let compiled: CompiledTemplates?
    /// Which renderer turns templates into pages; tests compare them.
    public var renderer: TemplateRenderer = .compiled

    public enum TemplateRenderer: Sendable {
        /// `CompiledTemplates`, and swift-mustache for a page with a value it does not know.
        case compiled
        /// swift-mustache for every page.
        case swiftMustache
        /// `CompiledTemplates` only: a page it cannot render says so (tests prove it renders all).
        case compiledWithoutFallback
    }

    /// Templates `SitePages` renders directly; a theme without one of them cannot build the site.
    /// Partials used by them (cards, pagination) are the theme's own business.
    public static let requiredTemplates = [
        "base", "home", "post", "list", "handlungsfelder", "tags", "archive", "year", "page",
        "generic", "notfound", "redirect",
    ]

    init(name: String, directory: String, assets: [StaticFile], templates: [String: MustacheTemplate]) {
        self.name = name
        self.directory = directory
        self.assets = assets
        self.library = MustacheLibrary(templates: templates)
        self.templateNames = templates.keys.sorted()
        self.compiled = try? CompiledTemplates(templates: templates.mapValues {
            try CompiledTemplate($0, isThemeEscaping: { $0 is ByteEscapedHTML })
        })
    }

    /// Loads `themes/<name>` of the site in `siteDirectory`.
    /// Returns `nil` as theme when it cannot be used; the diagnostics say why.
    public static func load(named name: String, siteDirectory: String) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let site = siteDirectory.hasSuffix("/") ? String(siteDirectory.dropLast()) : siteDirectory
        let themesFolder = site + "/themes"
        let configLocation = SourceLocation(file: "site-config.json")
        let available = themeNames(in: themesFolder)
        let availableText = available.isEmpty
            ? "Im Ordner „themes/“ liegt kein Theme."
            : "Vorhandene Themes: " + available.map { "„\($0)“" }.joined(separator: ", ") + "."
        // A theme name is a single folder name: "../x" would read templates from elsewhere.
        guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), name != ".", name != ".." else {
            return (nil, [.error("theme-missing", at: configLocation,
                                 "Der Theme-Name „\(name)“ ist kein gültiger Ordnername.",
                                 hint: availableText)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: themesFolder + "/" + name, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            let suggestion = Suggestion.hint(for: name, in: available)
            return (nil, [.error("theme-missing", at: configLocation,
                                 "Das Theme „\(name)“ gibt es nicht (Ordner „themes/\(name)/“ fehlt).",
                                 hint: [suggestion, availableText].compactMap { $0 }.joined(separator: " "))])
        }
        return load(directory: themesFolder + "/" + name, displayPath: "themes/" + name, name: name,
                    availableThemes: available)
    }

    /// Loads a theme from an explicit folder. `displayPath` is how diagnostics name it
    /// (`themes/standard`), relative to the site folder.
    public static func load(directory: String, displayPath: String, name: String? = nil,
                            availableThemes: [String] = []) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        let directory = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let themeName = name ?? (directory as NSString).lastPathComponent
        var diagnostics: [Diagnostic] = []
        let templatesFolder = directory + "/templates"
        let themesText = availableThemes.isEmpty ? ""
            : " Vorhandene Themes: " + availableThemes.map { "„\($0)“" }.joined(separator: ", ") + "."
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templatesFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error("theme-template-missing", at: SourceLocation(file: displayPath),
                                 "Im Theme „\(themeName)“ fehlt der Ordner „templates“ mit den Vorlagen.",
                                 hint: "Kopieren Sie „themes/standard/templates“ als Ausgangspunkt." + themesText)])
        }
        let files = listFiles(in: templatesFolder).filter { $0.hasSuffix(".mustache") }

        var templates: [String: MustacheTemplate] = [:]
        var names: [String] = []
        var sources: [String: String] = [:]
        for relative in files {
            let displayFile = "\(displayPath)/templates/\(relative)"
            let templateName = String(relative.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: templatesFolder + "/" + relative),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("theme-template-unreadable", at: SourceLocation(file: displayFile),
                                          "Die Vorlage kann nicht gelesen werden (keine UTF-8-Textdatei?).",
                                          hint: "Speichern Sie die Datei als UTF-8-Text."))
                continue
            }
            do {
                // Parsed as written first, so error positions are the file's own lines; the library
                // gets the template behind the escaping pragma (see `byteEscaping`).
                _ = try MustacheTemplate(string: text)
                _ = Self.byteEscaping
                templates[templateName] = try MustacheTemplate(string: Self.escapingPragma + text)
                names.append(templateName)
                sources[templateName] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(ThemeTemplateError.diagnostic(for: error, file: displayFile))
            } catch {
                diagnostics.append(.error("theme-template-syntax", at: SourceLocation(file: displayFile),
                                          "Die Vorlage enthält einen Fehler: \(error)."))
            }
        }

        let present = Set(names)
        let unparsable = Set(diagnostics.map { fileStem($0.location.file) })
        for required in requiredTemplates where !present.contains(required) && !unparsable.contains(required) {
            let hint = "Legen Sie „\(displayPath)/templates/\(required).mustache“ an (z. B. aus dem Theme "
                + "„standard“ kopiert) oder wählen Sie in site-config.json ein anderes Theme." + themesText
            diagnostics.append(.error("theme-template-missing", at: SourceLocation(file: "\(displayPath)/templates"),
                                      "Im Theme „\(themeName)“ fehlt die Vorlage „\(required).mustache“.",
                                      hint: hint))
        }
        // Mustache renders a missing partial as nothing; tell the author instead of losing a page part.
        for templateName in names.sorted() {
            for reference in ThemeTemplateError.partialReferences(in: sources[templateName] ?? "")
                where !present.contains(reference.name) {
                let file = "\(displayPath)/templates/\(templateName).mustache"
                diagnostics.append(.error("theme-partial-missing",
                                          at: SourceLocation(file: file, line: reference.line, column: reference.column),
                                          "Die Vorlage verweist auf „\(reference.name)“, die es im Theme nicht gibt.",
                                          hint: Suggestion.hint(for: reference.name, in: names)
                                            ?? "Vorhandene Vorlagen: \(names.sorted().joined(separator: ", "))."))
            }
        }

        let assetsFolder = directory + "/assets"
        let assets = listFiles(in: assetsFolder).map {
            StaticFile(sourcePath: assetsFolder + "/" + $0, sitePath: "/assets/" + $0)
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Theme(name: themeName, directory: directory, assets: assets, templates: templates), diagnostics)
    }

    /// swift-mustache escapes `{{value}}` Character by Character through a dictionary lookup, which
    /// was about a tenth of a whole build. `Escape.html` replaces the same five characters with the
    /// same entities (`&amp; &lt; &gt; &quot; &#39;`) on UTF-8 bytes. A template selects an escaping
    /// with a `CONTENT_TYPE` pragma: on a line of its own it renders as nothing, so prepending it to
    /// every template changes only the escaping. The library keeps content types in a process-wide
    /// table; registering the same type under the same name again is harmless.
    static let escapingPragma = "{{% CONTENT_TYPE: SOZIALSITE_HTML }}\n"
    static let byteEscaping: Void = MustacheContentTypes.register(ByteEscapedHTML(), named: "SOZIALSITE_HTML")

    struct ByteEscapedHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { Escape.html(text) }
    }

    /// A memo for pages whose roots hold `constants` (the same values under the same keys) on
    /// every page that passes it to `renderBytes`; nil when swift-mustache renders (it has no
    /// such memo).
    func sectionMemo(constants: [String: Any]) -> SectionMemo? {
        renderer == .swiftMustache ? nil : compiled?.memo(constants: constants)
    }

    /// Renders template `name` with `context`; empty when the theme lacks it (checked at load).
    func render(_ name: String, _ context: [String: Any]) -> String {
        String(decoding: renderBytes(name, context), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes: a page rendered by `CompiledTemplates` goes into its file without a
    /// String in between (validating and copying 500 MB of pages twice showed in profiles).
    /// With `memo` (from `sectionMemo`), sections and variables that read only constant root
    /// values are rendered once for all pages that share the memo.
    func renderBytes(_ name: String, _ context: [String: Any], memo: SectionMemo? = nil) -> [UInt8] {
        switch renderer {
        case .compiled:
            // Optional chaining, not `if let compiled`: binding copies the renderer (a count on
            // its shared parts) for every page.
            if let bytes = compiled?.renderBytes(name, context, memo: memo) { return bytes }
        case .swiftMustache:
            break
        case .compiledWithoutFallback:
            return compiled?.renderBytes(name, context, memo: memo)
                ?? Array("[Vorlage „\(name)“: nicht ohne swift-mustache darstellbar]".utf8)
        }
        return Array((library.render(context, withTemplate: name) ?? "").utf8)
    }

    /// Theme folder names under `themes/`, sorted.
    static func themeNames(in folder: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { entry in
            var isDirectory: ObjCBool = false
            return !entry.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder + "/" + entry, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// Regular files below `folder`, relative and sorted; hidden files and links that lead out of
    /// the folder are left out so a theme cannot publish files from elsewhere on the disk.
    static func listFiles(in folder: String) -> [String] {
        let root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        for case let relative as String in enumerator {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            let resolved = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root + "/") else { continue }
            result.append(relative)
        }
        return result.sorted()
    }

    private static func fileStem(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.hasSuffix(".mustache") ? String(last.dropLast(".mustache".count)) : last
    }
}
