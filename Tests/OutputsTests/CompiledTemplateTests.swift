import Foundation
import Mustache
@testable import Outputs
import enum Support.Escape
import Testing

/// `CompiledTemplates` must render exactly what swift-mustache renders: every case here runs both
/// and compares, and checks the fast renderer did not hand the page back to swift-mustache.
struct CompiledTemplateTests {
    struct Opaque { var title = "von Mirror gelesen" }

    /// A theme of `templates` (the escaping pragma prepended like `Theme.load` does).
    func theme(_ templates: [String: String]) throws -> Theme {
        _ = Theme.byteEscaping
        let parsed = try templates.mapValues { try MustacheTemplate(string: Theme.escapingPragma + $0) }
        return Theme(name: "test", directory: "/", assets: [], templates: parsed)
    }

    /// Renders with both renderers; fails when they differ or the fast one gave up.
    @discardableResult
    func expectSame(_ templates: [String: String], _ context: [String: Any], name: String = "t",
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let theme = try theme(templates)
        let compiled = try #require(theme.compiled, "nicht übersetzbar", sourceLocation: sourceLocation)
        let reference = theme.library.render(context, withTemplate: name) ?? ""
        let fast = compiled.render(name, context)
        #expect(fast != nil, "schneller Renderer gab auf", sourceLocation: sourceLocation)
        #expect(fast == reference, sourceLocation: sourceLocation)
        return reference
    }

    @Test func variablesEscapedUnescapedAndMissing() throws {
        let out = try expectSame(["t": "<p>{{a}}|{{{a}}}|{{&a}}|{{n}}|{{b}}|{{fehlt}}|{{x.y.z}}</p>\n"],
                                 ["a": "Tom & \"Jerry\" <b>'s</b>", "n": 42, "b": true, "x": ["y": ["z": "tief"]]])
        #expect(out == "<p>Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;|Tom & \"Jerry\" <b>'s</b>|Tom & \"Jerry\" <b>'s</b>|42|true||tief</p>\n")
    }

    @Test func sectionsOverEveryKindOfValue() throws {
        let template = """
        {{#s}}S[{{.}}]{{/s}}{{#leer}}L[{{.}}]{{/leer}}{{#null}}N[{{.}}]{{/null}}{{#ja}}J{{/ja}}{{#nein}}X{{/nein}}
        {{#d}}D[{{name}}]{{/d}}{{#liste}}<{{name}}>{{/liste}}{{#keine}}K{{/keine}}{{#fehlt}}F{{/fehlt}}
        {{#woerter}}({{.}}){{/woerter}}{{#gemischt}}[{{name}}]{{/gemischt}}

        """
        let context: [String: Any] = [
            "s": "Text", "leer": "", "null": 0, "ja": true, "nein": false, "d": ["name": "Dict"],
            "liste": [["name": "a"], ["name": "b"], [:]], "keine": [[String: Any]](), "woerter": ["x", "y"],
            "gemischt": ["w", ["name": "n"], 7] as [Any], "name": "Wurzel",
        ]
        let out = try expectSame(["t": template], context)
        #expect(out.contains("S[Text]L[]N[0]J\n"))
        #expect(out.contains("<a><b><Wurzel>"), "ein Eintrag ohne name findet den der Wurzel")
    }

    @Test func invertedSectionsOverEveryKindOfValue() throws {
        let template = "{{^s}}s{{/s}}{{^leer}}leer{{/leer}}{{^ja}}ja{{/ja}}{{^nein}}nein{{/nein}}{{^d}}d{{/d}}"
            + "{{^liste}}liste{{/liste}}{{^keine}}keine[{{name}}]{{/keine}}{{^fehlt}}fehlt{{/fehlt}}{{^null}}null{{/null}}\n"
        let out = try expectSame(["t": template], [
            "s": "x", "leer": "", "ja": true, "nein": false, "d": ["a": "b"], "liste": [["a": 1]],
            "keine": [String](), "null": 0, "name": "Wurzel",
        ])
        #expect(out == "neinkeine[Wurzel]fehlt\n")
    }

    /// The machine keeps what the root holds under a name after the first lookup reached it:
    /// later lookups of the same name – from the root, from inside sections whose frames lack or
    /// shadow it, for missing names and for dotted names below it – must find the same as before.
    @Test func rootValuesReadAgainAndAgain() throws {
        let template = """
        {{page.title}}|{{page.title}}|{{fehlt}}|{{fehlt.x}}|{{#liste}}{{page.title}}{{page.sub.x}}{{fehlt}}{{title}};{{/liste}}
        {{#page}}{{title}}/{{page.title}}{{/page}}|{{#liste}}{{#page}}{{title}}{{/page}}{{/liste}}|{{^fehlt}}kein{{/fehlt}}{{^fehlt}}!{{/fehlt}}
        {{#zahl}}{{.}}{{/zahl}}{{zahl}}{{#ja}}{{page.title}}{{/ja}}{{page.sub.x}}{{page.sub.x}}

        """
        let out = try expectSame(["t": template], [
            "page": ["title": "Wurzel & Co", "sub": ["x": "tief"]] as [String: Any],
            "liste": [["title": "a"], ["page": ["title": "verdeckt"], "fehlt": "da"], [:]] as [[String: Any]],
            "zahl": 7, "ja": true, "title": "T",
        ])
        #expect(out.hasPrefix("Wurzel &amp; Co|Wurzel &amp; Co|||Wurzel &amp; Cotiefa;verdecktdaT;Wurzel &amp; CotiefT;\n"))
        #expect(out.contains("Wurzel &amp; Co/Wurzel &amp; Co|Wurzel &amp; CoverdecktWurzel &amp; Co|kein!\n"))
        #expect(out.hasSuffix("77Wurzel &amp; Cotieftief\n"))
    }

    /// A dictionary a section runs over is not copied onto the stack but read as the running
    /// `top`; these are the moments it has to be found anyway: as `{{.}}`, as a section over
    /// itself, below a string, a number or an empty list pushed over it, through a partial, and in
    /// lists of `[String: Any]`, of `Any` and in a single dictionary.
    @Test func dictionaryFramesBelowLaterFrames() throws {
        let template = """
        {{#liste}}[{{#.}}{{name}}{{/.}}|{{#name}}{{.}}-{{andere}}{{/name}}|{{#zahl}}{{.}}{{andere}}{{/zahl}}\
        |{{^leer}}{{name}}{{/leer}}|{{#leer}}x{{/leer}}|{{>p}}|{{#ja}}{{name}}{{/ja}}|{{.name}}|{{#innen}}{{name}}/{{andere}}{{/innen}}]
        {{/liste}}
        {{#gemischt}}({{name}}{{#name}}:{{andere}}{{/name}}){{/gemischt}}
        {{#d}}{{#name}}{{andere}} & {{name}}{{/name}}{{/d}}

        """
        let element: [String: Any] = ["name": "Ä&ö", "andere": "<b>", "zahl": 7, "leer": [] as [Any], "ja": true,
                                      "innen": ["name": "innen 😀"] as [String: Any]]
        let out = try expectSame(["t": template, "p": "{{name}}{{#leer}}y{{/leer}}"], [
            "liste": [element, ["name": "", "andere": "zwei"] as [String: Any]],
            "gemischt": ["Text", element, 3] as [Any],
            "d": element,
            "andere": "Wurzel",
        ])
        #expect(out.contains("[Ä&amp;ö|Ä&amp;ö-&lt;b&gt;|7&lt;b&gt;|Ä&amp;ö||Ä&amp;ö|Ä&amp;ö|Ä&amp;ö|innen 😀/&lt;b&gt;]"))
        #expect(out.contains("&lt;b&gt; & Ä&amp;ö"))
    }

    /// Names in dictionaries of up to eight keys are found by comparing keys, in larger ones by
    /// hashing: both must find the same values (never the key „café“ for the name `cafe`),
    /// for missing names, and for names that climb from a small frame to a large one.
    @Test func smallAndLargeDictionariesFindTheSameNames() throws {
        func frame(_ size: Int) -> [String: Any] {
            var frame: [String: Any] = ["cafe": "Café \(size)", "caf\u{E9}": "Köder", "url": "/\(size)/&"]
            for k in 0..<max(0, size - 3) { frame["k\(k)"] = k }
            return frame
        }
        let template = """
        {{#frames}}[{{url}}|{{cafe}}|{{k0}}|{{k6}}|{{k9}}|{{fehlt}}|{{wurzel}}|{{#k1}}{{url}}{{/k1}}]{{/frames}}
        {{#gross}}{{#klein}}({{url}}/{{k9}}/{{cafe}}){{/klein}}{{/gross}}

        """
        let out = try expectSame(["t": template], [
            "frames": (1...12).map(frame),
            "gross": frame(20).merging(["klein": frame(3)]) { $1 },
            "wurzel": "W",
        ])
        #expect(out.contains("[/8/&amp;|Café 8|0||||W|/8/&amp;]"))
        #expect(out.contains("[/12/&amp;|Café 12|0|6|||W|/12/&amp;]"))
        #expect(out.contains("(/3/&amp;/9/Café 3)"))
    }

    /// Escaping first tests the whole value for the five special bytes and copies a clean value in
    /// one piece: clean and special values of every length and at every position must come out as
    /// `Escape.html` and swift-mustache write them.
    @Test func escapingCleanAndSpecialValuesOfEveryLength() throws {
        let long = String(repeating: "Ärztliche Versorgung 😀 im ländlichen Raum ", count: 40)
        var values = ["", "a", "ä", "😀", "&", "<>", "\"'", long, long + "&", "&" + long, long + "<b>" + long]
        for length in 0..<40 {
            let clean = String(repeating: "x", count: length)
            values += [clean, clean + "'", "\"" + clean, clean + "&" + clean, clean + "ü>"]
        }
        var context: [String: Any] = [:]
        var template = ""
        for (index, value) in values.enumerated() {
            context["v\(index)"] = value
            template += "{{v\(index)}}|{{{v\(index)}}}\n"
        }
        let out = try expectSame(["t": template], context)
        let expected = values.map { "\(Support.Escape.html($0))|\($0)\n" }.joined()
        #expect(out == expected)
    }

    @Test func namesClimbTheStackOnlyForTheirFirstPart() throws {
        let template = """
        {{#posts}}
        {{title}} · {{site.title}} · {{.title}} · {{.site.title}} · {{meta.autor}}
        {{/posts}}
        {{#a}}{{#b}}{{#c}}{{wert}}/{{b.wert}}/{{a.wert}}{{/c}}{{/b}}{{/a}}

        """
        let out = try expectSame(["t": template], [
            "site": ["title": "Seite"], "meta": ["autor": "Wurzel"], "title": "Wurzeltitel",
            "posts": [["title": "Eins"], ["title": "Zwei", "site": ["name": "verdeckt"]], ["meta": [:] as [String: Any]]],
            "a": ["wert": "A", "b": ["wert": "B", "c": ["x": 1]]],
        ])
        // The second post has a `site` without `title`: the lookup stops there instead of climbing on.
        #expect(out.contains("Zwei ·  · Zwei ·  · Wurzel"))
        #expect(out.contains("Wurzeltitel · Seite ·  ·  · \n"))
    }

    @Test func partialsKeepTheirIndentation() throws {
        let templates = [
            "t": "<ul>\n  {{>eintrag}}\n  <li>{{#liste}}\n    {{>eintrag}}\n{{/liste}}</li>\ninline: {{>kurz}}|{{>gibtsnicht}}|\n",
            "eintrag": "<li>{{name}}</li>\n<li>\n{{#kinder}}\n  {{>kurz}}\n{{/kinder}}\n</li>\n",
            "kurz": "[{{name}}]",
        ]
        let out = try expectSame(templates, [
            "name": "Wurzel", "liste": [["name": "a", "kinder": [["name": "a1"], ["name": "a2"]]], ["name": "b"]],
        ])
        #expect(out.contains("\n    <li>\n      [a1]"), "verschachtelte Einrückung")
    }

    @Test func inheritanceWithBlocksAndOverrides() throws {
        let templates = [
            "base": "<title>{{$titel}}Standard{{/titel}}</title>\n<main>\n  {{$inhalt}}leer{{/inhalt}}\n</main>\n{{$fuss}}Fuß {{jahr}}{{/fuss}}\n",
            "mitte": "{{<base}}{{$titel}}Mitte{{/titel}}{{$fuss}}Mittlerer Fuß{{/fuss}}{{/base}}",
            "t": "{{<mitte}}\n{{$titel}}Seite {{name}}{{/titel}}\n{{$inhalt}}\n<p>{{name}}</p>\n<p>zwei</p>\n{{/inhalt}}\n{{/mitte}}\n",
        ]
        let out = try expectSame(templates, ["name": "A&B", "jahr": 2026])
        #expect(out.contains("<title>Seite A&amp;B</title>"), "der äußerste Block gewinnt")
        #expect(out.contains("Mittlerer Fuß"))
        try expectSame(templates, ["name": "x"], name: "mitte")
    }

    @Test func windowsLineEndingsAndUnicode() throws {
        try expectSame(["t": "Zeile\r\n{{#l}}\r\n  {{>p}}\r\n{{/l}}\r\nÄÖÜ ß 😀 {{e}}\r\n", "p": "{{x}}\r\n- {{x}}\r\n"],
                       ["l": [["x": "é"], ["x": "👩‍👩‍👧"]], "e": "ü<"])
    }

    /// Values whose type is not one the pages use (an optional, `[String: String]`, `[Int]`, an
    /// array of optionals …) take the slower cast path and must still render like swift-mustache.
    @Test func valuesOfOtherTypesRenderLikeSwiftMustache() throws {
        let template = """
        {{opt}}|{{#opt}}[{{.}}]{{/opt}}|{{^opt}}leer{{/opt}}|{{#sd}}{{a}}{{/sd}}|{{#ints}}({{.}}){{/ints}}|{{^ints}}keine{{/ints}}
        {{#strings}}<{{.}}>{{/strings}}|{{#optDict}}{{name}}{{/optDict}}|{{#noInts}}x{{/noInts}}{{^noInts}}ohne{{/noInts}}
        {{#mixed}}{{#.}}{{.}}{{/.}};{{/mixed}}|{{optNumber}}|{{#optBool}}ja{{/optBool}}|{{nested.opt}}|{{#emptyDicts}}x{{/emptyDicts}}{{^emptyDicts}}leer[{{name}}]{{/emptyDicts}}

        """
        try expectSame(["t": template], [
            "opt": Optional("Wert & <mehr>") as Any, "sd": ["a": "Zeichen"] as [String: String], "ints": [1, 2, 3],
            "strings": ["ä", "👩‍👩‍👧"], "optDict": Optional(["name": "im Optional"] as [String: Any]) as Any,
            "noInts": [Int](), "mixed": [Optional("a") as Any, 5, true, "s"] as [Any], "optNumber": Optional(7) as Any,
            "optBool": Optional(true) as Any, "nested": ["opt": Optional("tief") as Any] as [String: Any],
            "emptyDicts": [[String: Any]](), "name": "Wurzel",
        ])
    }

    @Test func unknownValuesFallBackToSwiftMustache() throws {
        let theme = try theme(["t": "{{#o}}{{title}}{{/o}}|{{opt}}|{{#opt}}x{{/opt}}"])
        for context: [String: Any] in [["o": Opaque()], ["opt": String?.none as Any], ["o": NSNull()]] {
            #expect(theme.compiled?.render("t", context) == nil)
            var reference = theme
            reference.renderer = .swiftMustache
            #expect(theme.render("t", context) == reference.render("t", context))
        }
        #expect(theme.render("t", ["o": Opaque()]).hasPrefix("von Mirror gelesen"))
        // A dictionary printed as a variable: only swift-mustache knows its description.
        #expect(theme.compiled?.render("t", ["opt": ["a": "b"]]) == nil)
    }

    @Test func transformsAndDynamicPartialsLeaveTheThemeToSwiftMustache() throws {
        for template in ["{{uppercased(name)}}", "{{#reversed(liste)}}{{.}}{{/reversed(liste)}}", "{{>*dynamisch}}",
                         "{{_guts}}"] {
            let theme = try theme(["t": template, "p": "x"])
            #expect(theme.compiled == nil, "\(template)")
            #expect(theme.render("t", ["name": "abc", "liste": ["a", "b"], "dynamisch": "p"])
                    == theme.library.render(["name": "abc", "liste": ["a", "b"], "dynamisch": "p"], withTemplate: "t"))
        }
    }

    @Test func standardThemeCompiles() throws {
        let loaded = Theme.load(named: "standard", siteDirectory: SampleSite.repositoryRoot)
        let theme = try #require(loaded.theme)
        let compiled = try #require(theme.compiled)
        #expect(compiled.templates.keys.sorted() == theme.templateNames)
    }

    /// Every page of the sample site, rendered by both.
    @Test func samplePagesAreIdentical() throws {
        let site = SampleSite.make(postCount: 23)
        var fast = SampleSite.theme()
        fast.renderer = .compiledWithoutFallback
        var reference = fast
        reference.renderer = .swiftMustache
        let a = SitePages.render(site: site, theme: fast, options: SitePages.Options()).files
        let b = SitePages.render(site: site, theme: reference, options: SitePages.Options()).files
        #expect(a.count == b.count && a.count > 40)
        let differing = zip(a, b).filter { $0.path != $1.path || $0.contents != $1.contents }.map(\.0.path)
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }
}
