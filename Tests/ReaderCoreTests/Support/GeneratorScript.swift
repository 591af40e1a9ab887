import Foundation

/// A committed generated file and the script that writes it: what the script prints with
/// `--stdout` and what is committed, for the tests that check they are the same.
struct GeneratorScript {
    /// The script, relative to the package root (e.g. `Scripts/generate-unicode-tables.py`).
    let script: String
    /// The generated file it writes, relative to the package root.
    let generated: String

    static let packageRoot = URL(fileURLWithPath: Fixtures.packageRoot)

    /// Runs the script with `--stdout`: its exit status and what it printed.
    func run() throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.packageRoot.appendingPathComponent(script).path, "--stdout"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The committed generated file.
    func committed() throws -> Data {
        try Data(contentsOf: Self.packageRoot.appendingPathComponent(generated))
    }
}
