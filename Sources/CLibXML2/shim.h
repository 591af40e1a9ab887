// libxml2 (Debian: libxml2-dev), for the feed and HTML sources (Sources/ReaderSources).
//
// Debian's libxml2 is built with ICU, so its encoding.h includes ICU's <unicode/ucnv.h>
// (/usr/include/unicode). The Swift toolchain's Foundation carries its own, different ICU
// headers (module _FoundationICU), and a target that sees both modules fails to build
// ("'UErrorCode' has different definitions in different modules"), depending on the order
// in which clang loads them. Reader hands libxml2 UTF-8 only and never touches its ICU
// converters: only the last two fields of xmlCharEncodingHandler (pointers, never read
// from Swift) depend on this, so ICU's headers are left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
