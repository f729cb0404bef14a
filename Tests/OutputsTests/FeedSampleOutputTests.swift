import Foundation
import Testing
import Content
import Support
@testable import Outputs

// Writes the feeds and newsletter editions of the fixture sites into a folder, for the
// independent checkers (../shared/sitecheck/check-feeds.py, check-newsletter.py) and for a look
// by eye. Runs only when SOZIALSITE_SAMPLE_OUT names that folder; the project itself never
// depends on the checkers.

@Test func writesSampleOutputForExternalCheckers() throws {
    guard let out = ProcessInfo.processInfo.environment["SOZIALSITE_SAMPLE_OUT"], !out.isEmpty else { return }
    for (name, site) in [("beispiel", exampleSite()), ("feindlich", fullSite(config: makeConfig(rawHTML: true))), ("gross", bigSite())] {
        let root = URL(fileURLWithPath: out).appendingPathComponent(name)
        var outputs = Feeds.render(site: site)
        for edition in Newsletter.editions(site: site) {
            let parts = Newsletter.files(edition: edition, site: site)
            outputs += [parts.web, parts.mailText]
            // As the mailing tool sends it: the placeholder replaced by a personal link.
            let sent = parts.mailHTML.text.replacing(NewsletterTool.listmonk.unsubscribePlaceholder,
                                                     with: "https://listen.example.org/subscription/abc/def")
            outputs.append(OutputFile(path: parts.mailHTML.path, text: sent))
            outputs.append(OutputFile(path: parts.mailHTML.path.replacing(".html", with: ".vorlage.html"),
                                      text: parts.mailHTML.text))
        }
        for file in outputs {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents).write(to: url)
        }
    }
}
