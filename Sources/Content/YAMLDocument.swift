import Support
import Yams

/// A YAML text composed into a node tree, with the file position of every node.
///
/// Scalars keep the text as written, so no scalar is turned into a bool, number or date behind
/// our back (the "Norway problem": `NO` stays "NO", `017` stays "017"); the decoders convert
/// scalars by the type they expect.
struct YAMLDocument {
    let root: YAMLNode?
    let file: String
    /// File line of YAML line 1 (the line after the opening fence; 1 for a JSON file).
    let firstLine: Int

    static func parse(_ yaml: String, file: String, firstLine: Int) -> Result<YAMLDocument, DiagnosticsError> {
        do {
            // Plain front matter is composed from libyaml's events directly (the same tree, see
            // `YAMLEventComposer`); anything else, errors included, by Yams.
            if let root = YAMLEventComposer.compose(yaml) {
                return .success(YAMLDocument(root: root, file: file, firstLine: firstLine))
            }
            // The encoding spelled out: Yams' default reads the whole process environment on every call
            // (for YAMS_DEFAULT_ENCODING), which showed in profiles of 10,000 front matters.
            // `Resolver.basic` (without rules) so that Yams does not type scalars, and no
            // constructor: the readers take scalars as written, and Yams' default one builds its
            // tables anew on every call.
            let resolver = Resolver.basic.removing(.str), constructor = Constructor([:], [:], [:])
            let root = try Yams.compose(yaml: yaml, resolver, constructor, .utf8).map(YAMLNode.init)
            return .success(YAMLDocument(root: root, file: file, firstLine: firstLine))
        } catch let error as YamlError {
            return .failure(DiagnosticsError([YAMLSyntaxMessage.diagnostic(for: error, yaml: yaml, file: file,
                                                                         firstLine: firstLine)]))
        } catch {
            return .failure(DiagnosticsError([.error(
                "yaml-syntax", at: SourceLocation(file: file, line: firstLine),
                "Der Kopfbereich konnte nicht gelesen werden.",
                hint: "Prüfen Sie, ob jede Zeile die Form „schlüssel: wert“ hat.")]))
        }
    }

    /// Where `node` stands in the file.
    func location(of node: YAMLNode) -> SourceLocation { location(of: node.mark) }

    /// Where a node with this mark stands (the scalar readers pass the mark without the node).
    func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    /// The first line of the front matter (the opening fence) or of the file.
    var startLocation: SourceLocation { SourceLocation(file: file, line: max(1, firstLine - 1)) }
}
