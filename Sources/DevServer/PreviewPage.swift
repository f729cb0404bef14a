import Support

/// What the preview adds to every HTML page it serves (never to the files in the output folder,
/// so `build` output has none of it): the live-reload script with the build it was served from,
/// its stylesheet, and while the last build failed, the error overlay.
public enum PreviewPage {
    public static let scriptPath = "/__sozialsite/vorschau.js"
    public static let stylePath = "/__sozialsite/vorschau.css"
    public static let eventsPath = "/__sozialsite/events"

    /// `html` with the preview's tags; `stand` names the build (`EventSource` compares it).
    public static func inject(into html: [UInt8], stand: String, errors: [Diagnostic]) -> [UInt8] {
        let head = "<link rel=\"stylesheet\" href=\"\(stylePath)\">"
            + "<script src=\"\(scriptPath)\" data-stand=\"\(Escape.html(stand))\" defer></script>"
        var result = html
        if let end = firstIndex(of: "</head>", in: result) {
            result.insert(contentsOf: Array(head.utf8), at: end)
        } else {
            result.insert(contentsOf: Array(head.utf8), at: 0)
        }
        if !errors.isEmpty {
            let overlay = Array(overlayHTML(errors: errors).utf8)
            if let end = lastIndex(of: "</body>", in: result) {
                result.insert(contentsOf: overlay, at: end)
            } else {
                result += overlay
            }
        }
        return result
    }

    /// The overlay: an alert dialog that names every error with file, line and column, the German
    /// message and the hint. Everything from content is escaped.
    public static func overlayHTML(errors: [Diagnostic]) -> String {
        let sorted = errors.sortedForReport()
        let count = sorted.count == 1 ? "1 Fehler" : "\(sorted.count) Fehler"
        var h = "<div id=\"sozialsite-fehler\" class=\"sozialsite-fehler\" role=\"alertdialog\" aria-modal=\"true\""
        h += " aria-labelledby=\"sozialsite-fehler-titel\" aria-describedby=\"sozialsite-fehler-text\" tabindex=\"-1\" lang=\"de\">"
        h += "<div class=\"sozialsite-fehler__kasten\">"
        h += "<h2 id=\"sozialsite-fehler-titel\">Die Vorschau ist nicht aktuell: \(count)</h2>"
        h += "<p id=\"sozialsite-fehler-text\">Die Website konnte nicht neu gebaut werden. Sie sehen den letzten fehlerfreien Stand. "
        h += "Beheben Sie die Fehler und speichern Sie die Datei – die Seite lädt dann von selbst neu.</p>"
        h += "<ol class=\"sozialsite-fehler__liste\">"
        for error in sorted {
            h += "<li><p class=\"sozialsite-fehler__ort\"><code>\(Escape.html(error.location.description))</code>"
            if let stage = error.stage { h += " <span>(\(Escape.html(stage)))</span>" }
            h += "</p><p class=\"sozialsite-fehler__meldung\">\(Escape.html(error.message))</p>"
            if let hint = error.hint { h += "<p class=\"sozialsite-fehler__hinweis\">Hinweis: \(Escape.html(hint))</p>" }
            h += "</li>"
        }
        h += "</ol>"
        h += "<button type=\"button\" class=\"sozialsite-fehler__knopf\" data-sozialsite-schliessen>Hinweis ausblenden</button>"
        h += "</div></div>"
        return h
    }

    /// The page shown for an address the site does not have, when the output has no 404.html.
    static func notFoundHTML(path: String) -> String {
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Seite nicht gefunden</title></head>"
            + "<body><h1>Seite nicht gefunden</h1><p>Unter „\(Escape.html(path))“ gibt es in der Vorschau keine Seite.</p>"
            + "<p><a href=\"/\">Zur Startseite</a></p></body></html>"
    }

    /// First occurrence of an ASCII tag, ignoring case (`</head>` is near the top).
    static func firstIndex(of tag: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(tag.utf8)
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { matches(needle, bytes, at: $0) }
    }

    /// Last occurrence of an ASCII tag, ignoring case (`</body>` is near the end).
    static func lastIndex(of tag: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(tag.utf8)
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).reversed().first { matches(needle, bytes, at: $0) }
    }

    private static func matches(_ needle: [UInt8], _ bytes: [UInt8], at i: Int) -> Bool {
        for k in 0..<needle.count {
            var b = bytes[i + k]
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            if b != needle[k] { return false }
        }
        return true
    }

    /// The live-reload script: reloads when the build it was served from is no longer the newest.
    static let script = """
        // sozialsite Vorschau: lädt die Seite neu, sobald die Website neu gebaut ist.
        (function () {
          'use strict';
          var tag = document.currentScript;
          var stand = tag ? tag.getAttribute('data-stand') : null;
          var dialog = document.getElementById('sozialsite-fehler');
          if (dialog) {
            dialog.focus();
            var knopf = dialog.querySelector('[data-sozialsite-schliessen]');
            var schliessen = function () { dialog.hidden = true; };
            if (knopf) { knopf.addEventListener('click', schliessen); }
            document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { schliessen(); } });
          }
          if (!window.EventSource) { return; }
          var quelle = new EventSource('\(eventsPath)');
          quelle.addEventListener('stand', function (e) {
            if (stand !== null && e.data !== stand) { window.location.reload(); }
            stand = e.data;
          });
        })();

        """

    /// The overlay's look: readable on any theme, large enough, strong contrast, no animation.
    static let style = """
        .sozialsite-fehler { position: fixed; inset: 0; z-index: 2147483647; overflow: auto; padding: 1rem;
          background: rgb(0 0 0 / 0.6); font: 1rem/1.5 system-ui, sans-serif; }
        .sozialsite-fehler[hidden] { display: none; }
        .sozialsite-fehler:focus { outline: none; }
        .sozialsite-fehler:focus .sozialsite-fehler__kasten { outline: 3px solid #b93a06; outline-offset: 2px; }
        .sozialsite-fehler__kasten { max-width: 48rem; margin: 2rem auto; padding: 1.5rem; border-top: 0.5rem solid #b00020;
          border-radius: 0.5rem; background: #ffffff; color: #1b2329; }
        .sozialsite-fehler h2 { margin: 0 0 0.5rem; font-size: 1.375rem; color: #8c0019; }
        .sozialsite-fehler__liste { margin: 1rem 0; padding-left: 1.5rem; }
        .sozialsite-fehler__liste li { margin-bottom: 1rem; }
        .sozialsite-fehler p { margin: 0.25rem 0; }
        .sozialsite-fehler code { font-size: 0.95em; background: #edf2f1; padding: 0 0.25em; overflow-wrap: anywhere; }
        .sozialsite-fehler__hinweis { color: #3a4550; }
        .sozialsite-fehler__knopf { font: inherit; padding: 0.5rem 1rem; border: 2px solid #0b5a73; border-radius: 0.375rem;
          background: #0b5a73; color: #ffffff; cursor: pointer; }
        .sozialsite-fehler__knopf:focus-visible { outline: 3px solid #b93a06; outline-offset: 2px; }

        """
}
