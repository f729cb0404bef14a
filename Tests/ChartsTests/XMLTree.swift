import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element (test helper): Foundation's XMLParser turned into a small tree.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    weak var parent: XMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// All descendants (depth first, document order), including self.
    var all: [XMLNode] { [self] + children.flatMap(\.all) }

    /// Text of this element and its descendants, without `<title>` tooltips.
    var visibleText: String {
        text + children.filter { $0.name != "title" }.map(\.visibleText).joined()
    }

    /// An attribute here or on the nearest ancestor that has it (SVG inheritance).
    func inherited(_ attribute: String) -> String? {
        attributes[attribute] ?? parent?.inherited(attribute)
    }
}

enum XMLTree {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> XMLNode {
        let delegate = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ParseError(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "unknown") "
                + "at line \(parser.lineNumber), column \(parser.columnNumber)")
        }
        return root
    }

    /// The outermost `<svg>…</svg>` fragments of an HTML text.
    static func svgFragments(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            let node = XMLNode(name: name, attributes: attributes)
            node.parent = stack.last
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
