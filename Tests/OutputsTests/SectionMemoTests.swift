import Foundation
import Mustache
@testable import Outputs
import Testing

/// `SectionMemo` keeps a section's or variable's output only when it follows from the constant
/// root values: pages rendered with one memo must equal swift-mustache's rendering of each page
/// on its own.
struct SectionMemoTests {
    func theme(_ templates: [String: String]) throws -> Theme {
        _ = Theme.byteEscaping
        let parsed = try templates.mapValues { try MustacheTemplate(string: Theme.escapingPragma + $0) }
        return Theme(name: "test", directory: "/", assets: [], templates: parsed)
    }

    static var constant: [String: Any] { [
        "site": ["title": "Soziales & <Mittelsachsen>", "kurz": "Ä"] as [String: Any],
        "contact": ["hasAny": true, "name": "Landratsamt „Freiberg“ 🏛️"] as [String: Any],
        "flags": ["an": true, "aus": false] as [String: Any],
        "nav": ["main": [["title": "Start", "url": "/"], ["title": "Über uns", "url": "/ueber/", "current": false]]]
            as [String: Any],
    ] }

    /// A page: the constant roots plus page values, some named like keys the sections look for.
    func page(_ title: String, current: Bool?, missing: String?) -> [String: Any] {
        var root = Self.constant
        root["page"] = ["title": title]
        if let current { root["current"] = current }
        if let missing { root["fehlt"] = missing }
        return root
    }

    static let templates = [
        "t": """
        {{#contact.hasAny}}<address>{{contact.name}}</address>{{/contact.hasAny}}
        {{#nav.main}}<a href="{{url}}">{{title}}</a>{{#current}}*{{/current}}{{/nav.main}}
        {{#flags.an}}{{page.title}}{{/flags.an}}{{^flags.aus}}[{{site.title}}]{{/flags.aus}}
        {{#site}}{{title}}|{{fehlt}}{{/site}}{{#site}}{{kurz}}{{/site}}
        {{#flags.an}}{{>teil}}{{/flags.an}}
          {{>teil}}

        """,
        "teil": "{{#site}}{{kurz}}:{{page.title}}{{/site}}\n{{#contact}}{{name}}{{/contact}}\n",
    ]

    @Test func pagesWithOneMemoEqualSwiftMustache() throws {
        let theme = try theme(Self.templates)
        let memo = try #require(theme.sectionMemo(constants: Self.constant))
        // `current` missing in the first item climbs to the root, where it differs by page; `fehlt`
        // is missing in `site` and found in the root on some pages only.
        let pages = [
            page("Erste & <b>", current: true, missing: nil),
            page("Zweite 😀", current: false, missing: "da"),
            page("", current: nil, missing: "auch da"),
            page("Vierte 'x'", current: true, missing: nil),
        ]
        for context in pages {
            let reference = theme.library.render(context, withTemplate: "t") ?? ""
            let fast = theme.compiled?.renderBytes("t", context, memo: memo).map { String(decoding: $0, as: UTF8.self) }
            #expect(fast == reference)
        }
        // Read constants alone: the contact block and its `{{contact.name}}`, `[{{site.title}}]` and
        // its `{{site.title}}`, `{{#site}}{{kurz}}{{/site}}` and the partial's `{{#contact}}` (a
        // section holding a partial is never kept; an indented partial renders its sections anew).
        #expect(memo.keptCount == 6)
    }

    /// The contract: a kept section is copied, not rendered again, so the memo must only be shared
    /// by pages whose constant roots are the same (`PageBuilder` keeps one per kind of `nav`).
    @Test func keptSectionsAreCopiedNotRenderedAgain() throws {
        let theme = try theme(["t": "{{#site}}{{title}}{{/site}}/{{#page}}{{title}}{{/page}}\n"])
        let memo = try #require(theme.sectionMemo(constants: ["site": ["title": "A"]]))
        let first = theme.renderBytes("t", ["site": ["title": "A"], "page": ["title": "1"]], memo: memo)
        let second = theme.renderBytes("t", ["site": ["title": "B"], "page": ["title": "2"]], memo: memo)
        #expect(String(decoding: first, as: UTF8.self) == "A/1\n")
        #expect(String(decoding: second, as: UTF8.self) == "A/2\n")
        let unshared = theme.renderBytes("t", ["site": ["title": "B"], "page": ["title": "2"]])
        #expect(String(decoding: unshared, as: UTF8.self) == "B/2\n")
    }

    @Test func aMemoOfAnotherThemeIsIgnored() throws {
        let one = try theme(["t": "{{#site}}{{title}}{{/site}}\n"])
        let other = try theme(["t": "{{#site}}{{title}}{{/site}}\n"])
        let memo = try #require(one.sectionMemo(constants: ["site": ["title": "A"]]))
        let rendered = other.renderBytes("t", ["site": ["title": "B"]], memo: memo)
        #expect(String(decoding: rendered, as: UTF8.self) == "B\n")
    }

    /// Variables at the root are copied from the memo too; inside a section whose frame has a key
    /// of the same name, or in an indented partial, they are looked up as always.
    @Test func variablesAtTheRootAreKeptShadowedOnesLookedUp() throws {
        let templates = [
            "t": "{{site.title}}|{{{site.title}}}|{{site.fehlt}}|{{page.title}}\n{{#liste}}{{site.title}}/{{{site.kurz}}};{{/liste}}\n  {{>teil}}\n",
            "teil": "{{site.title}}\n{{site.kurz}}\n",
        ]
        let theme = try theme(templates)
        let memo = try #require(theme.sectionMemo(constants: Self.constant))
        for title in ["Eins & <b>", "Zwei 😀"] {
            var context = Self.constant
            context["page"] = ["title": title]
            context["liste"] = [["site": ["title": "verdeckt"]], [:], ["site": "Text"]] as [[String: Any]]
            let reference = theme.library.render(context, withTemplate: "t") ?? ""
            let fast = theme.compiled?.renderBytes("t", context, memo: memo).map { String(decoding: $0, as: UTF8.self) }
            #expect(fast == reference)
            #expect(reference.hasPrefix("Soziales &amp; &lt;Mittelsachsen&gt;|Soziales & <Mittelsachsen>||"))
            #expect(reference.contains("verdeckt/;Soziales &amp; &lt;Mittelsachsen&gt;/Ä;/;\n"))
        }
        // `{{site.title}}`, `{{{site.title}}}`, `{{site.fehlt}}` and the two in the list of `t` (kept,
        // but copied only where the stack is the root alone), both lines of `teil`.
        #expect(memo.keptCount == 7)
    }
}
