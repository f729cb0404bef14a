import Content
import Testing

@Suite("Angebote: phone numbers, e-mail and web addresses")
struct AngebotContactTests {
    @Test(arguments: [
        ("03731 799-0", "+4937317990"), ("+49 3731 7990", "+4937317990"), ("(03731) 799-0", "+4937317990"),
        ("03731/799-0", "+4937317990"), ("+49 (0)3731 799-0", "+4937317990"), ("0049 3731 7990", "+4937317990"),
        ("0800 111 0 111", "+498001110111"), ("0152 28817386", "+4915228817386"), ("+420 475 123 456", "+420475123456"),
        ("116 111", "116111"), ("115", "115"), ("037207 1234", "+49372071234"),
    ])
    func germanFormatsAreNormalized(written: String, e164: String) throws {
        let number = try ContactRules.phone(written).get()
        #expect(number.normalized == e164)
        #expect(number.href == "tel:" + e164)
        #expect(number.written == written)
    }

    @Test func malformedNumbers() {
        #expect(ContactRules.phone("03731 SOZIAL") == .failure(.invalidCharacter("S")))
        #expect(ContactRules.phone("799-0") == .failure(.missingAreaCode))
        #expect(ContactRules.phone("0373") == .failure(.tooShort))
        #expect(ContactRules.phone("03731 7990 1234 5678 99") == .failure(.tooLong))
        #expect(ContactRules.phone("03731 +7990") == .failure(.plusNotAtStart))
        #expect(ContactRules.phone("+49 03731 7990") == .failure(.leadingZeroAfterCountryCode))
        #expect(ContactRules.phone("03731 799-0 (Zentrale)") == .failure(.invalidCharacter("Z")))
    }

    @Test func dramaNumbersAreFictional() throws {
        #expect(try ContactRules.phone("030 23125-101").get().isFictional)
        #expect(try ContactRules.phone("+49 89 99998 999").get().isFictional)
        #expect(try ContactRules.phone("0221 4710 000").get().isFictional)
        #expect(try !ContactRules.phone("03731 799-0").get().isFictional)
        // One digit more is outside the reserved block.
        #expect(try !ContactRules.phone("030 23125-1011").get().isFictional)
    }

    @Test func emailAddresses() {
        #expect(ContactRules.emailProblem("beratung@example.org") == nil)
        #expect(ContactRules.emailProblem("kita.sonnenschein-2@stadt.example") == nil)
        #expect(ContactRules.emailProblem("beratung(at)example.org") == "enthält kein „@“")
        #expect(ContactRules.emailProblem("a@b@example.org") == "enthält mehr als ein „@“")
        #expect(ContactRules.emailProblem("mailto:a@example.org") == "beginnt mit „mailto:“")
        #expect(ContactRules.emailProblem("a b@example.org") == "enthält ein Leerzeichen")
        #expect(ContactRules.emailProblem("@example.org") != nil)
        #expect(ContactRules.emailProblem("a..b@example.org") != nil)
        #expect(ContactRules.emailProblem("a@localhost") != nil)
        #expect(ContactRules.emailProblem("a@example.o") != nil)
        #expect(ContactRules.emailProblem("a@bäckerei.de") != nil)
        #expect(ContactRules.emailProblem("a@-x.de") != nil)
    }

    @Test func webAddresses() {
        #expect(ContactRules.urlProblem("https://example.org/") == nil)
        #expect(ContactRules.urlProblem("https://www.landkreis-mittelsachsen.de/buergerservice.html?x=1#a") == nil)
        #expect(ContactRules.urlProblem("http://example.org") == nil)
        #expect(ContactRules.urlProblem("https://example.org:8443/x") == nil)
        #expect(ContactRules.urlProblem("www.example.org") == "beginnt nicht mit „https://“")
        #expect(ContactRules.urlProblem("ftp://example.org") != nil)
        #expect(ContactRules.urlProblem("https://exa mple.org") != nil)
        #expect(ContactRules.urlProblem("https://") != nil)
        #expect(ContactRules.urlProblem("https://localhost/") != nil)
        #expect(ContactRules.urlProblem("https://user@example.org/") != nil)
    }

    @Test func reservedDomains() {
        for host in ["example.org", "www.example.com", "beratung.example", "x.test", "a.invalid"] {
            #expect(ContactRules.isReservedDomain(host), "\(host)")
        }
        for host in ["landkreis-mittelsachsen.de", "example.org.de", "notexample.org"] {
            #expect(!ContactRules.isReservedDomain(host), "\(host)")
        }
        #expect(ContactRules.host(ofURL: "https://WWW.Example.org:8080/a") == "www.example.org")
        #expect(ContactRules.host(ofEmail: "a@Example.ORG") == "example.org")
    }
}
