import Foundation
import ReaderSources

/// Reading and writing the subscriptions file (`SubscriptionList` is its format).
public enum SubscriptionFile {
    /// Why the file could not be read or written, in one line.
    public struct Failure: Error, Equatable {
        public let message: String
    }

    /// The subscriptions in the file at `path` (none when there is no file), with one
    /// warning per line skipped.
    public static func load(_ path: String) throws(Failure) -> (subscriptions: [Subscription], warnings: [String]) {
        guard FileManager.default.fileExists(atPath: path) else { return ([], []) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "\(path): cannot read the subscriptions")
        }
        guard data.count <= maximumBytes else { throw Failure(message: "\(path): over 16 MiB, not a subscriptions file") }
        let parsed = SubscriptionList.parse(String(decoding: data, as: UTF8.self))
        return (parsed.subscriptions, parsed.warnings.map { "\(path): \($0)" })
    }

    /// Writes `subscriptions` to `path` (a new file renamed over the old one), creating
    /// its directory.
    public static func save(_ subscriptions: [Subscription], to path: String) throws(Failure) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(SubscriptionList.render(subscriptions).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(message: "\(path): cannot write the subscriptions")
        }
    }

    /// `subscriptions` with the feeds of an OPML document added (those whose URL is not
    /// there yet, in the document's order), and how many were added.
    public static func adding(
        opml bytes: [UInt8], to subscriptions: [Subscription]
    ) throws(SourceConverter.Failure) -> (subscriptions: [Subscription], added: Int) {
        var result = subscriptions
        var known = Set(subscriptions.map(\.url))
        for outline in try OPMLReader.outlines(bytes) where !known.contains(outline.url) {
            guard outline.url.hasPrefix("http://") || outline.url.hasPrefix("https://") else { continue }
            known.insert(outline.url)
            result.append(Subscription(url: outline.url, name: outline.title, tags: outline.tags))
        }
        return (result, result.count - subscriptions.count)
    }

    /// The largest subscriptions file read.
    static let maximumBytes = 16 << 20
}
