import Foundation
import GovTagKit
import Hummingbird
import NIOCore

/// The records of a `POST /v1/tag` or `/v1/explain` request, checked the way a batch input is:
/// content type, size, UTF-8, JSON, then each record, each refusal an ``APIError``.
struct RecordsRequest {
  /// The records, in order, all readable.
  var documents: [Document]
  /// Whether the body was an array (the answer is then an array).
  var isArray: Bool

  /// Reads the body of `request`, up to `maxBodyBytes` and no further, so a client cannot make
  /// the server hold more than that.
  ///
  /// Call ``checkHead(_:configuration:)`` first.
  ///
  /// - Throws: ``APIError`` 413 for a body over the limit, 408 for one that did not arrive
  ///   within `--body-timeout` of the request's head, 400 `body_incomplete` for one whose
  ///   stream ended before it did; the error of the connection when the client reset it
  ///   (``JSONErrorMiddleware`` counts it as a disconnect).
  static func readBody(_ request: Request, configuration: ServerConfiguration) async throws -> ByteBuffer {
    var body = ByteBuffer()
    do {
      for try await piece in request.body {
        guard body.readableBytes + piece.readableBytes <= configuration.maxBodyBytes else { throw tooLarge(configuration) }
        var piece = piece
        body.writeBuffer(&piece)
      }
      return body
    } catch let timeout as RequestBodyTimeout {
      throw APIError(
        .requestTimeout, code: "body_timeout",
        message: "the request body did not arrive within \(timeout.seconds) s of the request's head",
        hint: "send the whole body at once; the server waits --body-timeout seconds for it")
    } catch  where JSONErrorMiddleware<BasicRequestContext>.isClientDisconnect(error) && !(error is IOError) {
      // The stream ended (the client shut its side, or closed the connection) before the body
      // did. A client that only half-closed reads this answer; one that has gone gets nothing.
      throw incompleteBody(received: body.readableBytes, declared: request.headers[.contentLength].flatMap { Int($0) })
    }
  }

  /// The answer to a body cut short: it names the bytes received and those declared.
  static func incompleteBody(received: Int, declared: Int?) -> APIError {
    APIError(
      .badRequest, code: "body_incomplete",
      message: declared.map { "the body ended after \(received) of the \($0) bytes its Content-Length declares" }
        ?? "the body ended after \(received) bytes, before its last chunk",
      hint: "send the whole body before closing the connection, with a Content-Length that counts its bytes")
  }

  /// Checks the records of a request's body.
  ///
  /// The parsed records are bounded by the body's size (``readBody(_:configuration:)``).
  ///
  /// - Throws: ``APIError``: 400 for bytes that are not one JSON value in UTF-8, 422 for more
  ///   records than allowed or when a record lacks an id or a text or has a field of the wrong
  ///   type (listing every such record).
  init(body: ByteBuffer, configuration: ServerConfiguration, decoder: DocumentDecoder) throws {
    let decoded =
      body.readableBytesView.withContiguousStorageIfAvailable {
        decoder.decodeRecords(inJSON: $0, source: "request", maxRecords: configuration.maxRecordsPerRequest)
      }
      ?? Array(body.readableBytesView).withUnsafeBufferPointer {
        decoder.decodeRecords(inJSON: $0, source: "request", maxRecords: configuration.maxRecordsPerRequest)
      }
    let document: RecordsDocument
    switch decoded {
    case .success(let value): document = value
    case .failure(let problem): throw Self.error(for: problem)
    }
    var documents: [Document] = []
    var problems: [APIError.RecordProblem] = []
    for record in document.records {
      switch record {
      case .success(let found): documents.append(found)
      case .failure(let error):
        problems.append(.init(index: error.location.line ?? 1, id: error.id, reason: error.reason, hint: error.hint))
      }
    }
    guard problems.isEmpty else {
      let count = problems.count == 1 ? "a record" : "\(problems.count) records"
      throw APIError(
        .unprocessableContent, code: "invalid_records",
        message: "\(count) of the request cannot be labelled; nothing was labelled",
        hint: "give every record a non-empty \"id\" (a string or an integer) and a string \"text\"; see records",
        records: problems)
    }
    self.documents = documents
    self.isArray = document.isArray
  }

  /// Checks what the head of a request says, before its body is read: the content type, a
  /// content encoding, and a declared `Content-Length` over the limit (answered at once, not
  /// after reading up to the limit).
  ///
  /// - Throws: ``APIError`` 415 or 413.
  static func checkHead(_ request: Request, configuration: ServerConfiguration) throws {
    try checkContentType(request.headers[.contentType])
    try checkContentEncoding(request.headers[values: .contentEncoding])
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxBodyBytes {
      throw tooLarge(configuration, declared: length)
    }
  }

  /// The answer to a body over `--max-body`, with its declared size when there is one.
  static func tooLarge(_ configuration: ServerConfiguration, declared: Int? = nil) -> APIError {
    APIError(
      .contentTooLarge, code: "body_too_large",
      message: "the request body \(declared.map { "(\($0) bytes) " } ?? "")is larger than \(configuration.maxBodyBytes) bytes",
      hint: "send fewer or shorter records per request, or start the server with a larger --max-body")
  }

  /// Refuses anything but JSON (`application/json`, with no charset or UTF-8).
  static func checkContentType(_ value: String?) throws {
    let unsupported = APIError(
      .unsupportedMediaType, code: "unsupported_media_type",
      message: value.map { "the content type is \($0.escapingControlCharacters), not application/json" }
        ?? "the request has no Content-Type",
      hint: "send the records as JSON with Content-Type: application/json")
    guard let value else { throw unsupported }
    let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    guard parts.first == "application/json" else { throw unsupported }
    for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
      let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      guard charset == "utf-8" || charset == "utf8" else {
        throw APIError(
          .unsupportedMediaType, code: "unsupported_charset",
          message: "the body is declared as \(charset.escapingControlCharacters), and GovTag reads UTF-8 only",
          hint: "convert the text to UTF-8 (for GBK: iconv -f GB18030 -t UTF-8) and send charset=utf-8")
      }
    }
  }

  /// Refuses a compressed body (`Content-Encoding: gzip`...): the server reads the bytes as they
  /// come, and gzip's would otherwise be refused as "not UTF-8".
  static func checkContentEncoding(_ values: [String]) throws {
    let encodings = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      .filter { !$0.isEmpty && $0 != "identity" }
    guard let encoding = encodings.first else { return }
    throw APIError(
      .unsupportedMediaType, code: "unsupported_content_encoding",
      message:
        "the body is sent with Content-Encoding: \(encoding.escapingControlCharacters), and content encodings are not supported",
      hint: "send the body uncompressed, without a Content-Encoding header")
  }

  /// The answer to a body that cannot be read at all.
  static func error(for problem: RecordsDocumentProblem) -> APIError {
    switch problem {
    case .invalidUTF8:
      APIError(.badRequest, code: "invalid_utf8", message: "the body is not UTF-8: \(problem.reason)", hint: problem.hint)
    case .invalidJSON:
      // The server answers JSON Lines on request, so a client may send them too: say what it reads.
      APIError(
        .badRequest, code: "invalid_json", message: problem.reason,
        hint: problem.hint == "send one JSON value"
          ? "send one record as a JSON object, or several as one JSON array (a body of JSON Lines is not read)" : problem.hint)
    case .notRecords:
      APIError(.badRequest, code: "not_records", message: problem.reason, hint: problem.hint)
    case .empty:
      APIError(.badRequest, code: "empty_body", message: problem.reason, hint: problem.hint)
    case .tooManyRecords:
      APIError(
        .unprocessableContent, code: "too_many_records", message: problem.reason,
        hint: problem.hint + " (the server's limit is --max-records)")
    }
  }
}
