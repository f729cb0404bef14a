import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for one cmark document: cmark allocates a few hundred small blocks per post (nodes,
/// literal copies, line buffers) and frees them all at the end; with 10 000 posts in memory the
/// system allocator spends a third of the Markdown stage on that, much of it inside the parse lock.
/// Here allocation is a pointer bump in blocks that go back to the system with the document, and
/// `free` does nothing.
///
/// cmark's allocator callbacks get no context, so `calloc` takes the arena that `activate` made
/// current on this thread; `realloc` and `free` find the owner in a header before each block.
/// Outside `activate` (or for another document's nodes) memory comes from the system, marked as
/// such, so a call outside a scope costs speed, never correctness.
final class CmarkArena {
    /// Every block carries this many bytes before it: its size and its owner (nil: the system).
    /// Sixteen keeps the blocks 16-byte aligned, as `calloc` would.
    static let headerSize = 16
    private static let slabSize = 32 * 1024

    private var slabs: [UnsafeMutableRawPointer] = []
    private var next: UnsafeMutableRawPointer? = nil
    private var end: UnsafeMutableRawPointer? = nil
    /// The most recent block, which `reallocate` may grow in place.
    private var last: UnsafeMutableRawPointer? = nil

    deinit {
        for slab in slabs { free(slab) }
    }

    /// The allocator to hand to `cmark_parser_new_with_mem`; lives as long as the process and is
    /// never written after it is set up (cmark only reads it).
    nonisolated(unsafe) static let memory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: arenaFree))
        return memory
    }()

    /// Runs `body` with this arena as the one `calloc` uses on this thread; nests.
    func activate<Result>(_ body: () throws -> Result) rethrows -> Result {
        let key = Self.currentKey
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(key, previous) }
        return try body()
    }

    static let currentKey: pthread_key_t = {
        var key = pthread_key_t()
        guard pthread_key_create(&key, nil) == 0 else { fatalError("pthread_key_create failed") }
        return key
    }()

    /// The arena `activate` made current on this thread, if any.
    static var current: Unmanaged<CmarkArena>? {
        pthread_getspecific(currentKey).map { Unmanaged<CmarkArena>.fromOpaque($0) }
    }

    /// A zeroed block of `size` bytes (slabs come zeroed from `calloc` and are never reused).
    func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let total = Self.headerSize + Self.rounded(size)
        if let start = next, let end, start.distance(to: end) >= total {
            next = start + total
            last = setHeader(start, size: size)
            return last!
        }
        if total > Self.slabSize / 4 {
            // Big blocks (the rendered HTML, long paragraphs) get a slab of their own; they are
            // not `last`: growing in place needs the room of the current slab.
            let slab = Self.systemCalloc(total)
            slabs.append(slab)
            return setHeader(slab, size: size)
        }
        let slab = Self.systemCalloc(Self.slabSize)
        slabs.append(slab)
        next = slab + total
        end = slab + Self.slabSize
        last = setHeader(slab, size: size)
        return last!
    }

    /// Grows the most recent block in place when the slab has room, else copies.
    func reallocate(_ pointer: UnsafeMutableRawPointer, to size: Int) -> UnsafeMutableRawPointer {
        let old = Self.size(of: pointer)
        if pointer == last, let end, let next {
            let grownEnd = pointer + Self.rounded(size)
            if grownEnd <= end {
                if grownEnd > next { self.next = grownEnd }
                (pointer - Self.headerSize).storeBytes(of: size, as: Int.self)
                return pointer
            }
        }
        let moved = allocate(size)
        moved.copyMemory(from: pointer, byteCount: min(old, size))
        return moved
    }

    private func setHeader(_ block: UnsafeMutableRawPointer, size: Int) -> UnsafeMutableRawPointer {
        block.storeBytes(of: size, as: Int.self)
        block.storeBytes(of: Unmanaged.passUnretained(self).toOpaque(), toByteOffset: 8, as: UnsafeMutableRawPointer.self)
        return block + Self.headerSize
    }

    static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }

    static func size(of pointer: UnsafeMutableRawPointer) -> Int {
        (pointer - headerSize).load(as: Int.self)
    }

    static func owner(of pointer: UnsafeMutableRawPointer) -> Unmanaged<CmarkArena>? {
        (pointer - headerSize).load(fromByteOffset: 8, as: UnsafeMutableRawPointer?.self)
            .map { Unmanaged<CmarkArena>.fromOpaque($0) }
    }

    static func systemCalloc(_ size: Int) -> UnsafeMutableRawPointer {
        guard let block = calloc(1, size) else { fatalError("cmark: kein Speicher mehr") }
        return block
    }

    /// A block from the system with an owner-less header.
    static func systemBlock(_ size: Int) -> UnsafeMutableRawPointer {
        let block = systemCalloc(headerSize + size)
        block.storeBytes(of: size, as: Int.self)
        block.storeBytes(of: nil, toByteOffset: 8, as: UnsafeMutableRawPointer?.self)
        return block + headerSize
    }
}

private func arenaCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow else { fatalError("cmark: Speicheranforderung zu groß") }
    if let arena = CmarkArena.current { return arena._withUnsafeGuaranteedRef { $0.allocate(bytes) } }
    return CmarkArena.systemBlock(bytes)
}

private func arenaRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let pointer else { return arenaCalloc(1, size) }
    if let owner = CmarkArena.owner(of: pointer) { return owner._withUnsafeGuaranteedRef { $0.reallocate(pointer, to: size) } }
    guard let block = realloc(pointer - CmarkArena.headerSize, CmarkArena.headerSize + size) else {
        fatalError("cmark: kein Speicher mehr")
    }
    block.storeBytes(of: size, as: Int.self)
    return block + CmarkArena.headerSize
}

private func arenaFree(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer, CmarkArena.owner(of: pointer) == nil else { return }
    free(pointer - CmarkArena.headerSize)
}
