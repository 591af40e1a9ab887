/// The strictness of line breaking in Chinese and Japanese text: CSS Text Level 3's
/// `line-break` property (§5.3), applied by the Chinese tailoring on top of UAX #14.
/// `normal` is the default, as in browsers.
///
/// * `strict`: UAX #14 with CJ resolved to NS: no break before small kana or ー, nor
///   before the hyphens 〜 ゠ (NS).
/// * `normal`: also breaks before small kana and ー (class CJ) and before 〜 U+301C and
///   ゠ U+30A0.
/// * `loose`: also breaks before the iteration marks 々 〻 ゝ ゞ ヽ ヾ, between
///   inseparable characters (class IN: ‥ …), before the centred punctuation
///   ・ ： ； ･ ‼ ⁇ ⁈ ⁉ ！ ？, before postfixes (PO) and after prefixes (PR) of East Asian
///   width A, F or W (° ‰ ％ ￠, ¥ € ￥ …).
///
/// The characters are given the class ID (with their flags), which allows a break on
/// both sides unless a neighbour forbids it — what CSS describes, and what ICU's
/// `line_normal_cj` / `line_loose_cj` rules do.
public enum LineBreakStrictness: String, Sendable, CaseIterable {
    case strict, normal, loose

    /// The packed line-break value (`UnicodeTables.lineBreak`) the strictness gives the
    /// scalar `value` whose own value is `packed`, or nil when it keeps that one. Asked
    /// only for `examinedCodePoints`.
    @inline(__always)
    func tailoredClass(_ value: UInt32, packed: UInt8) -> UInt8? {
        let ideographic = LineBreakClass.id.rawValue | (packed & ~0x3F)
        switch self {
        case .strict:
            return nil
        case .normal:
            return Self.normalBreaksBefore.contains(value) ? ideographic : nil
        case .loose:
            return Self.normalBreaksBefore.contains(value) || Self.looseBreaks.contains(value) ? ideographic : nil
        }
    }

    /// What `normal` breaks before: CJ, 〜 and ゠.
    static let normalBreaksBefore: Set<UInt32> = Set(UnicodeTableData.conditionalJapaneseStarters + [0x301C, 0x30A0])

    /// What `loose` breaks around besides: the iteration marks, IN, the centred
    /// punctuation, the East Asian postfixes and prefixes.
    static let looseBreaks: Set<UInt32> = Set(
        [0x3005, 0x303B, 0x309D, 0x309E, 0x30FD, 0x30FE]
            + UnicodeTableData.inseparables
            + [0x30FB, 0xFF1A, 0xFF1B, 0xFF65, 0x203C, 0x2047, 0x2048, 0x2049, 0xFF01, 0xFF1F]
            + UnicodeTableData.eastAsianPostfixes + UnicodeTableData.eastAsianPrefixes)

    /// Every code point some strictness reclassifies (marked in `ScalarPropertyTable.layout`).
    static let examinedCodePoints: [UInt32] = Array(normalBreaksBefore.union(looseBreaks)).sorted()
}
