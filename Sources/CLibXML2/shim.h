// libxml2 (Debian: libxml2-dev), for the feed and HTML sources (Sources/ReaderSources).
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
