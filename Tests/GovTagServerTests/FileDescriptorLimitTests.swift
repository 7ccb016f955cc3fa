import GovTagServer
import Testing

@Suite("The limit on open files: raised at start, and --max-connections lowered to fit under it")
struct FileDescriptorLimitTests {
  @Test("connections that fit: the request, or the soft limit less 64, at least 1")
  func fitting() {
    #expect(FileDescriptorLimit(soft: 1024, hard: 1024).connections(fitting: 1024) == 960)
    #expect(FileDescriptorLimit(soft: 1024, hard: 4096).connections(fitting: 900) == 900)
    #expect(FileDescriptorLimit(soft: 524_288, hard: 524_288).connections(fitting: 1024) == 1024)
    #expect(FileDescriptorLimit(soft: 64, hard: 64).connections(fitting: 1024) == 1)
  }

  @Test("a warning names both numbers and what to do, only when the connections do not fit")
  func warning() {
    #expect(
      FileDescriptorLimit(soft: 1024, hard: 1024).warning(maxConnections: 1024)
        == "--max-connections 1024 does not fit the limit of 1024 open files (ulimit -n; the hard limit is 1024): "
        + "serving at most 960 connections at once, keeping 64 files for the server's own; raise the limit "
        + "(LimitNOFILE= in the systemd unit, ulimit -n in a shell) or lower --max-connections")
    #expect(FileDescriptorLimit(soft: 1024, hard: 1024).warning(maxConnections: 960) == nil)
  }

  @Test("at start the soft limit is raised to the hard one")
  func raised() throws {
    let limit = try #require(FileDescriptorLimit.raiseToHardLimit())
    // An unlimited hard limit cannot be the soft one (the kernel caps it at fs.nr_open).
    #expect(limit.soft == limit.hard || limit.hard == Int.max)
  }
}
