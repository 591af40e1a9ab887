/// One of OpenCC's conversions between Chinese scripts, named as its configuration
/// file is (`/usr/share/opencc/NAME.json`): Simplified to Traditional (`s2t`), to
/// Taiwan's standard (`s2tw`, with Taiwan's phrases `s2twp`) or Hong Kong's (`s2hk`),
/// and back (`t2s`, `tw2s`, `hk2s`).
public enum ScriptConversionName: String, CaseIterable, Sendable {
    case s2t, s2tw, s2twp, s2hk, t2s, tw2s, hk2s

    /// The value of `--convert` and of `convert` in the configuration file: a name, or
    /// `none` for no conversion (`.some(nil)`); nil for anything else.
    public static func setting(_ text: String) -> ScriptConversionName?? {
        if text == "none" { return .some(nil) }
        return ScriptConversionName(rawValue: text).map { .some($0) }
    }

    /// Every accepted setting, for messages: `s2t|s2tw|…|none`.
    public static let settings = allCases.map(\.rawValue).joined(separator: "|") + "|none"
}

extension ScriptConversionName {
    /// How much of an issue `toOtherScript(of:)` looks at.
    static let detectionBytes = 16 * 1024

    /// The conversion to the script the text is not in: `s2t` for Simplified text,
    /// `t2s` for Traditional (what `c` shows when no conversion is configured).
    ///
    /// Counts, in the first `detectionBytes` of `source`, the characters that each
    /// direction would change, by the search folding table (OpenCC's characters): a
    /// Traditional character (`發`) is one that t2s changes, a Simplified one that has a
    /// Traditional form (`发`) one that s2t changes. Ties go to `s2t`.
    public static func toOtherScript(of source: SourceBytes) -> ScriptConversionName {
        var traditional = 0
        var simplified = 0
        source.withUnsafeBufferPointer { bytes in
            let sample = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, detectionBytes)])
            for scalar in String(decoding: sample, as: UTF8.self).unicodeScalars where scalar.value >= 0x3400 {
                if SearchFolding.fold(scalar) != scalar {
                    traditional += 1
                } else if SearchFolding.isFoldTarget(scalar) {
                    simplified += 1
                }
            }
        }
        return traditional > simplified ? .t2s : .s2t
    }
}
