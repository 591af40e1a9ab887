import ArgumentParser
import ReaderCore

/// `--line-break strict|normal|loose`.
extension LineBreakStrictness: ExpressibleByArgument {}
