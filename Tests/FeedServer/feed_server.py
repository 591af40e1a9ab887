#!/usr/bin/env python3
"""The HTTP server the feed tests fetch from (Tests/ReaderFeedsTests).

Listens on 127.0.0.1 on a free port, prints the port on its first line, serves until
its standard input closes (the test process ending closes it) or, with `--watch-pid PID`,
until process PID has ended. Endpoints:

  /news.rss          Tests/Fixtures/news.rss, ETag "v1" (If-None-Match "v1" -> 304)
  /dated.rss         news.rss with a Last-Modified (If-Modified-Since it -> 304)
  /redirect/N        302 to /redirect/N-1; /redirect/0 -> 302 to /news.rss
  /loop              302 to /loop, for ever
  /to-file           302 to file:///etc/passwd
  /slow.rss          waits SLOW_SECONDS before answering
  /fail.rss          500
  /gzip.rss          news.rss gzip-compressed; 406 when the request does not accept gzip
  /gb18030.rss       a feed in GB18030 that says so only in its Content-Type
  /big.rss           BIG_BYTES bytes, with a Content-Length
  /big-stream.rss    BIG_BYTES bytes, no Content-Length (read until the connection ends)
  /feed/NAME         Tests/Fixtures/NAME
  /once/KEY.rss      news.rss the first time, 500 after (a feed gone offline)
  /grow/KEY.rss      news.rss without its first item the first time, whole after
  /bench/N.rss       a 30-item feed (about 40 KB), ETag "bN" (for `make bench`)
  /seen              the request count of every path so far, one "path count" a line
"""

import gzip
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures")
SLOW_SECONDS = 3
BIG_BYTES = 2 * 1024 * 1024
LAST_MODIFIED = "Sun, 06 Dec 2026 08:00:00 GMT"
GB18030_FEED = """<rss version="2.0"><channel><title>人民日报 GB 频道</title>
<item><title>𠮷野家与“中国”</title><guid>gb-1</guid>
<description>&lt;p&gt;新华社北京12月6日电。记者从国家统计局获悉，全国粮食总产量再创新高。&lt;/p&gt;</description>
</item></channel></rss>
""".encode("gb18030")

BENCH_FEED = ("""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Bench</title>
""" + "".join("""<item><title>第%d篇：重庆计划3年内建成公共领域车辆全面电动化试点城市</title>
<guid>bench-%d</guid><link>https://example.com/a/%d</link><pubDate>Sun, 06 Dec 2026 08:00:00 +0800</pubDate>
<description>&lt;p&gt;%s&lt;/p&gt;</description></item>
""" % (i, i, i, "本报讯 11月20日，记者从市经信委获悉，重庆计划到2025年建成充电桩超过24万个。" * 6) for i in range(30))
    + "</channel></rss>\n").encode()

seen = {}
seen_lock = threading.Lock()


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as handle:
        return handle.read()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet
        pass

    def send(self, status, body=b"", headers=None, length=True):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        path = self.path
        with seen_lock:
            seen[path] = seen.get(path, 0) + 1
        rss = {"Content-Type": "application/rss+xml"}
        if path == "/news.rss":
            if self.headers.get("If-None-Match") == '"v1"':
                return self.send(304, headers={"ETag": '"v1"'})
            return self.send(200, fixture("news.rss"), dict(rss, ETag='"v1"'))
        if path == "/dated.rss":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304)
            return self.send(200, fixture("news.rss"), dict(rss, **{"Last-Modified": LAST_MODIFIED}))
        if path.startswith("/redirect/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/news.rss" if left == 0 else "/redirect/%d" % (left - 1)
            return self.send(302, headers={"Location": target})
        if path == "/loop":
            return self.send(302, headers={"Location": "/loop"})
        if path == "/to-file":
            return self.send(302, headers={"Location": "file:///etc/passwd"})
        if path == "/slow.rss":
            time.sleep(SLOW_SECONDS)
            return self.send(200, fixture("news.rss"), rss)
        if path == "/fail.rss":
            return self.send(500, b"internal error")
        if path == "/gzip.rss":
            if "gzip" not in self.headers.get("Accept-Encoding", ""):
                return self.send(406, b"gzip only")
            return self.send(200, gzip.compress(fixture("news.rss")), dict(rss, **{"Content-Encoding": "gzip"}))
        if path == "/gb18030.rss":
            return self.send(200, GB18030_FEED, {"Content-Type": 'application/rss+xml; charset="GB18030"'})
        if path == "/big.rss":
            return self.send(200, b"<" * BIG_BYTES, rss)
        if path == "/big-stream.rss":
            return self.send(200, b"<" * BIG_BYTES, rss, length=False)
        if path.startswith("/feed/"):
            name = os.path.basename(path)
            if os.path.isfile(os.path.join(FIXTURES, name)):
                return self.send(200, fixture(name))
            return self.send(404, b"no such fixture")
        if path.startswith("/once/"):
            if seen[path] > 1:
                return self.send(500, b"gone")
            return self.send(200, fixture("news.rss"), rss)
        if path.startswith("/grow/"):
            body = fixture("news.rss")
            if seen[path] == 1:
                start = body.index(b"<item>")
                body = body[:start] + body[body.index(b"</item>") + len(b"</item>"):]
            return self.send(200, body, rss)
        if path.startswith("/bench/"):
            etag = '"b%s"' % os.path.basename(path)
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, headers={"ETag": etag})
            return self.send(200, BENCH_FEED, dict(rss, ETag=etag))
        if path == "/seen":
            with seen_lock:
                lines = "".join("%s %d\n" % item for item in sorted(seen.items()))
            return self.send(200, lines.encode(), {"Content-Type": "text/plain"})
        return self.send(404, b"not found")


def is_running(pid):
    """Whether process `pid` is there and not a zombie (a test process that died is a
    zombie until its runner reaps it, and the runner may be waiting for this server)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    if len(sys.argv) == 3 and sys.argv[1] == "--watch-pid":
        watched = int(sys.argv[2])
        while True:
            time.sleep(0.5)
            if not is_running(watched):
                os._exit(0)
    sys.stdin.read()  # until the test process ends
    os._exit(0)


if __name__ == "__main__":
    main()
