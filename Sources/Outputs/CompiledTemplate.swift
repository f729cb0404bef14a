import Mustache

/// A theme template in a form that renders about ten times faster than swift-mustache itself,
/// with the same output.
///
/// swift-mustache parses the templates; this type only takes over its parse tree (read through
/// `Mirror`, since the library keeps its tokens internal) and renders it. The library spends about
/// 1 µs on every `{{tag}}`, mostly in a dozen dynamic protocol casts per lookup, and a post page has
/// about 200 tags: that was a third of a whole build. Here a name is split once, a lookup is a
/// dictionary access per context frame, and values are tested against the few concrete types the
/// pages put into their contexts.
///
/// The rules are swift-mustache's own (see `render`): sections over arrays, booleans and values,
/// inverted sections, dotted names that climb the context stack, partials with indentation,
/// inheritance with `{{<parent}}` and `{{$block}}`. Whatever this renderer does not know – a
/// transform, a dynamic partial, a value of another type – makes it give up: at compile time the
/// whole theme, at render time one page, and swift-mustache renders instead (`Theme.render`).
/// `CompiledTemplateTests` compare both renderers on every template feature and on whole sites.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(Path, escaped: Bool)
        case section(Path, [Node])
        case invertedSection(Path, [Node])
        case partial(name: String, indentation: String?, overrides: [String: [Node]]?)
        case block(name: String, fallback: [Node], indentation: String?)
    }

    /// A variable name as swift-mustache resolves it.
    enum Path: Sendable, Equatable {
        /// `.`: the current object.
        case current
        /// `.name.more`: from the current object only, no climbing.
        case local([String])
        /// `name.more`: the first frame (from the top) that has `name`, then down from there.
        case climbing([String])
    }

    /// Why a template cannot be compiled; swift-mustache renders the theme then.
    struct Unsupported: Error, Sendable {
        var reason: String
    }

    let nodes: [Node]

    /// Compiles a template that swift-mustache has parsed. `isThemeEscaping` recognises the content
    /// type the theme selects with its pragma; another one (with other escaping) is not supported.
    init(_ template: MustacheTemplate, isThemeEscaping: (Any) -> Bool) throws {
        nodes = try Self.nodes(of: template, isThemeEscaping: isThemeEscaping)
    }

    private static func nodes(of template: MustacheTemplate, isThemeEscaping: (Any) -> Bool) throws -> [Node] {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value,
              Mirror(reflecting: tokens).displayStyle == .collection else {
            throw Unsupported(reason: "swift-mustache keeps its tokens differently")
        }
        var nodes: [Node] = []
        for token in Mirror(reflecting: tokens).children.map(\.value) {
            if let node = try node(of: token, isThemeEscaping: isThemeEscaping) { nodes.append(node) }
        }
        return nodes
    }

    /// One token: an enum case whose payload is a value or a tuple.
    private static func node(of token: Any, isThemeEscaping: (Any) -> Bool) throws -> Node? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else {
            throw Unsupported(reason: "unknown token \(token)")
        }
        let fields = Mirror(reflecting: payload.value).children.map(\.value)
        func field<T>(_ index: Int, as type: T.Type) throws -> T {
            guard index < fields.count, let value = fields[index] as? T else {
                throw Unsupported(reason: "token \(kind) without field \(index) of type \(T.self)")
            }
            return value
        }
        func variable() throws -> Path {
            let transforms = try field(1, as: [String].self)
            guard transforms.isEmpty else { throw Unsupported(reason: "transforms") }
            return try path(field(0, as: String.self))
        }
        func inner(_ index: Int) throws -> [Node] {
            try nodes(of: try field(index, as: MustacheTemplate.self), isThemeEscaping: isThemeEscaping)
        }
        switch kind {
        case "text":
            guard let text = payload.value as? String else { throw Unsupported(reason: "text token") }
            return .text(text)
        case "variable":
            return .variable(try variable(), escaped: true)
        case "unescapedVariable":
            return .variable(try variable(), escaped: false)
        case "section":
            return .section(try variable(), try inner(2))
        case "invertedSection":
            return .invertedSection(try variable(), try inner(2))
        case "partial":
            let overrides = try field(2, as: [String: MustacheTemplate]?.self)
            return .partial(name: try field(0, as: String.self), indentation: try field(1, as: String?.self),
                             overrides: try overrides?.mapValues { try nodes(of: $0, isThemeEscaping: isThemeEscaping) })
        case "blockExpansion":
            return .block(name: try field(0, as: String.self), fallback: try inner(1),
                          indentation: try field(2, as: String?.self))
        case "contentType":
            guard isThemeEscaping(payload.value) else { throw Unsupported(reason: "content type \(payload.value)") }
            return nil
        default:
            throw Unsupported(reason: "token \(kind)")
        }
    }

    /// Splits a name the way swift-mustache does on every lookup (empty parts dropped).
    private static func path(_ name: String) throws -> Path {
        // A name beginning with `_` could reach a value's stored properties through `Mirror`.
        let parts = name.split(separator: ".").map(String.init)
        guard !parts.contains(where: { $0.hasPrefix("_") }) else { throw Unsupported(reason: "name \(name)") }
        if name == "." { return .current }
        if name.first == "." { return .local(parts) }
        return .climbing(parts)
    }
}
