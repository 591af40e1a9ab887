@testable import ReaderCore
import Testing

/// The one list selection (`ListCursor`): movement keys, clamping, scrolling, clicks and
/// the rows an overlay box shows.
@Suite struct ListCursorTests {
    /// The cursor after each action in turn, on a list of `count` rows with `visible` shown.
    private func cursor(after actions: [Action], count: Int, visible: Int, from start: ListCursor = ListCursor())
        -> ListCursor
    {
        var cursor = start
        for action in actions { _ = cursor.move(action, count: count, visible: visible) }
        return cursor
    }

    @Test func downScrollsOnlyWhenTheSelectionLeavesTheScreen() {
        #expect(cursor(after: [.lineDown, .lineDown], count: 10, visible: 3) == ListCursor(selected: 2, top: 0))
        #expect(cursor(after: [.lineDown, .lineDown, .lineDown], count: 10, visible: 3)
            == ListCursor(selected: 3, top: 1))
        #expect(cursor(after: [.lineUp], count: 10, visible: 3, from: ListCursor(selected: 3, top: 1))
            == ListCursor(selected: 2, top: 1))
        #expect(cursor(after: [.lineUp, .lineUp], count: 10, visible: 3, from: ListCursor(selected: 3, top: 1))
            == ListCursor(selected: 1, top: 1))
        #expect(cursor(after: [.lineUp, .lineUp, .lineUp], count: 10, visible: 3, from: ListCursor(selected: 3, top: 1))
            == ListCursor(selected: 0, top: 0))
    }

    @Test func movesStopAtTheEnds() {
        #expect(cursor(after: [.lineUp, .scroll(-3)], count: 10, visible: 3) == ListCursor(selected: 0, top: 0))
        #expect(cursor(after: [.bottom, .lineDown, .scroll(3)], count: 10, visible: 3)
            == ListCursor(selected: 9, top: 7))
        #expect(cursor(after: [.bottom, .top], count: 10, visible: 3) == ListCursor(selected: 0, top: 0))
    }

    @Test func pagesMoveByTheRowsShown() {
        #expect(cursor(after: [.pageDown], count: 10, visible: 4) == ListCursor(selected: 4, top: 1))
        #expect(cursor(after: [.pageDown, .pageDown, .pageDown], count: 10, visible: 4)
            == ListCursor(selected: 9, top: 6))
        #expect(cursor(after: [.bottom, .pageUp], count: 10, visible: 4) == ListCursor(selected: 5, top: 5))
        #expect(cursor(after: [.bottom, .pageUp, .pageUp, .pageUp], count: 10, visible: 4)
            == ListCursor(selected: 0, top: 0))
    }

    @Test func otherActionsAreNotMovesAndAnEmptyListKeepsItsSelection() {
        var moved = ListCursor(selected: 1, top: 0)
        #expect(moved.move(.open, count: 5, visible: 3) == false)
        #expect(moved.move(.click(row: 1, column: 0), count: 5, visible: 3) == false)
        #expect(moved == ListCursor(selected: 1, top: 0))
        #expect(moved.move(.lineDown, count: 0, visible: 3) == true)
        #expect(moved == ListCursor(selected: 1, top: 0))
    }

    @Test func theLastScreenfulStaysFullAfterTheListShrinksOrTheScreenGrows() {
        var shrunk = ListCursor(selected: 8, top: 7)
        shrunk.keepSelectionVisible(count: 10, visible: 6)
        #expect(shrunk == ListCursor(selected: 8, top: 4))
        var short = ListCursor(selected: 1, top: 1)
        short.keepSelectionVisible(count: 2, visible: 5)
        #expect(short == ListCursor(selected: 1, top: 0))
    }

    @Test func aClickSelectsTheRowDrawnThere() {
        let scrolled = ListCursor(selected: 5, top: 3)
        #expect(scrolled.row(clickedAt: 1, count: 10, visible: 4) == 3)
        #expect(scrolled.row(clickedAt: 4, count: 10, visible: 4) == 6)
        // The title bar, the status bar and the rows past the end select nothing.
        #expect(scrolled.row(clickedAt: 0, count: 10, visible: 4) == nil)
        #expect(scrolled.row(clickedAt: 5, count: 10, visible: 4) == nil)
        #expect(scrolled.row(clickedAt: 3, count: 5, visible: 4) == nil)
    }

    @Test func anOverlayBoxShowsTheRowsUpToItsSelection() {
        #expect(ListCursor.shownRows(selected: 0, count: 10, visible: 4) == 0..<4)
        #expect(ListCursor.shownRows(selected: 3, count: 10, visible: 4) == 0..<4)
        #expect(ListCursor.shownRows(selected: 6, count: 10, visible: 4) == 3..<7)
        #expect(ListCursor.shownRows(selected: 9, count: 10, visible: 4) == 6..<10)
        #expect(ListCursor.shownRows(selected: 1, count: 2, visible: 4) == 0..<2)
        #expect(ListCursor.shownRows(selected: 0, count: 0, visible: 4) == 0..<0)
    }

    @Test func theWheelMovesTheContentsSelectionBothWays() {
        var state = UIFixtures.state()
        UIFixtures.press([.down, .enter, .character("t")], on: &state)
        state.apply(.scroll(3))
        #expect(state.overlay == .contents(selected: 2))
        state.apply(.scroll(-3))
        #expect(state.overlay == .contents(selected: 0))
    }
}
