import Foundation
import Support

/// One entry of the service directory (`content/angebote/<slug>.md`): a counselling centre, Kita,
/// school or support service with address, contact and opening hours. The slug is the file name.
///
/// Field names follow German service directories (see docs/angebote.md); codes of controlled
/// vocabularies are kept as written in front matter (`beratungsstelle`), their German labels come
/// from `ServiceVocabulary`.
///
/// A value whose fields live in one copy-on-write box, like `Post`: pages, feeds and indexes
/// hand entries around, and a copy is one retain instead of one per field.
public struct ServiceEntry: Sendable {
    private var storage: ServiceEntryStorage

    public init(source: SourceFile, slug: String, name: String, subtitle: String? = nil, provider: String,
                category: String, sector: String, handlungsfelder: [String], targetGroups: [String],
                address: ServiceAddress? = nil, gemeinde: ServiceGemeinde, coordinates: ServiceCoordinates? = nil,
                contact: ServiceContact = ServiceContact(), openingHours: [OpeningHoursRule] = [],
                openingHoursNote: String? = nil, appointmentNeeded: Bool? = nil, costs: String? = nil,
                languages: [String] = [], accessibility: [String] = [], accessibilityNote: String? = nil,
                online: Bool = false, catchmentArea: String? = nil, keywords: [String] = [], checked: Date,
                isExample: Bool = false) {
        storage = ServiceEntryStorage(source: source, slug: slug, name: name, subtitle: subtitle,
                                      provider: provider, category: category, sector: sector,
                                      handlungsfelder: handlungsfelder, targetGroups: targetGroups,
                                      address: address, gemeinde: gemeinde, coordinates: coordinates,
                                      contact: contact, openingHours: openingHours,
                                      openingHoursNote: openingHoursNote, appointmentNeeded: appointmentNeeded,
                                      costs: costs, languages: languages, accessibility: accessibility,
                                      accessibilityNote: accessibilityNote, online: online,
                                      catchmentArea: catchmentArea, keywords: keywords, checked: checked,
                                      isExample: isExample)
    }

    /// The box to write to, copied first unless this value is its only owner.
    private mutating func writable() -> ServiceEntryStorage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var source: SourceFile {
        get { storage.source }
        set { writable().source = newValue }
    }
    public var slug: String {
        get { storage.slug }
        set { writable().slug = newValue }
    }
    /// `name`: what the service is called („Schuldnerberatung Freiberg“).
    public var name: String {
        get { storage.name }
        set { writable().name = newValue }
    }
    /// `untertitel`: one line under the name.
    public var subtitle: String? {
        get { storage.subtitle }
        set { writable().subtitle = newValue }
    }
    /// `traeger`: who runs it („Diakonie Freiberg e. V.“).
    public var provider: String {
        get { storage.provider }
        set { writable().provider = newValue }
    }
    /// `kategorie`: code from `ServiceVocabulary.categories`.
    public var category: String {
        get { storage.category }
        set { writable().category = newValue }
    }
    /// `bereich`: code from `ServiceVocabulary.sectors` (Bildung, Gesundheit, Soziales).
    public var sector: String {
        get { storage.sector }
        set { writable().sector = newValue }
    }
    /// Handlungsfeld slugs, at least one.
    public var handlungsfelder: [String] {
        get { storage.handlungsfelder }
        set { writable().handlungsfelder = newValue }
    }
    /// `zielgruppen`: codes from `ServiceVocabulary.targetGroups`, at least one.
    public var targetGroups: [String] {
        get { storage.targetGroups }
        set { writable().targetGroups = newValue }
    }
    /// `adresse`; nil for services whose address is confidential (Frauenschutzhaus) or online only.
    public var address: ServiceAddress? {
        get { storage.address }
        set { writable().address = newValue }
    }
    /// The Gemeinde the service is in (from `gemeinde`, an AGS), with its Sozialregion.
    public var gemeinde: ServiceGemeinde {
        get { storage.gemeinde }
        set { writable().gemeinde = newValue }
    }
    public var coordinates: ServiceCoordinates? {
        get { storage.coordinates }
        set { writable().coordinates = newValue }
    }
    public var contact: ServiceContact {
        get { storage.contact }
        set { writable().contact = newValue }
    }
    /// `oeffnungszeiten`: regular weekly hours.
    public var openingHours: [OpeningHoursRule] {
        get { storage.openingHours }
        set { writable().openingHours = newValue }
    }
    /// `oeffnungszeiten_hinweis`: what the table cannot say („in den Schulferien geschlossen“).
    public var openingHoursNote: String? {
        get { storage.openingHoursNote }
        set { writable().openingHoursNote = newValue }
    }
    /// `termin_noetig`: nil when not stated.
    public var appointmentNeeded: Bool? {
        get { storage.appointmentNeeded }
        set { writable().appointmentNeeded = newValue }
    }
    /// `kosten`: free text („kostenfrei“).
    public var costs: String? {
        get { storage.costs }
        set { writable().costs = newValue }
    }
    /// `sprachen`: language names as `ServiceVocabulary.languages` writes them („Deutsch“).
    public var languages: [String] {
        get { storage.languages }
        set { writable().languages = newValue }
    }
    /// `barrierefreiheit`: codes from `ServiceVocabulary.accessibility`.
    public var accessibility: [String] {
        get { storage.accessibility }
        set { writable().accessibility = newValue }
    }
    /// `barrierefreiheit_hinweis`: free text on access.
    public var accessibilityNote: String? {
        get { storage.accessibilityNote }
        set { writable().accessibilityNote = newValue }
    }
    /// `online_angebot`: advice or help is also given online (video, chat, e-mail).
    public var online: Bool {
        get { storage.online }
        set { writable().online = newValue }
    }
    /// `einzugsgebiet`: for whom it is there by place („Landkreis Mittelsachsen“).
    public var catchmentArea: String? {
        get { storage.catchmentArea }
        set { writable().catchmentArea = newValue }
    }
    /// `stichworte`: extra words people search for.
    public var keywords: [String] {
        get { storage.keywords }
        set { writable().keywords = newValue }
    }
    /// `stand`: the day the entry was last checked (midnight in Berlin).
    public var checked: Date {
        get { storage.checked }
        set { writable().checked = newValue }
    }
    /// `beispiel`: an invented entry of the example site, shown as such.
    public var isExample: Bool {
        get { storage.isExample }
        set { writable().isExample = newValue }
    }

    /// `/angebote/<slug>/`.
    public var url: String { "/angebote/\(slug)/" }

    /// `/angebote/<slug>/kontakt.vcf`.
    public var vCardURL: String { url + "kontakt.vcf" }
}

extension ServiceEntry: Hashable {
    /// Equal when every field is equal.
    public static func == (a: ServiceEntry, b: ServiceEntry) -> Bool {
        if a.storage === b.storage { return true }
        let x = a.storage, y = b.storage
        return x.source == y.source && x.slug == y.slug && x.name == y.name && x.subtitle == y.subtitle
            && x.provider == y.provider && x.category == y.category
            && x.sector == y.sector && x.handlungsfelder == y.handlungsfelder
            && x.targetGroups == y.targetGroups && x.address == y.address
            && x.gemeinde == y.gemeinde && x.coordinates == y.coordinates
            && x.contact == y.contact && x.openingHours == y.openingHours
            && x.openingHoursNote == y.openingHoursNote && x.appointmentNeeded == y.appointmentNeeded
            && x.costs == y.costs && x.languages == y.languages
            && x.accessibility == y.accessibility && x.accessibilityNote == y.accessibilityNote
            && x.online == y.online && x.catchmentArea == y.catchmentArea
            && x.keywords == y.keywords && x.checked == y.checked
            && x.isExample == y.isExample
    }

    public func hash(into hasher: inout Hasher) {
        let x = storage
        hasher.combine(x.source)
        hasher.combine(x.slug)
        hasher.combine(x.name)
        hasher.combine(x.subtitle)
        hasher.combine(x.provider)
        hasher.combine(x.category)
        hasher.combine(x.sector)
        hasher.combine(x.handlungsfelder)
        hasher.combine(x.targetGroups)
        hasher.combine(x.address)
        hasher.combine(x.gemeinde)
        hasher.combine(x.coordinates)
        hasher.combine(x.contact)
        hasher.combine(x.openingHours)
        hasher.combine(x.openingHoursNote)
        hasher.combine(x.appointmentNeeded)
        hasher.combine(x.costs)
        hasher.combine(x.languages)
        hasher.combine(x.accessibility)
        hasher.combine(x.accessibilityNote)
        hasher.combine(x.online)
        hasher.combine(x.catchmentArea)
        hasher.combine(x.keywords)
        hasher.combine(x.checked)
        hasher.combine(x.isExample)
    }
}

/// The fields of one `ServiceEntry`.
///
/// `@unchecked Sendable` is safe because the box is only ever written through `ServiceEntry`'s
/// setters, which first make sure (`isKnownUniquelyReferenced`) that no other value shares it; a
/// box that can be seen from two places, and so from two threads, is never written again.
private final class ServiceEntryStorage: @unchecked Sendable {
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

    init(source: SourceFile, slug: String, name: String, subtitle: String?, provider: String, category: String,
         sector: String, handlungsfelder: [String], targetGroups: [String], address: ServiceAddress?,
         gemeinde: ServiceGemeinde, coordinates: ServiceCoordinates?, contact: ServiceContact,
         openingHours: [OpeningHoursRule], openingHoursNote: String?, appointmentNeeded: Bool?, costs: String?,
         languages: [String], accessibility: [String], accessibilityNote: String?, online: Bool,
         catchmentArea: String?, keywords: [String], checked: Date, isExample: Bool) {
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

    func copy() -> ServiceEntryStorage {
        ServiceEntryStorage(source: source, slug: slug, name: name, subtitle: subtitle, provider: provider,
                            category: category, sector: sector, handlungsfelder: handlungsfelder,
                            targetGroups: targetGroups, address: address, gemeinde: gemeinde,
                            coordinates: coordinates, contact: contact, openingHours: openingHours,
                            openingHoursNote: openingHoursNote, appointmentNeeded: appointmentNeeded, costs: costs,
                            languages: languages, accessibility: accessibility,
                            accessibilityNote: accessibilityNote, online: online, catchmentArea: catchmentArea,
                            keywords: keywords, checked: checked, isExample: isExample)
    }
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
