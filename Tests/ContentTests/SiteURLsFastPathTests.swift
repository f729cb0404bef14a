import Foundation
import Testing
@testable import Content

/// `SiteURLs.sitePath` answers ASCII addresses byte by byte; it must agree with the general,
/// character-by-character code on every address.
@Suite("Site paths: fast and general code agree")
struct SiteURLsFastPathTests {
    static let hosts = SiteURLs.hosts(of: "mittelsachsen-sozial.de")
    static let urls = [
        "https://www.landkreis-mittelsachsen.de/soziales/", "http://example.org", "https://example.org?x=1#y",
        "https://mittelsachsen-sozial.de/2022/05/armut/", "https://Mittelsachsen-Sozial.DE/impressum/#kontakt",
        "https://www.mittelsachsen-sozial.de", "http://MITTELSACHSEN-SOZIAL.DE?x", "https://mittelsachsen-sozial.de#a",
        "https://mittelsachsen-sozial.de.example.org/", "https://mittelsachsen-sozial.de:443/x/",
        "https://", "http://", "http:/x", "https:", "HTTPS://mittelsachsen-sozial.de/x/", "hallo", "h",
        "https://mittelsachsen-sozial.de/stra%C3%9Fe/#%C3%BC", "https://müller.de/", "https://mittelsachsen-sozial.de/ä/",
        "https://example.org/\r\n", "https://mittelsachsen-sozial.de\r\n/x", "https://example.org/🙂?a=&<>\"'",
        "/2022/05/x/#teil", "/", "//cdn.example.org/x.js", "mailto:a@b.de", "#oben", "", "tel:+493731",
    ]

    @Test(arguments: urls)
    func fastAndGeneralAgree(url: String) {
        let fast = SiteURLs.sitePath(url, hosts: Self.hosts)
        let general = SiteURLs.generalSitePath(url, hosts: Self.hosts)
        #expect(fast?.path == general?.path)
        #expect(fast?.fragment == general?.fragment)
        #expect((fast == nil) == (general == nil))
    }

    @Test func foreignAddressesAreRecognisedWithoutTheGeneralCode() {
        #expect(SiteURLs.isForeignASCIIWebAddress("https://www.landkreis-mittelsachsen.de/", hosts: Self.hosts))
        #expect(!SiteURLs.isForeignASCIIWebAddress("https://WWW.mittelsachsen-sozial.de/", hosts: Self.hosts))
        #expect(!SiteURLs.isForeignASCIIWebAddress("https://müller.de/", hosts: Self.hosts))
    }
}
