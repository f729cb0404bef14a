/// The fields of a content value (`Post`, `ServiceEntry`) in one shared, immutable box.
///
/// The build hands posts and entries around by the thousand (arrays, sorting, closures); with the
/// fields in a box a copy is one retain instead of one per field. A change puts the fields into a
/// new box, so the owning struct keeps value semantics. The box's fields are a constant, so reading
/// them needs no exclusivity check (a `var` in a class would pay one on every access).
struct SharedFields<Fields: Sendable & Hashable>: Sendable, Hashable {
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) { box = Box(fields) }

    var fields: Fields {
        _read { yield box.fields }
    }

    /// A new box with the fields changed.
    mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }

    static func == (a: Self, b: Self) -> Bool { a.box === b.box || a.box.fields == b.box.fields }

    func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }
}
