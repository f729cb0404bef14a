// cmark-gfm 0.29.0.gfm.6 (Debian) is not re-entrant: every `cmark_parser_finish` adds the special
// characters of its extensions (strikethrough's `~`, the autolink characters) to global tables before parsing
// inlines and removes them afterwards. A second parser finishing meanwhile removes them under the
// first one's feet, which then silently loses strikethrough and autolinks (upstream: github/cmark-gfm
// PR #176). The library calls the function below through its PLT, so this definition in our
// binary takes its place: it adds through the real function and never removes. Once one document
// with every extension has been parsed, the tables are complete and stay so; from then on the
// function does nothing and parsers can finish on several threads at once. Every parser of the
// build attaches the same extensions, so the tables are the ones each of them would have set.
// If the replacement is not live (`calls` stays 0), the Swift side keeps parsing under a lock.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include "CCmarkThreadFix.h"

typedef struct cmark_parser cmark_parser;
typedef void (*manage_function)(cmark_parser *, int);

static atomic_int frozen = 0;
static atomic_int calls = 0;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    atomic_fetch_add_explicit(&calls, 1, memory_order_relaxed);
    if (atomic_load_explicit(&frozen, memory_order_acquire) || !add) return;
    manage_function real = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (real) real(parser, add);
}

void sozialsite_cmark_freeze_special_characters(void) {
    atomic_store_explicit(&frozen, 1, memory_order_release);
}

int sozialsite_cmark_special_character_calls(void) {
    return atomic_load_explicit(&calls, memory_order_relaxed);
}
