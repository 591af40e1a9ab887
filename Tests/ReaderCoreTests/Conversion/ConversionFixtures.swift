import ReaderCore
import ReaderOpenCC

/// OpenCC's conversions for the tests (libopencc-data, which `make` installs).
enum ConversionFixtures {
    /// Conversion `name`, or nil when OpenCC cannot load it.
    static func conversion(_ name: ScriptConversionName) -> ScriptConversion? {
        OpenCCConverter.factory(name).map { ScriptConversion(name: name, converter: $0) }
    }

    /// What `c` switches to with no conversion configured.
    static let toggle = ScriptToggle(configured: nil, makeConverter: OpenCCConverter.factory)

    /// A toggle to the configured `name`.
    static func toggle(_ name: ScriptConversionName) -> ScriptToggle {
        ScriptToggle(configured: name, makeConverter: OpenCCConverter.factory)
    }

    /// A one-paragraph text as display text (offsets from 0, one per UTF-8 start).
    static func displayText(_ paragraph: String) -> DisplayText {
        let document = Document(text: "## T\n\n" + paragraph + "\n")
        return document.text(of: document.articles[0].lead[0])
    }

    /// The seed's paragraph that starts with `prefix`.
    static func seedParagraph(startingWith prefix: String) -> DisplayText? {
        let seed = Fixtures.seed
        for article in seed.articles {
            for paragraph in article.allParagraphs {
                let text = seed.text(of: paragraph)
                if text.string.hasPrefix(prefix) { return text }
            }
        }
        return nil
    }
}
