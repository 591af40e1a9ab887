import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The seed issue and helpers for the UI and search tests.
enum UIFixtures {
    static let packageRoot = Fixtures.packageRoot

    static let seedName = "000_87085fd43abf9c5f.txt"

    static let seedBytes = Fixtures.seedBytes

    /// A new `Document` of the seed each time (see `Fixtures.seed`).
    static var seed: Document { Fixtures.seed }

    /// A fresh reader state on the seed.
    static func state(rows: Int = 24, columns: Int = 80) -> ReaderState {
        ReaderState(document: seed, size: ScreenSize(rows: rows, columns: columns))
    }

    /// Presses each key in turn.
    static func press(_ keys: [Key], on state: inout ReaderState) {
        for key in keys { state.press(key) }
    }

    /// Types `text` character by character (as into the search prompt).
    static func type(_ text: String, on state: inout ReaderState) {
        for character in text { state.press(.character(character)) }
    }

    /// The rendered screen as lines.
    static func screen(_ state: ReaderState) -> [String] {
        Renderer.render(state).lines()
    }

    /// `state` rendered at another size: resized first (a copy, as the app applies
    /// `.resize` before it renders), since rendering never changes the state.
    static func render(_ state: ReaderState, size: ScreenSize) -> ScreenGrid {
        var resized = state
        resized.apply(.resize(size))
        return Renderer.render(resized)
    }
}
