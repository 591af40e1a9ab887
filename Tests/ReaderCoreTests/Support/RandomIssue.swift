import PropertyBased

/// Random issues for property tests.
enum RandomIssue {
    /// Bytes of issues with every structure and awkward character the parser, page-break
    /// repair, display-safety and folding care about: headings of every kind, blank and
    /// white-space lines, all line ends, sentence ends, markers and credits, case and
    /// full-width forms, Latin letters that fold, controls, bidi controls, unassigned and
    /// private-use scalars, invalid UTF-8, and the pieces of real cuts and of what is no cut.
    static let pieces: [[UInt8]] = [
        "## ", "##", "### ", "###", "####\t", "#", "#x", "\n", "\n", "\n", "\n\n", "\n\n", "\r\n", "\r", " ", "\t",
        "\u{3000}", "\u{FEFF}", "中", "文", "重庆", "记者", "摄影报道", "。", "，", "！", "？", ">>>", "》》》", "》",
        "a", "Word", "ABC", "e", "Ａ", "ｚ", "１", "ß", "Ä", "\u{023A}", "\u{1E9E}", "\u{1E00}", "İ", "·", "—",
        "“", "”", "\u{202A}", "\u{2066}", "\u{0085}", "\u{0001}", "\u{001B}", "\u{007F}", "\u{0378}", "\u{FFFD}",
        "\u{E000}", "\u{FFFF}", "\u{FF5F}", "😀", "\u{301}", "\u{200B}", "한", "か", "\u{F900}", "1", ".", "\"",
        // Page-break repair's evidence: a clause broken off, its continuation, verse, a
        // list item, a label, a sentence opener, a Japanese sentence end, Hangul.
        "在明确专项成本列支依据方面,重庆对", "政府投资的智能建造试点项目,允许在核准投资估算中列支", "两株桃杏映篱斜，", "一、", "•", "注意：", "如果",
        "設けられます", "데비안 프로젝트는, 개발자들이",
        // Traditional characters (folded to Simplified for search), one folding to a four-byte one.
        "重慶", "發", "髮", "\u{346E}", "\u{2005E}",
    ].map { Array($0.utf8) } + [
        [0xFF], [0x80], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF0, 0x9F], [0xC0, 0xAF],
    ]

    /// An issue of 0 to 60 pieces.
    static let bytes = Gen.int(in: 0..<pieces.count).array(of: 0...60).map { $0.flatMap { pieces[$0] } }
}
