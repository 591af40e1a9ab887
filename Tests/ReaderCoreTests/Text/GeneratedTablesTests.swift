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
        let generator = GeneratorScript(
            script: "Scripts/generate-unicode-tables.py", generated: "Sources/ReaderCore/Text/UnicodeTables.generated.swift")
        let (status, output) = try generator.run()
        #expect(status == 0)
        let committed = try generator.committed()
        #expect(output.count == committed.count)
        #expect(output == committed, "regenerate with: python3 Scripts/generate-unicode-tables.py")
    }
}
