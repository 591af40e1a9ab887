#!/usr/bin/env python3
"""Generates the huge-input corpora of `make bench BENCH_ROWS=memory` (never committed).

  make-huge-corpus.py DIR [ISSUE_MB] [LINE_MB] [ARCHIVE_FILES] [ARCHIVE_MB]

  DIR/issue-<ISSUE_MB>mb.txt         the seed repeated, titles numbered (default 1000 MB)
  DIR/one-line-<LINE_MB>mb.txt       one heading, then one paragraph on one line with no
                                     newline at all (default 200 MB)
  DIR/archive-<N>x<MB>/issue-NN.txt  an archive of N issues of MB each (default 10 × 280),
                                     each the seed repeated with its own numbered titles

Written piece by piece (the script never holds a whole file); a file already there is
kept. Deterministic. `rm -rf DIR` after measuring: the defaults take about 4 GB.
"""
import os
import sys

SEED = "seeds/000_87085fd43abf9c5f.txt"


def write_repeated(path: str, seed_text: str, size: int, prefix: str = "") -> None:
    """The seed repeated to `size` bytes, each copy's titles numbered."""
    if os.path.exists(path):
        return
    lines = seed_text.splitlines()
    total = 0
    copy = 0
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        while total < size:
            copy += 1
            chunk = "\n".join(
                f"## {prefix}{copy}·{line[3:]}" if line.startswith("## ") else line for line in lines
            ) + "\n\n"
            handle.write(chunk)
            total += len(chunk.encode())
    os.replace(path + ".tmp", path)


def write_one_line(path: str, seed_text: str, size: int) -> None:
    """A heading, a blank line, then the seed's paragraphs run together to `size` bytes."""
    if os.path.exists(path):
        return
    body = "".join(line for line in seed_text.splitlines() if line.strip() and not line.startswith("#"))
    block = (body * max(1, (1 << 20) // len(body.encode()))).encode()
    total = 0
    with open(path + ".tmp", "wb") as handle:
        handle.write("## 一段\n\n".encode())
        while total < size:
            handle.write(block)
            total += len(block)
    os.replace(path + ".tmp", path)


def main() -> None:
    directory = sys.argv[1] if len(sys.argv) > 1 else "bench-data/huge"
    issue_mb, line_mb, files, archive_mb = (int(x) for x in (sys.argv[2:] + ["1000", "200", "10", "280"][len(sys.argv) - 2:])[:4])
    os.makedirs(directory, exist_ok=True)
    with open(SEED, encoding="utf-8") as handle:
        seed_text = handle.read()
    write_repeated(os.path.join(directory, f"issue-{issue_mb}mb.txt"), seed_text, issue_mb * 1_000_000)
    write_one_line(os.path.join(directory, f"one-line-{line_mb}mb.txt"), seed_text, line_mb * 1_000_000)
    folder = os.path.join(directory, f"archive-{files}x{archive_mb}")
    os.makedirs(folder, exist_ok=True)
    for number in range(1, files + 1):
        write_repeated(os.path.join(folder, f"issue-{number:02d}.txt"), seed_text, archive_mb * 1_000_000, f"{number}-")


if __name__ == "__main__":
    main()
