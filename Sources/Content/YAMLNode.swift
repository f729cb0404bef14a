import Yams

/// A YAML node with what the readers use of it: its structure, the text and quoting style of
/// scalars, and every node's position.
///
/// Not Yams' `Node`: each of its nodes holds a `Tag` (a class: an allocation and two counted
/// references per node), its mappings are arrays of pairs, copied whole when read, and the
/// readers never look at tags. Counting references and freeing made up nearly half of loading
/// 11,000 front matters. Yams still parses whatever the event composer leaves to it; its tree is
/// then converted (`init(_:)`), so both paths give the same nodes.
enum YAMLNode {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)
    /// `*anker` as Yams leaves it in a tree (it does not resolve aliases).
    case alias(Mark?)

    struct Scalar {
        var string: String
        var style: Node.Scalar.Style
        var mark: Mark?
    }

    struct Sequence: RandomAccessCollection {
        var nodes: [YAMLNode]
        var mark: Mark?
        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> YAMLNode { nodes[position] }
    }

    /// Keys and values in file order, in two arrays of the same length.
    struct Mapping: RandomAccessCollection {
        var keys: [YAMLNode]
        var values: [YAMLNode]
        var mark: Mark?
        var startIndex: Int { keys.startIndex }
        var endIndex: Int { keys.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { (keys[position], values[position]) }
    }

    var mark: Mark? {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(let sequence): return sequence.mark
        case .mapping(let mapping): return mapping.mark
        case .alias(let mark): return mark
        }
    }

    /// Yams' tree with the same structure, texts, styles and positions.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(string: scalar.string, style: scalar.style, mark: scalar.mark))
        case .sequence(let sequence):
            self = .sequence(Sequence(nodes: sequence.map(YAMLNode.init), mark: sequence.mark))
        case .mapping(let mapping):
            self = .mapping(Mapping(keys: mapping.map { YAMLNode($0.key) }, values: mapping.map { YAMLNode($0.value) },
                                    mark: mapping.mark))
        case .alias(let alias):
            self = .alias(alias.mark)
        }
    }
}
