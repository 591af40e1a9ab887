/// Folds scalars for search so that case, full-width/half-width and script differences
/// vanish: Latin letters are lowercased, full-width ASCII forms (U+FF01–FF5E) become
/// their ASCII counterparts, the ideographic space U+3000 becomes a space, and
/// Traditional Chinese characters become Simplified ones (`發`, `髮` → `发`), so that a
/// query in either script finds the text in either (`ScriptFolding.generated.swift`:
/// OpenCC's characters, one to one; see `Scripts/generate-script-folding.py` for why
/// these and how they were measured).
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
        if value >= firstHan { return hanFolding[scalar] }
        if value < 0x250 || (value >= 0x1E00 && value <= 0x1EFF) {
            return latinLower(scalar)
        }
        return scalar
    }

    /// The first code point `hanFolding` changes or may change (CJK extension A).
    static let firstHan: UInt32 = 0x3400

    /// Traditional → Simplified characters.
    static let hanFolding = ScalarMapTable(pairs: ScriptFoldingData.pairs)

    /// The Simplified characters that Traditional ones fold to (each mapped to itself).
    private static let hanTargets = ScalarMapTable(
        pairs: Set(ScriptFoldingData.pairs.map { $0 & 0xFFFF_FFFF }).sorted().map { $0 << 32 | $0 })

    /// Whether some other scalar folds to `scalar` (a Simplified character that has a
    /// Traditional one: `发`), so that finding it needs folding the text.
    static func isFoldTarget(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= firstHan && hanTargets.hasEntry(for: scalar)
    }

    /// Whether folding leaves `scalar` alone and turns no other scalar into it: then a
    /// folded query's `scalar` matches exactly the same scalar of the text, unfolded.
    static func foldsOnlyFromItself(_ scalar: Unicode.Scalar) -> Bool {
        fold(scalar) == scalar && !foldTargets.contains(scalar.value)
    }

    /// Every scalar that folding turns some other scalar into (`a` from `A` and `Ａ`, `发`
    /// from `發`): worked out once, by folding every scalar.
    private static let foldTargets: Set<UInt32> = {
        var targets = Set<UInt32>()
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = fold(scalar)
            if folded != scalar { targets.insert(folded.value) }
        }
        return targets
    }()

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
