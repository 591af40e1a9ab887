#!/usr/bin/env python3
"""Generate Sources/ReaderCore/Text/UnicodeTables.generated.swift from the UCD.

Usage:
    python3 Scripts/generate-unicode-tables.py [--ucd DIR] [--stdout]

Reads these files of the Unicode Character Database 15.0 (default directory
/usr/share/unicode, as installed by Debian's `unicode-data` package), for the widths
and grapheme clusters:

    UnicodeData.txt, DerivedAge.txt, EastAsianWidth.txt, PropList.txt,
    auxiliary/GraphemeBreakProperty.txt, emoji/emoji-data.txt

and these of the Unicode 17.0 files vendored in Data/ucd-17.0.0, for line breaking
(UAX #14 of Unicode 17.0):

    LineBreak.txt (its comments give the General_Category), EastAsianWidth.txt,
    emoji/emoji-data.txt

and writes three run-length tables (one packed UInt32 per run: start << 8 | value)
plus the class enums they refer to:

* display width, reproducing glibc's `wcwidth()` in a UTF-8 locale. glibc builds its
  width table with localedata/unicode-gen/utf8_gen.py; the rules are mirrored in
  `glibc_widths` below. glibc 2.36 (Debian 12) was generated from Unicode 14.0, so
  code points assigned later (per DerivedAge.txt) are unassigned for it: wcwidth -1.
* Line_Break classes (Unicode 17.0) with the UAX #14 LB1 resolution applied
  (AI/SG/XX -> AL, SA -> CM for Mn/Mc else AL, CJ -> NS), three classes split off for
  the rules that single them out (QU with General_Category Pi -> QI, Pf -> QF for
  LB15a/b and LB19; U+25CC DOTTED CIRCLE -> DC for LB28a), plus two flag bits: the
  $EastAsian set (East_Asian_Width F/W/H; LB19a, LB30) and Extended_Pictographic & Cn
  (LB30b).
* Grapheme_Cluster_Break classes, with Extended_Pictographic folded in as a class.

Standard library only. The output is deterministic; a test checks that the
committed file equals this script's output.
"""

import argparse
import os
import re
import sys

MAX_CP = 0x10FFFF
SIZE = MAX_CP + 1

# The Unicode version glibc 2.36's C.UTF-8 / UTF-8 locale data was generated from.
# Measured: every code point assigned in 15.0 has wcwidth -1, every code point
# assigned in 14.0 or earlier is printable (see DisplayWidthTests).
GLIBC_UNICODE_VERSION = (14, 0)

# Order defines the raw values of `LineBreakClass` in the generated Swift.
LINE_BREAK_CLASSES = [
    "BK", "CR", "LF", "NL", "SP", "ZW", "ZWJ", "CM", "WJ", "GL",
    "BA", "BB", "HY", "CB", "CL", "CP", "EX", "IN", "NS", "OP",
    "QU", "IS", "NU", "PO", "PR", "SY", "AL", "HL", "ID", "EB",
    "EM", "H2", "H3", "JL", "JV", "JT", "RI", "B2",
    "AK", "AP", "AS", "VF", "VI", "HH", "QI", "QF", "DC",
]
LB_FLAG_EAST_ASIAN_WIDE = 0x40  # East_Asian_Width is F, W or H (the $EastAsian of LB19a, LB30)
LB_FLAG_PICTOGRAPHIC_UNASSIGNED = 0x80  # Extended_Pictographic and Cn (LB30b)

# Order defines the raw values of `GraphemeBreakClass`. `ExtPict` is the
# Extended_Pictographic property (GB11); those code points are all `Other` otherwise.
GRAPHEME_CLASSES = [
    "Other", "CR", "LF", "Control", "Extend", "ZWJ", "Regional_Indicator",
    "Prepend", "SpacingMark", "L", "V", "T", "LV", "LVT", "ExtPict",
]

# Width table values: wcwidth + 1 (0 ... 3), and 4 for "1, but East Asian Ambiguous".
WIDTH_AMBIGUOUS = 4


def parse_ranges(path):
    """Yields (first, last, fields) for each data line `X[..Y] ; f1 ; f2 # ...`."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            data = line.split("#", 1)[0].strip()
            if not data:
                continue
            fields = [x.strip() for x in data.split(";")]
            if ".." in fields[0]:
                a, b = fields[0].split("..")
            else:
                a = b = fields[0]
            yield int(a, 16), int(b, 16), fields[1:]


def version_line(path):
    """The file's version header (`# LineBreak-15.0.0.txt`, `# Used with Emoji Version 15.0 ...`)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            if re.search(r"\d+\.\d+", line) and not line.startswith("# Date"):
                return line.lstrip("# ").strip()
    return "no version header"


def unicode_data(path):
    """Returns {code point: (name, general category, bidi class)}, expanding First/Last ranges."""
    result = {}
    range_start = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split(";")
            if len(fields) < 5:
                continue
            cp, name, gc, bidi = int(fields[0], 16), fields[1], fields[2], fields[4]
            if name.endswith(", First>"):
                range_start = cp
                continue
            if name.endswith(", Last>"):
                for c in range(range_start, cp + 1):
                    result[c] = (name, gc, bidi)
                range_start = None
                continue
            result[cp] = (name, gc, bidi)
    return result


def ages(path):
    age = [None] * SIZE
    for a, b, fields in parse_ranges(path):
        major, minor = fields[0].split(".")
        for c in range(a, b + 1):
            age[c] = (int(major), int(minor))
    return age


def east_asian_width(path):
    eaw = ["N"] * SIZE
    for a, b, fields in parse_ranges(path):
        for c in range(a, b + 1):
            eaw[c] = fields[0]
    return eaw


def prop_list(path, name):
    result = set()
    for a, b, fields in parse_ranges(path):
        if fields[0] == name:
            result.update(range(a, b + 1))
    return result


def glibc_widths(ucd, udata, age, eaw):
    """wcwidth for every code point, the way glibc's utf8_gen.py + ld-ctype compute it.

    Returns a list of table values (wcwidth + 1, or WIDTH_AMBIGUOUS).
    """
    def known(c):
        a = age[c]
        return c in udata and a is not None and a <= GLIBC_UNICODE_VERSION

    width = [1] * SIZE
    # EastAsianWidth.txt W and F -> 2 (utf8_gen.py skips reserved ranges; unassigned
    # code points are not in the charmap at all, so they end up -1 below anyway).
    for c in range(SIZE):
        if eaw[c] in ("W", "F"):
            width[c] = 2
    # Non-spacing (bidi NSM) and Mn, Me, Cf -> 0.
    for c, (_, gc, bidi) in udata.items():
        if bidi == "NSM" or gc in ("Cf", "Me", "Mn"):
            width[c] = 0
    # Prepended_Concatenation_Mark -> default width 1.
    for c in prop_list(os.path.join(ucd, "PropList.txt"), "Prepended_Concatenation_Mark"):
        width[c] = 1
    # Special cases of utf8_gen.py, "for compatibility".
    width[0x00AD] = 1  # SOFT HYPHEN (Markus Kuhn's wcwidth.c)
    for c in range(0x1160, 0x1200):  # Hangul jungseong and jongseong
        width[c] = 0
    for c in range(0xD7B0, 0xD800):  # Hangul Jamo Extended-B
        if c in udata:
            width[c] = 0
    for c in range(0x3248, 0x3250):  # circled numbers on black squares: A, glibc says W
        width[c] = 2
    for c in range(0x4DC0, 0x4E00):  # Yijing hexagram symbols
        width[c] = 2

    values = [0] * SIZE
    for c in range(SIZE):
        if not known(c):
            values[c] = 0  # unassigned (for glibc), noncharacter or surrogate: -1
            continue
        name, gc, _ = udata[c]
        if name == "<control>" or gc in ("Zl", "Zp"):
            values[c] = 0  # not printable: -1
            continue
        w = width[c]
        if w == 1 and eaw[c] == "A":
            values[c] = WIDTH_AMBIGUOUS
        else:
            values[c] = w + 1
    values[0] = 1  # glibc's wcwidth(L'\0') is 0
    return values


def line_break_data(path):
    """Line_Break values and the General_Category its comments give (`# Mn [3] ...`);
    code points the file leaves out are XX and Cn (its @missing line)."""
    lb = ["XX"] * SIZE
    gc_of = ["Cn"] * SIZE
    with open(path, encoding="utf-8") as f:
        for line in f:
            data, _, comment = line.partition("#")
            data = data.strip()
            if not data:
                continue
            fields = [x.strip() for x in data.split(";")]
            a, _, b = fields[0].partition("..")
            category = comment.split()[0]
            for c in range(int(a, 16), int(b or a, 16) + 1):
                lb[c] = fields[1]
                gc_of[c] = category
    return lb, gc_of


def east_asian_width_with_defaults(path):
    """East_Asian_Width with the file's @missing defaults applied first."""
    eaw = ["N"] * SIZE
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"# @missing: ([0-9A-F]+)\.\.([0-9A-F]+); (\w+)", line)
            if m:
                for c in range(int(m.group(1), 16), int(m.group(2), 16) + 1):
                    eaw[c] = m.group(3)
    for a, b, fields in parse_ranges(path):
        for c in range(a, b + 1):
            eaw[c] = fields[0]
    return eaw


def strictness_code_points(ucd17):
    """The code points CSS `line-break` (CSS Text 3, 5.3) treats by strictness: CJ (small
    kana, U+30FC), IN, and PO / PR of East_Asian_Width A, F or W."""
    lb, _ = line_break_data(os.path.join(ucd17, "LineBreak.txt"))
    eaw = east_asian_width_with_defaults(os.path.join(ucd17, "EastAsianWidth.txt"))
    def of(test):
        return [c for c in range(SIZE) if test(c)]
    return {
        "conditionalJapaneseStarters": of(lambda c: lb[c] == "CJ"),
        "inseparables": of(lambda c: lb[c] == "IN"),
        "eastAsianPostfixes": of(lambda c: lb[c] == "PO" and eaw[c] in ("A", "F", "W")),
        "eastAsianPrefixes": of(lambda c: lb[c] == "PR" and eaw[c] in ("A", "F", "W")),
    }


def line_break_values(ucd17):
    lb, gc_of = line_break_data(os.path.join(ucd17, "LineBreak.txt"))
    eaw = east_asian_width_with_defaults(os.path.join(ucd17, "EastAsianWidth.txt"))
    ext_pict = prop_list(os.path.join(ucd17, "emoji", "emoji-data.txt"), "Extended_Pictographic")
    index = {name: i for i, name in enumerate(LINE_BREAK_CLASSES)}
    values = [0] * SIZE
    for c in range(SIZE):
        cls = lb[c]
        # LB1: resolve classes the algorithm does not handle directly.
        if cls in ("AI", "SG", "XX"):
            cls = "AL"
        elif cls == "SA":
            cls = "CM" if gc_of[c] in ("Mn", "Mc") else "AL"
        elif cls == "CJ":
            cls = "NS"
        elif cls == "QU" and gc_of[c] in ("Pi", "Pf"):
            cls = "QI" if gc_of[c] == "Pi" else "QF"
        elif c == 0x25CC:
            cls = "DC"
        v = index[cls]
        if eaw[c] in ("F", "W", "H"):
            v |= LB_FLAG_EAST_ASIAN_WIDE
        if c in ext_pict and gc_of[c] == "Cn":
            v |= LB_FLAG_PICTOGRAPHIC_UNASSIGNED
        values[c] = v
    return values


def grapheme_values(ucd, ext_pict):
    values = [0] * SIZE
    index = {name: i for i, name in enumerate(GRAPHEME_CLASSES)}
    path = os.path.join(ucd, "auxiliary", "GraphemeBreakProperty.txt")
    for a, b, fields in parse_ranges(path):
        for c in range(a, b + 1):
            values[c] = index[fields[0]]
    for c in ext_pict:
        if values[c] != 0:
            sys.exit(f"U+{c:04X} is Extended_Pictographic but not Grapheme_Cluster_Break=Other")
        values[c] = index["ExtPict"]
    return values


def runs(values):
    """Packs a per-code-point value list as runs: start << 8 | value."""
    result = []
    previous = None
    for c, v in enumerate(values):
        if v != previous:
            result.append((c << 8) | v)
            previous = v
    return result


def swift_array(name, doc, items):
    lines = [f"    /// {doc}", f"    static let {name}: [UInt32] = ["]
    for i in range(0, len(items), 8):
        lines.append("        " + " ".join(f"0x{x:08X}," for x in items[i:i + 8]))
    lines.append("    ]")
    return "\n".join(lines)


def generate(ucd, ucd17):
    sources = ["DerivedAge.txt", "UnicodeData.txt", "EastAsianWidth.txt", "PropList.txt",
               "auxiliary/GraphemeBreakProperty.txt", "emoji/emoji-data.txt"]
    sources17 = ["LineBreak.txt", "EastAsianWidth.txt", "emoji/emoji-data.txt"]
    versions = {s: version_line(os.path.join(ucd, s)) for s in sources}
    versions17 = {s: version_line(os.path.join(ucd17, s)) for s in sources17}
    m = re.search(r"(\d+\.\d+\.\d+)", versions["DerivedAge.txt"])
    ucd_version = m.group(1) if m else "unknown"

    udata = unicode_data(os.path.join(ucd, "UnicodeData.txt"))
    age = ages(os.path.join(ucd, "DerivedAge.txt"))
    eaw = east_asian_width(os.path.join(ucd, "EastAsianWidth.txt"))
    ext_pict = prop_list(os.path.join(ucd, "emoji", "emoji-data.txt"), "Extended_Pictographic")

    width_runs = runs(glibc_widths(ucd, udata, age, eaw))
    lb_runs = runs(line_break_values(ucd17))
    gcb_runs = runs(grapheme_values(ucd, ext_pict))

    glibc_version = "%d.%d" % GLIBC_UNICODE_VERSION
    out = []
    out.append(f"// Generated by Scripts/generate-unicode-tables.py from the Unicode Character Database {ucd_version}")
    out.append("// (widths, grapheme clusters) and 17.0.0 (line breaking, Data/ucd-17.0.0).")
    out.append("// DO NOT EDIT: change the script and run `python3 Scripts/generate-unicode-tables.py`.")
    out.append("//")
    out.append("// Sources:")
    for s in sources:
        out.append(f"//   {s}: {versions[s]}")
    for s in sources17:
        out.append(f"//   Data/ucd-17.0.0/{s}: {versions17[s]}")
    out.append(f"// Display widths reproduce glibc 2.36 wcwidth(), whose data is Unicode {glibc_version}.")
    out.append("")
    out.append("/// Line_Break classes (Unicode 17.0) after UAX #14 LB1 resolution (AI, SG, XX -> AL; SA -> CM or AL;")
    out.append("/// CJ -> NS), with QU split into `qi` (Pi), `qf` (Pf) and `qu` (the others), and `dc` for U+25CC.")
    out.append("enum LineBreakClass: UInt8, Sendable {")
    out.append("    case " + ", ".join(f"`{c.lower()}`" if c in ("IN", "IS", "AS") else c.lower() for c in LINE_BREAK_CLASSES))
    out.append("}")
    out.append("")
    out.append("/// Grapheme_Cluster_Break values (UAX #29), plus `extPict` for Extended_Pictographic.")
    out.append("enum GraphemeBreakClass: UInt8, Sendable {")
    gnames = {"Other": "other", "CR": "cr", "LF": "lf", "Control": "control", "Extend": "extend",
              "ZWJ": "zwj", "Regional_Indicator": "regionalIndicator", "Prepend": "prepend",
              "SpacingMark": "spacingMark", "L": "l", "V": "v", "T": "t", "LV": "lv", "LVT": "lvt",
              "ExtPict": "extPict"}
    out.append("    case " + ", ".join(gnames[c] for c in GRAPHEME_CLASSES))
    out.append("}")
    out.append("")
    out.append("/// Run-length encoded per-code-point tables: each element is `start << 8 | value`;")
    out.append("/// a run lasts until the next run's start (the last one until U+10FFFF).")
    out.append("enum UnicodeTableData {")
    out.append(f"    /// The Unicode version of the source data of the widths and grapheme clusters.")
    out.append(f"    static let unicodeVersion = \"{ucd_version}\"")
    out.append(f"    /// The Unicode version of the line-breaking data.")
    out.append(f"    static let lineBreakUnicodeVersion = \"17.0.0\"")
    out.append(f"    /// The Unicode version glibc's width data corresponds to.")
    out.append(f"    static let glibcUnicodeVersion = \"{glibc_version}\"")
    out.append(f"    /// Width value meaning \"1, or 2 when East Asian Ambiguous is wide\".")
    out.append(f"    static let widthAmbiguous: UInt8 = {WIDTH_AMBIGUOUS}")
    out.append(f"    /// Line-break value flag: East_Asian_Width F, W or H (UAX #14's $EastAsian: LB19a, LB30).")
    out.append(f"    static let lineBreakFlagEastAsianWide: UInt8 = 0x{LB_FLAG_EAST_ASIAN_WIDE:02X}")
    out.append(f"    /// Line-break value flag: Extended_Pictographic and unassigned (LB30b).")
    out.append(f"    static let lineBreakFlagPictographicUnassigned: UInt8 = 0x{LB_FLAG_PICTOGRAPHIC_UNASSIGNED:02X}")
    out.append("")
    out.append(swift_array("widthRuns",
                           "wcwidth + 1 (0 = non-printable ... 3 = wide), or `widthAmbiguous`.",
                           width_runs))
    out.append("")
    out.append(swift_array("lineBreakRuns",
                           "`LineBreakClass` raw value in the low 6 bits, plus the `lineBreakFlag…` bits.",
                           lb_runs))
    out.append("")
    out.append(swift_array("graphemeBreakRuns", "`GraphemeBreakClass` raw value.", gcb_runs))
    docs = {
        "conditionalJapaneseStarters": "Line_Break CJ (small kana, U+30FC), which LB1 makes NS (17.0).",
        "inseparables": "Line_Break IN (17.0).",
        "eastAsianPostfixes": "Line_Break PO with East_Asian_Width A, F or W (17.0).",
        "eastAsianPrefixes": "Line_Break PR with East_Asian_Width A, F or W (17.0).",
    }
    for name, points in strictness_code_points(ucd17).items():
        out.append("")
        out.append(swift_array(name, docs[name], points))
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "Sources", "ReaderCore", "Text", "UnicodeTables.generated.swift")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ucd", default="/usr/share/unicode", help="UCD directory (default: %(default)s)")
    parser.add_argument("--ucd17", default=os.path.normpath(os.path.join(here, "..", "Data", "ucd-17.0.0")),
                        help="Unicode 17.0 files for line breaking (default: %(default)s)")
    parser.add_argument("--stdout", action="store_true", help="print instead of writing the Swift file")
    parser.add_argument("--output", default=os.path.normpath(default_out), help="output file")
    args = parser.parse_args()
    text = generate(args.ucd, args.ucd17)
    if args.stdout:
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {args.output} ({len(text)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
