#!/usr/bin/env python3
"""Writes issues with page-break cuts of known places, to measure how many of them
page-break repair joins again (`Scripts/count-joins.py` on the output).

Usage: Scripts/make-cut-corpus.py [REAL_CORPUS_DIR] [OUTPUT_DIR]
       (defaults .build/real-corpus, .build/real-corpus-cut)

- seed-cut.txt: the seed, with every fourth paragraph of prose (40+ characters, ending in
  。！？”) cut at a random place between two Han characters (its 8 real cuts stay).
- fortunes-cut.txt: the Chinese fortunes (from Scripts/make-real-corpus.sh), with every fifth
  wrapped paragraph (3+ lines) cut after one of its lines that does not end a sentence, as
  a page break cuts a wrapped paragraph.
Each file's cut count is printed; the joins of the seed's own 8 come on top of them.
"""
import os
import random
import sys

corpus = sys.argv[1] if len(sys.argv) > 1 else ".build/real-corpus"
output = sys.argv[2] if len(sys.argv) > 2 else ".build/real-corpus-cut"
os.makedirs(output, exist_ok=True)
final = set("。！？…”」』）.!?\"")


def is_han(character):
    return 0x3400 <= ord(character) <= 0x9FFF


random.seed(7)
blocks, count, seen = [], 0, 0
for block in open("seeds/000_87085fd43abf9c5f.txt", encoding="utf-8").read().split("\n\n"):
    text = block.strip()
    if not text.startswith("#") and len(text) >= 40 and text[-1] in "。！？”":
        seen += 1
        places = [i for i in range(16, len(text) - 5) if is_han(text[i - 1]) and is_han(text[i])]
        if places and seen % 4 == 0:
            place = random.choice(places)
            blocks += [text[:place], text[place:]]
            count += 1
            continue
    blocks.append(block)
open(f"{output}/seed-cut.txt", "w", encoding="utf-8").write("\n\n".join(blocks))
print(f"seed-cut.txt: {count} cuts")

random.seed(12)
blocks, count, seen = [], 0, 0
for block in open(f"{corpus}/fortunes-chinese.txt", encoding="utf-8").read().split("\n\n"):
    lines = block.split("\n")
    if not block.startswith("#") and len(lines) >= 3 and all(len(line) >= 20 for line in lines[:-1]):
        seen += 1
        if seen % 5 == 0:
            place = random.randint(1, len(lines) - 1)
            if lines[place - 1][-1] not in final and lines[place - 1][-1] not in "：:":
                blocks += ["\n".join(lines[:place]), "\n".join(lines[place:])]
                count += 1
                continue
    blocks.append(block)
open(f"{output}/fortunes-cut.txt", "w", encoding="utf-8").write("\n\n".join(blocks))
print(f"fortunes-cut.txt: {count} cuts")
