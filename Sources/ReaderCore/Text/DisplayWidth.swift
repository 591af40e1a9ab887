/// Terminal display width of Unicode scalars, matching the C library's `wcwidth()`
/// in a UTF-8 locale (what ncurses and the terminal use).
///
/// PLACEHOLDER until the generated tables land: owned by the Unicode-tables work.
public enum DisplayWidth {
    /// The width of `scalar` in terminal columns: -1 for a non-printable scalar
    /// (as `wcwidth` returns), otherwise 0, 1 or 2. East Asian Ambiguous scalars
    /// are 1, or 2 when `ambiguousWide` is set.
    public static func of(_ scalar: Unicode.Scalar, ambiguousWide: Bool = false) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return -1 }
        if v == 0x200D || (v >= 0x300 && v < 0x370) || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF && v != 0x303F)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
            || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x20000 && v <= 0x3FFFD) {
            return 2
        }
        if ambiguousWide, [0x201C, 0x201D, 0x2018, 0x2019, 0xB7, 0x2014, 0x2026].contains(v) { return 2 }
        return 1
    }
}
