import GovTagKit
import HTTPTypes
import Hummingbird

/// A request GovTag refuses, answered as JSON:
/// `{"error": {"status", "code", "message", "hint", "records"?}}`.
///
/// Every refusal names what is wrong and what to do, like the command line's messages; `code` is
/// stable for programs, `message` and `hint` are for people.
struct APIError: HTTPResponseError, Sendable {
  /// One record of a request that cannot be labelled.
  struct RecordProblem: Sendable, Hashable {
    /// The record's 1-based position in the request's array (1 for a single record).
    var index: Int
    /// The record's id, when it could be read.
    var id: String?
    /// What is wrong.
    var reason: String
    /// What to do.
    var hint: String?
  }

  /// The HTTP status.
  var status: HTTPResponse.Status
  /// A stable code: `invalid_json`, `body_too_large`, `invalid_records`...
  var code: String
  /// What is wrong, in a sentence.
  var message: String
  /// What to do about it.
  var hint: String
  /// The records that cannot be labelled (`invalid_records` only).
  var records: [RecordProblem] = []
  /// Problems that are not records (a lexicon file and line, for a refused reload).
  var problems: [String] = []
  /// Extra headers (`WWW-Authenticate` for 401).
  var headers: HTTPFields = [:]

  /// Creates an error.
  init(_ status: HTTPResponse.Status, code: String, message: String, hint: String, records: [RecordProblem] = []) {
    self.status = status
    self.code = code
    self.message = message
    self.hint = hint
    self.records = records
  }

  /// The JSON body.
  var body: [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.key("error")
    json.beginObject()
    json.field("status", integer: Int(status.code))
    json.field("code", string: code)
    json.field("message", string: message)
    json.field("hint", string: hint)
    if !records.isEmpty {
      json.key("records")
      json.beginArray()
      for record in records {
        json.beginObject()
        json.field("index", integer: record.index)
        if let id = record.id { json.field("id", string: id) }
        json.field("reason", string: record.reason)
        if let hint = record.hint { json.field("hint", string: hint) }
        json.endObject()
      }
      json.endArray()
    }
    if !problems.isEmpty { json.field("problems", strings: problems) }
    json.endObject()
    json.endObject()
    json.newline()
    return json.bytes
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    var fields = headers
    fields[.contentType] = "application/json"
    return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }
}
