import ArgumentParser
import ReaderCore

/// `--ambiguous-width auto|1|2`.
struct AmbiguousWidthArgument: ExpressibleByArgument {
    let value: AmbiguousWidth

    init?(argument: String) {
        guard let value = AmbiguousWidth(name: argument) else { return nil }
        self.value = value
    }

    static var allValueStrings: [String] { ["auto", "1", "2"] }
}
