import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// The seed issue and helpers for the UI and search tests.
enum UIFixtures {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<4 {
            if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
        }
        return path
    }()

    static let seedName = "000_87085fd43abf9c5f.txt"

    static let seedBytes: [UInt8] = {
        guard let file = fopen(packageRoot + "/seeds/" + seedName, "rb") else { return [] }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }()

    static let seed = Document(source: seedBytes, name: seedName)

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
}
