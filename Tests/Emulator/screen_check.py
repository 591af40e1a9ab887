#!/usr/bin/env python3
"""Runs the reader in pyte, a terminal emulator independent of ncurses and tmux, and
compares the emulator's screen with what the reader meant to draw.

The emulator answers the reader's cursor-position report, so `--ambiguous-width auto`
(the default) measures it. Its width function treats East Asian Ambiguous characters
as one or two columns, as a terminal in a CJK locale does. The laid-out text each body
row must show exactly is the reader's own `--dump` at the same width (body paragraphs
are laid out alike on screen and in the dump). Usage:

    screen_check.py READER_BINARY

Prints one line per check and ends with "emulator checks: N passed, M failed".
"""

import os
import pty
import select
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata

import fcntl
import pyte
import pyte.screens
import termios

READER = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/reader"
ORIGINAL_WCWIDTH = pyte.screens.wcwidth


def set_ambiguous_width(width):
    """Makes pyte draw East Asian Ambiguous characters `width` columns wide."""

    def wcwidth(char):
        base = ORIGINAL_WCWIDTH(char)
        if width == 2 and base == 1 and unicodedata.east_asian_width(char) == "A":
            return 2
        return base

    pyte.screens.wcwidth = wcwidth


class AnsweringScreen(pyte.Screen):
    """A pyte screen that sends its answers (the cursor-position report) to the program:
    at once, `late` (held back until `release_answers`, as over a slow link), or never."""

    def __init__(self, columns, rows, master, answer="now"):
        super().__init__(columns, rows)
        self.master = master
        self.answer = answer
        self.held = []

    def write_process_input(self, data):
        if self.answer == "now":
            os.write(self.master, data.encode())
        elif self.answer == "late":
            self.held.append(data)

    def release_answers(self):
        for data in self.held:
            os.write(self.master, data.encode())
        self.held = []


class Session:
    """The reader on a pseudo-terminal of `columns`×`rows`, drawn into pyte."""

    def __init__(self, arguments, columns=80, rows=24, ambiguous=1, settings=None, answer="now"):
        set_ambiguous_width(ambiguous)
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.screen = AnsweringScreen(columns, rows, self.master, answer)
        self.stream = pyte.ByteStream(self.screen)
        environment = dict(os.environ, TERM="xterm-xfree86", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        environment.pop("NO_COLOR", None)
        configuration = ["--config", settings] if settings else ["--no-config"]
        self.process = subprocess.Popen(
            [READER, "--no-state"] + configuration + arguments,
            stdin=slave, stdout=slave, stderr=slave, env=environment, close_fds=True,
            start_new_session=True)
        os.close(slave)

    def wait_for(self, text, longest=10.0):
        """Feeds output to the emulator until a row shows `text` (and it is quiet)."""
        deadline = time.monotonic() + longest
        while time.monotonic() < deadline and not any(text in row for row in self.rows()):
            self.pump(quiet=0.1, longest=0.5)
        self.pump()

    def pump(self, quiet=0.3, longest=5.0):
        """Feeds the reader's output to the emulator until it has been quiet for `quiet` s."""
        deadline = time.monotonic() + longest
        last = time.monotonic()
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    data = os.read(self.master, 65536)
                except OSError:
                    return
                if not data:
                    return
                self.stream.feed(data)
                last = time.monotonic()
            elif time.monotonic() - last >= quiet:
                return

    def send(self, keys, until=None):
        """Types `keys`; then waits until a row shows `until` (when given) and all is quiet."""
        os.write(self.master, keys.encode())
        if until:
            self.wait_for(until)
        else:
            self.pump()

    def rows(self):
        """The screen's rows as text: each cell's characters (pyte keeps a wide
        character's second cell empty), in NFC as pyte composes them, without trailing blanks."""
        return [unicodedata.normalize("NFC", "".join(self.screen.buffer[row][column].data
                                                     for column in range(self.screen.columns))).rstrip()
                for row in range(self.screen.lines)]

    def close(self):
        try:
            os.write(self.master, b"Q")
            self.process.wait(timeout=5)
        except Exception:
            self.process.kill()
        os.close(self.master)


def dump(path, width, ambiguous):
    output = subprocess.run(
        [READER, "--no-config", "--dump", "--width", str(width), "--ambiguous-width", str(ambiguous), path],
        capture_output=True, check=True).stdout.decode()
    return output.split("\n")


def article_body(dump_lines, number):
    """The body lines of article `number` (1-based) in a dump: after its `## ` title."""
    starts = [index for index, line in enumerate(dump_lines) if line.startswith("## ")]
    start = starts[number - 1]
    end = starts[number] if number < len(starts) else len(dump_lines)
    lines = dump_lines[start + 1:end]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


RESULTS = []


def check(name, condition, detail=""):
    RESULTS.append(condition)
    print(("ok    " if condition else "FAIL  ") + name + ("" if condition else "\n" + detail))


def compare_body(name, rows, body, left, first_row=2):
    """Rows first_row… of the screen must be `body` indented by `left` columns."""
    problems = []
    for offset, expected in enumerate(body):
        row = first_row + offset
        if row >= len(rows) - 1:
            break
        want = unicodedata.normalize("NFC", " " * left + expected).rstrip() if expected else ""
        if rows[row] != want:
            problems.append("  row %d:\n    want %r\n    got  %r" % (row, want, rows[row]))
    check(name, not problems, "\n".join(problems[:6]))


AMBIGUOUS_ISSUE = """## “引号”测试 · 第一篇

“中国” · 说——“好”…… §1 ‘单引号’ ↑↓ ★ ○ ● ※ 数字① ② ③ 及「括号」。“这是一段很长的文字，用来测试换行”——以及省略号……还有中间点·和破折号——在不同宽度下是否正确。

第二段：“引号”与‘引号’交替出现，¥100、°C、±1、×2、÷3、§5、¶6，“结束”。

## Second article

Plain text only, to switch from.
"""

CLUSTER_ISSUE = """## ASCII first

BBBBBBBBBB EEEEEEEEEE AAAAAAAAAA CCCCCCCCCC DDDDDDDDDD FFFFFFFFFF GGGGGGGGGG

## 簇

ﾊﾟﾝﾀﾞ 赞👍🏽👍🏿 泰语ภาษาไทย \u0600中 e\u0301\u0302 完。

## Clusters drawn at another width by the emulator

🇯🇵🇨🇳|AB。

हिन्दी|AB。

\u00e9\u0302|AB。
"""


def write_issue(text):
    handle = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
    handle.write(text)
    handle.close()
    return handle.name


def bars_in_place(name, rows, session_rows):
    check(name + ": title bar on row 1", rows[0].startswith(" Reader | "), "  row 0: %r" % rows[0])
    check(name + ": status bar on the last row", "? help" in rows[session_rows - 1],
          "  last row: %r" % rows[session_rows - 1])


def main():
    ambiguous_path = write_issue(AMBIGUOUS_ISSUE)
    cluster_path = write_issue(CLUSTER_ISSUE)
    # The dump indents every paragraph by two columns; so does the screen with indent = 2
    # (by default a Chinese paragraph gets two ideographs, four columns, checked below).
    settings = write_issue("indent = 2\n")
    try:
        for width in (2, 1):
            session = Session([ambiguous_path], ambiguous=width, settings=settings)
            session.wait_for("? help")
            session.send("\r", until="article 1/2")  # open the first article
            rows = session.rows()
            name = "ambiguous width %d (detected)" % width
            bars_in_place(name, rows, 24)
            compare_body(name + ": body rows are the laid-out text", rows,
                         article_body(dump(ambiguous_path, 78, width), 1), left=1)
            session.send("l", until="article 2/2")  # the next article: no cell of the last frame stays
            rows = session.rows()
            compare_body(name + ": after switching articles", rows,
                         article_body(dump(ambiguous_path, 78, width), 2), left=1)
            check(name + ": nothing left below the text", all(row == "" for row in rows[4:23]),
                  "\n".join("  row %d: %r" % (i, r) for i, r in enumerate(rows) if 4 <= i < 23 and r))
            session.send("?", until="Keys")
            rows = session.rows()
            box = [row for row in rows if "Article view" in row]
            check(name + ": help overlay drawn", bool(box), "\n".join(rows))
            session.close()

        for width in (2, 1):
            session = Session([cluster_path], ambiguous=width, settings=settings)
            session.wait_for("? help")
            session.send("\r", until="article 1/3")
            session.send("l", until="article 2/3")  # from the ASCII article to the clusters
            rows = session.rows()
            name = "clusters, ambiguous width %d" % width
            bars_in_place(name, rows, 24)
            compare_body(name + ": every scalar on screen, nothing left behind", rows,
                         article_body(dump(cluster_path, 78, width), 2), left=1)
            # Flags, Devanagari vowel signs and an ambiguous letter with an accent: pyte
            # draws these at widths of its own (a regional indicator two columns, a
            # spacing vowel sign none), so only where they start and what follows them
            # is compared: each cluster's first scalar at the laid-out column, the rest
            # of the line right after the cluster's laid-out width.
            session.send("l", until="article 3/3")
            rows = session.rows()
            buffer = session.screen.buffer
            for row, (cluster, columns) in zip((3, 5, 7), (("\U0001F1EF\U0001F1F5\U0001F1E8\U0001F1F3", 4),
                                                        ("\u0939\u093F\u0928\u094D\u0926\u0940", 5),
                                                        ("\u00e9\u0302", width))):
                first = buffer[row][3].data
                tail = "".join(buffer[row][column].data for column in range(3 + columns, 6 + columns))
                check("%s: %r starts at column 3 and |AB follows at %d" % (name, cluster, 3 + columns),
                      first.startswith(cluster[0]) and tail == "|AB",
                      "  row %d: first %r, then %r; %r" % (row, first, tail, rows[row]))
            check(name + ": nothing left of the previous article",
                  all(row == "" for index, row in enumerate(rows) if index in (2, 4, 6) or 8 <= index < 23),
                  "\n".join("  row %d: %r" % (i, r) for i, r in enumerate(rows)))
            session.close()

        session = Session(["seeds/000_87085fd43abf9c5f.txt"], columns=160, rows=30, ambiguous=2, settings=settings)
        session.wait_for("? help")
        session.send("\r", until="article 1/10")
        rows = session.rows()
        body = [row for row in rows[1:29] if row.strip()]
        lefts = {len(row) - len(row.lstrip(" ")) for row in body[1:]}
        widest = max(len(row.rstrip()) for row in body) - 40
        bars_in_place("160 columns", rows, 30)
        check("160 columns: text column starts at column 40 (centred)", min(lefts) == 40, "  lefts: %r" % lefts)
        seed_dump = dump("seeds/000_87085fd43abf9c5f.txt", 80, 2)
        compare_body("160 columns: body rows are the 80-column layout", rows, article_body(seed_dump, 1), left=40)
        session.close()

        # The default indent: two ideographs before a Chinese paragraph, none doubled.
        session = Session([ambiguous_path], ambiguous=2)
        session.wait_for("? help")
        session.send("\r", until="article 1/2")
        rows = session.rows()
        check("default indent: a Chinese paragraph starts after four columns (and the margin)",
              rows[3].startswith("     \u201c中国") and any(row.startswith("     第二段") for row in rows),
              "\n".join("  row %d: %r" % (i, r) for i, r in enumerate(rows)))
        session.close()

        # Esc with an arrow key right behind it (one write): both are keys, none is lost
        # to the check for late probe answers after an Escape.
        session = Session([ambiguous_path], ambiguous=2, settings=settings)
        session.wait_for("? help")
        session.send("/x")
        session.send("\x1b\x1bOB\r", until="article 2/2")  # Down is ESC O B in keypad mode
        check("Esc then Down then Enter in one write opens article 2",
              session.rows()[0].endswith("article 2/2"), "\n".join(session.rows()[:2]))
        session.close()

        # A terminal that does not answer: the reader opens all the same (ambiguous width 1)
        # and the title bar stays put; one that answers after the timeout: its late answer
        # is no key (the list stays open, the article opens on Enter).
        for answer in ("never", "late"):
            session = Session([ambiguous_path], ambiguous=1, settings=settings, answer=answer)
            session.wait_for("? help")
            rows = session.rows()
            check("terminal answering %s: the list opens" % answer,
                  rows[0].startswith(" Reader | ") and "? help" in rows[23], "\n".join(rows))
            session.screen.release_answers()
            session.pump()
            session.send("j")
            session.send("k")
            rows = session.rows()
            check("terminal answering %s: a late answer is not read as keys" % answer,
                  rows[0].endswith("2 articles") and rows[1].startswith("\u25b8"), "\n".join(rows[:3]))
            session.send("\r", until="article 1/2")
            rows = session.rows()
            compare_body("terminal answering %s: body rows are the 1-column layout" % answer, rows,
                         article_body(dump(ambiguous_path, 78, 1), 1), left=1)
            session.close()
    finally:
        os.unlink(ambiguous_path)
        os.unlink(cluster_path)
        os.unlink(settings)
    failed = RESULTS.count(False)
    print("emulator checks: %d passed, %d failed" % (len(RESULTS) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
