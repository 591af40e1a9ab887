import Foundation

/// The test HTTP server (Tests/FeedServer/feed_server.py) on 127.0.0.1, started once for
/// the test process and ended when it ends (`--watch-pid`: also when the test process is
/// gone but not yet reaped, so that a test run that dies never leaves it holding the
/// runner's output open).
final class FeedServer: @unchecked Sendable {
    /// The one server every test uses.
    static let shared = FeedServer()

    let port: Int
    private let process = Process()
    private let input = Pipe()

    private init() {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.packageRoot + "/Tests/FeedServer/feed_server.py", "--watch-pid", String(getpid()),
        ]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        var port = 0
        do {
            try process.run()
            // The first line is the port.
            var line: [UInt8] = []
            while let byte = try output.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A {
                line.append(byte)
            }
            port = Int(String(decoding: line, as: UTF8.self)) ?? 0
        } catch {
            port = 0
        }
        self.port = port
    }

    /// The URL of `path` on the server.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// How many times each path was asked for so far.
    func seen() throws -> [String: Int] {
        let data = try Data(contentsOf: URL(string: url("/seen"))!)
        var counts: [String: Int] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { counts[String(parts[0])] = Int(parts[1]) }
        }
        return counts
    }

    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<4 {
            if let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
        }
        return path
    }()
}
