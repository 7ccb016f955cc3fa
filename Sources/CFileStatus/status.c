#include "CFileStatus.h"

#include <sys/stat.h>

static void govtag_fill(const struct stat *info, govtag_file_status *out) {
  out->device = (uint64_t)info->st_dev;
  out->inode = (uint64_t)info->st_ino;
  switch (info->st_mode & S_IFMT) {
  case S_IFREG: out->kind = 0; break;
  case S_IFDIR: out->kind = 1; break;
  case S_IFLNK: out->kind = 2; break;
  default: out->kind = 3; break;
  }
  out->size = (int64_t)info->st_size;
#if defined(__APPLE__)
  out->modified_seconds = (int64_t)info->st_mtimespec.tv_sec;
  out->modified_nanoseconds = (int64_t)info->st_mtimespec.tv_nsec;
#else
  out->modified_seconds = (int64_t)info->st_mtim.tv_sec;
  out->modified_nanoseconds = (int64_t)info->st_mtim.tv_nsec;
#endif
}

int govtag_stat(const char *path, int follow_links, govtag_file_status *out) {
  struct stat info;
  int status = follow_links ? stat(path, &info) : lstat(path, &info);
  if (status != 0) return -1;
  govtag_fill(&info, out);
  return 0;
}

int govtag_fstat(int descriptor, govtag_file_status *out) {
  struct stat info;
  if (fstat(descriptor, &info) != 0) return -1;
  govtag_fill(&info, out);
  return 0;
}
