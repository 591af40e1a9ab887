// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Reader",
    products: [
        .executable(name: "reader", targets: ["Reader"]),
        .executable(name: "reader-store", targets: ["ReaderStore"]),
        .executable(name: "reader-bench", targets: ["ReaderBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        /// ncursesw, wrapped for Swift. Only the terminal adapter imports it.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        /// OpenCC (Simplified/Traditional conversion), wrapped for Swift. Only ReaderOpenCC imports it.
        .systemLibrary(name: "COpenCC", path: "Sources/COpenCC"),
        /// Document model, CJK text engine, search and the pure UI state. No ncurses here.
        .target(name: "ReaderCore", path: "Sources/ReaderCore"),
        /// Reading the configuration file (TOML) into a `Configuration`. Kept out of
        /// ReaderCore so that the fuzz build (plain swiftc over ReaderCore) needs no packages.
        .target(
            name: "ReaderConfig",
            dependencies: ["ReaderCore", .product(name: "TOMLKit", package: "TOMLKit")],
            path: "Sources/ReaderConfig"
        ),
        /// `OpenCCConverter`: ReaderCore's `ScriptConverter` done by OpenCC. A target of its
        /// own so that ReaderCore (and the fuzz build) needs no C library.
        .target(name: "ReaderOpenCC", dependencies: ["ReaderCore", "COpenCC"], path: "Sources/ReaderOpenCC"),
        /// libxml2 and cmark-gfm (Debian packages), wrapped for Swift; only ReaderSources imports them.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
        .systemLibrary(name: "CCmark", path: "Sources/CCmark"),
        /// Feeds, HTML and Markdown files turned into the issue text that ReaderCore parses.
        .target(name: "ReaderSources", dependencies: ["ReaderCore", "CLibXML2", "CCmark"], path: "Sources/ReaderSources"),
        /// The persistent search index in $XDG_CACHE_HOME/reader/search-index/: segment
        /// files of our own format, mapped and read in place (no Foundation, no SQLite).
        .target(name: "ReaderIndex", dependencies: ["ReaderCore"], path: "Sources/ReaderIndex"),
        /// Fetching feeds over http(s) (FoundationNetworking's URLSession) and keeping them
        /// in the store (SQLite); ARCHITECTURE.md, "Feeds".
        .target(
            name: "ReaderFeeds",
            dependencies: ["ReaderCore", "ReaderSources", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/ReaderFeeds"
        ),
        /// The command line and the terminal adapter of both executables; no store here
        /// (ARCHITECTURE.md, "Start-up").
        .target(
            name: "ReaderApp",
            dependencies: [
                "ReaderCore", "ReaderConfig", "ReaderOpenCC", "ReaderSources", "ReaderIndex", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/ReaderApp"
        ),
        /// `reader`: files, archives and standard input, and the search index. Runs
        /// `reader-store` for the commands that need the feed store, so that it links none of it.
        .executableTarget(name: "Reader", dependencies: ["ReaderApp"], path: "Sources/Reader"),
        /// `reader-store`: the same command with the feed store linked (GRDB, Foundation,
        /// FoundationNetworking and libcurl).
        .executableTarget(
            name: "ReaderStore",
            dependencies: [
                "ReaderApp", "ReaderCore", "ReaderSources", "ReaderFeeds",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/ReaderStore"
        ),
        /// `reader-bench`: headless in-process timings for `make bench` (search, key replay).
        .executableTarget(name: "ReaderBench", dependencies: ["ReaderCore"], path: "Sources/ReaderBench"),
        .testTarget(
            name: "ReaderCoreTests",
            dependencies: [
                "ReaderCore", "ReaderConfig", "ReaderOpenCC", "ReaderSources", "ReaderIndex",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            path: "Tests/ReaderCoreTests"
        ),
        .testTarget(
            name: "ReaderFeedsTests",
            dependencies: [
                "ReaderCore", "ReaderSources", "ReaderFeeds", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/ReaderFeedsTests"
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ReaderCore"],
            path: "Tests/EndToEndTests"
        ),
    ]
)
