#!/usr/bin/env python3
"""Counts the paragraphs page-break repair joins in issues, from what `reader --dump`
shows with repair and with `--raw`, and prints the joins to review by hand.

Usage: Scripts/count-joins.py [--reader PATH] [--show N] FILE...

For each file: the paragraphs of the raw dump, and how many of them the repaired dump
joined into the one before (raw paragraphs - repaired paragraphs). With --show N, up to
N joins of each file, as `…end of the first | start of the next…`.
"""
import argparse
import subprocess


def blocks(reader, path, raw):
    """The paragraphs of the dump (blank-line blocks that are not headings), each with
    all white space removed (the dump re-wraps lines)."""
    command = [reader, "--dump", "--width", "1000", "--no-state", "--no-config", path] + (["--raw"] if raw else [])
    text = subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8", "replace")
    result = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        # Paragraphs are indented by the dump; headings (titles, sections) are not.
        if not block.startswith("  "):
            continue
        result.append("".join(block.split()))
    return result


def joins(raw, repaired):
    """(first, next) raw paragraph pairs that the repaired dump shows as one."""
    found = []
    index = 0
    for paragraph in repaired:
        if index >= len(raw):
            break
        text = raw[index]
        index += 1
        while text != paragraph and index < len(raw) and paragraph.startswith(text + raw[index][:1]):
            found.append((text, raw[index]))
            text += raw[index]
            index += 1
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reader", default=".build/debug/reader")
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    total_raw = total_joined = 0
    for path in arguments.files:
        raw = blocks(arguments.reader, path, True)
        repaired = blocks(arguments.reader, path, False)
        joined = len(raw) - len(repaired)
        total_raw += len(raw)
        total_joined += joined
        share = 100.0 * joined / len(raw) if raw else 0.0
        print(f"{path}: {joined} of {len(raw)} paragraphs joined ({share:.2f} %)")
        for first, following in joins(raw, repaired)[: arguments.show]:
            print(f"    …{first[-24:]} | {following[:24]}…")
    share = 100.0 * total_joined / total_raw if total_raw else 0.0
    print(f"total: {total_joined} of {total_raw} paragraphs joined ({share:.2f} %)")


if __name__ == "__main__":
    main()
