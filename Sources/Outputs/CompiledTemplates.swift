import Support

/// The compiled templates of a theme and the renderer for them (see `CompiledTemplate`).
///
/// Each rule below is the one of swift-mustache 2.x (`Template+Render.swift`, `Context.swift`,
/// `Sequence.swift`), restricted to the values the pages put into their contexts: `String`,
/// `Bool`, `Int`, `[String: Any]` and arrays. Anything else ends the attempt (`render` returns nil)
/// and the page is rendered by swift-mustache, so an unusual value is slower, never different.
struct CompiledTemplates: Sendable {
    let templates: [String: CompiledTemplate]

    /// Renders template `name`; nil when this renderer does not know a value it met.
    func render(_ name: String, _ context: [String: Any]) -> String? {
        guard let template = templates[name] else { return nil }
        var out = ""
        do {
            try render(template.nodes, Scope(stack: [.dictionary(context)]), into: &out)
        } catch {
            return nil
        }
        return out
    }

    /// A value was met that only swift-mustache knows how to treat.
    private struct Unknown: Error {}

    /// One object on the context stack, classified once when it is pushed.
    private enum Frame {
        case dictionary([String: Any])
        /// A value without named children: looking a name up in it finds nothing.
        case leaf
        /// Anything else: a lookup in it would need `Mirror`.
        case other
        init(_ value: Any) {
            if let dictionary = value as? [String: Any] { self = .dictionary(dictionary) }
            else if value is String || value is Bool || value is Int || value is [Any] { self = .leaf }
            else { self = .other }
        }
    }

    /// The context: swift-mustache's `MustacheContext` without what is unsupported here
    /// (sequence context for transforms, content types: the theme escapes with `Escape.html` everywhere).
    private struct Scope {
        var stack: [Frame]
        /// The object of each frame, for `{{.}}`.
        var objects: [Any] = []
        var indentation: String? = nil
        var overrides: [String: [CompiledTemplate.Node]]? = nil

        init(stack: [Frame]) {
            self.stack = stack
            if case .dictionary(let root) = stack[0] { objects = [root] }
        }

        func pushing(_ value: Any) -> Scope {
            var scope = self
            scope.stack.append(Frame(value))
            scope.objects.append(value)
            return scope
        }
    }

    private func render(_ nodes: [CompiledTemplate.Node], _ scope: Scope, into out: inout String) throws {
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in nodes { try render(node, scope, into: &out) }
            return
        }
        // swift-mustache indents a token's output when the text rendered so far by this template
        // (not the whole page) ends a line.
        var local = ""
        for node in nodes {
            var rendered = ""
            try render(node, scope, into: &rendered)
            if !rendered.isEmpty, local.last == "\n" { local += indentation }
            local += rendered
        }
        out += local
    }

    private func render(_ node: CompiledTemplate.Node, _ scope: Scope, into out: inout String) throws {
        switch node {
        case .text(let text):
            out += text

        case .variable(let path, let escaped):
            guard let value = try lookup(path, in: scope) else { return }
            if let string = value as? String {
                out += escaped ? Escape.html(string) : string
            } else if let number = value as? Int {
                out += String(number)
            } else if let bool = value as? Bool {
                out += bool ? "true" : "false"
            } else {
                throw Unknown()
            }

        case .section(let path, let body):
            guard let value = try lookup(path, in: scope) else { return }
            if value is String || value is [String: Any] || value is Int {
                try render(body, scope.pushing(value), into: &out)
            } else if let bool = value as? Bool {
                if bool { try render(body, scope, into: &out) }
            } else if let array = value as? [Any] {
                for element in array { try render(body, scope.pushing(element), into: &out) }
            } else {
                throw Unknown()
            }

        case .invertedSection(let path, let body):
            guard let value = try lookup(path, in: scope) else {
                try render(body, scope, into: &out)
                return
            }
            if value is String || value is [String: Any] || value is Int { return }
            if let bool = value as? Bool {
                if !bool { try render(body, scope, into: &out) }
            } else if let array = value as? [Any] {
                if array.isEmpty { try render(body, scope.pushing(array), into: &out) }
            } else {
                throw Unknown()
            }

        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else { return }
            var inner = scope
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            if let overrides {
                // The outer template's blocks win over the ones its parent passes on.
                inner.overrides = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            try render(template.nodes, inner, into: &out)

        case .block(let name, let fallback, let indentation):
            var inner = scope
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            try render(scope.overrides?[name] ?? fallback, inner, into: &out)
        }
    }

    /// swift-mustache's `getChild`: the first name is looked up from the top of the stack down (or
    /// in the top object only), the rest of the names inside what it found.
    private func lookup(_ path: CompiledTemplate.Path, in scope: Scope) throws -> Any? {
        switch path {
        case .current:
            return scope.objects.last
        case .local(let names):
            guard let top = scope.objects.last else { return nil }
            return try descend(names[...], from: top)
        case .climbing(let names):
            guard let first = names.first else { return scope.objects.last }
            for index in scope.stack.indices.reversed() {
                if let child = try child(first, of: scope.stack[index]) {
                    return try descend(names.dropFirst(), from: child)
                }
            }
            return nil
        }
    }

    private func descend(_ names: ArraySlice<String>, from object: Any) throws -> Any? {
        var object = object
        for name in names {
            guard let child = try child(name, of: Frame(object)) else { return nil }
            object = child
        }
        return object
    }

    private func child(_ name: String, of frame: Frame) throws -> Any? {
        switch frame {
        case .dictionary(let dictionary): return dictionary[name]
        case .leaf: return nil
        case .other: throw Unknown()
        }
    }
}
