// Prints the single-character mappings of ICU's Traditional-Simplified transliterator as
// "from to" hex pairs, for scripts/generate-fold-table.sh. Not part of the build.
#include <stdio.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

int main(void) {
  UErrorCode error = U_ZERO_ERROR;
  UChar id[] = u"Traditional-Simplified";
  UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &error);
  if (U_FAILURE(error)) { fprintf(stderr, "%s\n", u_errorName(error)); return 1; }
  const UChar32 ranges[][2] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2A6DF}};
  for (int r = 0; r < 4; r++) {
    for (UChar32 c = ranges[r][0]; c <= ranges[r][1]; c++) {
      UChar buffer[16];
      int32_t length = 0;
      U16_APPEND_UNSAFE(buffer, length, c);
      int32_t limit = length;
      error = U_ZERO_ERROR;
      utrans_transUChars(t, buffer, &length, 16, 0, &limit, &error);
      if (U_FAILURE(error)) continue;
      UChar32 out;
      int32_t i = 0;
      U16_NEXT(buffer, i, length, out);
      if (i == length && out != c) printf("%X %X\n", (unsigned)c, (unsigned)out);
    }
  }
  utrans_close(t);
  return 0;
}
