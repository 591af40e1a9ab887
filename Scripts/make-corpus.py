#!/usr/bin/env python3
"""Generates the benchmark corpora from the seed issue (never committed).

  seed-1mb.txt, seed-10mb.txt, seed-100mb.txt  the seed repeated, article titles numbered
  one-paragraph-10mb.txt                      one paragraph, no newline at all
  tiny-1m.txt                                 1,000,000 tiny articles
  archive-365/                                a year of a daily: 365 issues of 16 pages
                                              (the seed page 16 times), 100 MB in all
"""
import os
import sys

SEED = "seeds/000_87085fd43abf9c5f.txt"


def repeated(seed_text: str, size: int) -> str:
    parts = []
    total = 0
    copy = 0
    while total < size:
        copy += 1
        lines = []
        for line in seed_text.splitlines():
            if line.startswith("## "):
                line = f"## {copy}·{line[3:]}"
            lines.append(line)
        chunk = "\n".join(lines) + "\n\n"
        parts.append(chunk)
        total += len(chunk.encode())
    return "".join(parts)


def one_paragraph(seed_text: str, size: int) -> str:
    body = "".join(
        line for line in seed_text.splitlines() if line.strip() and not line.startswith("#")
    )
    text = "## 一段\n\n"
    encoded = body.encode()
    times = size // len(encoded) + 1
    return text + body * times


def tiny(count: int) -> str:
    return "".join(f"## 第{n}条\n\n短讯{n}:重庆今日晴。\n\n" for n in range(1, count + 1))


def archive(directory: str, seed_text: str) -> None:
    folder = os.path.join(directory, "archive-365")
    os.makedirs(folder, exist_ok=True)
    page = 0
    for day in range(1, 366):
        pages = []
        for _ in range(16):
            page += 1
            lines = [f"## {page}·{line[3:]}" if line.startswith("## ") else line for line in seed_text.splitlines()]
            pages.append("\n".join(lines) + "\n\n")
        write(folder, f"issue-{day:03d}.txt", "".join(pages))


def write(directory: str, name: str, text: str) -> None:
    path = os.path.join(directory, name)
    if os.path.exists(path):
        return
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(path + ".tmp", path)


def main() -> None:
    directory = sys.argv[1] if len(sys.argv) > 1 else "bench-data"
    os.makedirs(directory, exist_ok=True)
    with open(SEED, encoding="utf-8") as handle:
        seed_text = handle.read()
    for megabytes in (1, 10, 100):
        write(directory, f"seed-{megabytes}mb.txt", repeated(seed_text, megabytes * 1_000_000))
    write(directory, "one-paragraph-10mb.txt", one_paragraph(seed_text, 10_000_000))
    write(directory, "tiny-1m.txt", tiny(1_000_000))
    archive(directory, seed_text)


if __name__ == "__main__":
    main()
