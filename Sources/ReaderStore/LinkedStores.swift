import ReaderApp
import ReaderCore

/// The stores as `reader-store` has them linked: the feed store (`ReaderCommand+Feeds`).
struct LinkedStores: Stores {
    func runCommand(_ command: ReaderCommand) throws -> Bool {
        try command.runFeedCommand()
    }

    func runFeeds(_ command: ReaderCommand, settings: Configuration, shown: @escaping (Document) -> Document) throws
        -> Bool
    {
        try command.runFeeds(settings: settings, shown: shown)
    }
}
