import Foundation
import Markdown
import Support

/// A small binary format for `.sozialsite-cache/`: little-endian integers and length-prefixed
/// UTF-8, written and read in the same order. JSON would be several times larger and slower for
/// the 10,000 rendered bodies of a large blog.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) { uint(UInt64(bitPattern: Int64(value))) }

    mutating func uint(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) { uint(value.bitPattern) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func fingerprint(_ value: FileFingerprint) {
        int(Int(value.size))
        int(Int(value.modified))
        uint(value.inode)
        uint(UInt64(value.kind))
    }

    mutating func location(_ value: SourceLocation) {
        string(value.file)
        int(value.line)
        int(value.column)
    }

    mutating func diagnostic(_ value: Diagnostic) {
        bool(value.severity == .error)
        string(value.code)
        location(value.location)
        string(value.message)
        optionalString(value.hint)
        optionalString(value.stage)
    }

    mutating func body(_ value: RenderedMarkdown) {
        string(value.html)
        array(value.headings) { w, h in w.int(h.level); w.string(h.text); w.string(h.id); w.location(h.location) }
        array(value.links) { w, l in w.string(l.url); w.string(l.text); w.location(l.location); w.bool(l.isExternal) }
        array(value.images) { w, i in w.string(i.source); w.string(i.alt); w.location(i.location) }
        string(value.plainText)
        int(value.wordCount)
        array(value.diagnostics) { w, d in w.diagnostic(d) }
    }
}

struct CacheReader {
    struct Damaged: Error {}

    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func uint() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        offset += 8
        return value
    }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try uint())) }

    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset else { throw Damaged() }
        return value
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    mutating func double() throws -> Double { Double(bitPattern: try uint()) }

    mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    mutating func array<T>(_ read: (inout CacheReader) throws -> T) throws -> [T] {
        let n = try count()
        var result: [T] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try read(&self)) }
        return result
    }

    mutating func fingerprint() throws -> FileFingerprint {
        FileFingerprint(size: Int64(try int()), modified: Int64(try int()), inode: try uint(), kind: UInt32(try uint()))
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func diagnostic() throws -> Diagnostic {
        let severity: Severity = try bool() ? .error : .warning
        let code = try string()
        let location = try location()
        let message = try string()
        return Diagnostic(severity, code: code, at: location, message, hint: try optionalString(), stage: try optionalString())
    }

    mutating func body() throws -> RenderedMarkdown {
        let html = try string()
        let headings = try array { r in HeadingInfo.restored(level: try r.int(), text: try r.string(), id: try r.string(),
                                                             location: try r.location()) }
        let links = try array { r in LinkInfo.restored(url: try r.string(), text: try r.string(), location: try r.location(),
                                                       isExternal: try r.bool()) }
        let images = try array { r in ImageInfo.restored(source: try r.string(), alt: try r.string(), location: try r.location()) }
        return RenderedMarkdown.restored(html: html, headings: headings, links: links, images: images,
                                         plainText: try string(), wordCount: try int(),
                                         diagnostics: try array { try $0.diagnostic() })
    }
}
