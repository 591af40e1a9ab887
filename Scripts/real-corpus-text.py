#!/usr/bin/env python3
"""Turns rendered man pages, fortune files and HTML into the reader's input format.

Used by Scripts/make-real-corpus.sh:
    real-corpus-text.py man            < `man -l page | col -bx` output
    real-corpus-text.py man-pages FILE...   renders the man pages (in parallel), one
                                       `## ` article per page, in the order given
    real-corpus-text.py fortune        < a fortune file (entries separated by `%` lines)
    real-corpus-text.py html FILE...   one `## ` article per file (its <title>)
Paragraphs come out as one line each, blank-line separated. The lines of a hard-wrapped
paragraph are joined without a space between two wide (East Asian W/F) characters and
with one space otherwise.
"""
import concurrent.futures
import html.parser
import os
import re
import subprocess
import sys
import unicodedata

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def is_wide(character):
    return unicodedata.east_asian_width(character) in ("W", "F")


def join_lines(lines):
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if text and not (is_wide(text[-1]) and is_wide(line[0])):
            text += " "
        text += line
    return text


def emit(paragraphs):
    for paragraph in paragraphs:
        if paragraph:
            sys.stdout.write(paragraph + "\n\n")


def render_man_page(path):
    """`man -l` of one page, unwrapped (MANWIDTH) and without overstrikes (col -bx)."""
    environment = dict(os.environ, MANWIDTH="4000", MAN_KEEP_FORMATTING="0")
    try:
        man = subprocess.run(["man", "-l", path], capture_output=True, env=environment, timeout=120)
        col = subprocess.run(["col", "-bx"], input=man.stdout, capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return col.stdout.decode("utf-8", errors="replace")


def man_pages(paths):
    workers = os.cpu_count() or 2
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for path, text in zip(paths, pool.map(render_man_page, paths)):
            name = os.path.basename(path)
            if name.endswith(".gz"):
                name = name[:-3]
            sys.stdout.write("## " + name + "\n\n")
            man_page(text)


def man_page(text):
    lines = text.split("\n")
    # Drop the header and footer lines (the title line, the date/footer line).
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines:
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        lines.pop()
    paragraphs, current = [], []
    for line in lines:
        if not line.strip():
            paragraphs.append(join_lines(current))
            current = []
        elif not line[0].isspace():  # a section heading (NAME, 描述, …)
            paragraphs.append(join_lines(current))
            current = []
            paragraphs.append("### " + line.strip())
        else:
            current.append(line)
    paragraphs.append(join_lines(current))
    emit(paragraphs)


def fortunes(text):
    text = ANSI_ESCAPE.sub("", text)
    for entry in text.split("\n%\n"):
        blocks = re.split(r"\n\s*\n", entry)
        emit(join_lines(block.split("\n")) for block in blocks)


class BlockText(html.parser.HTMLParser):
    """Text of HTML block elements, one paragraph per block; <pre> line by line."""

    BLOCKS = {"p", "li", "dt", "dd", "td", "th", "div", "h1", "h2", "h3", "h4", "h5", "h6",
              "pre", "title", "blockquote", "tr", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.current, self.heading = [], [], None
        self.in_pre, self.skip = 0, 0
        self.title = None

    def flush(self):
        if self.in_pre:
            for line in "".join(self.current).split("\n"):
                if line.strip():
                    self.paragraphs.append(line.rstrip())
        else:
            text = join_lines("".join(self.current).split("\n"))
            if text:
                self.paragraphs.append(("### " if self.heading else "") + text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.heading = tag
            if tag == "pre":
                self.in_pre += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        if tag in self.BLOCKS:
            if tag == "title":
                self.title = join_lines("".join(self.current).split("\n"))
                self.current = []
                return
            self.flush()
            if tag == "pre":
                self.in_pre = max(0, self.in_pre - 1)
            if tag.startswith("h") and tag[1:].isdigit():
                self.heading = None

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)


def html_files(paths):
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as file:
            parser = BlockText()
            parser.feed(file.read())
            parser.close()
            parser.flush()
        sys.stdout.write("## " + (parser.title or path.rsplit("/", 1)[-1]) + "\n\n")
        emit(parser.paragraphs)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "man":
        man_page(sys.stdin.read())
    elif mode == "man-pages":
        man_pages(sys.argv[2:])
    elif mode == "fortune":
        fortunes(sys.stdin.read())
    elif mode == "html":
        html_files(sys.argv[2:])
    else:
        sys.exit("usage: real-corpus-text.py man|fortune|html [FILE...]")


if __name__ == "__main__":
    main()
