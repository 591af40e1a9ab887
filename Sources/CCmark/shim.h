// cmark-gfm, the CommonMark reference parser (Debian: libcmark-gfm-dev), for Markdown sources.
#include <cmark-gfm.h>
