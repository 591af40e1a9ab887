/// The version `reader --version` prints: the release, and the `git describe` of the
/// source it was built from when the build went through `make`.
enum ReaderVersion {
    static let release = "0.1.0"

    static var current: String {
        guard let describe = BuildInfo.gitDescribe, !describe.isEmpty else { return release }
        return "\(release) (\(describe))"
    }
}

/// Gives `BuildInfo` a `gitDescribe` of nil unless a more specific one exists.
protocol GitDescribing {}

extension GitDescribing {
    static var gitDescribe: String? { nil }
}

/// Facts about the build. `make` writes `BuildInfo.generated.swift` (gitignored) with
/// `extension BuildInfo { static var gitDescribe: String? { "…" } }`, which, being
/// declared on the type itself, wins over the protocol's default of nil; a plain
/// `swift build` on a fresh clone has no such file and gets the default.
enum BuildInfo: GitDescribing {}
