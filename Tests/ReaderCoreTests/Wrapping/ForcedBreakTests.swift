import Testing
@testable import ReaderCore

/// Tokens wider than the line (`ForcedBreak`), the first-line indent and the spaces that
/// indent a paragraph.
@Suite struct ForcedBreakTests {
    /// Issue 12: `om=news&lang=zh-CN）` / `，游客…` at width 20: a cut before `，` or `）`
    /// would start a line with them; the URL is cut after a separator instead.
    @Test func noClosingPunctuationStartsALineAfterAForcedBreak() {
        #expect(wrapped("http://www.example.com/index.php?from=news&lang=zh-CN），游客可以访问。", width: 20) == [
            "http://www.example.", "com/index.php?from=", "news&lang=zh-CN），", "游客可以访问。",
        ])
        #expect(wrapped("abcdefghijklmnopqrstuvwxyz。", width: 26) == ["abcdefghijklmnopqrstuvwxy", "z。"])
    }

    /// The spaces at a cut vanish, so the character after them is the one that starts the
    /// line (found in manpages-zh: `apt-extracttemplates(1) 、apt-ftparchive(1)`).
    @Test func theCharacterAfterTheSpacesStartsTheLine() {
        #expect(wrapped("extracttemplates(1) 、apt", width: 19) == ["extracttemplates", "(1) 、apt"])
    }

    /// A cut between letters and digits is preferred to one inside either.
    @Test func aCutBetweenLettersAndDigits() {
        #expect(wrapped("abcdefgh12345678", width: 10) == ["abcdefgh", "12345678"])
    }

    /// No tail of one or two columns when a cut leaving more exists.
    @Test func noShortTail() {
        #expect(wrapped("abcdefghijkl", width: 10) == ["abcdefghi", "jkl"])
        #expect(wrapped("abcdefghijklmnopqrstuvwxyz", width: 13) == ["abcdefghijklm", "nopqrstuvwxyz"])
    }

    /// Without any cut that keeps the rules, the last one that fits.
    @Test func withoutAGoodCutTheWidth() {
        #expect(wrapped("））））））", width: 4) == ["））", "））", "））"])
    }

    /// A word that fits on a full line is not split by the first-line indent: the first
    /// line stays empty (the layout draws the indent there).
    @Test func aWordThatFitsAFullLineIsNotSplitByTheIndent() {
        #expect(wrapped("internationalization is long", width: 20, firstIndent: 2)
            == ["", "internationalization", "is long"])
        // Wider than a full line: broken on the first line already.
        #expect(wrapped("internationalizations", width: 20, firstIndent: 2)
            == ["internationalizati", "ons"])
    }

    /// Spaces that indent the paragraph themselves (no-break, ideographic, plain) are
    /// replaced by the first-line indent, not added to it.
    @Test func leadingSpacesDoNotDoubleTheIndent() {
        #expect(wrapped("\u{00A0}\u{00A0}一二三四五六七八", width: 8, firstIndent: 2) == ["一二三", "四五六七", "八"])
        #expect(wrapped("\u{3000}\u{3000}一二三四五六七八", width: 8, firstIndent: 2) == ["一二三", "四五六七", "八"])
        #expect(wrapped("  一二三", width: 20, firstIndent: 2) == ["一二三"])
        // Without a first-line indent they stay; a space carrying a mark stays.
        #expect(wrapped("\u{3000}一二三", width: 20) == ["\u{3000}一二三"])
        #expect(wrapped("  \u{301}一二三", width: 20, firstIndent: 2) == [" \u{301}一二三"])
        // Spaces alone stay as they are.
        #expect(wrapped("   ", width: 20, firstIndent: 2) == [""])
    }

    /// DumpWriter and ArticleLayout draw the indent on the empty first line.
    @Test func theDumpShowsTheEmptyIndentedLine() {
        let document = Document(source: Array("## T\n\ninternationalization is long\n".utf8), name: "t.txt")
        #expect(DocumentDump.render(document, width: 20) == "## T\n\n  \ninternationalization\nis long\n")
    }
}
