#ifndef GOVTAG_CFILESTATUS_H
#define GOVTAG_CFILESTATUS_H

#include <stdint.h>

/// What `stat` says about a file, in fixed-width fields. Swift reads `struct stat` through
/// whichever module first included <sys/stat.h> (CoreFoundation, when Foundation is linked),
/// and with MemberImportVisibility its fields are then out of reach in a whole-module build;
/// a struct of this module's own has no such owner.
typedef struct {
  uint64_t device;
  uint64_t inode;
  /// 0 regular file, 1 directory, 2 symbolic link, 3 anything else (FIFO, device, socket).
  int32_t kind;
  int64_t size;
  int64_t modified_seconds;
  int64_t modified_nanoseconds;
} govtag_file_status;

/// `stat` (or `lstat` when `follow_links` is 0) of `path` into `out`; returns 0, or -1 with errno set.
int govtag_stat(const char *path, int follow_links, govtag_file_status *out);

/// `fstat` of `descriptor` into `out`; returns 0, or -1 with errno set.
int govtag_fstat(int descriptor, govtag_file_status *out);

#endif
