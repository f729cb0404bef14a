import CYaml
import Yams

/// Builds the node tree that `Yams.compose` builds, straight from the events of libyaml (the
/// parser inside Yams, module `CYaml`), for the plain front matter of nearly every file.
///
/// Why: composing 11,000 front matters cost about 4 % of a build's CPU, two thirds of it in Yams'
/// Swift layer around libyaml (a class per event, Foundation decoding per scalar, hashing every
/// mapping's keys as nodes for the duplicate check). The parsing itself stays libyaml's: this
/// only assembles what it reports, with Yams' own `Node`, `Tag`, `Resolver` and `Constructor`.
///
/// Whatever is not plain is left to Yams (the caller composes again with `Yams.compose`, which
/// then also makes the error message): syntax errors, anchors and aliases, explicit tags,
/// duplicate or non-text keys, a byte-order mark inside a value, more than one document.
/// So the result is always exactly Yams' result.
enum YAMLEventComposer {
    /// The root (`.some(nil)` for an empty document) or nil when Yams must do it.
    static func compose(_ yaml: String, resolver: Resolver, constructor: Constructor) -> Node?? {
        guard MarkLayout.isVerified else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes -> Node?? in
            guard let base = bytes.baseAddress else { return nil }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, base, bytes.count)
            return EventReader(parser: parser, resolver: resolver, constructor: constructor).document()
        }
    }

    private struct EventReader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let resolver: Resolver
        let constructor: Constructor

        /// Reads the next event and hands it to `body` (which must not keep it); nil when libyaml
        /// reports an error.
        func next<T>(_ body: (inout yaml_event_t) -> T?) -> T?? {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            return .some(body(&event))
        }

        func type() -> yaml_event_type_t? {
            next { $0.type } ?? nil
        }

        /// Stream start, at most one document, stream end; as `Parser.singleRoot` reads them.
        func document() -> Node?? {
            guard type() == YAML_STREAM_START_EVENT, let first = type() else { return nil }
            if first == YAML_STREAM_END_EVENT { return .some(nil) }
            guard first == YAML_DOCUMENT_START_EVENT else { return nil }
            guard let root = node(start()) else { return nil }
            guard type() == YAML_DOCUMENT_END_EVENT, type() == YAML_STREAM_END_EVENT else { return nil }
            return .some(root)
        }

        /// What a node event starts; nil for anything left to Yams.
        private enum Start {
            case scalar(Node)
            case sequence(Mark)
            case mapping(Mark)
            /// The end of a list or block, with the style Yams reads from it.
            case end(style: UInt32)
        }

        /// `key`: a mapping key, whose tag Yams has resolved to `str` when it checked the keys for
        /// duplicates (`Tag` is a class, and resolving changes it in place); the same here.
        private func start(key: Bool = false) -> Start? {
            let (resolver, constructor) = (self.resolver, self.constructor)
            return next { event -> Start? in
                let mark = MarkLayout.mark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
                switch event.type {
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    guard scalar.anchor == nil else { return nil }
                    let name: Tag.Name
                    if scalar.quoted_implicit == 1 || (key && scalar.tag == nil) { name = .str }
                    else if scalar.tag == nil { name = .implicit }
                    else { return nil }
                    let value = UnsafeBufferPointer(start: UnsafePointer(scalar.value), count: scalar.length)
                    // Yams decodes with Foundation, which might treat a leading byte-order mark differently.
                    if value.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
                    guard let style = Node.Scalar.Style(rawValue: numericCast(scalar.style.rawValue)) else { return nil }
                    return .scalar(.scalar(Node.Scalar(String(decoding: value, as: UTF8.self),
                                                       Tag(name, resolver, constructor), style, mark)))
                case YAML_SEQUENCE_START_EVENT:
                    let start = event.data.sequence_start
                    guard !key, start.anchor == nil, start.implicit != 0 || start.tag == nil else { return nil }
                    return .sequence(mark)
                case YAML_MAPPING_START_EVENT:
                    let start = event.data.mapping_start
                    guard !key, start.anchor == nil, start.implicit != 0 || start.tag == nil else { return nil }
                    return .mapping(mark)
                case YAML_SEQUENCE_END_EVENT:
                    // Yams reads the collection's style from its end event, where libyaml leaves it 0.
                    return .end(style: UInt32(event.data.sequence_start.style.rawValue))
                case YAML_MAPPING_END_EVENT:
                    return .end(style: UInt32(event.data.mapping_start.style.rawValue))
                default:
                    return nil
                }
            } ?? nil
        }

        /// The node that `start` begins (reading the rest of a list or block); nil for an end or
        /// anything left to Yams.
        private func node(_ start: Start?) -> Node? {
            switch start {
            case .scalar(let node)?: return node
            case .sequence(let mark)?: return sequence(mark: mark)
            case .mapping(let mark)?: return mapping(mark: mark)
            case .end?, nil: return nil
            }
        }

        private func sequence(mark: Mark) -> Node? {
            var nodes: [Node] = []
            while true {
                let next = start()
                if case .end(let raw)? = next {
                    guard let style = Node.Sequence.Style(rawValue: numericCast(raw)) else { return nil }
                    return .sequence(Node.Sequence(nodes, Tag(.implicit, resolver, constructor), style, mark))
                }
                guard let node = node(next) else { return nil }
                nodes.append(node)
            }
        }

        private func mapping(mark: Mark) -> Node? {
            var pairs: [(Node, Node)] = []
            var keys: [String] = []
            // A set only for big blocks: front matters have about ten keys.
            var keySet: Set<String>? = nil
            while true {
                let next = start(key: true)
                if case .end(let raw)? = next {
                    guard let style = Node.Mapping.Style(rawValue: numericCast(raw)) else { return nil }
                    return .mapping(Node.Mapping(pairs, Tag(.implicit, resolver, constructor), style, mark))
                }
                // Only text keys come this far; Yams rejects equal ones with its own message.
                guard case .scalar(let key)? = next, case .scalar(let keyScalar) = key else { return nil }
                let name = keyScalar.string
                if keySet == nil {
                    guard !keys.contains(name) else { return nil }
                    keys.append(name)
                    if keys.count > 32 { keySet = Set(keys) }
                } else {
                    guard keySet!.insert(name).inserted else { return nil }
                }
                guard let value = node(start()) else { return nil }
                pairs.append((key, value))
            }
        }
    }
}

/// Makes Yams `Mark`s, whose initializer is internal to Yams.
///
/// `Mark` is a struct of exactly two stored `Int`s, `line` and `column`, in that order. The bit
/// cast below is only used after `isVerified` has checked, once per process, that a value made
/// this way reads back as the same line and column and has the size of two `Int`s; should a Yams
/// update change the layout, the check fails and every front matter goes through `Yams.compose`.
enum MarkLayout {
    static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    static let isVerified: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size,
              MemoryLayout<Mark>.stride == MemoryLayout<(Int, Int)>.stride else { return false }
        let probe = mark(line: 12_345, column: 678)
        guard probe.line == 12_345, probe.column == 678 else { return false }
        // And a mark Yams made itself reads the same as ours.
        guard let node = try? Yams.compose(yaml: "\n  a: b", .basic, Constructor([:], [:], [:]), .utf8),
              let yamsMark = node.mapping?.first?.key.mark else { return false }
        let ours = mark(line: yamsMark.line, column: yamsMark.column)
        return ours.line == 2 && ours.column == 3 && withUnsafeBytes(of: ours, { Array($0) })
            == withUnsafeBytes(of: yamsMark, { Array($0) })
    }()
}
