#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

// UChar is char16_t (or uint16_t); the header promises uint16_t, so prove they have one size.
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar must be 16 bits");

struct govtag_wordbreak {
  UBreakIterator *iterator;
  // The current text in UTF-16, and each code unit's UTF-8 byte offset (plus one entry for the
  // end), reused across calls and grown as needed. ICU's iterator runs about a third faster on
  // UTF-16 than through a UTF-8 UText (utext_openUTF8 maps every index between the encodings),
  // so the text is converted here once and the boundaries mapped back to byte offsets.
  UChar *units;
  int32_t *byteOffsets;
  int32_t capacity;
};

govtag_wordbreak *govtag_wordbreak_open(const char *locale, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &error);
  if (U_FAILURE(error)) {
    *status = (int32_t)error;
    return NULL;
  }
  govtag_wordbreak *handle = (govtag_wordbreak *)calloc(1, sizeof(govtag_wordbreak));
  if (handle == NULL) {
    ubrk_close(iterator);
    *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  handle->iterator = iterator;
  *status = 0;
  return handle;
}

void govtag_wordbreak_close(govtag_wordbreak *handle) {
  if (handle == NULL) return;
  ubrk_close(handle->iterator);
  free(handle->units);
  free(handle->byteOffsets);
  free(handle);
}

// Converts `text` to UTF-16 in the handle's buffers and points the iterator at it. An ill-formed
// UTF-8 sequence becomes one U+FFFD (ICU's U8_NEXT decides its extent), so every code unit still
// maps to the byte offset where its character starts. A text of n bytes has at most n code units.
static int govtag_wordbreak_attach(govtag_wordbreak *handle, const uint8_t *text, int32_t length,
                                   UErrorCode *error) {
  if (handle->capacity < length + 1) {
    UChar *units = (UChar *)realloc(handle->units, sizeof(UChar) * (size_t)(length + 1));
    if (units != NULL) handle->units = units;
    int32_t *offsets = (int32_t *)realloc(handle->byteOffsets, sizeof(int32_t) * (size_t)(length + 1));
    if (offsets != NULL) handle->byteOffsets = offsets;
    if (units == NULL || offsets == NULL) {
      *error = U_MEMORY_ALLOCATION_ERROR;
      return 0;
    }
    handle->capacity = length + 1;
  }
  UChar *units = handle->units;
  int32_t *offsets = handle->byteOffsets;
  int32_t unit = 0;
  int32_t index = 0;
  while (index < length) {
    int32_t start = index;
    if (text[index] < 0x80) {  // ASCII: most punctuation and numbers
      offsets[unit] = start;
      units[unit++] = text[index++];
      continue;
    }
    UChar32 character;
    U8_NEXT(text, index, length, character);
    if (character < 0) character = 0xFFFD;
    if (U_IS_BMP(character)) {
      offsets[unit] = start;
      units[unit++] = (UChar)character;
    } else {
      offsets[unit] = start;
      units[unit++] = U16_LEAD(character);
      offsets[unit] = start;
      units[unit++] = U16_TRAIL(character);
    }
  }
  offsets[unit] = length;
  ubrk_setText(handle->iterator, units, unit, error);
  return U_SUCCESS(*error);
}

int32_t govtag_wordbreak_segment(govtag_wordbreak *handle, const uint8_t *text, int32_t length,
                                 int32_t *ends, int32_t *statuses, int32_t capacity,
                                 int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  if (capacity < length) {
    *status = (int32_t)U_BUFFER_OVERFLOW_ERROR;
    return -1;
  }
  if (length == 0) {
    *status = 0;
    return 0;
  }
  if (!govtag_wordbreak_attach(handle, text, length, &error)) {
    *status = (int32_t)error;
    return -1;
  }
  int32_t count = 0;
  ubrk_first(handle->iterator);
  for (int32_t end = ubrk_next(handle->iterator); end != UBRK_DONE;
       end = ubrk_next(handle->iterator)) {
    ends[count] = handle->byteOffsets[end];
    statuses[count] = ubrk_getRuleStatus(handle->iterator);
    count += 1;
  }
  *status = 0;
  return count;
}

int32_t govtag_wordbreak_count(govtag_wordbreak *handle, const uint8_t *text, int32_t length,
                               int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  if (length == 0) {
    *status = 0;
    return 0;
  }
  if (!govtag_wordbreak_attach(handle, text, length, &error)) {
    *status = (int32_t)error;
    return -1;
  }
  int32_t count = 0;
  ubrk_first(handle->iterator);
  while (ubrk_next(handle->iterator) != UBRK_DONE) count += 1;
  *status = 0;
  return count;
}

const char *govtag_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void govtag_icu_version(char *buffer, int32_t capacity) {
  UVersionInfo version;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(version);
  u_versionToString(version, text);
  if (capacity <= 0) return;
  strncpy(buffer, text, (size_t)capacity - 1);
  buffer[capacity - 1] = '\0';
}

struct govtag_transliterator {
  UTransliterator *transliterator;
};

govtag_transliterator *govtag_transliterator_open(const char *identifier, int32_t *status) {
  UErrorCode error = U_ZERO_ERROR;
  UChar id[128];
  int32_t idLength = 0;
  // Transliterator ids are ASCII; widen them by hand rather than pull in ustring.h conversions.
  for (; identifier[idLength] != '\0' && idLength < 127; idLength++) id[idLength] = (UChar)identifier[idLength];
  UTransliterator *transliterator = utrans_openU(id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &error);
  if (U_FAILURE(error)) {
    *status = (int32_t)error;
    return NULL;
  }
  govtag_transliterator *handle = (govtag_transliterator *)calloc(1, sizeof(govtag_transliterator));
  if (handle == NULL) {
    utrans_close(transliterator);
    *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  handle->transliterator = transliterator;
  *status = 0;
  return handle;
}

void govtag_transliterator_close(govtag_transliterator *handle) {
  if (handle == NULL) return;
  utrans_close(handle->transliterator);
  free(handle);
}

int32_t govtag_transliterator_apply(govtag_transliterator *handle, uint16_t *buffer, int32_t *length,
                                    int32_t capacity) {
  UErrorCode error = U_ZERO_ERROR;
  int32_t limit = *length;
  utrans_transUChars(handle->transliterator, (UChar *)buffer, length, capacity, 0, &limit, &error);
  return (int32_t)error;
}
