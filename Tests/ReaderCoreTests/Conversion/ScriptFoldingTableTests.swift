import Foundation
import ReaderCore
import Testing

/// The committed `ScriptFolding.generated.swift` must be exactly what the generator
/// script makes from the installed OpenCC data (libopencc-data, which `make` installs),
/// and search must fold as OpenCC converts characters.
@Suite struct ScriptFoldingTableTests {

    @Test func generatedFileMatchesGeneratorOutput() throws {
        let generator = GeneratorScript(
            script: "Scripts/generate-script-folding.py", generated: "Sources/ReaderCore/Text/ScriptFolding.generated.swift")
        let (status, output) = try generator.run()
        #expect(status == 0)
        #expect(output == (try generator.committed()), "regenerate with: python3 Scripts/generate-script-folding.py")
    }

    /// Every character s2t, s2tw or s2hk changes in the seed folds back to what its
    /// source character folds to, but for the few t2s itself keeps (瞭望, 藉口).
    @Test(arguments: [ScriptConversionName.s2t, .s2tw, .s2hk])
    func convertedSeedFoldsToTheSource(name: ScriptConversionName) throws {
        let conversion = try #require(ConversionFixtures.conversion(name))
        let seed = Fixtures.seed
        var changed = 0
        var missed: Set<String> = []
        for article in seed.articles {
            for paragraph in article.allParagraphs {
                let text = seed.text(of: paragraph)
                let converted = conversion.convert(text)
                guard converted.count == text.count else { continue }
                for (source, shown) in zip(text.scalars, converted.scalars) where source != shown {
                    changed += 1
                    if SearchFolding.fold(source) != SearchFolding.fold(shown) { missed.insert("\(source)\(shown)") }
                }
            }
        }
        #expect(changed > 1500)
        #expect(missed.isSubset(of: ["了瞭", "借藉"]), "\(missed)")
    }
}
