#!/usr/bin/env python3
"""A feed store of many articles for `make bench` (Scripts/bench.sh, BENCH_ROWS=store).

usage: make-feed-store.py HOME FEEDS ITEMS_PER_FEED

HOME is a home directory where `reader --fetch` has already created an empty store
(~/.local/share/reader/feeds.sqlite, its schema made by Reader's own migrations). This
fills it with FEEDS feeds of ITEMS_PER_FEED articles each (paragraphs of the seed issue,
numbered titles) and writes ~/.config/reader/feeds with their URLs (127.0.0.1 port 9:
never fetched, every feed being in the store already).
"""
import os
import sqlite3
import sys


def seed_paragraphs():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    with open(os.path.join(root, "seeds", "000_87085fd43abf9c5f.txt"), encoding="utf-8") as seed:
        blocks = [block.strip() for block in seed.read().split("\n\n")]
    return [block for block in blocks if block and not block.startswith("#")]


def main():
    home, feeds, per_feed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    paragraphs = seed_paragraphs()
    database = sqlite3.connect(os.path.join(home, ".local", "share", "reader", "feeds.sqlite"))
    urls = []
    now = 1_796_558_400.0
    with database:
        for feed in range(feeds):
            url = f"http://127.0.0.1:9/feed/{feed}.rss"
            urls.append(url)
            cursor = database.execute(
                "INSERT INTO feed (url, title, lastFetched) VALUES (?, ?, ?)", (url, f"新闻 {feed + 1}", now))
            feed_id = cursor.lastrowid
            rows = []
            for item in range(per_feed):
                number = feed * per_feed + item
                body = "\n\n".join(paragraphs[(number + k) % len(paragraphs)] for k in range(2))
                text = f"## 第{number + 1}篇 {paragraphs[number % len(paragraphs)][:20]}\n\n{body}\n\n"
                rows.append((feed_id, f"https://example.com/{feed}/{item}", "2026-12-06", text.encode(),
                             now - item * 600, now, item, item % 3 == 0))
            database.executemany(
                "INSERT INTO item (feedId, key, published, text, firstSeen, lastSeen, position, isRead)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    config = os.path.join(home, ".config", "reader")
    os.makedirs(config, exist_ok=True)
    with open(os.path.join(config, "feeds"), "w", encoding="utf-8") as subscriptions:
        subscriptions.write("".join(url + "\n" for url in urls))


if __name__ == "__main__":
    main()
