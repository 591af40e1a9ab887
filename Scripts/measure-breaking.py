#!/usr/bin/env python3
"""Counts line-breaking defects in `reader --dump` output against its source text.

    reader --dump --width W FILE > dump.txt
    python3 Scripts/measure-breaking.py --width W FILE dump.txt

A break between two dump lines is "inside a token" when the source holds the end of the
first line and the start of the second with nothing between them (a break at spaces
drops the spaces). Counted (issue 12):

* hyphen: breaks inside a token right after a word-initial hyphen run (`--` / `color`);
* quote-glue: lines under half the width followed, in the same paragraph, by a line
  whose first token holds an ASCII `"` next to an East Asian character (a quotation
  glued to the text around it pushes it down whole);
* kinsoku: breaks inside a token where the second line starts with closing punctuation
  or the first ends with an opener (those a forced break used to leave);
* korean: breaks inside a token between two Hangul syllables;
* overwide: lines wider than the width (widths by the `wcwidth` module, close to glibc's).
"""
import argparse
import re
import sys
import unicodedata

try:
    from wcwidth import wcswidth
except ImportError:  # pragma: no cover
    wcswidth = None

NO_START = set("，。、；：？！）》」』】〕〉”’,.;:?!)")
NO_END = set("（《「『【〔〈“‘(")
HANGUL = re.compile(r"[\uAC00-\uD7A3]")


def is_wide(character):
    return unicodedata.east_asian_width(character) in ("W", "F")


def width(text):
    if wcswidth is not None:
        w = wcswidth(text)
        if w >= 0:
            return w
    return sum(2 if is_wide(c) else 0 if unicodedata.combining(c) else 1 for c in text)


def paragraphs(dump):
    block = []
    for line in dump.split("\n"):
        if line.strip() == "":
            if block:
                yield block
            block = []
        else:
            block.append(line)
    if block:
        yield block


class SourceAlignment:
    """The dump's characters matched, in order, with the source's (whitespace aside): for
    the first character of each dump line, whether whitespace stood before it in the
    source. Where the two differ (a character the reader sanitised), the match resumes
    at the next place in the source that holds the dump's next characters."""

    def __init__(self, source):
        self.characters = []
        self.space_before = []
        space = True
        for character in source:
            if character.isspace():
                space = True
            else:
                self.characters.append(character)
                self.space_before.append(space)
                space = False
        self.text = "".join(self.characters)
        self.position = 0

    def line_starts_after_space(self, line):
        """Matches `line` (whitespace aside); whether whitespace preceded its first character
        in the source (None when the line cannot be found)."""
        compact = "".join(c for c in line if not c.isspace())
        if not compact:
            return None
        if self.text.startswith(compact, self.position):
            found = self.position
        else:
            found = self.text.find(compact[:16], self.position)
            if found < 0:
                return None
        self.position = found + len(compact)
        return self.space_before[found]


def measure(source, dump, line_width):
    counts = dict(hyphen=0, quote_glue=0, kinsoku=0, korean=0, overwide=0, lines=0)
    alignment = SourceAlignment(source)
    for block in paragraphs(dump):
        counts["lines"] += len(block)
        after_space = []
        for line in block:
            if width(line) > line_width:
                counts["overwide"] += 1
            after_space.append(alignment.line_starts_after_space(line))
        for number in range(len(block) - 1):
            first, second = block[number], block[number + 1].lstrip(" ")
            if not first or not second:
                continue
            inside = after_space[number + 1] is False
            if inside and re.search(r"(^|[\s(\"'“（])-+$", first) and re.match(r"[A-Za-z]", second):
                counts["hyphen"] += 1
            if inside and (second[0] in NO_START or first[-1] in NO_END):
                counts["kinsoku"] += 1
            if inside and HANGUL.match(first[-1]) and HANGUL.match(second[0]):
                counts["korean"] += 1
            if width(first) * 2 < line_width and number + 1 < len(block):
                token = second.split(" ")[0]
                for k, character in enumerate(token):
                    if character == '"' and ((k > 0 and is_wide(token[k - 1]))
                                             or (k + 1 < len(token) and is_wide(token[k + 1]))):
                        counts["quote_glue"] += 1
                        break
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--width", type=int, required=True)
    parser.add_argument("source")
    parser.add_argument("dump")
    args = parser.parse_args()
    with open(args.source, encoding="utf-8", errors="replace") as f:
        source = f.read()
    with open(args.dump, encoding="utf-8", errors="replace") as f:
        dump = f.read()
    counts = measure(source, dump, args.width)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
