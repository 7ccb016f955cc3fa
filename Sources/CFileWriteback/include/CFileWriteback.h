#ifndef GOVTAG_CFILEWRITEBACK_H
#define GOVTAG_CFILEWRITEBACK_H

#include <stdint.h>

/// Asks the kernel to start writing `length` bytes of the file open as `descriptor`, from
/// `offset`, to the disk, without waiting (Linux `sync_file_range` with
/// `SYNC_FILE_RANGE_WRITE`). A hint: returns 0, or -1 where it is unsupported or fails; the
/// caller's later `fsync` is what reports errors.
int govtag_start_writeback(int descriptor, int64_t offset, int64_t length);

#endif
