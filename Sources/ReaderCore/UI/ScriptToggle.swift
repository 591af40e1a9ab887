/// What the `c` key switches between: the text as the source has it, and the text
/// converted to another script (`ReaderState.toggleConversion`).
///
/// The conversion is the configured one (`--convert`, `convert` in config.toml), or,
/// with none configured, the one to the other script of each issue: `s2t` for
/// Simplified text, `t2s` for Traditional (`ScriptConversionName.toOtherScript(of:)`).
public struct ScriptToggle: Sendable {
    /// The configured conversion, or nil to pick one per issue.
    public let configured: ScriptConversionName?
    private let makeConverter: ScriptConverterFactory

    public init(configured: ScriptConversionName?, makeConverter: @escaping ScriptConverterFactory) {
        self.configured = configured
        self.makeConverter = makeConverter
    }

    /// The name of the conversion `c` shows for `document`.
    public func conversionName(for document: Document) -> ScriptConversionName {
        configured ?? .toOtherScript(of: document.source)
    }

    /// The conversion `c` shows for `document`; nil when its converter cannot be loaded.
    public func conversion(for document: Document) -> ScriptConversion? {
        let name = conversionName(for: document)
        return makeConverter(name).map { ScriptConversion(name: name, converter: $0) }
    }

    /// `document` shown converted (when `converted` and the conversion loads) or as it is.
    public func document(_ document: Document, converted: Bool) -> Document {
        guard converted else { return document.conversion == nil ? document : document.withConversion(nil) }
        if let shown = document.conversion, shown.name == conversionName(for: document) { return document }
        return conversion(for: document).map { document.withConversion($0) } ?? document
    }
}
