import CCmarkGFM
import Testing
@testable import Markdown

private let memory = CmarkArena.memory.pointee

@Test func arenaBlocksAreZeroedAlignedAndApart() {
    let arena = CmarkArena()
    arena.activate {
        var blocks: [(UnsafeMutableRawPointer, Int)] = []
        // Small blocks over several slabs, and blocks too big for a slab.
        for size in Array(0..<600) + [9_000, 40_000, 3, 100_000] {
            let block = memory.calloc(1, size)!
            #expect(Int(bitPattern: block) % 16 == 0)
            #expect(UnsafeRawBufferPointer(start: block, count: size).allSatisfy { $0 == 0 })
            #expect(CmarkArena.owner(of: block)?.toOpaque() == Unmanaged.passUnretained(arena).toOpaque())
            block.initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: size), count: size)
            blocks.append((block, size))
        }
        // Nothing overlaps: every block still holds its own pattern.
        for (block, size) in blocks {
            #expect(UnsafeRawBufferPointer(start: block, count: size).allSatisfy { $0 == UInt8(truncatingIfNeeded: size) })
            memory.free(block)  // does nothing for arena memory
        }
    }
}

@Test func arenaReallocKeepsContents() {
    let arena = CmarkArena()
    arena.activate {
        let first = memory.calloc(1, 10)!
        first.copyMemory(from: Array("0123456789".utf8), byteCount: 10)
        // The latest block grows where it is.
        let grown = memory.realloc(first, 100)!
        #expect(grown == first)
        let other = memory.calloc(1, 8)!
        // An earlier block moves, with its bytes.
        let moved = memory.realloc(grown, 20_000)!
        #expect(moved != grown)
        #expect(String(decoding: UnsafeRawBufferPointer(start: moved, count: 10), as: UTF8.self) == "0123456789")
        #expect(CmarkArena.size(of: moved) == 20_000)
        let fromNothing = memory.realloc(nil, 5)!
        #expect(CmarkArena.size(of: fromNothing) == 5)
        memory.free(other)
    }
}

@Test func withoutAnArenaBlocksComeFromTheSystem() {
    #expect(CmarkArena.current == nil)
    let block = memory.calloc(4, 4)!
    #expect(CmarkArena.owner(of: block) == nil)
    block.storeBytes(of: 0x1234_5678, as: UInt32.self)
    let grown = memory.realloc(block, 4_096)!
    #expect(grown.load(as: UInt32.self) == 0x1234_5678)
    #expect(CmarkArena.size(of: grown) == 4_096)
    memory.free(grown)
    memory.free(nil)
}

@Test func arenasNestAndRestore() {
    let outer = CmarkArena()
    let inner = CmarkArena()
    outer.activate {
        inner.activate {
            #expect(CmarkArena.current?.toOpaque() == Unmanaged.passUnretained(inner).toOpaque())
        }
        #expect(CmarkArena.current?.toOpaque() == Unmanaged.passUnretained(outer).toOpaque())
    }
    #expect(CmarkArena.current == nil)
}

@Test func documentsRenderedInsideAnotherDocumentsScope() {
    // A fenced-block handler could render Markdown while the outer document is being rewritten.
    let outer = CmarkDocument("# Außen *\"x\"*\n\n- [ ] offen", options: CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8)
    let inner = outer.withArena { render("Innen \"zitiert\"").html }
    #expect(inner == "<p>Innen „zitiert“</p>\n")
    let html = outer.withHTML { String(decoding: $0, as: UTF8.self) }
    #expect(html == "<h1>Außen <em>&quot;x&quot;</em></h1>\n<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> offen</li>\n</ul>\n")
}
