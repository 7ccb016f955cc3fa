/// How a batch run reads, labels and writes.
public struct BatchConfiguration: Sendable {
  /// Worker threads; each owns a tagger. Defaults to the number of cores.
  public var jobs: Int
  /// Records per unit of work handed to a worker: large enough that hand-over costs nothing,
  /// small enough that the last units keep every core busy.
  public var chunkRecords: Int = 64
  /// Also end a chunk once its lines hold this many bytes, so very long texts do not make
  /// chunks huge.
  public var chunkBytes: Int = 1 << 20
  /// Chunks in flight per worker: bounds memory and lets a slow chunk be overtaken.
  public var chunksInFlightPerJob: Int = 4
  /// Write an error record in place of each failed input line (and of blank lines), so output
  /// lines match input lines one to one, as a streaming mapper needs.
  public var errorRecordsInPlace: Bool = false
  /// Which hits to list in each record's evidence.
  public var evidenceDetail: LabelledRecordWriter.EvidenceDetail = .standard
  /// How to read records.
  public var decoder = DocumentDecoder()

  /// Creates a configuration with `jobs` workers.
  public init(jobs: Int) { self.jobs = max(1, jobs) }
}
