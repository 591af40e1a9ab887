#!/usr/bin/env python3
"""First paint in a pseudo-terminal that answers like a terminal.

Usage: first-paint.py RUNS MARKER COMMAND [ARG...]

Starts COMMAND on a new 80x24 pseudo-terminal (TERM=xterm-256color) and prints the median
milliseconds from the fork until MARKER (UTF-8) has been written to the terminal. The
start-up queries a terminal answers at once are answered as xterm does (a dark background
for OSC 11 and the cursor report after one narrow ambiguous character for CSI 6 n), so
that the figure is the program's own time and not a timeout waiting for a reply; tmux,
which the other rows use, adds its own start to theirs.
"""
import fcntl, os, pty, select, signal, statistics, struct, sys, termios, time

ANSWERS = [
    (b"\x1b]11;?", b"\x1b]11;rgb:0000/0000/0000\x1b\\"),
    (b"\x1b[6n", b"\x1b[1;2R"),
]


def once(argv, marker):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.setdefault("LANG", "C.UTF-8")
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    answered = [0] * len(ANSWERS)
    elapsed = None
    deadline = start + 10
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0, deadline - time.perf_counter()))
        if not ready:
            break
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if marker in seen:
            elapsed = (time.perf_counter() - start) * 1000
            break
        for index, (query, answer) in enumerate(ANSWERS):
            while seen.count(query) > answered[index]:
                os.write(fd, answer)
                answered[index] += 1
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        sys.exit("first-paint: %s never showed %r" % (argv[0], marker.decode()))
    return elapsed


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    runs, marker, argv = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3:]
    once(argv, marker)  # warm the page cache and the dynamic loader
    print("%.1f" % statistics.median(once(argv, marker) for _ in range(runs)))


main()
