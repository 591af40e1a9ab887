/* Shim exposing OpenCC's C API (Debian: libopencc-dev) to Swift. Only the
 * ReaderOpenCC target imports this module; ReaderCore sees conversion through its
 * `ScriptConverter` protocol (see ARCHITECTURE.md). */
#ifndef READER_COPENCC_SHIM_H
#define READER_COPENCC_SHIM_H

#include <opencc/opencc.h>
#include <stddef.h>

/* opencc_t is `void *` and (opencc_t)-1 marks a failed open: a macro-free test. */
static inline int reader_opencc_is_valid(opencc_t converter) {
    return converter != NULL && converter != (opencc_t)-1;
}

#endif
