import Testing
@testable import ReaderCore

/// Which needle scalars search compares unfolded: those folding leaves alone and makes
/// nothing else into (worked out from `SearchFolding.fold` itself).
@Suite struct VerbatimScalarTests {
    @Test func scalarsThatOnlyThemselvesFoldTo() {
        for scalar: Unicode.Scalar in ["中", "—", "》", "\u{FFFD}", "😀"] {
            #expect(ArticleSearch.isVerbatim(scalar), "\(scalar.value)")
        }
        // Folded themselves (`發`, `Ａ`, U+3000), or what others fold to (`发` from `發`,
        // `a` from `A`, `,` from `，`, `ⱥ` from `Ⱥ`, a space from U+3000).
        for scalar: Unicode.Scalar in ["發", "Ａ", "\u{3000}", "发", "a", ",", "\u{2C65}", " ", "1"] {
            #expect(!ArticleSearch.isVerbatim(scalar), "\(scalar.value)")
        }
    }

    @Test func verbatimAndFoldedScansFindTheSame() {
        let haystack = Array("發发中—》\u{FFFD}Ａa，,ȺⱥＸ中—".unicodeScalars)
        for needle in ["中", "—", "》", "\u{FFFD}", "发", "a", ",", "ⱥ", "x"] {
            let folded = SearchFolding.fold(needle)
            let expected = haystack.indices.filter { SearchFolding.fold(haystack[$0]) == folded[0] }.map { $0..<$0 + 1 }
            #expect(ArticleSearch.find(folded, in: haystack) == expected, "\(needle)")
        }
    }
}
