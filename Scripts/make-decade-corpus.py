#!/usr/bin/env python3
"""Generates the archive-search corpus for `make bench` (never committed).

  make-decade-corpus.py DIR [YEARS]

DIR/YYYY/MM-DD-pNN.txt: YEARS years (default 10; DECADE_YEARS in bench.sh) of a daily,
365 days × 20 pages, each page the seed's articles shuffled and varied (numbered titles,
a dated byline, paragraphs dropped or repeated) — about 16 KB a page, 120 MB a year,
1.2 GB for ten. A few rare words are sprinkled in (about one page in 400 each) for the
search rows: a 2-character Chinese word, a 4-character one, a Latin word and a number
(RARE below; none of them is in the seed). Deterministic (fixed random seed); a corpus
already complete (DIR/.complete naming the same years) is kept.
"""
import os
import random
import sys

SEED = "seeds/000_87085fd43abf9c5f.txt"
RARE = ["鲲鹏", "量子纠缠", "Zephyrine", "4711093"]
PAGES = 20
DAYS = 365


def articles(seed_text):
    """The seed's articles: (title, [paragraphs])."""
    result = []
    for block in seed_text.split("\n## ")[1:]:
        lines = block.split("\n")
        paragraphs = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
        result.append((lines[0].strip(), paragraphs))
    return result


def page(source, rng, year, day, number):
    parts = []
    order = list(range(len(source)))
    rng.shuffle(order)
    for index in order:
        title, paragraphs = source[index]
        kept = [p for p in paragraphs if rng.random() > 0.15]
        if paragraphs and rng.random() < 0.3:
            kept.append(rng.choice(paragraphs))
        body = [f"本报{year}年{day // 30 + 1}月{day % 30 + 1}日讯 第{number}版"] + kept
        if rng.random() < 1 / 1000:
            word = rng.choice(RARE)
            spot = rng.randrange(len(body))
            text = body[spot]
            cut = rng.randrange(len(text) + 1)
            body[spot] = text[:cut] + word + text[cut:]
        parts.append(f"## {year}{day:03d}{number:02d}·{title}\n\n" + "\n\n".join(body) + "\n")
    return "\n".join(parts)


def main():
    directory = sys.argv[1]
    years = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    marker = os.path.join(directory, ".complete")
    if os.path.exists(marker) and open(marker).read().strip() == str(years):
        return
    with open(SEED, encoding="utf-8") as handle:
        source = articles(handle.read())
    rng = random.Random(19)
    for year in range(2015, 2015 + years):
        folder = os.path.join(directory, str(year))
        os.makedirs(folder, exist_ok=True)
        for day in range(DAYS):
            for number in range(1, PAGES + 1):
                path = os.path.join(folder, f"{day // 30 + 1:02d}-{day % 30 + 1:02d}-{day:03d}-p{number:02d}.txt")
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(page(source, rng, year, day, number))
    with open(marker, "w") as handle:
        handle.write(f"{years}\n")


if __name__ == "__main__":
    main()
