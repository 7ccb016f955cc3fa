#ifndef GOVTAG_CICU_H
#define GOVTAG_CICU_H

// GovTag's only door to ICU4C. This header deliberately uses nothing but <stdint.h> types:
// Foundation on Linux carries its own copy of ICU's headers, and a Swift module that sees both
// those and the system's <unicode/*.h> does not compile. ICU's own headers are included only in
// icu_shim.c, and ICU's versioned symbol names (ubrk_open -> ubrk_open_72) stay on the C side.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU word-break iterator. Not thread-safe: one per thread or task.
typedef struct govtag_wordbreak govtag_wordbreak;

/// Opens a word-break iterator (UBRK_WORD) for `locale` ("zh" for Chinese dictionary
/// segmentation). On failure returns NULL and sets `*status` to ICU's UErrorCode (> 0).
govtag_wordbreak *govtag_wordbreak_open(const char *locale, int32_t *status);

/// Closes an iterator opened by govtag_wordbreak_open. NULL is ignored.
void govtag_wordbreak_close(govtag_wordbreak *iterator);

/// Segments `length` bytes of UTF-8 `text`.
///
/// Writes the end offset (in UTF-8 bytes) of every segment to `ends` and ICU's rule status of
/// that segment (UBRK_WORD_NONE 0..99, NUMBER 100..199, LETTER 200..299, KANA 300..399,
/// IDEO 400..499) to `statuses`; the first segment starts at 0. Returns the number of segments,
/// or -1 with `*status` set on an ICU error. `capacity` must be at least `length` (a segment is
/// never empty), otherwise the call fails with U_BUFFER_OVERFLOW_ERROR.
int32_t govtag_wordbreak_segment(govtag_wordbreak *iterator, const uint8_t *text, int32_t length,
                                 int32_t *ends, int32_t *statuses, int32_t capacity,
                                 int32_t *status);

/// Counts the segments of `length` bytes of UTF-8 `text` without storing them: the floor of
/// any ICU-based tokenizer, used by the benchmark. Returns -1 with `*status` set on error.
int32_t govtag_wordbreak_count(govtag_wordbreak *iterator, const uint8_t *text, int32_t length,
                               int32_t *status);

/// ICU's name for an error code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *govtag_icu_error_name(int32_t status);

/// Writes ICU's version ("72.1") into `buffer` (at least 24 bytes).
void govtag_icu_version(char *buffer, int32_t capacity);

/// An ICU transliterator (for example "Traditional-Simplified"). Not thread-safe.
typedef struct govtag_transliterator govtag_transliterator;

/// Opens the transliterator with ICU id `identifier`. On failure returns NULL and sets `*status`.
govtag_transliterator *govtag_transliterator_open(const char *identifier, int32_t *status);

/// Closes a transliterator. NULL is ignored.
void govtag_transliterator_close(govtag_transliterator *transliterator);

/// Transliterates the UTF-16 text in `buffer` in place. `*length` is the text's length in code
/// units on entry and the result's on return; `capacity` is the buffer's size. Returns 0 or an
/// ICU error code.
int32_t govtag_transliterator_apply(govtag_transliterator *transliterator, uint16_t *buffer,
                                    int32_t *length, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
