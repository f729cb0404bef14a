#ifndef CCMARK_THREAD_FIX_H
#define CCMARK_THREAD_FIX_H

/// Stops cmark-gfm from changing its global tables of special characters (see threadfix.c).
/// Call once, after one document with every extension has been parsed.
void sozialsite_cmark_freeze_special_characters(void);

/// How often cmark called the replacement: more than zero proves it is the one cmark uses.
int sozialsite_cmark_special_character_calls(void);

#endif
