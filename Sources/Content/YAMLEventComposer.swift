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
            // libyaml's parser and event live in memory of their own (libyaml keeps pointers into
            // them); both are made and freed in this call and never leave it or this thread.
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, base, bytes.count)
            let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
            event.initialize(to: yaml_event_t())
            defer {
                yaml_event_delete(event)
                event.deallocate()
            }
            return EventReader(parser: parser, event: event, resolver: resolver, constructor: constructor).document()
        }
    }

    /// Walks the events one by one; `event` always holds the current one.
    private struct EventReader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let event: UnsafeMutablePointer<yaml_event_t>
        let resolver: Resolver
        let constructor: Constructor

        var type: yaml_event_type_t { event.pointee.type }

        /// Frees the current event and reads the next; false when libyaml reports an error.
        func advance() -> Bool {
            yaml_event_delete(event)
            return yaml_parser_parse(parser, event) == 1
        }

        /// Stream start, at most one document, stream end; as `Parser.singleRoot` reads them.
        func document() -> Node?? {
            guard advance(), type == YAML_STREAM_START_EVENT, advance() else { return nil }
            if type == YAML_STREAM_END_EVENT { return .some(nil) }
            guard type == YAML_DOCUMENT_START_EVENT, advance(), let root = node() else { return nil }
            guard advance(), type == YAML_DOCUMENT_END_EVENT, advance(), type == YAML_STREAM_END_EVENT else { return nil }
            return .some(root)
        }

        private var mark: Mark {
            MarkLayout.mark(line: event.pointee.start_mark.line + 1, column: event.pointee.start_mark.column + 1)
        }

        /// The node starting at the current event; afterwards the current event is its last one.
        private func node() -> Node? {
            switch type {
            case YAML_SCALAR_EVENT: return scalar(key: false)?.node
            case YAML_SEQUENCE_START_EVENT: return sequence()
            case YAML_MAPPING_START_EVENT: return mapping()
            default: return nil
            }
        }

        /// `key`: a mapping key, whose tag Yams has resolved to `str` when it checked the keys for
        /// duplicates (`Tag` is a class, and resolving changes it in place); the same here.
        private func scalar(key: Bool) -> (node: Node, text: String)? {
            let scalar = event.pointee.data.scalar
            guard scalar.anchor == nil else { return nil }
            let name: Tag.Name
            if scalar.quoted_implicit == 1 || (key && scalar.tag == nil) { name = .str }
            else if scalar.tag == nil { name = .implicit }
            else { return nil }
            let value = UnsafeBufferPointer(start: UnsafePointer(scalar.value), count: scalar.length)
            // Yams decodes with Foundation, which might treat a leading byte-order mark differently.
            if value.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
            guard let style = Node.Scalar.Style(rawValue: numericCast(scalar.style.rawValue)) else { return nil }
            let text = String(decoding: value, as: UTF8.self)
            return (.scalar(Node.Scalar(text, Tag(name, resolver, constructor), style, mark)), text)
        }

        private func sequence() -> Node? {
            let start = event.pointee.data.sequence_start
            guard start.anchor == nil, start.implicit != 0 || start.tag == nil else { return nil }
            let mark = self.mark
            var nodes: [Node] = []
            while true {
                guard advance() else { return nil }
                if type == YAML_SEQUENCE_END_EVENT { break }
                guard let node = node() else { return nil }
                nodes.append(node)
            }
            // Yams reads the style from the end event, where libyaml leaves it 0.
            guard let style = Node.Sequence.Style(rawValue: numericCast(event.pointee.data.sequence_start.style.rawValue))
            else { return nil }
            return .sequence(Node.Sequence(nodes, Tag(.implicit, resolver, constructor), style, mark))
        }

        private func mapping() -> Node? {
            let start = event.pointee.data.mapping_start
            guard start.anchor == nil, start.implicit != 0 || start.tag == nil else { return nil }
            let mark = self.mark
            var pairs: [(Node, Node)] = []
            var keys: [String] = []
            // A set only for big blocks: front matters have about ten keys.
            var keySet: Set<String>? = nil
            while true {
                guard advance() else { return nil }
                if type == YAML_MAPPING_END_EVENT { break }
                // Only text keys here; Yams rejects equal ones with its own message.
                guard type == YAML_SCALAR_EVENT, let (key, text) = scalar(key: true) else { return nil }
                if keySet == nil {
                    guard !keys.contains(text) else { return nil }
                    keys.append(text)
                    if keys.count > 32 { keySet = Set(keys) }
                } else {
                    guard keySet!.insert(text).inserted else { return nil }
                }
                guard advance(), let value = node() else { return nil }
                pairs.append((key, value))
            }
            guard let style = Node.Mapping.Style(rawValue: numericCast(event.pointee.data.mapping_start.style.rawValue))
            else { return nil }
            return .mapping(Node.Mapping(pairs, Tag(.implicit, resolver, constructor), style, mark))
        }
    }
}
