import Foundation
import Support

/// One entry of the service directory (`content/angebote/<slug>.md`): a counselling centre, Kita,
/// school or support service with address, contact and opening hours. The slug is the file name.
///
/// Field names follow German service directories (see docs/angebote.md); codes of controlled
/// vocabularies are kept as written in front matter (`beratungsstelle`), their German labels come
/// from `ServiceVocabulary`.
///
/// Its fields live in one shared, immutable box (`SharedFields`), like those of `Post`.
public struct ServiceEntry: Sendable {
    private var storage: SharedFields<ServiceEntryFields>

    public init(source: SourceFile, slug: String, name: String, subtitle: String? = nil, provider: String,
                category: String, sector: String, handlungsfelder: [String], targetGroups: [String],
                address: ServiceAddress? = nil, gemeinde: ServiceGemeinde, coordinates: ServiceCoordinates? = nil,
                contact: ServiceContact = ServiceContact(), openingHours: [OpeningHoursRule] = [],
                openingHoursNote: String? = nil, appointmentNeeded: Bool? = nil, costs: String? = nil,
                languages: [String] = [], accessibility: [String] = [], accessibilityNote: String? = nil,
                online: Bool = false, catchmentArea: String? = nil, keywords: [String] = [], checked: Date,
                isExample: Bool = false) {
        storage = SharedFields(ServiceEntryFields(source: source, slug: slug, name: name, subtitle: subtitle,
                                      provider: provider, category: category, sector: sector,
                                      handlungsfelder: handlungsfelder, targetGroups: targetGroups,
                                      address: address, gemeinde: gemeinde, coordinates: coordinates,
                                      contact: contact, openingHours: openingHours,
                                      openingHoursNote: openingHoursNote, appointmentNeeded: appointmentNeeded,
                                      costs: costs, languages: languages, accessibility: accessibility,
                                      accessibilityNote: accessibilityNote, online: online,
                                      catchmentArea: catchmentArea, keywords: keywords, checked: checked,
                                      isExample: isExample))
    }


    public var source: SourceFile {
        _read { yield storage.fields.source }
        set { storage.update { $0.source = newValue } }
    }
    public var slug: String {
        get { storage.fields.slug }
        set { storage.update { $0.slug = newValue } }
    }
    /// `name`: what the service is called („Schuldnerberatung Freiberg“).
    public var name: String {
        get { storage.fields.name }
        set { storage.update { $0.name = newValue } }
    }
    /// `untertitel`: one line under the name.
    public var subtitle: String? {
        get { storage.fields.subtitle }
        set { storage.update { $0.subtitle = newValue } }
    }
    /// `traeger`: who runs it („Diakonie Freiberg e. V.“).
    public var provider: String {
        get { storage.fields.provider }
        set { storage.update { $0.provider = newValue } }
    }
    /// `kategorie`: code from `ServiceVocabulary.categories`.
    public var category: String {
        get { storage.fields.category }
        set { storage.update { $0.category = newValue } }
    }
    /// `bereich`: code from `ServiceVocabulary.sectors` (Bildung, Gesundheit, Soziales).
    public var sector: String {
        get { storage.fields.sector }
        set { storage.update { $0.sector = newValue } }
    }
    /// Handlungsfeld slugs, at least one.
    public var handlungsfelder: [String] {
        get { storage.fields.handlungsfelder }
        set { storage.update { $0.handlungsfelder = newValue } }
    }
    /// `zielgruppen`: codes from `ServiceVocabulary.targetGroups`, at least one.
    public var targetGroups: [String] {
        get { storage.fields.targetGroups }
        set { storage.update { $0.targetGroups = newValue } }
    }
    /// `adresse`; nil for services whose address is confidential (Frauenschutzhaus) or online only.
    public var address: ServiceAddress? {
        _read { yield storage.fields.address }
        set { storage.update { $0.address = newValue } }
    }
    /// The Gemeinde the service is in (from `gemeinde`, an AGS), with its Sozialregion.
    public var gemeinde: ServiceGemeinde {
        _read { yield storage.fields.gemeinde }
        set { storage.update { $0.gemeinde = newValue } }
    }
    public var coordinates: ServiceCoordinates? {
        _read { yield storage.fields.coordinates }
        set { storage.update { $0.coordinates = newValue } }
    }
    public var contact: ServiceContact {
        _read { yield storage.fields.contact }
        set { storage.update { $0.contact = newValue } }
    }
    /// `oeffnungszeiten`: regular weekly hours.
    public var openingHours: [OpeningHoursRule] {
        get { storage.fields.openingHours }
        set { storage.update { $0.openingHours = newValue } }
    }
    /// `oeffnungszeiten_hinweis`: what the table cannot say („in den Schulferien geschlossen“).
    public var openingHoursNote: String? {
        get { storage.fields.openingHoursNote }
        set { storage.update { $0.openingHoursNote = newValue } }
    }
    /// `termin_noetig`: nil when not stated.
    public var appointmentNeeded: Bool? {
        get { storage.fields.appointmentNeeded }
        set { storage.update { $0.appointmentNeeded = newValue } }
    }
    /// `kosten`: free text („kostenfrei“).
    public var costs: String? {
        get { storage.fields.costs }
        set { storage.update { $0.costs = newValue } }
    }
    /// `sprachen`: language names as `ServiceVocabulary.languages` writes them („Deutsch“).
    public var languages: [String] {
        get { storage.fields.languages }
        set { storage.update { $0.languages = newValue } }
    }
    /// `barrierefreiheit`: codes from `ServiceVocabulary.accessibility`.
    public var accessibility: [String] {
        get { storage.fields.accessibility }
        set { storage.update { $0.accessibility = newValue } }
    }
    /// `barrierefreiheit_hinweis`: free text on access.
    public var accessibilityNote: String? {
        get { storage.fields.accessibilityNote }
        set { storage.update { $0.accessibilityNote = newValue } }
    }
    /// `online_angebot`: advice or help is also given online (video, chat, e-mail).
    public var online: Bool {
        get { storage.fields.online }
        set { storage.update { $0.online = newValue } }
    }
    /// `einzugsgebiet`: for whom it is there by place („Landkreis Mittelsachsen“).
    public var catchmentArea: String? {
        get { storage.fields.catchmentArea }
        set { storage.update { $0.catchmentArea = newValue } }
    }
    /// `stichworte`: extra words people search for.
    public var keywords: [String] {
        get { storage.fields.keywords }
        set { storage.update { $0.keywords = newValue } }
    }
    /// `stand`: the day the entry was last checked (midnight in Berlin).
    public var checked: Date {
        get { storage.fields.checked }
        set { storage.update { $0.checked = newValue } }
    }
    /// `beispiel`: an invented entry of the example site, shown as such.
    public var isExample: Bool {
        get { storage.fields.isExample }
        set { storage.update { $0.isExample = newValue } }
    }

    /// `/angebote/<slug>/`.
    public var url: String { "/angebote/\(slug)/" }

    /// `/angebote/<slug>/kontakt.vcf`.
    public var vCardURL: String { url + "kontakt.vcf" }
}

extension ServiceEntry: Hashable {
    /// Equal when every field is equal.
    public static func == (a: ServiceEntry, b: ServiceEntry) -> Bool {
        a.storage == b.storage
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}

/// The fields of one `ServiceEntry`.
private struct ServiceEntryFields: Sendable, Hashable {
    var source: SourceFile
    var slug: String
    var name: String
    var subtitle: String?
    var provider: String
    var category: String
    var sector: String
    var handlungsfelder: [String]
    var targetGroups: [String]
    var address: ServiceAddress?
    var gemeinde: ServiceGemeinde
    var coordinates: ServiceCoordinates?
    var contact: ServiceContact
    var openingHours: [OpeningHoursRule]
    var openingHoursNote: String?
    var appointmentNeeded: Bool?
    var costs: String?
    var languages: [String]
    var accessibility: [String]
    var accessibilityNote: String?
    var online: Bool
    var catchmentArea: String?
    var keywords: [String]
    var checked: Date
    var isExample: Bool
}


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
