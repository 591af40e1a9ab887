/// The character classes and the clues in a few dozen scalars that `PageBreakRepair`
/// weighs (see its doc comment for the rule they make).
extension PageBreakRepair {
    /// The scalars next to a possible cut (white space left out): the end of the first
    /// paragraph or the start of the next, and what they say about it.
    struct Window {
        let scalars: [Unicode.Scalar]

        init<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) {
            // One allocation (`filter` grew its array from nothing, a window at a time).
            var kept: [Unicode.Scalar] = []
            kept.reserveCapacity(Swift.max(scalars.underestimatedCount, PageBreakRepair.windowScalars))
            for scalar in scalars where !PageBreakRepair.isSpace(scalar) { kept.append(scalar) }
            self.scalars = kept
        }

        /// Holds a clause mark: a sentence is under way.
        var hasClauseMark: Bool {
            scalars.contains { PageBreakRepair.isClauseMark($0.value) }
        }

        /// Not mostly ASCII: at least two thirds of the scalars are not ASCII — CJK text,
        /// maybe with a few names or numbers in it, not code, commands or English. (Half
        /// joined 13 more paragraphs of the manual pages, none of them cut.)
        var isMostlyWide: Bool {
            let ascii = scalars.reduce(0) { $0 + ($1.isASCII ? 1 : 0) }
            return scalars.count - ascii >= ascii * 2
        }

        /// Starts like a list item or an option: a bullet (`•`, `-`, `*`, `①`…), a number
        /// and `.`, `)` or `、` (`1.`, `2)`, `一、`, `十二、`), or a number in brackets (`（1）`).
        var isListItem: Bool {
            guard let first = scalars.first else { return false }
            if PageBreakRepair.bullets.contains(first) || (0x2460...0x24FF).contains(first.value) { return true }
            var rest = scalars.dropFirst()
            if first == "（" || first == "(" || first == "[" {
                guard let number = rest.first, PageBreakRepair.isNumeral(number) else { return false }
                rest = rest.drop { PageBreakRepair.isNumeral($0) }
                return rest.first == "）" || rest.first == ")" || rest.first == "]"
            }
            guard PageBreakRepair.isNumeral(first) else { return false }
            rest = rest.drop { PageBreakRepair.isNumeral($0) }
            guard let mark = rest.first else { return false }
            return mark == "、" || mark == "．" || mark == "." || mark == ")" || mark == "）"
        }

        /// Starts with a label: a colon among its first six scalars (`注意：`, `编 辑：`, `作者：`).
        var startsWithLabel: Bool {
            scalars.prefix(6).contains { $0 == "：" || $0 == ":" }
        }

        /// Ends like a whole Japanese or Korean sentence written without its full stop: a
        /// polite or plain verb ending (`…ます`, `…です`, `…した`, `…다`), maybe followed by
        /// a clause mark (`…합니다,`: an item of a list).
        var endsPoliteSentence: Bool {
            var scalars = scalars[...]
            if let last = scalars.last, PageBreakRepair.isClauseMark(last.value) { scalars = scalars.dropLast() }
            guard let last = scalars.last else { return false }
            if last == "다" { return true }
            guard scalars.count >= 2 else { return false }
            let before = scalars[scalars.endIndex - 2]
            return (last == "す" && (before == "ま" || before == "で")) || (last == "た" && before == "し")
        }

        /// Ends in an attribution: a dash right after the last sentence end (`…？” —— 《战争
        /// 游戏》`, `…?” -- コンピュータ、 wargames より`), the source of a quotation, not a
        /// sentence under way.
        var endsWithAttribution: Bool {
            guard let last = scalars.lastIndex(where: { PageBreakRepair.isSentenceFinal($0.value) }),
                  last + 1 < scalars.endIndex
            else { return false }
            return PageBreakRepair.dashes.contains(scalars[last + 1])
        }

        /// Starts with a word that opens a sentence (`如果`, `但是`, `例如`…): a new
        /// sentence, not the rest of one.
        ///
        /// Compared as a pair of scalars when both are plain characters (`isPlainCharacter`:
        /// then that is what comparing the strings gives), as strings otherwise.
        var startsSentence: Bool {
            let start = scalars.prefix(2)
            if start.allSatisfy(PageBreakRepair.isPlainCharacter) {
                guard start.count == 2 else { return false }
                return PageBreakRepair.sentenceOpenerPairs.contains(
                    UInt64(start[start.startIndex].value) << 32 | UInt64(start[start.startIndex + 1].value))
            }
            return PageBreakRepair.sentenceOpeners.contains(String(String.UnicodeScalarView(start)))
        }

        /// Holds a byline or credit word and no sentence (no `。`, `，` or `,`).
        ///
        /// `String.contains` compares characters (grapheme clusters, canonically
        /// equivalent), and costs: it was three quarters of `reader --search`'s time. When
        /// every scalar is a character of its own with no other canonical form (ASCII, CJK
        /// ideographs and punctuation: `isPlainCharacter`), comparing scalars gives the
        /// same answer, so only other windows take the string path — and only those where
        /// some run of scalars could be a credit word's characters (`mayHoldCreditWord`),
        /// which a window with a word in it always has.
        var isCredit: Bool {
            // The marks first: most windows hold one, and then no word need be looked for.
            guard !scalars.contains(where: { $0 == "。" || $0 == "，" || $0 == "," }),
                  mayHoldCreditWord
            else { return false }
            if scalars.allSatisfy(PageBreakRepair.isPlainCharacter) {
                return PageBreakRepair.creditWordScalars.contains { word in
                    scalars.count >= word.count
                        && (0...scalars.count - word.count).contains { start in
                            word.indices.allSatisfy { scalars[start + $0] == word[$0] }
                        }
                }
            }
            let text = String(String.UnicodeScalarView(scalars))
            return PageBreakRepair.creditWords.contains { text.contains($0) }
        }

        /// Whether some run of scalars is, scalar by scalar, in the forms of a credit word's
        /// characters (`creditWordForms`). A credit word's ideographs have no decomposition,
        /// so a character canonically equivalent to one is a single scalar whose
        /// decomposition is that ideograph: the characters that `String.contains` finds
        /// equal to a word's are such single scalars, one after another. Without such a run,
        /// then, neither that nor comparing scalars finds a word.
        var mayHoldCreditWord: Bool {
            PageBreakRepair.creditWordForms.contains { forms in
                scalars.count >= forms.count
                    && (0...scalars.count - forms.count).contains { start in
                        forms.indices.allSatisfy { forms[$0].contains(scalars[start + $0]) }
                    }
            }
        }

        /// Reads like verse: two or more whole clauses, all of four to seven scalars and of
        /// the same length (`两株桃杏映篱斜，妆点商山副使家，`). The first clause of a long
        /// window may be cut short by the window, and is not counted then.
        ///
        /// The clauses' lengths are followed as they come (no array of them): their number,
        /// the first two, and whether all are as long as the first, or all after the first
        /// as long as the second.
        var isVerse: Bool {
            var clauses = 0
            var first = 0
            var second = 0
            var allAsFirst = true
            var restAsSecond = true
            var length = 0
            for index in 0...scalars.count {
                if index < scalars.count {
                    let scalar = scalars[index]
                    let ends = PageBreakRepair.isClauseMark(scalar.value) || PageBreakRepair.isSentenceFinal(scalar.value)
                        || scalar == "：" || scalar == ":"
                    if !ends {
                        length += 1
                        continue
                    }
                }
                guard length > 0 else { continue }
                clauses += 1
                if clauses == 1 {
                    first = length
                } else {
                    allAsFirst = allAsFirst && length == first
                    if clauses == 2 { second = length } else { restAsSecond = restAsSecond && length == second }
                }
                length = 0
            }
            // The first clause of a long window is left out (it may be cut short).
            if scalars.count >= PageBreakRepair.windowScalars, clauses > 2 {
                return (4...7).contains(second) && restAsSecond
            }
            return clauses >= 2 && (4...7).contains(first) && allAsFirst
        }
    }

    /// Words that mark a short paragraph as a byline or credit.
    static let creditWords = ["记者", "摄影", "通讯员", "编辑", "供图", "报道", "来源", "作者", "校对", "审核", "责编"]
    /// `creditWords` as scalars.
    static let creditWordScalars = creditWords.map { Array($0.unicodeScalars) }
    /// Each credit word's characters as the scalars that are canonically each: the
    /// ideograph itself and the CJK compatibility ideographs that decompose to it
    /// (`creditCompatibilityForms`).
    static let creditWordForms: [[[Unicode.Scalar]]] = creditWordScalars.map { word in
        word.map { [$0] + (creditCompatibilityForms[$0] ?? []) }
    }
    /// The CJK compatibility ideographs canonically equal to a credit word's ideograph:
    /// only `者` has any. Written out (working them out from `Character` equality cost
    /// 6 ms at every start); a test checks them against every scalar.
    static let creditCompatibilityForms: [Unicode.Scalar: [Unicode.Scalar]] = ["者": ["\u{FA5B}", "\u{FAB2}", "\u{2F97A}"]]

    /// Whether `scalar` is always a character (grapheme cluster) of its own and has no
    /// canonical decomposition, nor is any other scalar's: ASCII but CR and LF, CJK
    /// ideographs (not the compatibility ones), the CJK symbols and punctuation but the
    /// combining tone marks, general punctuation up to the ellipsis, full-width ASCII.
    static func isPlainCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x20...0x7E, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }

    /// Two-character words that open a sentence, and hardly ever begin the second half of
    /// one: conditions, contrasts, consequences, examples, notes.
    static let sentenceOpeners: Set<String> = [
        "如果", "假如", "若是", "但是", "然而", "不过", "因此", "因为", "所以", "另外", "此外", "例如", "比如",
        "总之", "注意", "首先", "其次", "最后",
    ]

    /// `sentenceOpeners` as pairs of scalar values (first << 32 | second).
    static let sentenceOpenerPairs = Set(sentenceOpeners.map { opener in
        opener.unicodeScalars.reduce(UInt64(0)) { $0 << 32 | UInt64($1.value) }
    })

    /// The Han numerals that number list items.
    static let hanNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百"]

    /// Marks that start list items (and `-` an option of a manual page).
    static let bullets: Set<Unicode.Scalar> = [
        "•", "·", "‧", "・", "-", "*", "+", "–", "—", "●", "○", "■", "□", "◆", "◇", "▪", "▶", "►", "※", "★", "☆",
    ]

    /// Dashes that set off an attribution (ASCII `-`, hyphen, en, em and horizontal bar,
    /// full-width hyphen-minus, box-drawing line).
    static let dashes: Set<Unicode.Scalar> = ["-", "‐", "–", "—", "―", "－", "─"]

    /// A digit (ASCII or full width) or a Han numeral, as list items are numbered.
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) || hanNumerals.contains(scalar)
    }

    /// 。！？…”」』） and ASCII . ! ? "
    @inline(__always)
    static func isSentenceFinal(_ value: UInt32) -> Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0x2026, 0x201D, 0x300D, 0x300F, 0xFF09, 0x2E, 0x21, 0x3F, 0x22: true
        default: false
        }
    }

    /// ，、； and ASCII , ;: marks inside a sentence.
    @inline(__always)
    static func isClauseMark(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF0C, 0x3001, 0xFF1B, 0x2C, 0x3B: true
        default: false
        }
    }

    /// Han ideographs, kana and Hangul: the letters CJK running text is made of (not its
    /// punctuation, digits, brackets or symbols).
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3041...0x30FA, 0x30FC...0x30FF, 0x3131...0x318E, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            true
        default:
            false
        }
    }

    /// White space between or inside lines (the parser's, and line ends).
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xFEFF: true
        default: false
        }
    }
}
