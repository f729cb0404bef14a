import Support

/// The compiled templates of a theme and the renderer for them (see `CompiledTemplate`).
///
/// Each rule below is the one of swift-mustache 2.x (`Template+Render.swift`, `Context.swift`,
/// `Sequence.swift`), restricted to the values the pages put into their contexts: `String`,
/// `Bool`, `Int`, `[String: Any]` and arrays. Anything else ends the attempt (`render` returns nil)
/// and the page is rendered by swift-mustache, so an unusual value is slower, never different.
///
/// The templates are lowered into one flat program: instructions of plain integers, all text in
/// one byte array, names interned. Both cores render pages from the same program at once; a tree
/// of enums, arrays and strings would have every step retain and release shared objects, and
/// those atomic reference counts, bouncing between the cores, cost more than the rendering.
struct CompiledTemplates: Sendable {
    let templates: [String: CompiledTemplate]
    private let program: Program

    init(templates: [String: CompiledTemplate]) {
        self.templates = templates
        program = Program(templates)
    }

    /// Renders template `name`; nil when this renderer does not know a value it met.
    func render(_ name: String, _ context: [String: Any]) -> String? {
        renderBytes(name, context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A memo for pages whose root holds `constants` (the same values under the same keys):
    /// each section or variable at the root that reads only them is rendered here, once.
    func memo(constants: [String: Any]) -> SectionMemo {
        let constant = program.distinctNames.map { constants[$0] != nil }
        var kept: [Int: [UInt8]] = [:]
        for pc in program.code.indices where program.memoizable[pc]
            && constant[Int(program.nameNumbers[Int(program.code[pc].b)])] {
            // Rendered from a root of the constants alone: a lookup that asks the root for any
            // other name (or misses there, which a page could answer) marks it page-dependent.
            var machine = Machine(program: program.core, root: constants, kept: nil, constant: constant)
            guard (try? machine.step(pc, top: nil)) != nil, !machine.readsPage else { continue }
            kept[pc] = machine.out
        }
        return SectionMemo(program: program, constant: constant, kept: kept)
    }

    /// `render` as UTF-8 bytes, for a page that goes straight into a file (no String in between).
    /// With `memo`, sections and variables that read only its constant root values are copied from
    /// it (see `SectionMemo`).
    func renderBytes(_ name: String, _ context: [String: Any], memo: SectionMemo? = nil) -> [UInt8]? {
        guard let entry = program.entries[name] else { return nil }
        var machine = Machine(program: program.core, root: context,
                              kept: memo.flatMap { $0.program === program.identity ? $0.kept : nil })
        do {
            try machine.run(entry, top: nil)
        } catch {
            return nil
        }
        return machine.out
    }

    // MARK: - Program

    enum Op: UInt8 { case text, variable, unescaped, section, inverted, partial, block }

    /// One step. Meaning of the operands by `op`:
    /// text: `a..<a+b` in `text`; variable/unescaped: path `kind` `a`, names `b..<b+c`;
    /// section/inverted: path as variable, body up to `d`; partial: entry `a` (-1: none),
    /// indentation `b` (-1: none), overrides `c..<c+d`; block: name `a`, indentation `b`,
    /// default body up to `c`.
    struct Instruction: Sendable {
        var op: Op
        var a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0
    }

    struct Override: Sendable {
        var block: Int32
        var start: Int32, end: Int32
    }

    struct Program: Sendable {
        var code: [Instruction] = []
        var text: [UInt8] = []
        var names: [String] = []
        var indentations: [String] = []
        var overrides: [Override] = []
        /// Code range of each template, by name and by number (partials refer to numbers).
        var entries: [String: Range<Int>] = [:]
        var ranges: [Range<Int>] = []
        /// For each of `names`, its number among the distinct names (`distinctNames`).
        var nameNumbers: [Int32] = []
        var distinctNames: [String] = []
        /// For each instruction: whether it is a variable or section whose output a `SectionMemo`
        /// may keep (a name path, no partial or block inside whose output would depend on the caller).
        var memoizable: [Bool] = []
        /// Tells a `SectionMemo` made for this program from one made for another theme.
        let identity = ProgramIdentity()

        /// What a `Machine` reads while it renders. A machine copies it for the page (a count on
        /// each array, and the arrays are the same for every page on every core): seven counts
        /// instead of the program's eleven.
        struct Core {
            let code: [Instruction]
            let text: [UInt8]
            let names: [String]
            let indentations: [String]
            let overrides: [Override]
            let ranges: [Range<Int>]
            let nameNumbers: [Int32]
            let distinctNameCount: Int
        }

        var core: Core {
            Core(code: code, text: text, names: names, indentations: indentations, overrides: overrides,
                 ranges: ranges, nameNumbers: nameNumbers, distinctNameCount: distinctNames.count)
        }

        init(_ templates: [String: CompiledTemplate]) {
            let names = templates.keys.sorted()
            var numbers: [String: Int32] = [:]
            for (number, name) in names.enumerated() { numbers[name] = Int32(number) }
            var blockNames: [String: Int32] = [:]
            for name in names {
                let start = code.count
                emit(templates[name]!.nodes, numbers: numbers, blocks: &blockNames)
                ranges.append(start..<code.count)
                entries[name] = start..<code.count
            }
            var distinct: [String: Int32] = [:]
            for name in self.names {
                if distinct[name] == nil {
                    distinct[name] = Int32(distinctNames.count)
                    distinctNames.append(name)
                }
                nameNumbers.append(distinct[name]!)
            }
            memoizable = code.indices.map { pc in
                let instruction = code[pc]
                guard instruction.a == 2, instruction.c > 0 else { return false }
                switch instruction.op {
                case .variable, .unescaped: return true
                case .section, .inverted:
                    return !code[pc + 1..<Int(instruction.d)].contains { $0.op == .partial || $0.op == .block }
                case .text, .partial, .block: return false
                }
            }
        }

        private mutating func emit(_ nodes: [CompiledTemplate.Node], numbers: [String: Int32], blocks: inout [String: Int32]) {
            for node in nodes {
                switch node {
                case .text(let string):
                    let bytes = Array(string.utf8)
                    code.append(Instruction(op: .text, a: Int32(text.count), b: Int32(bytes.count)))
                    text += bytes
                case .variable(let path, let escaped):
                    code.append(pathInstruction(escaped ? .variable : .unescaped, path))
                case .section(let path, let body), .invertedSection(let path, let body):
                    let isSection: Bool = if case .section = node { true } else { false }
                    let at = code.count
                    code.append(pathInstruction(isSection ? .section : .inverted, path))
                    emit(body, numbers: numbers, blocks: &blocks)
                    code[at].d = Int32(code.count)
                case .partial(let name, let indentation, let overrides):
                    let at = code.count
                    code.append(Instruction(op: .partial, a: numbers[name] ?? -1, b: intern(indentation), d: -1))
                    guard let overrides else { break }
                    // The overriding blocks' code follows, behind a jump (a block without a name).
                    code.append(Instruction(op: .block, a: -1, b: -1))
                    var table: [Override] = []
                    for blockName in overrides.keys.sorted() {
                        let start = code.count
                        emit(overrides[blockName]!, numbers: numbers, blocks: &blocks)
                        table.append(Override(block: block(blockName, &blocks), start: Int32(start), end: Int32(code.count)))
                    }
                    code[at + 1].c = Int32(code.count)
                    code[at].c = Int32(self.overrides.count)
                    code[at].d = Int32(table.count)
                    self.overrides += table
                case .block(let name, let fallback, let indentation):
                    let at = code.count
                    code.append(Instruction(op: .block, a: block(name, &blocks), b: intern(indentation)))
                    emit(fallback, numbers: numbers, blocks: &blocks)
                    code[at].c = Int32(code.count)
                }
            }
        }

        private mutating func pathInstruction(_ op: Op, _ path: CompiledTemplate.Path) -> Instruction {
            let start = Int32(names.count)
            switch path {
            case .current:
                return Instruction(op: op, a: 0, b: start, c: 0)
            case .local(let parts):
                names += parts
                return Instruction(op: op, a: 1, b: start, c: Int32(parts.count))
            case .climbing(let parts):
                names += parts
                return Instruction(op: op, a: 2, b: start, c: Int32(parts.count))
            }
        }

        private mutating func intern(_ indentation: String?) -> Int32 {
            guard let indentation else { return -1 }
            indentations.append(indentation)
            return Int32(indentations.count - 1)
        }

        private func block(_ name: String, _ blocks: inout [String: Int32]) -> Int32 {
            if let number = blocks[name] { return number }
            blocks[name] = Int32(blocks.count)
            return Int32(blocks.count - 1)
        }
    }

    // MARK: - Machine

    /// A value was met that only swift-mustache knows how to treat.
    private struct Unknown: Error {}

    /// The dynamic types the pages put into their contexts, as identities to compare with one
    /// pointer comparison. A failed `as?` cast walks the runtime's conversion rules, and a cast of
    /// `[[String: Any]]` to `[Any]` builds a new array with every element boxed again: testing
    /// the exact type first and then casting to it costs neither.
    private struct KnownTypes {
        let string = ObjectIdentifier(String.self)
        let int = ObjectIdentifier(Int.self)
        let bool = ObjectIdentifier(Bool.self)
        let dictionary = ObjectIdentifier([String: Any].self)
        let dictionaries = ObjectIdentifier([[String: Any]].self)
        let array = ObjectIdentifier([Any].self)
    }

    /// A context value classified once: what a variable prints, what a section does with it and
    /// what a lookup finds in it all follow from the case.
    private enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
        case dictionary([String: Any])
        case dictionaries([[String: Any]])
        case array([Any])
        /// A value of another type in a frame: a lookup in it would need `Mirror`, a variable or
        /// section of it swift-mustache's rules for further types.
        case other
        /// Only as the top frame: a dictionary that the running `run` holds as its `top`
        /// parameter. A section over dictionaries would otherwise copy each of them onto the stack
        /// (a retain and release of an object every page shares) only to find names in `top`.
        /// Pushing a frame above it stores the dictionary (`pushing`), so no lookup below the top
        /// meets this case; one that did would give up (`Unknown`), never print something else.
        case borrowed

        /// `value` is consumed: the cast moves the payload out of the box instead of copying it.
        init(_ value: consuming Any, _ types: KnownTypes) {
            switch Self.typeIdentifier(of: value) {
            case types.string: self = .string((consume value) as! String)
            case types.dictionary: self = .dictionary((consume value) as! [String: Any])
            case types.bool: self = .bool((consume value) as! Bool)
            case types.dictionaries: self = .dictionaries((consume value) as! [[String: Any]])
            case types.int: self = .int((consume value) as! Int)
            case types.array: self = .array((consume value) as! [Any])
            default: self = Value(converting: value)
            }
        }

        private static func typeIdentifier(of value: borrowing Any) -> ObjectIdentifier {
            ObjectIdentifier(Swift.type(of: value))
        }

        /// Any other type, by the casts the rules were first written with (an optional, a
        /// `[String: String]`, an `[Int]` …): the same outcome as before, only slower.
        private init(converting value: Any) {
            if let string = value as? String { self = .string(string) }
            else if let dictionary = value as? [String: Any] { self = .dictionary(dictionary) }
            else if let number = value as? Int { self = .int(number) }
            else if let bool = value as? Bool { self = .bool(bool) }
            else if let array = value as? [Any] { self = .array(array) }
            else { self = .other }
        }
    }

    /// The render state of one page: swift-mustache's `MustacheContext` as a stack that grows and
    /// shrinks instead of being copied for every section.
    private struct Machine {
        let program: Program.Core
        let types = KnownTypes()
        var out: [UInt8] = []
        /// The context stack, root first; each value classified when it was pushed.
        var frames: [Value]
        var indentation: String? = nil
        /// Active block overrides; the first of a name wins (the outermost template's).
        var overrides: [Override] = []
        /// What the page's `SectionMemo` kept (nil without one): the kept outputs themselves, not
        /// the memo, one count for the whole render.
        let kept: KeptOutputs?
        /// For each distinct name, whether it is a constant root key (nil: nobody asks).
        let constant: [Bool]?
        /// Set when a lookup read the root for a name that is not `constant` (or missed there):
        /// what is being rendered depends on the page (see `memo(constants:)`).
        var readsPage = false
        /// The root's value of each distinct name once a lookup reached the root for it. A page
        /// asks its root for `page`, `post` or `list` a few dozen times; the root never changes
        /// during a render, so hashing, copying and classifying the value once is enough.
        var rootValues: [RootValue]
        /// The boxes `rootValues` points to, owned here for the whole render.
        var rootEntries: [RootEntry] = []

        /// A root dictionary is boxed and referred to without a count: a lookup of `page.title`
        /// then reads `page` as the `let` of a box it borrows instead of copying it out of
        /// `rootValues`, a retain and release for every one of a page's dozens of `page.…` and
        /// `post.…` names. Other values are kept as they are (a box costs an allocation, and
        /// nothing is looked up inside them).
        enum RootValue { case unread, missing, found(Value), boxed(Unmanaged<RootEntry>) }

        final class RootEntry {
            let value: Value
            init(_ value: consuming Value) { self.value = value }
        }

        init(program: Program.Core, root: [String: Any], kept: KeptOutputs?, constant: [Bool]? = nil) {
            self.program = program
            self.kept = kept
            self.constant = constant
            rootValues = Array(repeating: .unread, count: program.distinctNameCount)
            frames = [.dictionary(root)]
            frames.reserveCapacity(16)
            // A page boxes a few root values (`page`, `post`, `list` …): room for them at once.
            rootEntries.reserveCapacity(8)
            out.reserveCapacity(32_768)
        }

        /// Runs the instructions in `range`.
        ///
        /// `top` is the dictionary of the top frame when that frame is a dictionary above the root
        /// (nil otherwise). It is a parameter, not read from `frames`, because a lookup in a value
        /// loaded from memory retains and releases it around the search, while a parameter is
        /// borrowed for the whole call. The frames pushed by sections are mostly objects that
        /// every page shares (cards, Handlungsfeld links, the site feeds), and those counts,
        /// bouncing between the cores, were the largest cost of a lookup.
        mutating func run(_ range: Range<Int>, top: [String: Any]?) throws {
            guard let indentation, !indentation.isEmpty else {
                var pc = range.lowerBound
                while pc < range.upperBound { pc = try step(pc, top: top) }
                return
            }
            // swift-mustache indents a token's output when the text rendered so far by this
            // template (not the whole page) ends a line (`"\n"` as a Character, so not `"\r\n"`).
            let start = out.count
            var pc = range.lowerBound
            while pc < range.upperBound {
                let before = out.count
                let endsLine = before > start && out[before - 1] == 0x0A && !(before - 1 > start && out[before - 2] == 0x0D)
                pc = try step(pc, top: top)
                if endsLine && out.count > before { out.insert(contentsOf: indentation.utf8, at: before) }
            }
        }

        /// Runs the instruction at `pc` (with its body) and returns the address of the next one.
        mutating func step(_ pc: Int, top: [String: Any]?) throws -> Int {
            let instruction = program.code[pc]
            switch instruction.op {
            case .text:
                program.text.withUnsafeBufferPointer { text in
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(instruction.a)..<Int(instruction.a + instruction.b)]))
                }
                return pc + 1

            case .variable, .unescaped:
                if frames.count == 1, let range = kept?.range(pc), indentation?.isEmpty ?? true {
                    kept!.copy(range, into: &out)
                    return pc + 1
                }
                guard let value = try lookup(instruction, top: top) else { return pc + 1 }
                switch consume value {
                case .string(let string):
                    if instruction.op == .variable { appendEscaped(string) } else { appendUnescaped(string) }
                case .int(let number):
                    out.append(contentsOf: String(number).utf8)
                case .bool(let bool):
                    out.append(contentsOf: (bool ? "true" : "false").utf8)
                case .dictionary, .dictionaries, .array, .other, .borrowed:
                    throw Unknown()
                }
                return pc + 1

            case .section:
                if frames.count == 1, let range = kept?.range(pc), indentation?.isEmpty ?? true {
                    kept!.copy(range, into: &out)
                    return Int(instruction.d)
                }
                return try section(pc, instruction, top: top)

            case .inverted:
                if frames.count == 1, let range = kept?.range(pc), indentation?.isEmpty ?? true {
                    kept!.copy(range, into: &out)
                    return Int(instruction.d)
                }
                return try inverted(pc, instruction, top: top)

            case .partial:
                guard instruction.a >= 0 else { return pc + 1 }
                let savedIndentation = indentation, savedOverrides = overrides.count
                if instruction.b >= 0 { indentation = (indentation ?? "") + program.indentations[Int(instruction.b)] }
                if instruction.d > 0 {
                    overrides += program.overrides[Int(instruction.c)..<Int(instruction.c + instruction.d)]
                }
                try run(program.ranges[Int(instruction.a)], top: top)
                indentation = savedIndentation
                overrides.removeSubrange(savedOverrides...)
                return pc + 1

            case .block:
                let fallback = pc + 1..<Int(instruction.c)
                guard instruction.a >= 0 else { return fallback.upperBound }  // jump over override code
                let savedIndentation = indentation
                if instruction.b >= 0 { indentation = (indentation ?? "") + program.indentations[Int(instruction.b)] }
                if let override = overrides.first(where: { $0.block == instruction.a }) {
                    try run(Int(override.start)..<Int(override.end), top: top)
                } else {
                    try run(fallback, top: top)
                }
                indentation = savedIndentation
                return fallback.upperBound
            }
        }

        private mutating func section(_ pc: Int, _ instruction: Instruction, top: [String: Any]?) throws -> Int {
            let body = pc + 1..<Int(instruction.d)
            guard let value = try lookup(instruction, top: top) else { return body.upperBound }
            switch consume value {
            case .dictionary(let dictionary):
                try pushing(.borrowed, over: top) { try $0.run(body, top: dictionary) }
            case .string(let string):
                try pushing(.string(string), over: top) { try $0.run(body, top: nil) }
            case .int(let number):
                try pushing(.int(number), over: top) { try $0.run(body, top: nil) }
            case .bool(let bool):
                if bool { try run(body, top: top) }
            case .dictionaries(let array):
                for element in array { try pushing(.borrowed, over: top) { try $0.run(body, top: element) } }
            case .array(let array):
                for element in array {
                    switch Value(element, types) {
                    case .dictionary(let dictionary):
                        try pushing(.borrowed, over: top) { try $0.run(body, top: dictionary) }
                    case let other:
                        try pushing(other, over: top) { try $0.run(body, top: nil) }
                    }
                }
            case .other, .borrowed:
                throw Unknown()
            }
            return body.upperBound
        }

        private mutating func inverted(_ pc: Int, _ instruction: Instruction, top: [String: Any]?) throws -> Int {
            let body = pc + 1..<Int(instruction.d)
            guard let value = try lookup(instruction, top: top) else {
                try run(body, top: top)
                return body.upperBound
            }
            switch value {
            case .string, .dictionary, .int:
                break
            case .bool(let bool):
                if !bool { try run(body, top: top) }
            case .dictionaries(let array):
                if array.isEmpty { try pushing(value, over: top) { try $0.run(body, top: nil) } }
            case .array(let array):
                if array.isEmpty { try pushing(value, over: top) { try $0.run(body, top: nil) } }
            case .other, .borrowed:
                throw Unknown()
            }
            return body.upperBound
        }

        /// `value` is consumed: an element of a list moves onto the stack instead of being retained
        /// once more there (list elements are often cards that all cores read at once). `top` is the
        /// `top` of the caller: a `.borrowed` top frame becomes that dictionary before it is covered.
        private mutating func pushing(_ value: consuming Value, over top: [String: Any]?,
                                      _ body: (inout Machine) throws -> Void) rethrows {
            if case .borrowed = frames.last {
                frames[frames.count - 1] = top.map { .dictionary($0) } ?? .other
            }
            frames.append(value)
            defer { frames.removeLast() }
            try body(&self)
        }

        /// swift-mustache's `getChild`: the first name is looked up from the top of the stack down
        /// (or in the top object only), the rest of the names inside what it found.
        private mutating func lookup(_ instruction: Instruction, top: [String: Any]?) throws -> Value? {
            let first = Int(instruction.b), count = Int(instruction.c)
            switch instruction.a {
            case 0:
                if frames.count == 1 { readsPage = true }
                return topFrame(top)
            case 1:
                guard let last = topFrame(top) else { return nil }
                if frames.count == 1 { notePageRead(count > 0 ? first : nil) }
                return try descend(first..<first + count, from: last)
            default:
                guard count > 0 else {
                    if frames.count == 1 { readsPage = true }
                    return topFrame(top)
                }
                let name = program.names[first]
                let types = types
                // The top frame first, through the borrowed `top` (see `run`).
                if frames.count > 1, let value = Self.value(inOptional: top, name) {
                    let found = Value(consume value, types)
                    return count == 1 ? found : try descend(first + 1..<first + count, from: found)
                }
                let below = frames.count - (top == nil ? 1 : 2)
                // The frames below it are read through a buffer pointer, so that looking at a frame
                // does not copy the array; safe because nothing changes `frames` while the closure
                // runs (it only reads).
                let above = try frames.withUnsafeBufferPointer { frames -> Value? in
                    var index = below
                    while index >= 1 {
                        switch frames[index] {
                        case .dictionary(let dictionary):
                            if let value = Self.value(in: dictionary, name) { return Value(consume value, types) }
                        case .string, .int, .bool, .dictionaries, .array:
                            break
                        case .other, .borrowed:
                            throw Unknown()
                        }
                        index -= 1
                    }
                    return nil
                }
                if let above {
                    return count == 1 ? above : try descend(first + 1..<first + count, from: above)
                }
                // Found in the root or nowhere: the root was asked for `name`.
                notePageRead(first)
                switch rootValue(first) {
                case .found(let value):
                    return count == 1 ? value : try descend(first + 1..<first + count, from: value)
                case .boxed(let entry):
                    // Safe without a count of its own: `rootEntries` holds every entry until the
                    // machine ends, and nothing removes one.
                    return try entry._withUnsafeGuaranteedRef { entry in
                        count == 1 ? entry.value : try descend(first + 1..<first + count, inside: entry.value)
                    }
                case .missing, .unread:
                    return nil
                }
            }
        }

        /// `dictionary[name]`. A small dictionary is searched by comparing its keys: hashing the
        /// name costs more than comparing it with up to eight keys, and most sections run over
        /// small ones (links, breadcrumbs, feeds, page numbers, images). The same `==` the
        /// dictionary uses, so the same value is found.
        @inline(__always)
        private static func value(in dictionary: [String: Any], _ name: String) -> Any? {
            guard dictionary.count <= 8 else { return dictionary[name] }
            var position = dictionary.startIndex
            let end = dictionary.endIndex
            while position != end {
                if dictionary.keys[position] == name { return dictionary.values[position] }
                dictionary.formIndex(after: &position)
            }
            return nil
        }

        /// `value(in:_:)` of the borrowed `top`, nil without one.
        @inline(__always)
        private static func value(inOptional dictionary: borrowing [String: Any]?, _ name: String) -> Any? {
            switch dictionary {
            case .some(let dictionary): value(in: dictionary, name)
            case .none: nil
            }
        }

        /// The top frame, a `.borrowed` one as the dictionary `top` it stands for.
        private func topFrame(_ top: [String: Any]?) -> Value? {
            guard let last = frames.last else { return nil }
            guard case .borrowed = last else { return last }
            return top.map { .dictionary($0) } ?? .other
        }

        /// The root's value under `names[name]` (the root is always a dictionary; never `.unread`),
        /// read and classified the first time, from `rootValues` after that.
        private mutating func rootValue(_ name: Int) -> RootValue {
            let number = Int(program.nameNumbers[name])
            if case .unread = rootValues[number] {
                if case .dictionary(let root) = frames[0], let value = root[program.names[name]] {
                    let classified = Value(consume value, types)
                    if case .dictionary = classified {
                        let entry = RootEntry(classified)
                        rootEntries.append(entry)
                        rootValues[number] = .boxed(Unmanaged.passUnretained(entry))
                    } else {
                        rootValues[number] = .found(classified)
                    }
                } else {
                    rootValues[number] = .missing
                }
            }
            return rootValues[number]
        }

        /// The root was asked for `names[name]` (nil: for itself): unless that name is `constant`,
        /// what is being rendered depends on the page.
        private mutating func notePageRead(_ name: Int?) {
            guard let constant else { return }
            guard let name, constant[Int(program.nameNumbers[name])] else {
                readsPage = true
                return
            }
        }

        /// `descend` from a value the caller only lends (a root value): the first step borrows it.
        private func descend(_ names: Range<Int>, inside object: Value) throws -> Value? {
            guard let first = names.first else { return object }
            guard let child = try child(program.names[first], of: object) else { return nil }
            return try descend(first + 1..<names.upperBound, from: child)
        }

        /// `object` is consumed: the caller's found value moves in instead of being copied.
        private func descend(_ names: Range<Int>, from object: consuming Value) throws -> Value? {
            for index in names {
                guard let child = try child(program.names[index], of: object) else { return nil }
                object = child
            }
            return object
        }

        /// The value under `name` in `frame`: only dictionaries have named children.
        private func child(_ name: String, of frame: Value) throws -> Value? {
            switch frame {
            case .dictionary(let dictionary):
                guard let value = Self.value(in: dictionary, name) else { return nil }
                return Value(consume value, types)
            case .string, .int, .bool, .dictionaries, .array: return nil
            case .other, .borrowed: throw Unknown()
            }
        }

        /// The bytes of `string` as they are. Consumed and read through `withUTF8`: appending the
        /// `utf8` view retains and releases the string's storage once more, and these are often
        /// strings every page shares (a card's HTML).
        private mutating func appendUnescaped(_ string: consuming String) {
            string.withUTF8 { out.append(contentsOf: $0) }
        }

        /// `Escape.html`, straight into the output. `string` is consumed: the caller's value moves
        /// in instead of being copied (and retained) for `withUTF8`, which needs a variable.
        private mutating func appendEscaped(_ string: consuming String) {
            Escape.appendHTML(string, to: &out)
        }
    }
}

/// Tells programs apart (a `SectionMemo` only serves the program it was made for).
final class ProgramIdentity: Sendable {}

/// Sections and variables rendered once for many pages. The caller hands over the root values
/// that are the same on every page it renders with this memo (`site`, `contact` …). A section or
/// variable at the root whose name starts with such a key is rendered when the memo is made, from
/// those values alone, and kept when no lookup inside asked the root for another key (or missed
/// there, which a page could answer): its output then follows from the constant values. Pages
/// copy the kept bytes. Header menus and the footer are a third of the lookups of a page.
///
/// Pages render on all cores at once. Everything is rendered before the first page and never
/// changes after, so pages read the bytes without a lock, and through a buffer pointer, without
/// retaining arrays that the other cores read as well.
final class SectionMemo: Sendable {
    let program: ProgramIdentity
    /// For each of the program's distinct names: whether it is a constant root key.
    let constant: [Bool]
    let kept: KeptOutputs

    init(program: CompiledTemplates.Program, constant: [Bool], kept: [Int: [UInt8]]) {
        self.program = program.identity
        self.constant = constant
        self.kept = KeptOutputs(kept, instructions: program.code.count)
    }

    /// How many sections and variables are kept (for tests).
    var keptCount: Int { kept.starts.count { $0 >= 0 } }
}

/// The outputs a `SectionMemo` kept, end to end: instruction `pc`'s at
/// `starts[pc]..<starts[pc] + counts[pc]` (`starts[pc]` is -1 when nothing is kept for it).
///
/// A class, immutable once made: a page's `Machine` holds one count on it, not one on each array.
final class KeptOutputs: Sendable {
    let bytes: [UInt8]
    let starts: [Int32]
    let counts: [Int32]

    init(_ kept: [Int: [UInt8]], instructions: Int) {
        var bytes: [UInt8] = []
        var starts = [Int32](repeating: -1, count: instructions)
        var counts = [Int32](repeating: 0, count: instructions)
        for pc in kept.keys.sorted() {
            starts[pc] = Int32(bytes.count)
            counts[pc] = Int32(kept[pc]!.count)
            bytes += kept[pc]!
        }
        self.bytes = bytes
        self.starts = starts
        self.counts = counts
    }

    /// Where the output kept for the instruction at `pc` lies in `bytes`; nil when there is none.
    func range(_ pc: Int) -> Range<Int>? {
        guard pc < starts.count, starts[pc] >= 0 else { return nil }
        return Int(starts[pc])..<Int(starts[pc]) + Int(counts[pc])
    }

    func copy(_ range: Range<Int>, into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
