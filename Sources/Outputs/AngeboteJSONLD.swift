import Content
import Support

/// schema.org data of an entry page: the type follows the category (`ChildCare`, `School`,
/// `GovernmentOffice`, `LocalBusiness` …), with address, position, opening hours, phone and the
/// provider. Built as `AngeboteJSON`, so every string goes through `Escape.jsonString`.
enum AngeboteJSONLD {
    static func entry(_ entry: ServiceEntry, description: String, config: SiteConfig) -> String {
        value(entry, description: description, config: config).compact
    }

    static func value(_ entry: ServiceEntry, description: String, config: SiteConfig) -> AngeboteJSON {
        let pageURL = config.absoluteURL(entry.url)
        let type = ServiceVocabulary.term(entry.category, in: ServiceVocabulary.categories)?.extra ?? "LocalBusiness"
        var pairs: [(String, AngeboteJSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string(type.isEmpty ? "LocalBusiness" : type)),
            ("@id", .string(pageURL + "#angebot")),
            ("name", .string(entry.name)),
        ]
        if let subtitle = entry.subtitle { pairs.append(("disambiguatingDescription", .string(subtitle))) }
        pairs.append(("description", .string(description)))
        pairs.append(("url", .string(entry.contact.website ?? pageURL)))
        pairs.append(("mainEntityOfPage", .string(pageURL)))
        var address: [(String, AngeboteJSON)] = [("@type", .string("PostalAddress"))]
        if let postal = entry.address {
            address += [("streetAddress", .string(postal.street)), ("postalCode", .string(postal.postalCode)),
                        ("addressLocality", .string(postal.city))]
        } else {
            address.append(("addressLocality", .string(entry.gemeinde.name)))
        }
        address += [("addressRegion", .string("Sachsen")), ("addressCountry", .string("DE"))]
        pairs.append(("address", .object(address)))
        if let coordinates = entry.coordinates {
            pairs.append(("geo", .object([("@type", .string("GeoCoordinates")),
                                          ("latitude", .number(coordinates.latitudeText)),
                                          ("longitude", .number(coordinates.longitudeText))])))
            pairs.append(("hasMap", .string(AngebotePages.mapURL(coordinates))))
        }
        if let phone = entry.contact.phone ?? entry.contact.hotline { pairs.append(("telephone", .string(phone.normalized))) }
        if let email = entry.contact.email { pairs.append(("email", .string(email))) }
        if !entry.openingHours.isEmpty {
            pairs.append(("openingHoursSpecification", .array(entry.openingHours.map(openingHours))))
        }
        pairs.append(("parentOrganization", .object([("@type", .string("Organization")), ("name", .string(entry.provider))])))
        pairs.append(("areaServed", .object([("@type", .string("AdministrativeArea")),
                                             ("name", .string(entry.catchmentArea ?? entry.gemeinde.name))])))
        if !entry.languages.isEmpty {
            pairs.append(("knowsLanguage", .array(entry.languages.map { name in
                var language: [(String, AngeboteJSON)] = [("@type", .string("Language")), ("name", .string(name))]
                if let code = ServiceVocabulary.term(name, in: ServiceVocabulary.languages)?.extra {
                    language.append(("alternateName", .string(code)))
                }
                return .object(language)
            })))
        }
        if !entry.accessibility.isEmpty {
            pairs.append(("amenityFeature", .array(entry.accessibility.map { code in
                .object([("@type", .string("LocationFeatureSpecification")),
                         ("name", .string(ServiceVocabulary.label(code, in: ServiceVocabulary.accessibility))),
                         ("value", .bool(true))])
            })))
        }
        if let costs = entry.costs, isFree(costs) { pairs.append(("isAccessibleForFree", .bool(true))) }
        if !entry.keywords.isEmpty { pairs.append(("keywords", .string(entry.keywords.joined(separator: ", ")))) }
        return .object(pairs)
    }

    /// One rule: schema.org reads a closing time before the opening time as „the next day“;
    /// 24:00 is written 23:59 as search engines expect.
    static func openingHours(_ rule: OpeningHoursRule) -> AngeboteJSON {
        var pairs: [(String, AngeboteJSON)] = [
            ("@type", .string("OpeningHoursSpecification")),
            ("dayOfWeek", .strings(rule.days.map(\.schemaOrg))),
            ("opens", .string(rule.opens.iso)),
            ("closes", .string(rule.closes.minutes == 1440 ? "23:59" : rule.closes.iso)),
        ]
        if let note = rule.note { pairs.append(("description", .string(note))) }
        return .object(pairs)
    }

    /// „kostenfrei“, „kostenlos“, „gebührenfrei“ at the start of the costs text.
    static func isFree(_ costs: String) -> Bool {
        let folded = Slug.fold(costs)
        return ["kostenfrei", "kostenlos", "gebuehrenfrei", "unentgeltlich"].contains { folded.hasPrefix($0) }
    }
}
