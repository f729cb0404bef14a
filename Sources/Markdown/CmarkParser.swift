import CCmarkGFM
import CCmarkThreadFix
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark-gfm 0.29.0.gfm.6 (Debian) is not re-entrant: `cmark_parser_finish` adds and then clears
/// process-global tables of special characters. Two parses at once silently drop `~~strike~~` and
/// autolinks in 20–30 % of documents (research/swift-feasibility.md §1). `CCmarkThreadFix` keeps the
/// tables filled so parsers finish side by side (`ExtensionRegistry.parsesInParallel`); should that
/// replacement not be live, feed+finish run under this lock. Rendering has no global state.
let cmarkParseLock = Mutex(())

/// Box for handing a freshly parsed tree out of `Mutex.withLock` (OpaquePointer is not Sendable).
struct NodeRef: @unchecked Sendable { let pointer: OpaquePointer }

enum ExtensionRegistry {
    /// A static initialiser runs exactly once, thread-safely; the C registration is a plain
    /// check-then-set and must not run twice.
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let names = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// True when documents may be parsed on several threads at once. One parse with every extension
    /// fills cmark's tables of special characters; `CCmarkThreadFix` then stops cmark from changing
    /// them. Proved live by its call count; else parsing takes turns under `cmarkParseLock`.
    static let parsesInParallel: Bool = {
        _ = registered
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        attachAll(to: parser)
        let sample = "~~x~~ www.example.org https://example.org"
        sample.utf8CString.withUnsafeBufferPointer { cmark_parser_feed(parser, $0.baseAddress, $0.count - 1) }
        cmark_node_free(cmark_parser_finish(parser))
        guard sozialsite_cmark_special_character_calls() > 0 else { return false }
        sozialsite_cmark_freeze_special_characters()
        return true
    }()

    /// The extensions, looked up by name once, not once per document (each look-up turned a
    /// Swift string into a C string and walked cmark's list with `strcmp`).
    static let extensions: Extensions = {
        _ = registered
        return Extensions(pointers: names.compactMap { cmark_find_syntax_extension($0) })
    }()

    /// cmark's extension objects are created by the one registration and live, unchanged, as long
    /// as the process; attaching one to a parser only reads it. So the pointers may be shared.
    struct Extensions: @unchecked Sendable {
        let pointers: [OpaquePointer]
    }

    static func attachAll(to parser: OpaquePointer) {
        for ext in extensions.pointers { cmark_parser_attach_syntax_extension(parser, ext) }
    }
}

/// Owns one cmark parser and its tree. Not Sendable: create, use and drop it inside one task.
final class CmarkDocument {
    let parser: OpaquePointer
    let root: OpaquePointer
    let options: Int32
    /// Nodes unlinked during transformation; freed with the document.
    private var detached: [OpaquePointer] = []

    /// Memory of the parser and the tree; `withArena` makes it the one cmark allocates from.
    private let arena = CmarkArena()

    init(_ text: String, options: Int32) {
        let parallel = ExtensionRegistry.parsesInParallel
        self.options = options
        var text = text
        let arena = arena
        let (parser, root) = arena.activate { () -> (OpaquePointer, NodeRef) in
            let parser = cmark_parser_new_with_mem(options, CmarkArena.memory)!
            ExtensionRegistry.attachAll(to: parser)
            func parse() -> NodeRef {
                text.withUTF8 { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        cmark_parser_feed(parser, $0.baseAddress, $0.count)
                    }
                }
                return NodeRef(pointer: cmark_parser_finish(parser))
            }
            return (parser, parallel ? parse() : cmarkParseLock.withLock { _ in parse() })
        }
        self.parser = parser
        self.root = root.pointer
    }

    deinit {
        // cmark's `free` on arena memory does nothing; the arena goes after the tree.
        for node in detached { cmark_node_free(node) }
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Runs `body`, which works on this document's nodes, with its memory as cmark's.
    func withArena<Result>(_ body: () throws -> Result) rethrows -> Result {
        try arena.activate(body)
    }

    /// Renders with the parser's extension list (without it tagfilter is silently skipped) and hands
    /// cmark's buffer to `body` before freeing it, so the caller reads it once into its own String.
    func withHTML<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        // The buffer comes from the tree's allocator (the arena).
        guard let cString = withArena({ cmark_render_html(root, options, extensions) }) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { CmarkArena.memory.pointee.free(cString) }
        let count = strlen(cString)
        return cString.withMemoryRebound(to: UInt8.self, capacity: count) { body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// Puts a custom node (raw HTML around the old node's children) in place of `node`. The HTML
    /// is C strings, which cmark copies: a string literal passes its static bytes, a tag built in
    /// a byte buffer its buffer (a Swift String of up to 15 bytes would be copied to the heap
    /// first, as it has no terminated storage of its own).
    func replace(_ node: OpaquePointer, block: Bool, onEnter: UnsafePointer<CChar>, onExit: UnsafePointer<CChar>,
                 keepChildren: Bool) {
        let custom = cmark_node_new_with_mem(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE, CmarkArena.memory)!
        cmark_node_set_on_enter(custom, onEnter)
        cmark_node_set_on_exit(custom, onExit)
        if keepChildren {
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(custom, child)
            }
        }
        cmark_node_replace(node, custom)
        detached.append(node)
    }

    /// Wraps `node` in a custom block (e.g. a scrollable region around a table).
    func wrap(_ node: OpaquePointer, onEnter: UnsafePointer<CChar>, onExit: UnsafePointer<CChar>) {
        let custom = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, CmarkArena.memory)!
        cmark_node_set_on_enter(custom, onEnter)
        cmark_node_set_on_exit(custom, onExit)
        cmark_node_insert_before(node, custom)
        cmark_node_unlink(node)
        cmark_node_append_child(custom, node)
    }
}

extension OpaquePointer {
    var cmarkType: cmark_node_type { cmark_node_get_type(self) }
    var typeName: String {
        let type = cmark_node_get_type(self)
        if type == CMARK_NODE_FOOTNOTE_REFERENCE { return "footnote_reference" }
        if type == CMARK_NODE_FOOTNOTE_DEFINITION { return "footnote_definition" }
        return String(cString: cmark_node_get_type_string(self))
    }
    var literal: String { cmark_node_get_literal(self).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(self).map { String(cString: $0) } ?? "" }
    var title: String { cmark_node_get_title(self).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(self).map { String(cString: $0) } ?? "" }
    var line: Int { Int(cmark_node_get_start_line(self)) }
    var column: Int { Int(cmark_node_get_start_column(self)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(self)) }
    var parent: OpaquePointer? { cmark_node_parent(self) }

    /// The bytes of the node's literal, valid only inside `body` (no String per text node).
    func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let literal = cmark_node_get_literal(self) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let count = strlen(literal)
        return literal.withMemoryRebound(to: UInt8.self, capacity: count) { body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// Text of all text and code descendants, whitespace collapsed (heading text, link text, alt text).
    /// `text` is a builder to reuse; it is emptied first.
    func collapsedPlainText(using text: inout PlainTextBuilder) -> String {
        text.removeAll()
        // One text child (most link texts and headings): its literal, without an iterator.
        if let child = cmark_node_first_child(self), cmark_node_next(child) == nil, child.cmarkType == CMARK_NODE_TEXT {
            child.withLiteralBytes { text.append($0) }
            return text.string
        }
        let iterator = cmark_iter_new(self)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER else { continue }
            let node = cmark_iter_get_node(iterator)!
            switch node.cmarkType {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: node.withLiteralBytes { text.append($0) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text.appendSpace()
            default: break
            }
        }
        return text.string
    }
}
