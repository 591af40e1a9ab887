import Foundation
import Testing

/// The committed `UnicodeTables.generated.swift` must be exactly what the generator
/// script produces from the installed UCD files.
@Suite struct GeneratedTablesTests {
    /// The package root, three levels above this file (Tests/ReaderCoreTests/Text/).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func generatedFileMatchesGeneratorOutput() throws {
        let root = Self.packageRoot
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Scripts/generate-unicode-tables.py").path, "--stdout"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let committed = try Data(contentsOf: root.appendingPathComponent(
            "Sources/ReaderCore/Text/UnicodeTables.generated.swift"))
        #expect(output.count == committed.count)
        #expect(output == committed, "regenerate with: python3 Scripts/generate-unicode-tables.py")
    }
}
