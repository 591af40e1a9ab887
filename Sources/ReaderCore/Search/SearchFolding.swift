/// Folds scalars for search so that case and full-width/half-width differences vanish:
/// Latin letters are lowercased, full-width ASCII forms (U+FF01–FF5E) become their
/// ASCII counterparts and the ideographic space U+3000 becomes a space.
///
/// Folding is one scalar to one scalar, so a match in folded text is a match at the
/// same indices in the original text.
public enum SearchFolding {
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            return Unicode.Scalar(UInt8(value))
        }
        if value >= 0xFF01 && value <= 0xFF5E {
            value -= 0xFEE0
            if value >= 0x41 && value <= 0x5A { value += 0x20 }
            return Unicode.Scalar(UInt8(value))
        }
        if value == 0x3000 { return " " }
        if value < 0x250 || (value >= 0x1E00 && value <= 0x1EFF) {
            return latinLower(scalar)
        }
        return scalar
    }

    /// Lowercase of a Latin letter outside ASCII, when it is a single scalar.
    private static func latinLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let first = lower.first { return first }
        return scalar
    }

    /// Every scalar folded.
    public static func fold<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> [Unicode.Scalar] {
        scalars.map(fold)
    }

    /// The folded query: folded scalars of `query`.
    public static func fold(_ query: String) -> [Unicode.Scalar] {
        fold(query.unicodeScalars)
    }
}
