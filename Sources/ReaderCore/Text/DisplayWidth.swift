/// Terminal display width of Unicode scalars, matching the C library's `wcwidth()`
/// in a UTF-8 locale (what ncurses and the terminal use).
///
/// The table reproduces glibc 2.36 (Debian 12) exactly, including its Unicode 14.0
/// view of the world: scalars assigned in Unicode 15.0 are unknown to it (-1).
/// See `Scripts/generate-unicode-tables.py`.
public enum DisplayWidth {
    /// The width of `scalar` in terminal columns: -1 for a non-printable scalar
    /// (as `wcwidth` returns), otherwise 0, 1 or 2. East Asian Ambiguous scalars
    /// are 1, or 2 when `ambiguousWide` is set.
    public static func of(_ scalar: Unicode.Scalar, ambiguousWide: Bool = false) -> Int {
        of(scalar, ambiguousWide: ambiguousWide, in: UnicodeTables.width)
    }

    /// `of(_:ambiguousWide:)` with the width table already in hand (for hot loops).
    @inline(__always)
    static func of(_ scalar: Unicode.Scalar, ambiguousWide: Bool, in table: CodePointTable) -> Int {
        let code = table[scalar.value]
        if code == UnicodeTableData.widthAmbiguous { return ambiguousWide ? 2 : 1 }
        return Int(code) - 1
    }
}
