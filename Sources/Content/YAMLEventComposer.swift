import CYaml
import Yams

/// Builds the node tree that `Yams.compose` builds (as `YAMLNode`s), straight from the events
/// of libyaml (the parser inside Yams, module `CYaml`), for the plain front matter of nearly
/// every file.
///
/// Why: composing 11,000 front matters cost about 4 % of a build's CPU, two thirds of it in Yams'
/// Swift layer around libyaml (a class per event, Foundation decoding per scalar, hashing every
/// mapping's keys as nodes for the duplicate check). The parsing itself stays libyaml's: this
/// only assembles what it reports.
///
/// Whatever is not plain is left to Yams (the caller composes again with `Yams.compose`, which
/// then also makes the error message): syntax errors, anchors and aliases, explicit tags,
/// duplicate or non-text keys, a byte-order mark inside a value, more than one document.
/// So the result is always exactly Yams' result.
enum YAMLEventComposer {
    /// The root (`.some(nil)` for an empty document) or nil when Yams must do it.
    static func compose(_ yaml: String) -> YAMLNode?? {
        guard MarkLayout.isVerified else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes -> YAMLNode?? in
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
            return EventReader(parser: parser, event: event).document()
        }
    }

    /// Walks the events one by one; `event` always holds the current one.
    private struct EventReader {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let event: UnsafeMutablePointer<yaml_event_t>

        var type: yaml_event_type_t { event.pointee.type }

        /// Frees the current event and reads the next; false when libyaml reports an error.
        func advance() -> Bool {
            yaml_event_delete(event)
            return yaml_parser_parse(parser, event) == 1
        }

        /// Stream start, at most one document, stream end; as `Parser.singleRoot` reads them.
        func document() -> YAMLNode?? {
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
        private func node() -> YAMLNode? {
            switch type {
            case YAML_SCALAR_EVENT: return scalar().map(YAMLNode.scalar)
            case YAML_SEQUENCE_START_EVENT: return sequence()
            case YAML_MAPPING_START_EVENT: return mapping()
            default: return nil
            }
        }

        /// A scalar without anchor or explicit tag (those are left to Yams).
        private func scalar() -> YAMLNode.Scalar? {
            let scalar = event.pointee.data.scalar
            guard scalar.anchor == nil, scalar.quoted_implicit == 1 || scalar.tag == nil else { return nil }
            let value = UnsafeBufferPointer(start: UnsafePointer(scalar.value), count: scalar.length)
            // Yams decodes with Foundation, which might treat a leading byte-order mark differently.
            if value.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
            guard let style = Node.Scalar.Style(rawValue: numericCast(scalar.style.rawValue)) else { return nil }
            return YAMLNode.Scalar(string: String(decoding: value, as: UTF8.self), style: style, mark: mark)
        }

        private func sequence() -> YAMLNode? {
            let start = event.pointee.data.sequence_start
            guard start.anchor == nil, start.implicit != 0 || start.tag == nil else { return nil }
            let mark = self.mark
            var nodes: [YAMLNode] = []
            // Lists in front matter hold a few items: room for them at once, not grown 1, 2, 4.
            nodes.reserveCapacity(4)
            while true {
                guard advance() else { return nil }
                if type == YAML_SEQUENCE_END_EVENT { break }
                guard let node = node() else { return nil }
                nodes.append(node)
            }
            return .sequence(YAMLNode.Sequence(nodes: nodes, mark: mark))
        }

        private func mapping() -> YAMLNode? {
            let start = event.pointee.data.mapping_start
            guard start.anchor == nil, start.implicit != 0 || start.tag == nil else { return nil }
            let mark = self.mark
            var keys: [YAMLNode] = [], values: [YAMLNode] = []
            var texts: [String] = []
            // Room for a front matter's keys at once, instead of growing the arrays 1, 2, 4, 8, 16.
            keys.reserveCapacity(16)
            values.reserveCapacity(16)
            texts.reserveCapacity(16)
            // A set only for big blocks: front matters have about ten keys.
            var textSet: Set<String>? = nil
            while true {
                guard advance() else { return nil }
                if type == YAML_MAPPING_END_EVENT { break }
                // Only text keys here; Yams rejects equal ones with its own message.
                guard type == YAML_SCALAR_EVENT, let key = scalar() else { return nil }
                if textSet == nil {
                    guard !texts.contains(key.string) else { return nil }
                    texts.append(key.string)
                    if texts.count > 32 { textSet = Set(texts) }
                } else {
                    guard textSet!.insert(key.string).inserted else { return nil }
                }
                guard advance(), let value = node() else { return nil }
                keys.append(.scalar(key))
                values.append(value)
            }
            return .mapping(YAMLNode.Mapping(keys: keys, values: values, mark: mark))
        }
    }
}
