/// Stable codes of the Data module's diagnostics (for `check --format json` and tests).
public enum DataCode {
    // Reading files
    public static let fileUnreadable = "data-file-unreadable"
    public static let encodingUTF16 = "data-encoding-utf16"
    public static let encodingInvalid = "data-encoding-invalid"
    public static let encodingMojibake = "data-encoding-mojibake"
    public static let encodingNotUTF8 = "data-encoding-not-utf8"
    public static let notCSV = "data-not-csv"
    public static let csvUnclosedQuote = "data-csv-unclosed-quote"
    public static let csvTextAfterQuote = "data-csv-text-after-quote"
    public static let csvFieldCount = "data-csv-field-count"
    public static let csvHeader = "data-csv-header"

    // Areas (gebiete.csv)
    public static let areaInvalid = "data-area-invalid"
    public static let areaDuplicate = "data-area-duplicate"
    public static let areaSlugClash = "data-area-slug-clash"
    public static let areaSuccessor = "data-area-successor"

    // Values and areas in indicator CSVs and imports
    public static let unknownArea = "data-unknown-area"
    public static let areaNotValid = "data-area-not-valid-in-year"
    public static let duplicateValue = "data-duplicate-value"
    public static let invalidNumber = "data-invalid-number"
    public static let invalidFlag = "data-invalid-flag"
    public static let invalidYear = "data-invalid-year"
    public static let missingValue = "data-missing-value"
    public static let ambiguousZero = "data-ambiguous-zero"
    public static let qualityConflict = "data-quality-conflict"
    public static let publishedValueRecomputed = "data-published-value-recomputed"

    // Indicator metadata (<slug>.md)
    public static let frontMatter = "data-front-matter"
    public static let missingKey = "data-missing-key"
    public static let unknownKey = "data-unknown-key"
    public static let invalidKey = "data-invalid-key"
    public static let unknownHandlungsfeld = "data-unknown-handlungsfeld"
    public static let missingCSV = "data-missing-csv"
    public static let missingMetadata = "data-missing-metadata"
    public static let unknownIndicator = "data-unknown-indicator"
    public static let aggregationIncomplete = "data-aggregation-incomplete"

    // Importer
    public static let importLayout = "data-import-layout"
    public static let importColumn = "data-import-column"
    public static let importNoRows = "data-import-no-rows"
    public static let importAreaMissing = "data-import-area-missing"
    public static let importDecimalMark = "data-import-decimal-mark"
}
