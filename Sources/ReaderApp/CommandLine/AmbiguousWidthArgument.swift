import ArgumentParser
import ReaderCore

/// `--ambiguous-width auto|1|2`.
package struct AmbiguousWidthArgument: ExpressibleByArgument {
    let value: AmbiguousWidth

    package init?(argument: String) {
        guard let value = AmbiguousWidth(name: argument) else { return nil }
        self.value = value
    }

    package static var allValueStrings: [String] { ["auto", "1", "2"] }
}
