import Glibc
import Testing
@testable import ReaderCore

/// glibc's `wcwidth`, looked up at run time: the Glibc module does not export it
/// (it is only declared under `_XOPEN_SOURCE`).
private func glibcWcwidth() throws -> @convention(c) (Int32) -> Int32 {
    let symbol = try #require(dlsym(nil, "wcwidth"))  // nil is RTLD_DEFAULT
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
}

@Suite struct DisplayWidthTests {
    @Test func examples() throws {
        func w(_ v: UInt32, wide: Bool = false) throws -> Int {
            DisplayWidth.of(try #require(Unicode.Scalar(v)), ambiguousWide: wide)
        }
        #expect(try w(0x4E2D) == 2)  // 中
        #expect(try w(0x61) == 1)  // a
        #expect(try w(0x301) == 0)  // combining acute accent
        #expect(try w(0x201C) == 1)  // “ East Asian Ambiguous
        #expect(try w(0x201C, wide: true) == 2)
        #expect(try w(0x200D) == 0)  // ZWJ
        #expect(try w(0x1B) == -1)  // ESC
        #expect(try w(0x1F600) == 2)  // 😀
        #expect(try w(0) == 0)  // glibc: wcwidth(L'\0') == 0
        #expect(try w(0xAD) == 1)  // soft hyphen
        #expect(try w(0x1160) == 0)  // Hangul jungseong filler
        #expect(try w(0x2028) == -1)  // line separator
        #expect(try w(0xFF0C) == 2)  // ，
        #expect(try w(0xFF0C, wide: true) == 2)
        #expect(try w(0x4E2D, wide: true) == 2)
        #expect(try w(0x61, wide: true) == 1)
        #expect(try w(0x1B, wide: true) == -1)
        #expect(try w(0x1F6DC) == -1)  // 🛜 assigned in Unicode 15.0: unknown to glibc 2.36
    }

    /// Every scalar agrees with glibc's `wcwidth` in C.UTF-8 (no exceptions needed).
    @Test func matchesGlibcForEveryScalar() throws {
        try #require(setlocale(LC_ALL, "C.UTF-8") != nil)
        let wcwidth = try glibcWcwidth()
        var mismatches: [String] = []
        var checked = 0
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }  // surrogates
            checked += 1
            let expected = Int(wcwidth(Int32(bitPattern: v)))
            let actual = DisplayWidth.of(scalar)
            if expected != actual {
                mismatches.append("U+\(String(v, radix: 16, uppercase: true)): glibc \(expected), ours \(actual)")
            }
        }
        #expect(checked == 0x110000 - 0x800)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20))")
    }

    /// `ambiguousWide` only changes East Asian Ambiguous scalars glibc calls narrow.
    @Test func ambiguousWideOnlyWidensAmbiguousNarrowScalars() throws {
        var widened = 0
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let narrow = DisplayWidth.of(scalar), wide = DisplayWidth.of(scalar, ambiguousWide: true)
            if narrow != wide {
                #expect(narrow == 1 && wide == 2)
                widened += 1
            }
        }
        // EastAsianWidth.txt 15.0 "A" scalars for which glibc 2.36 wcwidth is 1 (counted
        // independently from the UCD file and a C dump of wcwidth),
        // including the 137 468 private-use code points.
        #expect(widened == 138_363)
    }
}
