import GovTagKit
import Testing

@Suite("The closing summary line")
struct RunSummaryTests {
  @Test("a finished run counts its inputs; an interrupted one says how many it read to the end")
  func inputs() {
    var summary = RunSummary()
    summary.inputsRead = 2
    summary.recordsRead = 150
    summary.labelled = 149
    summary.failed = 1
    summary.bytesRead = 3_140_000
    summary.seconds = 0.84
    #expect(summary.line() == "read 150 records from 2 inputs: 149 labelled, 1 failed (3.1 MB in 0.8 s, 179 records/s)")
    summary.inputsRead = 0
    summary.interrupted = true
    #expect(
      summary.line() == "read 150 records (0 inputs read to the end): 149 labelled, 1 failed (3.1 MB in 0.8 s, 179 records/s)")
  }

  @Test("the summary line names records reused from the previous run as the caller names that setting")
  func summaryLine() {
    var summary = RunSummary()
    summary.inputsRead = 1
    summary.recordsRead = 4
    summary.labelled = 4
    summary.reused = 3
    summary.seconds = 1
    #expect(
      summary.line()
        == "read 4 records from 1 input: 4 labelled (3 reused from the previous run), 0 failed (0.0 MB in 1.0 s, 4 records/s)")
    #expect(
      summary.line(names: SettingNames([.previous: "--previous"]))
        == "read 4 records from 1 input: 4 labelled (3 reused from --previous), 0 failed (0.0 MB in 1.0 s, 4 records/s)")
  }

  @Test("a resumed run gives its own bytes and time; one with nothing left says so; --previous indexing is counted")
  func resumedAndIndexed() {
    var summary = RunSummary()
    summary.inputsRead = 1
    summary.recordsRead = 100
    summary.labelled = 100
    summary.bytesRead = 2_000_000
    summary.resumedRecords = 60
    summary.resumedBytes = 1_200_000
    summary.seconds = 2
    #expect(
      summary.line()
        == "read 100 records from 1 input: 100 labelled, 0 failed; resumed after 60 records (2.0 MB, 0.8 MB of it in 2.0 s, 20 records/s)"
    )
    summary.resumedRecords = 100
    summary.resumedBytes = 2_000_000
    summary.seconds = 0.01
    #expect(
      summary.line()
        == "read 100 records from 1 input: 100 labelled, 0 failed; resumed after 100 records, none left to read (2.0 MB; finished in 0.0 s)"
    )
    var previous = RunSummary()
    previous.inputsRead = 1
    previous.recordsRead = 6000
    previous.labelled = 6000
    previous.reused = 6000
    previous.bytesRead = 8_700_000
    previous.seconds = 13.9
    previous.previousSeconds = 12.3
    #expect(
      previous.line(names: SettingNames([.previous: "--previous"]))
        == "read 6000 records from 1 input: 6000 labelled (6000 reused from --previous), 0 failed (8.7 MB in 13.9 s: 12.3 s indexing --previous, then 3750 records/s)"
    )
  }
}
