@_spi(Benchmarking) import GovTagKit

extension PassResult {
  /// The result as one JSON object, for `run.sh` to collect:
  /// `{"pass", "records", "text_bytes", "segments", "labels", "evidence", "setup_seconds", "seconds", "mb_per_s"}`.
  ///
  /// - Returns: the object, without a line break.
  public func json() -> String {
    var json = SPIJSONWriter()
    json.beginObject()
    json.key("pass")
    json.string(pass)
    json.key("records")
    json.integer(records)
    json.key("text_bytes")
    json.integer(textBytes)
    json.key("segments")
    json.integer(segments)
    json.key("labels")
    json.integer(labels)
    json.key("evidence")
    json.integer(evidence)
    json.key("setup_seconds")
    json.number(setupSeconds)
    json.key("seconds")
    json.number(seconds)
    json.key("mb_per_s")
    json.number(megabytesPerSecond)
    json.endObject()
    return String(decoding: json.bytes, as: UTF8.self)
  }
}
