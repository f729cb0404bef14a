import Content
import Support

/// `/angebote/angebote.json`: every entry as Open Referral Human Services Data Specification
/// (HSDS 3.0) tables — organizations (Träger), services, locations with addresses, phones,
/// contacts, schedules, languages, accessibility, service areas and the taxonomies of the
/// controlled vocabularies. Identifiers are UUID v5 of stable names (`…/angebote/<slug>#service`),
/// so they stay the same from build to build. The mapping is documented in docs/angebote.md.
enum AngeboteHSDS {
    static let version = "3.0"

    /// The taxonomies an entry is classified by, with the vocabulary behind each.
    struct Taxonomy {
        var key: String
        var name: String
        var description: String
        /// HSDS `attribute.link_type`.
        var linkType: String
        var terms: [VocabularyTerm]
        var values: (ServiceEntry) -> [String]
    }

    static func taxonomies(handlungsfelder: [Handlungsfeld]) -> [Taxonomy] {
        [
            Taxonomy(key: "kategorie", name: "Kategorie", description: "Art des Angebots", linkType: "service_type",
                     terms: ServiceVocabulary.categories, values: { [$0.category] }),
            Taxonomy(key: "bereich", name: "Bereich", description: "Bildung, Gesundheit oder Soziales",
                     linkType: "service_type", terms: ServiceVocabulary.sectors, values: { [$0.sector] }),
            Taxonomy(key: "handlungsfeld", name: "Handlungsfeld",
                     description: "Handlungsfelder der Integrierten Sozialplanung im Landkreis Mittelsachsen",
                     linkType: "topic", terms: handlungsfelder.map { VocabularyTerm($0.slug, $0.label) },
                     values: { $0.handlungsfelder }),
            Taxonomy(key: "zielgruppe", name: "Zielgruppe", description: "Für wen das Angebot da ist",
                     linkType: "eligibility", terms: ServiceVocabulary.targetGroups, values: { $0.targetGroups }),
        ]
    }

    static func file(entries: [ServiceEntry], handlungsfelder: [Handlungsfeld], descriptions: [String: String],
                     config: SiteConfig) -> [UInt8] {
        let base = config.absoluteURL(AngebotePages.overviewURL)
        func id(_ name: String) -> String { AngeboteUUID.v5(base + name) }

        var organizations: [String: (id: String, services: [String])] = [:]
        // Each table written as its rows come, straight into its bytes: no tree of boxed values.
        var services = HSDSTable(), locations = HSDSTable(), addresses = HSDSTable()
        var phones = HSDSTable(), contacts = HSDSTable(), schedules = HSDSTable()
        var atLocations = HSDSTable(), languages = HSDSTable(), accessibility = HSDSTable()
        var areas = HSDSTable(), attributes = HSDSTable()
        let taxonomies = taxonomies(handlungsfelder: handlungsfelder)

        for entry in entries {
            let key = entry.slug
            let organizationID = id("traeger/" + Slug.make(entry.provider))
            organizations[entry.provider, default: (organizationID, [])].services.append(entry.name)
            let serviceID = id(key + "#service")
            var service: [(String, HSDSTable.Field)] = [
                ("id", .string(serviceID)), ("organization_id", .string(organizationID)),
                ("name", .string(entry.name)), ("alternate_name", .text(entry.subtitle)),
                ("description", .string(descriptions[key] ?? entry.subtitle ?? entry.name)),
                ("url", .string(entry.contact.website ?? config.absoluteURL(entry.url))),
                ("email", .text(entry.contact.email)), ("status", .string("active")),
                ("application_process", .text(entry.appointmentNeeded.map {
                    $0 ? "Nur mit Termin." : "Ohne Termin möglich."
                })),
                ("fees_description", .text(entry.costs)),
                ("eligibility_description", .string(entry.targetGroups.map {
                    ServiceVocabulary.label($0, in: ServiceVocabulary.targetGroups)
                }.joined(separator: ", "))),
                ("assured_date", .string(GermanFormat.isoDay(entry.checked))),
            ]
            if entry.isExample { service.append(("alert", .string("Beispieleintrag: Dieses Angebot ist erfunden."))) }
            services.append(service)

            var locationID: String? = nil
            if let address = entry.address {
                let location = id(key + "#location")
                locationID = location
                var pairs: [(String, HSDSTable.Field)] = [
                    ("id", .string(location)), ("location_type", .string("physical")),
                    ("organization_id", .string(organizationID)), ("name", .string(entry.name)),
                ]
                if let coordinates = entry.coordinates {
                    pairs += [("latitude", .number(coordinates.latitudeText)), ("longitude", .number(coordinates.longitudeText))]
                }
                pairs.append(("external_identifier", .string(entry.gemeinde.ags)))
                pairs.append(("external_identifier_type", .string("AGS (Amtlicher Gemeindeschlüssel)")))
                locations.append(pairs)
                addresses.append([
                    ("id", .string(id(key + "#address"))), ("location_id", .string(location)),
                    ("address_1", .string(address.street)), ("address_2", .text(address.district.map { "OT \($0)" })),
                    ("city", .string(address.city)), ("region", .string("Landkreis Mittelsachsen")),
                    ("state_province", .string("Sachsen")), ("postal_code", .string(address.postalCode)),
                    ("country", .string("DE")), ("address_type", .string("physical")),
                ])
                atLocations.append([
                    ("id", .string(id(key + "#service_at_location"))), ("service_id", .string(serviceID)),
                    ("location_id", .string(location)),
                ])
                for code in entry.accessibility {
                    accessibility.append([
                        ("id", .string(id(key + "#accessibility/" + code))), ("location_id", .string(location)),
                        ("description", .string(ServiceVocabulary.label(code, in: ServiceVocabulary.accessibility))),
                        ("details", .text(entry.accessibilityNote)),
                    ])
                }
            }
            if entry.online, let website = entry.contact.website {
                let location = id(key + "#online")
                locations.append([
                    ("id", .string(location)), ("location_type", .string("virtual")), ("url", .string(website)),
                    ("organization_id", .string(organizationID)), ("name", .string(entry.name + " (online)")),
                ])
                atLocations.append([
                    ("id", .string(id(key + "#service_at_online"))), ("service_id", .string(serviceID)),
                    ("location_id", .string(location)),
                ])
            }
            for (suffix, phone, description) in [("phone", entry.contact.phone, "Telefon"),
                                                 ("hotline", entry.contact.hotline, "Hotline")] {
                guard let phone else { continue }
                phones.append([
                    ("id", .string(id(key + "#" + suffix))), ("service_id", .string(serviceID)),
                    ("number", .string(phone.normalized)), ("type", .string("voice")),
                    ("description", .string(description + " (" + phone.written + ")")),
                ])
            }
            if entry.contact.role != nil || entry.contact.email != nil {
                contacts.append([
                    ("id", .string(id(key + "#contact"))), ("service_id", .string(serviceID)),
                    ("title", .text(entry.contact.role)), ("email", .text(entry.contact.email)),
                ])
            }
            for (index, rule) in entry.openingHours.enumerated() {
                var pairs: [(String, HSDSTable.Field)] = [
                    ("id", .string(id(key + "#schedule/\(index + 1)"))), ("service_id", .string(serviceID)),
                ]
                if let locationID { pairs.append(("location_id", .string(locationID))) }
                pairs += [
                    ("freq", .string("WEEKLY")), ("wkst", .string("MO")),
                    ("byday", .string(rule.days.map(\.iCalendar).joined(separator: ","))),
                    ("opens_at", .string(rule.opens.iso)),
                    ("closes_at", .string(rule.closes.minutes == 1440 ? "23:59" : rule.closes.iso)),
                    ("description", .string(OpeningHours.daysText(rule.days) + " " + OpeningHours.timeText(rule))),
                    ("notes", .text(notes(rule))),
                ]
                schedules.append(pairs)
            }
            if let note = entry.openingHoursNote {
                schedules.append([
                    ("id", .string(id(key + "#schedule/hinweis"))), ("service_id", .string(serviceID)),
                    ("description", .string(note)),
                ])
            }
            for name in entry.languages {
                languages.append([
                    ("id", .string(id(key + "#language/" + Slug.make(name)))), ("service_id", .string(serviceID)),
                    ("name", .string(name)),
                    ("code", .text(ServiceVocabulary.term(name, in: ServiceVocabulary.languages)?.extra)),
                ])
            }
            areas.append([
                ("id", .string(id(key + "#service_area"))), ("service_id", .string(serviceID)),
                ("name", .string(entry.catchmentArea ?? entry.gemeinde.name)),
                ("description", .string("Sitz: \(entry.gemeinde.name) (AGS \(entry.gemeinde.ags)), "
                    + entry.gemeinde.sozialregionName)),
                ("extent_type", .string("text")),
            ])
            for taxonomy in taxonomies {
                for code in taxonomy.values(entry) {
                    attributes.append([
                        ("id", .string(id(key + "#attribute/\(taxonomy.key)/\(code)"))),
                        ("link_id", .string(serviceID)), ("link_type", .string(taxonomy.linkType)),
                        ("link_entity", .string("service")),
                        ("taxonomy_term_id", .string(id("taxonomie/\(taxonomy.key)/\(code)"))),
                    ])
                }
            }
        }

        var organizationList = HSDSTable()
        for name in organizations.keys.sorted() {
            let organization = organizations[name]!
            organizationList.append([
                ("id", .string(organization.id)), ("name", .string(name)),
                ("description", .string("Träger von: " + organization.services.joined(separator: ", "))),
            ])
        }
        var taxonomyList = HSDSTable(), termList = HSDSTable()
        for taxonomy in taxonomies {
            taxonomyList.append([("id", .string(id("taxonomie/" + taxonomy.key))), ("name", .string(taxonomy.name)),
                                 ("description", .string(taxonomy.description)),
                                 ("uri", .string(base + "#taxonomie-" + taxonomy.key))])
        }
        for taxonomy in taxonomies {
            for term in taxonomy.terms {
                termList.append([
                    ("id", .string(id("taxonomie/\(taxonomy.key)/\(term.code)"))), ("code", .string(term.code)),
                    ("name", .string(term.label)), ("description", .string("\(taxonomy.name): \(term.label)")),
                    ("taxonomy_id", .string(id("taxonomie/" + taxonomy.key))), ("language", .string("de")),
                ])
            }
        }
        return HSDSTable.document(
            head: [
                ("hsds_version", version),
                ("title", "Angebote im Landkreis Mittelsachsen"),
                ("publisher", config.contact.organisation.isEmpty ? config.title : config.contact.organisation),
                ("source", base),
            ],
            tables: [
                ("organizations", organizationList),
                ("services", services),
                ("locations", locations),
                ("addresses", addresses),
                ("service_at_locations", atLocations),
                ("phones", phones),
                ("contacts", contacts),
                ("schedules", schedules),
                ("languages", languages),
                ("accessibility", accessibility),
                ("service_areas", areas),
                ("taxonomies", taxonomyList),
                ("taxonomy_terms", termList),
                ("attributes", attributes),
            ])
    }

    /// Times are Berlin wall-clock times; an overnight rule ends on the next day.
    static func notes(_ rule: OpeningHoursRule) -> String? {
        var parts: [String] = []
        if rule.overnight { parts.append("Endet am Folgetag.") }
        if let note = rule.note { parts.append(note) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
