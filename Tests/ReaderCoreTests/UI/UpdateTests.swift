import ReaderCore
import Testing

/// Key sequences → state: which article, which top offset, which match.
@Suite struct UpdateTests {
    let seed = UIFixtures.seed

    @Test func downDownEnterOpensArticleThree() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .down, .enter], on: &state)
        #expect(state.screen == .article)
        #expect(state.current == 2)
        #expect(state.readArticles == [2])
        #expect(state.topOffset(of: 2) == seed.articles[2].titleOffset)
        state.press(.character("q"))
        #expect(state.screen == .list)
        #expect(state.selected == 2)
        #expect(!state.isFinished)
        state.press(.character("q"))
        #expect(state.isFinished)
    }

    @Test func listSelectionStaysInBounds() {
        var state = UIFixtures.state(rows: 6, columns: 40)
        UIFixtures.press([.up, .character("k")], on: &state)
        #expect(state.selected == 0)
        UIFixtures.press([.end], on: &state)
        #expect(state.selected == 9)
        #expect(state.listTop == 6)  // 4 rows of list: entries 7–10 show
        UIFixtures.press([.pageUp], on: &state)
        #expect(state.selected == 5)
        UIFixtures.press([.home], on: &state)
        #expect(state.selected == 0)
        #expect(state.listTop == 0)
        UIFixtures.press([.character("7")], on: &state)
        #expect(state.screen == .article)
        #expect(state.current == 6)
    }

    @Test func scrollingByLinePageTopAndBottom() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .enter], on: &state)
        let layout = state.currentLayout
        UIFixtures.press([.character("j"), .down, .down], on: &state)
        #expect(state.topLine == 3)
        #expect(state.topOffset(of: 1) == layout.lines[3].offset)
        state.press(.character("k"))
        #expect(state.topLine == 2)
        state.press(.pageDown)
        #expect(state.topLine == 2 + 21)
        state.press(.character("G"))
        #expect(state.topLine == layout.lines.count - 22)
        state.press(.down)
        #expect(state.topLine == layout.lines.count - 22)
        state.press(.character("g"))
        #expect(state.topLine == 0)
        state.press(.up)
        #expect(state.topLine == 0)
    }

    @Test func leftAndRightChangeArticleAndRememberPositions() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .enter, .down, .down], on: &state)
        let kept = state.topOffset(of: 1)
        state.press(.right)
        #expect(state.current == 2)
        #expect(state.topLine == 0)
        state.press(.character("h"))
        #expect(state.current == 1)
        #expect(state.topOffset(of: 1) == kept)
        UIFixtures.press([.left, .left], on: &state)
        #expect(state.current == 0)
        #expect(state.message == "this is the first article")
        #expect(state.readArticles == [0, 1, 2])
    }

    @Test func resizeKeepsTheFirstVisibleCharacter() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .enter], on: &state)
        for _ in 0..<17 { state.press(.down) }
        let offset = state.topOffset(of: 1)
        let line80 = state.topLine
        let first = state.currentLayout.lines[line80]
        #expect(first.offset == offset)

        state.apply(.resize(ScreenSize(rows: 12, columns: 40)))
        let layout40 = state.currentLayout
        let line40 = state.topLine
        // The character that was first on the top line is on the top line at 40 columns.
        #expect(layout40.lines[line40].offset <= offset)
        #expect(line40 + 1 == layout40.lines.count || layout40.lines[line40 + 1].offset > offset)
        #expect(Renderer.render(state).lines()[1].contains(layout40.string(at: line40).trimmingSpaces))

        state.apply(.resize(ScreenSize(rows: 24, columns: 80)))
        #expect(state.topLine == line80)
        #expect(state.topOffset(of: 1) == offset)
    }

    @Test func resizeInTheMiddleOfAWrappedLineKeepsThatCharacterOnTop() {
        var state = UIFixtures.state(rows: 12, columns: 40)
        UIFixtures.press([.down, .enter], on: &state)
        for _ in 0..<9 { state.press(.down) }
        let offset = state.topOffset(of: 1)
        state.apply(.resize(ScreenSize(rows: 24, columns: 80)))
        let layout = state.currentLayout
        let line = state.topLine
        #expect(layout.lines[line].offset <= offset)
        #expect(layout.lines[line + 1].offset > offset)
        state.apply(.resize(ScreenSize(rows: 12, columns: 40)))
        #expect(state.topOffset(of: 1) == offset)
    }

    @Test func contentsJumpPutsTheHeadingOnTop() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .enter, .character("t")], on: &state)
        #expect(state.overlay == .contents(selected: 0))
        UIFixtures.press([.down, .down, .down], on: &state)
        #expect(state.overlay == .contents(selected: 2))
        state.press(.up)
        state.press(.enter)
        #expect(state.overlay == nil)
        let layout = state.currentLayout
        #expect(state.topLine == layout.sectionLines[1])
        #expect(layout.lines[state.topLine].kind == .heading)
        #expect(state.currentSection == 1)
        #expect(Renderer.render(state).lines()[1] == " 汇聚全球力量,助力空天信息产业发展")
        // Tab opens it too, on the current section; Esc closes it without moving.
        UIFixtures.press([.tab, .escape], on: &state)
        #expect(state.overlay == nil)
        #expect(state.topLine == layout.sectionLines[1])
    }

    @Test func bracketsAndDigitsMoveBetweenSections() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .enter], on: &state)
        let sections = state.currentLayout.sectionLines
        state.press(.character("]"))
        #expect(state.topLine == sections[0])
        state.press(.character("]"))
        #expect(state.topLine == sections[1])
        state.press(.character("["))
        #expect(state.topLine == sections[0])
        state.press(.character("["))
        #expect(state.topLine == 0)
        state.press(.character("3"))
        #expect(state.topLine == sections[2])
        #expect(state.currentSection == 2)
        state.press(.character("4"))
        #expect(state.message == "no section 4")
        #expect(state.topLine == sections[2])
    }

    @Test func searchFollowsTheFirstMatchAndEscRestoresThePosition() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .enter, .down, .down], on: &state)
        let before = state.topOffset(of: 1)
        state.press(.character("/"))
        UIFixtures.type("康坦特", on: &state)
        #expect(state.search?.matches.count == 2)
        #expect(state.search?.current == 0)
        let match = state.search?.matches.first
        #expect(state.topLine == state.currentLayout.line(containing: match?.start ?? -1))
        state.press(.escape)
        #expect(state.prompt == nil)
        #expect(state.search == nil)
        #expect(state.topOffset(of: 1) == before)
    }

    @Test func backspaceEditsTheQuery() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .enter, .character("/")], on: &state)
        UIFixtures.type("空天x", on: &state)
        #expect(state.search?.matches.isEmpty == true)
        #expect(Renderer.render(state).lines()[23].hasSuffix("not found  ⏎ accept  Esc cancel"))
        state.press(.backspace)
        #expect(state.prompt?.text == "空天")
        #expect(state.search?.matches.count == 25)
        state.press(.enter)
        #expect(state.prompt == nil)
        #expect(state.search?.current == 0)
    }

    @Test func nextAndPreviousMatchWrapAround() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .down, .enter, .character("/")], on: &state)
        UIFixtures.type("重庆", on: &state)
        state.press(.enter)
        let count = ArticleSearch.matches(of: "重庆", in: seed.articles[2], document: seed).count
        #expect(state.search?.matches.count == count)
        #expect(state.search?.current == 0)
        state.press(.character("N"))
        #expect(state.search?.current == count - 1)
        #expect(state.message == "search wrapped to the bottom")
        state.press(.character("n"))
        #expect(state.search?.current == 0)
        #expect(state.message == "search wrapped to the top")
        state.press(.character("n"))
        #expect(state.search?.current == 1)
        #expect(state.message == nil)
        let match = state.search?.matches[1]
        let line = state.currentLayout.line(containing: match?.start ?? -1)
        #expect(line >= state.topLine && line < state.topLine + state.bodyRows)
    }

    @Test func notFoundSaysSo() {
        var state = UIFixtures.state()
        UIFixtures.press([.enter, .character("/")], on: &state)
        UIFixtures.type("火星", on: &state)
        state.press(.enter)
        #expect(state.message == "not found: 火星")
        state.press(.character("n"))
        #expect(state.message == "not found: 火星")
    }

    @Test func fullWidthAndCaseFoldedSearch() {
        var state = UIFixtures.state()
        UIFixtures.press([.enter, .character("/")], on: &state)
        UIFixtures.type("２０２５", on: &state)
        let full = state.search?.matches.count
        state.press(.escape)
        state.press(.character("/"))
        UIFixtures.type("2025", on: &state)
        #expect(state.search?.matches.count == full)
        #expect((full ?? 0) >= 2)
    }

    @Test func searchAllArticlesFiltersTheList() {
        var state = UIFixtures.state()
        state.press(.character("/"))
        UIFixtures.type("康坦特", on: &state)
        #expect(state.listFilter?.hits == [ListFilter.Hit(article: 1, count: 2)])
        #expect(state.selected == 1)
        state.press(.enter)
        #expect(state.screen == .list)
        #expect(state.listEntries == [1])
        let lines = Renderer.render(state).lines()
        #expect(lines[1].hasPrefix("▸  2 国内首个"))
        #expect(lines[1].hasSuffix("2 hits"))
        #expect(lines[2] == "")
        state.press(.enter)
        #expect(state.screen == .article)
        #expect(state.current == 1)
        #expect(state.search?.current == 0)
        let first = state.search?.matches.first
        #expect(state.topLine == state.currentLayout.line(containing: first?.start ?? -1))
        #expect(Renderer.render(state).lines()[23].contains("match 1/2"))
        UIFixtures.press([.escape, .escape], on: &state)
        #expect(state.listFilter == nil)
        #expect(state.listEntries.count == 10)
    }

    @Test func escInTheListSearchPromptRestoresTheList() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .down, .character("/")], on: &state)
        UIFixtures.type("重庆", on: &state)
        #expect(state.listFilter != nil)
        state.press(.escape)
        #expect(state.listFilter == nil)
        #expect(state.selected == 2)
    }

    @Test func repairToggleKeepsThePlace() {
        var state = UIFixtures.state()
        UIFixtures.press([.enter, .pageDown], on: &state)
        let offset = state.topOffset(of: 0)
        state.press(.character("r"))
        #expect(!state.document.isRepaired)
        #expect(state.message == "page-break repair off (raw text)")
        #expect(state.topOffset(of: 0) == offset)
        let line = state.currentLayout.lines[state.topLine]
        #expect(line.offset <= offset)
        state.press(.character("r"))
        #expect(state.document.isRepaired)
    }

    @Test func helpOverlayIsDrawnFromTheKeyMap() {
        var state = UIFixtures.state(rows: 120, columns: 100)
        UIFixtures.press([.enter, .character("?")], on: &state)
        #expect(state.keyContext == .help)
        let screen = Renderer.render(state).lines().joined(separator: "\n")
        for binding in KeyMap.bindings(in: .article) + KeyMap.bindings(in: .contents) + KeyMap.bindings(in: .prompt) {
            #expect(screen.contains(binding.label + "  "), "\(binding.label)")
            #expect(screen.contains(binding.help), "\(binding.help)")
        }
        state.press(.escape)
        #expect(state.keyContext == .article)
    }

    @Test func everyBindingIsReachableAndDocumented() {
        for binding in KeyMap.bindings {
            #expect(!binding.help.isEmpty)
            for context in binding.contexts {
                for key in binding.keys {
                    #expect(KeyMap.action(for: key, in: context) != nil, "\(key) in \(context)")
                }
            }
        }
        #expect(KeyMap.action(for: .character("重"), in: .prompt) == .insert("重"))
        #expect(KeyMap.action(for: .character("q"), in: .prompt) == .insert("q"))
        #expect(KeyMap.action(for: .character("5"), in: .article) == .number(5))
        #expect(KeyMap.action(for: .function(1), in: .list) == .help)
        #expect(KeyMap.action(for: .controlC, in: .prompt) == .quit)
    }

    @Test func mouseWheelScrollsAndClickSelects() {
        var state = UIFixtures.state()
        state.apply(.click(row: 4, column: 10))
        #expect(state.selected == 3)
        state.apply(.click(row: 20, column: 10))
        #expect(state.selected == 3)
        state.apply(.click(row: 2, column: 0))
        #expect(state.selected == 1)
        state.press(.enter)
        state.apply(.scroll(3))
        #expect(state.topLine == 3)
        state.apply(.scroll(-5))
        #expect(state.topLine == 0)
    }

    @Test func updateIsAPureFunction() {
        let state = UIFixtures.state()
        let (next, effects) = ReaderState.update(state, .lineDown)
        #expect(state.selected == 0)
        #expect(next.selected == 1)
        #expect(effects == [])
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

@Suite struct EdgeCaseTests {
    @Test func emptyDocumentShowsAnEmptyListAndIgnoresKeys() {
        var state = ReaderState(document: Document(text: ""), size: ScreenSize(rows: 6, columns: 30))
        UIFixtures.press([.down, .enter, .character("/"), .character("t"), .character("7")], on: &state)
        #expect(state.screen == .list)
        expectScreen(Renderer.render(state), [
            " Reader | -        0 articles",
            "",
            "",
            "",
            "",
            " no articles            [0/0]",
        ], "empty")
        state.press(.character("q"))
        #expect(state.isFinished)
    }

    @Test func articleWithoutSectionsSaysSo() {
        var state = UIFixtures.state()
        UIFixtures.press([.enter, .character("t")], on: &state)
        #expect(state.overlay == nil)
        #expect(state.message == "this article has no sections")
        state.press(.character("]"))
        #expect(state.message == "this article has no sections")
    }
}
