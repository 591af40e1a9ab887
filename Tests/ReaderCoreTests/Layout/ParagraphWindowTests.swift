import Testing
@testable import ReaderCore

/// A paragraph that is one huge line is laid out for the screen only around the top
/// (`ParagraphWindow`): its lines must be exactly those of the whole paragraph's layout.
@Suite struct ParagraphWindowTests {
    /// News-like pieces: ideographs, punctuation that may not start or end a line, numbers,
    /// a Latin word, a URL (the seams between chunks meet where lines shift).
    static let pieces: [String] = [
        "中文报纸的段落", "经济", "发展，", "。", "、", "“引号”", "（括号）", "《书名》", "——", "重庆日报记者",
        "2026年12月7日", "3.14", "100%", "x", "Reader ", "https://example.com/a/b", "他说：", "！", "公共领域车辆",
    ]

    /// A paragraph of `count` of these pieces (`WindowedWrapTests.paragraph`).
    static func paragraph(seed: UInt64, count: Int) -> String {
        WindowedWrapTests.paragraph(seed: seed, count: count, of: pieces)
    }

    static func document(_ body: String) -> Document {
        Document(source: Array(("## 标题\n\n" + body + "\n\n## 二\n\n尾。\n").utf8), name: "test")
    }

    /// Each line as the screen shows it: its offset and its text, prefix included.
    static func rows(_ layout: ArticleLayout) -> [String] {
        layout.lines.indices.map { "\(layout.lines[$0].offset) \(layout.string(at: $0))" }
    }

    /// The windowed rows around offsets chunk after chunk from the paragraph's start are
    /// the whole layout's rows, as long as every seam met (the windows' `cutSeams`); in this
    /// random text a good part of the windows is reached so (at width 80, a sixth; in the
    /// news text of the 200 MB bench line every seam met, at 40 and 78 columns).
    @Test(arguments: [7, 20, 41, 80])
    func windowsGiveTheWholeParagraphsLines(width: Int) throws {
        var exact = 0
        var windows = 0
        for seed in UInt64(1)...3 {
            let document = Self.document(Self.paragraph(seed: seed, count: 5000 + 1000 * Int(seed)))
            let article = document.articles[0]
            let paragraph = try #require(article.lead.first?.sourceRange)
            let whole = Self.rows(ArticleLayout(article: article, in: document, width: width, style: .screen))
            for bound in [24000, 40000] {
                let size = ParagraphWindow.chunkSize(bound: bound)
                var allMet = true
                for focus in stride(from: 0, to: article.range.upperBound, by: size / 2) {
                    let windowed = ArticleLayout(
                        article: article, in: document, width: width, style: .screen, ambiguousWide: false,
                        lineBreak: .normal, focus: focus, windowBound: bound)
                    #expect(windowed.isWindowed)
                    #expect(windowed.isLaidOut(around: focus))
                    let rows = Self.rows(windowed)
                    // The lines shown around the focus: at least half a chunk before and after it.
                    let shown = windowed.lines.dropFirst(2).map(\.offset)
                    #expect(shown.first ?? .max <= max(paragraph.lowerBound, min(focus, paragraph.upperBound) - size / 2))
                    #expect(shown.last ?? 0 >= min(paragraph.upperBound, focus + size / 2) - 4 * width)
                    windows += 1
                    allMet = allMet && windowed.cutSeams == 0
                    guard allMet else { continue }
                    exact += 1
                    // The title and the blank line, then a run of the whole layout's lines.
                    #expect(Array(rows.prefix(2)) == Array(whole.prefix(2)))
                    let first = try #require(whole.firstIndex(of: rows[2]), "seed \(seed), bound \(bound), focus \(focus)")
                    #expect(Array(rows[2...]) == Array(whole[first..<(first + rows.count - 2)]),
                            "seed \(seed), bound \(bound), focus \(focus)")
                }
            }
        }
        #expect(8 * exact > windows, "\(exact) of \(windows) windows reached with every seam met")
    }

    /// Ideographs alone: two runs never meet, and the line across the anchor is cut there.
    /// The text is all there, in order, and no line is too wide.
    @Test func runsThatNeverMeetAreCutAtTheAnchor() throws {
        let body = String(repeating: "中文报纸的段落经济发展", count: 400)
        let document = Self.document(body)
        let article = document.articles[0]
        let layout = ArticleLayout(
            article: article, in: document, width: 20, style: .screen, ambiguousWide: false, lineBreak: .normal,
            focus: 6000, windowBound: 8000)
        let paragraph = layout.lines.dropFirst(2).filter { $0.kind == .body }
        let text = paragraph.map { layout.texts[$0.text].string($0.range) }.joined()
        #expect(body.contains(text))
        #expect(text.unicodeScalars.count > 400)
        #expect(paragraph.allSatisfy { $0.range.count <= 10 })
        #expect(paragraph.contains { $0.range.count < 10 })
    }

    /// The screen of a state reading the article with small windows is the one with the
    /// paragraph laid out whole (the status bar aside: its percentage counts bytes then),
    /// paging across the seams of the windows, jumping to the end and back, and resizing.
    @Test func pagingThroughAWindowedParagraphShowsTheWholeLayout() {
        let document = Self.document(Self.paragraph(seed: 5, count: 6000))
        var whole = ReaderState(document: document, size: ScreenSize(rows: 12, columns: 30))
        whole.paragraphWindowBound = .max
        var windowed = ReaderState(document: document, size: ScreenSize(rows: 12, columns: 30))
        windowed.paragraphWindowBound = 32000
        func body(_ state: ReaderState) -> [String] { Array(UIFixtures.screen(state).dropLast()) }
        var keys: [Key] = [.enter]
        keys += Array(repeating: .character(" "), count: 120)
        keys += [.character("j"), .character("k"), .character("b"), .character("b"), .character("G"), .character("b")]
        keys += Array(repeating: .character("k"), count: 25)
        keys += [.character("g")] + Array(repeating: .character("j"), count: 40)
        for key in keys {
            whole.press(key)
            windowed.press(key)
            #expect(body(windowed) == body(whole), "after \(key)")
            #expect(windowed.topOffset(of: 0) == whole.topOffset(of: 0))
        }
        #expect(windowed.currentLayout.isWindowed)
        for size in [ScreenSize(rows: 12, columns: 24), ScreenSize(rows: 8, columns: 41)] {
            whole.apply(.resize(size))
            windowed.apply(.resize(size))
            #expect(body(windowed) == body(whole), "at \(size)")
            for key in [Key.character(" "), .character(" "), .character("G")] {
                whole.press(key)
                windowed.press(key)
                #expect(body(windowed) == body(whole), "after \(key) at \(size)")
            }
        }
    }

    /// What the screen shows at the end of a windowed paragraph, exactly (the whole
    /// layout's lines: the same state with the paragraph laid out whole shows them too).
    @Test func theEndOfAWindowedParagraph() {
        let document = Self.document(Self.paragraph(seed: 8, count: 1500))
        var states: [ReaderState] = []
        for bound in [Int.max, 8000] {
            var state = ReaderState(document: document, size: ScreenSize(rows: 6, columns: 22))
            state.paragraphWindowBound = bound
            UIFixtures.press([.enter, .character("G")], on: &state)
            states.append(state)
        }
        #expect(states[1].currentLayout.isWindowed)
        for state in states {
            #expect(Array(UIFixtures.screen(state).dropFirst().dropLast()) == [
                " a/b——他说：100%xx经",
                " 济中文报纸的段落中文",
                " 报纸的段落。他说：",
                " 2026年12月7日100%",
            ])
        }
    }

    /// `n` and `N` find the matches in the parts of the paragraph not laid out, in order,
    /// wrapping at the ends, as with the paragraph laid out whole; the screens agree.
    @Test func searchStepsThroughMatchesNotLaidOut() {
        let word = "罕见词"
        let parts = (UInt64(20)..<23).map { Self.paragraph(seed: $0, count: 2000) }
        let document = Self.document(word + parts[0] + word + parts[1] + word + parts[2] + word)
        let source = Array(document.source.withUnsafeBufferPointer { Array($0) })
        let pattern = Array(word.utf8)
        let offsets = (0...(source.count - pattern.count)).filter { Array(source[$0..<($0 + pattern.count)]) == pattern }
        #expect(offsets.count == 4)
        var states: [ReaderState] = []
        var steps: [[String]] = []
        for bound in [Int.max, 32000] {
            var state = ReaderState(document: document, size: ScreenSize(rows: 10, columns: 30))
            state.paragraphWindowBound = bound
            UIFixtures.press([.enter, .character("/")], on: &state)
            UIFixtures.type(word, on: &state)
            state.press(.enter)
            var seen: [String] = []
            for key in ["", "n", "n", "n", "n", "N", "N"] {
                if let character = key.first { state.press(.character(character)) }
                let match = state.search.flatMap { search in search.current.map { search.matches[$0].start } }
                seen.append("\(match ?? -1) \(state.message ?? "")")
                #expect(bound == .max || state.currentLayout.isWindowed)
            }
            steps.append(seen)
            states.append(state)
        }
        #expect(steps[0] == [
            "\(offsets[0]) ", "\(offsets[1]) ", "\(offsets[2]) ", "\(offsets[3]) ",
            "\(offsets[0]) search wrapped to the top", "\(offsets[3]) search wrapped to the bottom", "\(offsets[2]) ",
        ])
        #expect(steps[1] == steps[0])
        #expect(Array(UIFixtures.screen(states[1]).dropLast()) == Array(UIFixtures.screen(states[0]).dropLast()))
    }

    /// Enter in the search prompt finds a match beyond the laid-out text; `y` (the
    /// paragraph of the current match) and `Y` copy a windowed paragraph whole.
    @Test func copyingTakesTheWholeParagraph() {
        let body = Self.paragraph(seed: 30, count: 3000) + "罕见词。"
        var state = ReaderState(document: Self.document(body), size: ScreenSize(rows: 10, columns: 30))
        state.paragraphWindowBound = 8000
        UIFixtures.press([.enter, .character("/")], on: &state)
        UIFixtures.type("罕见词", on: &state)
        state.press(.enter)
        #expect(state.currentLayout.isWindowed)
        #expect(state.search?.current.map { state.search?.matches[$0].start } == body.utf8.count + 11 - 12)
        #expect(ReaderState.update(state, .copyParagraph).1 == [.copy(text: body, what: "paragraph")])
        #expect(ReaderState.update(state, .copyArticle).1 == [.copy(text: "标题\n\n" + body + "\n", what: "article")])
    }

    /// An article opened from the list filtered by a search opens at its first hit, also
    /// when that lies beyond what its windowed paragraph lays out at the top.
    @Test func theListsSearchOpensAtAHitBeyondTheWindow() {
        let body = Self.paragraph(seed: 40, count: 3000) + "罕见词。"
        var state = ReaderState(document: Self.document(body), size: ScreenSize(rows: 10, columns: 30))
        state.paragraphWindowBound = 8000
        state.press(.character("/"))
        UIFixtures.type("罕见词", on: &state)
        UIFixtures.press([.enter, .enter], on: &state)
        #expect(state.currentLayout.isWindowed)
        #expect(state.search?.current.map { state.search?.matches[$0].start } == body.utf8.count + 11 - 12)
    }
}
