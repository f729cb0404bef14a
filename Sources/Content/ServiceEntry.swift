import Foundation
import Support

/// One entry of the service directory (`content/angebote/<slug>.md`): a counselling centre, Kita,
/// school or support service with address, contact and opening hours. The slug is the file name.
///
/// Field names follow German service directories (see docs/angebote.md); codes of controlled
/// vocabularies are kept as written in front matter (`beratungsstelle`), their German labels come
/// from `ServiceVocabulary`.
public struct ServiceEntry: Sendable, Hashable {
    public var source: SourceFile
    public var slug: String
    /// `name`: what the service is called („Schuldnerberatung Freiberg“).
    public var name: String
    /// `untertitel`: one line under the name.
    public var subtitle: String?
    /// `traeger`: who runs it („Diakonie Freiberg e. V.“).
    public var provider: String
    /// `kategorie`: code from `ServiceVocabulary.categories`.
    public var category: String
    /// `bereich`: code from `ServiceVocabulary.sectors` (Bildung, Gesundheit, Soziales).
    public var sector: String
    /// Handlungsfeld slugs, at least one.
    public var handlungsfelder: [String]
    /// `zielgruppen`: codes from `ServiceVocabulary.targetGroups`, at least one.
    public var targetGroups: [String]
    /// `adresse`; nil for services whose address is confidential (Frauenschutzhaus) or online only.
    public var address: ServiceAddress?
    /// The Gemeinde the service is in (from `gemeinde`, an AGS), with its Sozialregion.
    public var gemeinde: ServiceGemeinde
    public var coordinates: ServiceCoordinates?
    public var contact: ServiceContact
    /// `oeffnungszeiten`: regular weekly hours.
    public var openingHours: [OpeningHoursRule]
    /// `oeffnungszeiten_hinweis`: what the table cannot say („in den Schulferien geschlossen“).
    public var openingHoursNote: String?
    /// `termin_noetig`: nil when not stated.
    public var appointmentNeeded: Bool?
    /// `kosten`: free text („kostenfrei“).
    public var costs: String?
    /// `sprachen`: language names as `ServiceVocabulary.languages` writes them („Deutsch“).
    public var languages: [String]
    /// `barrierefreiheit`: codes from `ServiceVocabulary.accessibility`.
    public var accessibility: [String]
    /// `barrierefreiheit_hinweis`: free text on access.
    public var accessibilityNote: String?
    /// `online_angebot`: advice or help is also given online (video, chat, e-mail).
    public var online: Bool
    /// `einzugsgebiet`: for whom it is there by place („Landkreis Mittelsachsen“).
    public var catchmentArea: String?
    /// `stichworte`: extra words people search for.
    public var keywords: [String]
    /// `stand`: the day the entry was last checked (midnight in Berlin).
    public var checked: Date
    /// `beispiel`: an invented entry of the example site, shown as such.
    public var isExample: Bool

    public init(source: SourceFile, slug: String, name: String, subtitle: String? = nil, provider: String,
                category: String, sector: String, handlungsfelder: [String], targetGroups: [String],
                address: ServiceAddress? = nil, gemeinde: ServiceGemeinde, coordinates: ServiceCoordinates? = nil,
                contact: ServiceContact = ServiceContact(), openingHours: [OpeningHoursRule] = [],
                openingHoursNote: String? = nil, appointmentNeeded: Bool? = nil, costs: String? = nil,
                languages: [String] = [], accessibility: [String] = [], accessibilityNote: String? = nil,
                online: Bool = false, catchmentArea: String? = nil, keywords: [String] = [], checked: Date,
                isExample: Bool = false) {
        self.source = source
        self.slug = slug
        self.name = name
        self.subtitle = subtitle
        self.provider = provider
        self.category = category
        self.sector = sector
        self.handlungsfelder = handlungsfelder
        self.targetGroups = targetGroups
        self.address = address
        self.gemeinde = gemeinde
        self.coordinates = coordinates
        self.contact = contact
        self.openingHours = openingHours
        self.openingHoursNote = openingHoursNote
        self.appointmentNeeded = appointmentNeeded
        self.costs = costs
        self.languages = languages
        self.accessibility = accessibility
        self.accessibilityNote = accessibilityNote
        self.online = online
        self.catchmentArea = catchmentArea
        self.keywords = keywords
        self.checked = checked
        self.isExample = isExample
    }

    /// `/angebote/<slug>/`.
    public var url: String { "/angebote/\(slug)/" }

    /// `/angebote/<slug>/kontakt.vcf`.
    public var vCardURL: String { url + "kontakt.vcf" }
}

/// `adresse: {strasse, plz, ort, ortsteil}`.
public struct ServiceAddress: Sendable, Hashable {
    public var street: String
    public var postalCode: String
    public var city: String
    public var district: String?

    public init(street: String, postalCode: String, city: String, district: String? = nil) {
        self.street = street
        self.postalCode = postalCode
        self.city = city
        self.district = district
    }

    /// „09599 Freiberg“ or „09599 Freiberg, OT Zug“.
    public var cityLine: String {
        "\(postalCode) \(city)" + (district.map { ", OT \($0)" } ?? "")
    }
}

/// `koordinaten: {lat, lon}` in WGS 84 decimal degrees, kept with the digits as written so
/// outputs never show float noise.
public struct ServiceCoordinates: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double
    /// As written, normalised (`50.9123`).
    public var latitudeText: String
    public var longitudeText: String

    public init(latitude: Double, longitude: Double, latitudeText: String? = nil, longitudeText: String? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.latitudeText = latitudeText ?? String(latitude)
        self.longitudeText = longitudeText ?? String(longitude)
    }
}

/// `kontakt: {telefon, email, website, hotline, rolle, hinweis}`: role-based, never a person's name.
public struct ServiceContact: Sendable, Hashable {
    public var phone: PhoneNumber?
    public var email: String?
    public var website: String?
    public var hotline: PhoneNumber?
    /// Who answers („Beratungsteam“, „Leitung der Kita“).
    public var role: String?
    /// „Hotline rund um die Uhr erreichbar“.
    public var note: String?

    public init(phone: PhoneNumber? = nil, email: String? = nil, website: String? = nil, hotline: PhoneNumber? = nil,
                role: String? = nil, note: String? = nil) {
        self.phone = phone
        self.email = email
        self.website = website
        self.hotline = hotline
        self.role = role
        self.note = note
    }

    public var isEmpty: Bool { phone == nil && email == nil && website == nil && hotline == nil }
}

/// The directory as a whole: its entries and the settings of `content/angebote/_verzeichnis.md`.
public struct ServiceDirectory: Sendable {
    /// Sorted by name (umlauts folded), then slug.
    public var entries: [ServiceEntry]
    public var settings: ServiceDirectorySettings

    public init(entries: [ServiceEntry] = [], settings: ServiceDirectorySettings = ServiceDirectorySettings()) {
        self.entries = entries
        self.settings = settings
    }

    public var isEmpty: Bool { entries.isEmpty }

    public func entry(slug: String) -> ServiceEntry? { entries.first { $0.slug == slug } }
}

/// `content/angebote/_verzeichnis.md`: title and introduction of `/angebote/` and how old an
/// entry may get before the build warns.
public struct ServiceDirectorySettings: Sendable {
    public var title: String
    public var summary: String
    /// The file, whose body is the introduction; nil when there is none.
    public var source: SourceFile?
    /// `pruefintervall_monate`: months after `stand` until an entry counts as unchecked.
    public var staleAfterMonths: Int

    public static let defaultTitle = "Angebote finden"
    public static let defaultSummary = "Beratung, Kitas, Schulen und Hilfen im Landkreis Mittelsachsen – "
        + "nach Thema, Zielgruppe und Ort."
    public static let defaultStaleAfterMonths = 12

    public init(title: String = ServiceDirectorySettings.defaultTitle,
                summary: String = ServiceDirectorySettings.defaultSummary, source: SourceFile? = nil,
                staleAfterMonths: Int = ServiceDirectorySettings.defaultStaleAfterMonths) {
        self.title = title
        self.summary = summary
        self.source = source
        self.staleAfterMonths = staleAfterMonths
    }
}
