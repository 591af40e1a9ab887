/* Signal handling for the reader (included by shim.h; see ARCHITECTURE.md, "Signals").
 *
 * Two kinds of signal end the process:
 *  - quit signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1/2, SIGALRM and every other
 *    signal whose default action ends the process without a fault): the handler only
 *    notes the signal (async-signal-safe) and wakes the event loop, which restores the
 *    terminal with endwin outside of any handler, saves the reading state and exits with
 *    128 + the signal;
 *  - crash signals (SIGSEGV, SIGBUS, SIGILL — what a Swift runtime trap raises —, SIGFPE,
 *    SIGABRT, SIGTRAP, SIGSYS): the handler puts the terminal back, writes one line to
 *    stderr and dies of the same signal with its default action. It replaces the Swift
 *    runtime's backtracer, which would draw a multi-page report over the screen and, on a
 *    terminal, wait 30 s for a debugger. It runs on an alternate stack so that a stack
 *    overflow is reported too.
 */
#ifndef READER_CNCURSES_SIGNALS_H
#define READER_CNCURSES_SIGNALS_H

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>

/* The signal state is shared by every object file that uses these inline functions:
 * weak definitions (one copy after linking), not `static` ones (a copy per object file,
 * which an optimised build splits the module into — the handler would set one copy
 * and the event loop read another). */
#define READER_SHARED __attribute__((weak))

READER_SHARED volatile sig_atomic_t reader_received_signal = 0;

/* Whether curses has the terminal (the crash handler then calls endwin first). */
READER_SHARED volatile sig_atomic_t reader_terminal_is_open = 0;

/* Written (one byte) by the signal handlers, read by reader_wait_for_input: a signal
 * that the kernel hands to another thread (the search index is built on worker threads,
 * whose signal masks the reader does not control) still wakes the main thread. */
READER_SHARED int reader_wake_pipe[2] = { -1, -1 };

/* The alternate stack the crash handler runs on (a stack overflow leaves no room on the
 * thread's own stack). The initializer matters: a weak declaration without one is an
 * undefined weak symbol in a Swift build, at address 0. */
READER_SHARED char reader_crash_stack[65536] = { 0 };

static void reader_wake(void) {
    int saved = errno;
    if (reader_wake_pipe[1] >= 0) {
        ssize_t ignored = write(reader_wake_pipe[1], "!", 1);
        (void)ignored;
    }
    errno = saved;
}

static void reader_note_signal(int sig) {
    reader_received_signal = sig;
    reader_wake();
}

/* ncurses' own SIGWINCH handler, called after the reader's wakes the main thread. */
READER_SHARED struct sigaction reader_ncurses_winch = { 0 };

static void reader_note_resize(int sig) {
    reader_wake();
    if (!(reader_ncurses_winch.sa_flags & SA_SIGINFO) && reader_ncurses_winch.sa_handler != SIG_DFL
        && reader_ncurses_winch.sa_handler != SIG_IGN && reader_ncurses_winch.sa_handler != NULL) {
        reader_ncurses_winch.sa_handler(sig);
    }
}

/* The quit signals: every signal whose default action ends the process and that is not
 * a fault (see the top of this file). */
static inline void reader_quit_signal_set(sigset_t *set) {
    static const int quit[] = {
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
        SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT,
    };
    sigemptyset(set);
    for (size_t i = 0; i < sizeof quit / sizeof quit[0]; i++) sigaddset(set, quit[i]);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) sigaddset(set, sig);
}

/* The crash signals (see the top of this file). */
static const int reader_crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS };

/* The quit signal received, or 0. */
static inline int reader_pending_signal(void) { return reader_received_signal; }

/* The quit signal received, or one that is waiting while blocked (outside of
 * reader_wait_for_input, as while saving at quit): taken now, so that long work can stop
 * for it. 0 when there is none. */
static inline int reader_take_pending_signal(void) {
    if (reader_received_signal) return reader_received_signal;
    sigset_t quit;
    reader_quit_signal_set(&quit);
    struct timespec now = { 0, 0 };
    int sig = sigtimedwait(&quit, NULL, &now);
    if (sig > 0) reader_received_signal = sig;
    return reader_received_signal;
}

/* Forgets the quit signal received (the one that ended the event loop), so that
 * reader_take_pending_signal reports only a later one. */
static inline void reader_clear_signal(void) { reader_received_signal = 0; }

/* Appends `text` to `line` (at `*length`, up to `capacity`). */
static void reader_append(char *line, size_t *length, size_t capacity, const char *text) {
    while (*text && *length + 1 < capacity) line[(*length)++] = *text++;
}

/* A crash: put the terminal back, write one line, then die of the same signal with its
 * default action (the exit status still says which). */
static void reader_crash_signal(int sig) {
    if (reader_terminal_is_open) {
        reader_terminal_is_open = 0;
        endwin();
    }
    const char *name = sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" : sig == SIGILL ? "SIGILL"
        : sig == SIGFPE ? "SIGFPE" : sig == SIGABRT ? "SIGABRT" : sig == SIGTRAP ? "SIGTRAP"
        : sig == SIGSYS ? "SIGSYS" : "a fatal signal";
    char line[160];
    size_t length = 0;
    reader_append(line, &length, sizeof line, "reader: internal error (");
    reader_append(line, &length, sizeof line, name);
    reader_append(line, &length, sizeof line, "); please report this bug\n");
    ssize_t ignored = write(STDERR_FILENO, line, length);
    (void)ignored;
    signal(sig, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
    _exit(128 + sig);
}

/* The crash handlers, first thing in main (they replace the Swift runtime's backtracer;
 * SIGQUIT gets its default action back until the screen opens). Safe to call again. */
static inline void reader_install_crash_handlers(void) {
    stack_t alternate;
    memset(&alternate, 0, sizeof alternate);
    alternate.ss_sp = reader_crash_stack;
    alternate.ss_size = sizeof reader_crash_stack;
    sigaltstack(&alternate, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = reader_crash_signal;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof reader_crash_signals / sizeof reader_crash_signals[0]; i++) {
        sigaction(reader_crash_signals[i], &action, NULL);
    }
    struct sigaction quit;
    memset(&quit, 0, sizeof quit);
    quit.sa_handler = SIG_DFL;
    sigemptyset(&quit.sa_mask);
    sigaction(SIGQUIT, &quit, NULL);
}

/* While the screen is open: the quit signals only note themselves (blocked except while
 * waiting for input), SIGWINCH wakes the loop, and the crash handlers restore the terminal. */
static inline void reader_install_signal_handlers(void) {
    if (reader_wake_pipe[0] < 0 && pipe2(reader_wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0) {
        reader_wake_pipe[0] = reader_wake_pipe[1] = -1;
    }
    reader_install_crash_handlers();
    sigset_t quit;
    reader_quit_signal_set(&quit);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = reader_note_signal;
    sigemptyset(&action.sa_mask);
    for (int sig = 1; sig < NSIG; sig++) {
        if (sigismember(&quit, sig) == 1) sigaction(sig, &action, NULL);
    }
    action.sa_handler = reader_note_resize;
    action.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &action, &reader_ncurses_winch);
    /* Keep them blocked except while waiting for input (reader_wait_for_input), so a
     * signal that arrives while drawing is seen before the next wait, never lost. */
    sigprocmask(SIG_BLOCK, &quit, NULL);
    reader_terminal_is_open = 1;
}

/* The screen is closed: a crash from now on has no terminal to restore. */
static inline void reader_terminal_closed(void) { reader_terminal_is_open = 0; }

#endif
