/// Converts text from one Chinese script to another, phrase by phrase (`发展` → `發展`,
/// `头发` → `頭髮`): a whole string at a time, since the right character depends on
/// the words around it.
///
/// ReaderCore holds only this protocol; OpenCC itself is reached through the
/// ReaderOpenCC target (`OpenCCConverter`). ReaderCore stays free of C libraries
/// because the fuzz build compiles it alone with plain swiftc, and because everything
/// that uses a conversion (layout, dump, titles, search) can be tested with any
/// converter; the executable and the tests link ReaderOpenCC and pass its converters in.
public protocol ScriptConverter: Sendable {
    /// `text` converted. It may have more or fewer scalars than `text`.
    func convert(_ text: String) -> String
}

/// Makes the converter of a conversion (for the `c` key, which may need the one that
/// suits the open issue). Nil when the conversion cannot be loaded.
public typealias ScriptConverterFactory = @Sendable (ScriptConversionName) -> (any ScriptConverter)?
