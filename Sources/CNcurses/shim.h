/* Shim exposing ncursesw to Swift: wide-character calls, and the globals and
 * macros Swift cannot import directly (stdscr, COLS/LINES, attribute and color
 * macros). Only Sources/Reader's terminal adapter imports this module. */
#ifndef READER_CNCURSES_SHIM_H
#define READER_CNCURSES_SHIM_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* ppoll */
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <ncursesw/ncurses.h>
#include <locale.h>
#include <time.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <langinfo.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>

static inline WINDOW *reader_stdscr(void) { return stdscr; }
static inline int reader_cols(void) { return COLS; }
static inline int reader_lines(void) { return LINES; }
/* How many colors the terminal has (after start_color). */
static inline int reader_colors(void) { return COLORS; }

static inline attr_t reader_a_normal(void) { return A_NORMAL; }
static inline attr_t reader_a_bold(void) { return A_BOLD; }
static inline attr_t reader_a_reverse(void) { return A_REVERSE; }
static inline attr_t reader_a_underline(void) { return A_UNDERLINE; }
static inline attr_t reader_a_dim(void) { return A_DIM; }
static inline attr_t reader_color_pair(int n) { return COLOR_PAIR(n); }

static inline mmask_t reader_mouse_wheel_up(void) { return BUTTON4_PRESSED; }
#if defined(BUTTON5_PRESSED)
static inline mmask_t reader_mouse_wheel_down(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t reader_mouse_wheel_down(void) { return 0; }
#endif
static inline mmask_t reader_mouse_click(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t reader_mouse_all(void) { return ALL_MOUSE_EVENTS; }

/* Write one cell: a NUL-terminated wide string of one grapheme's scalars, with attributes and a color pair. */
static inline int reader_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

/* KEY_F(n) is a macro. */
static inline int reader_key_f(int n) { return KEY_F(n); }

/* The mouse event of the last KEY_MOUSE: fills y, x and the button state; ERR when none. */
static inline int reader_get_mouse(int *y, int *x, mmask_t *state) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *y = event.y;
    *x = event.x;
    *state = event.bstate;
    return OK;
}

#include "signals.h"

/* Whether the terminal can move the cursor (TERM=dumb and the like cannot show a full screen). */
static inline int reader_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/* Makes the character type UTF-8 when the locale's is not (LANG=C, POSIX): the issue is
 * UTF-8 and ncurses must be in wide mode to show it. Returns 0 when no UTF-8 locale exists. */
static inline int reader_ensure_utf8_ctype(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL) return 1;
    if (setlocale(LC_CTYPE, "en_US.UTF-8") != NULL) return 1;
    return 0;
}

/* Waits until `fd` has input, the window is resized, a quit signal arrives, or
 * `timeout_ms` passes (never, when negative); the quit signals are unblocked only inside
 * ppoll, atomically. Returns 0 when a quit signal arrived, the time ran out or only
 * `reader_wake` woke it, 1 otherwise (input, a resize, or another interruption). */
static inline int reader_wait_for_input(int fd, int timeout_ms) {
    if (reader_received_signal) return 0;
    sigset_t during, quit;
    sigprocmask(SIG_SETMASK, NULL, &during);
    reader_quit_signal_set(&quit);
    for (int sig = 1; sig < NSIG; sig++) {
        if (sigismember(&quit, sig) == 1) sigdelset(&during, sig);
    }
    struct pollfd wanted[2] = { { fd, POLLIN, 0 }, { reader_wake_pipe[0], POLLIN, 0 } };
    struct timespec timeout = { timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L };
    int ready = ppoll(wanted, reader_wake_pipe[0] >= 0 ? 2 : 1, timeout_ms < 0 ? NULL : &timeout, &during);
    if (reader_wake_pipe[0] >= 0 && ready > 0 && (wanted[1].revents & POLLIN)) {
        char drained[64];
        while (read(reader_wake_pipe[0], drained, sizeof drained) > 0) {}
    }
    if (reader_received_signal) return 0;
    /* Only woken (work done on another thread), nothing to read: as a timeout (counted as
     * a failed read, 100 wakes in a row — 100 feeds read in the background — ended the reader). */
    if (ready > 0 && !(wanted[0].revents & (POLLIN | POLLHUP | POLLERR))) return 0;
    return ready == 0 ? 0 : 1;
}

/* After a SIGWINCH: when the terminal on `fd` has a new size, tell ncurses (resizeterm
 * queues KEY_RESIZE for the next read). Returns 1 when the size changed. */
static inline int reader_sync_size(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    if (size.ws_row == LINES && size.ws_col == COLS) return 0;
    resizeterm(size.ws_row, size.ws_col);
    return 1;
}

/* Opens the controlling terminal for reading keys when standard input is a pipe. */
static inline FILE *reader_open_tty(void) { return fopen("/dev/tty", "r"); }
static inline FILE *reader_stdout(void) { return stdout; }
static inline FILE *reader_stdin(void) { return stdin; }


/* Direct output, after a refresh: what curses cannot draw itself (a character whose
 * width the terminal and curses disagree on, a grapheme cluster of several spacing
 * scalars) is written at an explicit cursor position, with the attributes set through
 * curses (vid_puts, which also keeps curses' idea of the current attributes right).
 * The bytes are collected here and written at once by reader_direct_flush. */
/* From <term.h>, which also defines macros (lines, columns…) best kept out of Swift. */
extern int tputs(const char *, int, int (*)(int));

READER_SHARED char *reader_direct_bytes = NULL;
READER_SHARED size_t reader_direct_count = 0;
READER_SHARED size_t reader_direct_capacity = 0;

static int reader_direct_putc(int byte) {
    if (reader_direct_count == reader_direct_capacity) {
        size_t capacity = reader_direct_capacity ? 2 * reader_direct_capacity : 4096;
        char *grown = realloc(reader_direct_bytes, capacity);
        if (grown == NULL) return EOF;
        reader_direct_bytes = grown;
        reader_direct_capacity = capacity;
    }
    reader_direct_bytes[reader_direct_count++] = (char)byte;
    return byte;
}

/* The cursor to (y, x), by the terminal's cursor_address (cup). */
static inline void reader_direct_move(int y, int x) {
    char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) return;
    char *sequence = tiparm(cup, y, x);
    if (sequence != NULL) tputs(sequence, 1, reader_direct_putc);
}

/* Attributes and color pair for what follows. */
static inline void reader_direct_attributes(attr_t attributes, short pair) {
    vid_puts(attributes, pair, NULL, reader_direct_putc);
}

/* UTF-8 text as it is. */
static inline void reader_direct_text(const char *text, size_t count) {
    for (size_t index = 0; index < count; index++) reader_direct_putc((unsigned char)text[index]);
}

/* Writes what was collected to standard output (curses has flushed its own output). */
static inline void reader_direct_flush(void) {
    size_t written = 0;
    while (written < reader_direct_count) {
        ssize_t result = write(STDOUT_FILENO, reader_direct_bytes + written, reader_direct_count - written);
        if (result < 0 && errno == EINTR) continue;
        if (result <= 0) break;
        written += (size_t)result;
    }
    reader_direct_count = 0;
}

/* Where curses leaves the cursor after a refresh (the window's cursor). */
static inline int reader_cursor_row(void) { return getcury(stdscr); }
static inline int reader_cursor_column(void) { return getcurx(stdscr); }

/* Start-up probe: write bytes to the terminal, then read its answers for at most
 * timeout_ms milliseconds in all, until a cursor-position report (ESC [ row ; col R)
 * has arrived. Returns the number of bytes read into answer. */
static inline int reader_probe_terminal(int input, const char *query, size_t query_count, char *answer,
                                        int capacity, int timeout_ms) {
    size_t written = 0;
    while (written < query_count) {
        ssize_t result = write(STDOUT_FILENO, query + written, query_count - written);
        if (result < 0 && errno == EINTR) continue;
        if (result <= 0) return 0;
        written += (size_t)result;
    }
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int count = 0;
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        long elapsed = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
        if (elapsed >= timeout_ms || count >= capacity) break;
        struct pollfd descriptor = { .fd = input, .events = POLLIN };
        int ready = poll(&descriptor, 1, (int)(timeout_ms - elapsed));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) break;
        ssize_t got = read(input, answer + count, (size_t)(capacity - count));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        count += (int)got;
        /* A report ends in 'R' after "ESC [ digits ; digits". */
        for (int index = 0; index < count; index++) {
            if (answer[index] != 'R') continue;
            int back = index - 1;
            while (back >= 0 && ((answer[back] >= '0' && answer[back] <= '9') || answer[back] == ';')) back--;
            if (back >= 1 && answer[back] == '[' && answer[back - 1] == '\033') return count;
        }
    }
    return count;
}

#endif
