// sync_file_range is a GNU extension, hidden from Swift's Glibc module: it is declared only
// with _GNU_SOURCE, which a C file can set and a Swift file cannot.
#define _GNU_SOURCE
#include "CFileWriteback.h"

#include <fcntl.h>

int govtag_start_writeback(int descriptor, int64_t offset, int64_t length) {
#if defined(__linux__)
  return sync_file_range(descriptor, (off_t)offset, (off_t)length, SYNC_FILE_RANGE_WRITE);
#else
  (void)descriptor;
  (void)offset;
  (void)length;
  return -1;
#endif
}
