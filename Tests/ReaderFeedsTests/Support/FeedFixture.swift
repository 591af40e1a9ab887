import Foundation

/// The files of Tests/Fixtures.
enum FeedFixture {
    static func bytes(_ name: String) -> [UInt8] {
        let url = URL(fileURLWithPath: FeedServer.packageRoot + "/Tests/Fixtures/" + name)
        return (try? Array(Data(contentsOf: url))) ?? []
    }

    static func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }
}
