import Foundation
import GovTagKit
package import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOPosix

/// The routes of `govtag serve`, on the library's front door (``GovTag``).
///
/// Each labelling request takes the current lexicons once (``LexiconStore/snapshot``) and
/// names their version in the `GovTag-Lexicon-Version` header, so a client always knows which
/// lexicons labelled its records, even across a reload.
package struct GovTagService: Sendable {
  let store: LexiconStore
  let configuration: ServerConfiguration
  let metrics: ServerMetrics
  let decoder = DocumentDecoder()
  /// Labelling requests in progress at once: twice the cores, so that one waits on I/O while
  /// the other labels; memory is bounded by that many bodies, not by the connections.
  let slots = RequestSlots(capacity: 2 * System.coreCount)
  /// The large answers held at once, waiting for their clients to read them: four times
  /// `--max-answer`.
  let answers: AnswerBudget

  init(store: LexiconStore, configuration: ServerConfiguration, metrics: ServerMetrics) {
    self.store = store
    self.configuration = configuration
    self.metrics = metrics
    answers = AnswerBudget(capacity: configuration.answerBudgetBytes ?? 4 * configuration.maxAnswerBytes)
  }

  /// The header naming the lexicon version that labelled the answer (a valid field name, so the
  /// initialiser cannot fail).
  static let lexiconVersionHeader = HTTPField.Name("GovTag-Lexicon-Version")!

  /// Each route's path and method, the one list that ``register(on:)``, the 405 answers and the
  /// tests read (the reload route only with an admin token).
  package static func routes(adminEnabled: Bool) -> [(path: String, method: HTTPRequest.Method)] {
    [
      ("/v1/tag", .post), ("/v1/explain", .post), ("/v1/lexicon", .get), ("/healthz", .get), ("/metrics", .get),
      ("/openapi.json", .get),
    ] + (adminEnabled ? [("/v1/admin/reload", .post)] : [])
  }

  /// The query parameters each route takes; any other is refused (400), so that a misspelt one
  /// is not silently ignored.
  static let queryParameters: [String: [String]] = ["/v1/tag": ["evidence", "evidence_layout"]]

  /// Each route's methods, for the 405 answers.
  var routes: [String: [HTTPRequest.Method]] {
    Dictionary(grouping: Self.routes(adminEnabled: configuration.adminToken != nil), by: \.path).mapValues { $0.map(\.method) }
  }

  /// Adds the routes to `router`.
  func register(on router: Router<ServerRequestContext>) {
    let openAPI = Array(OpenAPIDocument.json(maxRecords: configuration.maxRecordsPerRequest).utf8)
    // HEAD on every GET route: the GET answer, whose body HeadRequestMiddleware leaves out.
    let routes = Self.routes(adminEnabled: configuration.adminToken != nil)
    for (path, method) in routes + routes.filter({ $0.method == .get }).map({ ($0.path, HTTPRequest.Method.head) }) {
      router.on(RouterPath(path), method: method) { request, context in
        try Self.checkQuery(request, path: path)
        return switch path {
        case "/v1/tag": try await tag(request, logger: context.logger, channel: context.channel)
        case "/v1/explain": try await explain(request, channel: context.channel)
        case "/v1/lexicon": try lexicon()
        case "/v1/admin/reload": try await reload(request, logger: context.logger)
        case "/healthz": health()
        case "/metrics": response(metrics.exposition(answers: answers), contentType: "text/plain; version=0.0.4; charset=utf-8")
        default: response(openAPI, contentType: "application/json")
        }
      }
    }
  }

  // MARK: - Labelling

  /// `POST /v1/tag`: the labelled records `govtag tag` writes for the records sent.
  ///
  /// The body is read before the request takes a labelling slot, so a client that is slow to
  /// send it holds a connection, not a slot. An answer over `--max-answer` is refused, and a
  /// large one holds its bytes of ``answers`` until it is handed to the connection
  /// (``answer(_:contentType:lexiconVersion:)``).
  func tag(_ request: Request, logger: Logger, channel: any Channel) async throws -> Response {
    let evidence = try evidenceDetail(request)
    let layout = try evidenceLayout(request)
    try RecordsRequest.checkHead(request, configuration: configuration)
    let jsonLines = Self.wantsJSONLines(request)
    let bytes = try await RecordsRequest.readBody(request, configuration: configuration)
    return try await slots.withSlot {
      let records = try RecordsRequest(body: bytes, configuration: configuration, decoder: decoder)
      let snapshot = store.snapshot
      let maxAnswer = configuration.maxAnswerBytes
      // Labelling is CPU work of up to a second for a full request: it runs on NIO's blocking
      // pool, so Swift's few cooperative threads stay free for /healthz and small requests.
      let body = try await NIOThreadPool.singleton.runIfActive {
        Self.labelledBody(
          try Self.labelled(records.documents, govtag: snapshot.govtag, evidence: evidence, layout: layout, maxBytes: maxAnswer),
          array: records.isArray, jsonLines: jsonLines)
      }
      var reply = try answer(
        body, contentType: jsonLines ? "application/x-ndjson" : "application/json",
        lexiconVersion: snapshot.govtag.lexiconVersion,
        channel: channel)
      // Counted once the answer is kept: a 503 answers_pending throws the labelled records away.
      metrics.labelled(records.documents.count)
      if let warning = Self.replacedFieldsWarning(records.documents) {
        reply.headers[Self.warningHeader] = warning
        logger.info("POST /v1/tag: \(warning)")
      }
      return reply
    }
  }

  /// The header that says what the server did to a request's data beyond what was asked: the
  /// input fields that the labelled records replace.
  static let warningHeader = HTTPField.Name("GovTag-Warning")!

  /// The labelled records, with one tagger for the request, checking their size after each
  /// record: labelling stops once they pass `maxBytes`.
  ///
  /// - Throws: ``APIError`` 413 `answer_too_large`.
  static func labelled(
    _ documents: [Document], govtag: GovTag, evidence: LabelledRecordWriter.EvidenceDetail,
    layout: LabelledRecordWriter.EvidenceLayout, maxBytes: Int
  ) throws -> [[UInt8]] {
    var size = 0  // the JSON Lines answer's; an array's is a byte per record and two more
    return try govtag.labelledRecords(documents, evidence: evidence, layout: layout) { record, count in
      size += record.count + 1
      guard size <= maxBytes else {
        let which =
          switch (documents.count, count) {
          case (1, _): "the labelled record takes"
          case (_, 1): "the first of the \(documents.count) labelled records takes"
          default: "the first \(count) of the \(documents.count) labelled records take"
          }
        throw APIError(
          .contentTooLarge, code: "answer_too_large",
          message: "the answer is larger than \(maxBytes) bytes: \(which) \(size)",
          hint: evidence == .standard && layout == .compact
            ? "send fewer or shorter records per request, ask for ?evidence=none, or start the server with a larger --max-answer"
            : "ask for less evidence (leave out evidence=all and evidence_layout=full), send fewer records per request, "
              + "or start the server with a larger --max-answer")
      }
    }
  }

  /// What a `GovTag-Warning` header says when records carry fields named like those GovTag
  /// writes (`labels`, `review`, `error`...), which their labelled records replace or drop, as
  /// `govtag tag` warns; `nil` when none do.
  static func replacedFieldsWarning(_ documents: [Document]) -> String? {
    var names: Set<String> = []
    var records = 0
    for document in documents {
      let replaced = document.fields.keys.filter { LabelledRecordWriter.ownFields.contains($0) }
      guard !replaced.isEmpty else { continue }
      records += 1
      names.formUnion(replaced)
    }
    guard records > 0 else { return nil }
    let list = names.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
    let count = records == 1 ? "1 record carries" : "\(records) records carry"
    return "\(count) \(list), named like fields GovTag writes: the answer has GovTag's values in their place; "
      + "rename the input fields to keep them"
  }

  /// The answer's bytes: one labelled record per line (JSON Lines), or one JSON object for a
  /// single record, or a JSON array, each record as `govtag tag` writes it.
  static func labelledBody(_ labelled: [[UInt8]], array: Bool, jsonLines: Bool) -> ByteBuffer {
    var body = ByteBuffer()
    body.reserveCapacity(labelled.reduce(4) { $0 + $1.count + 2 })
    if jsonLines {
      for record in labelled {
        body.writeBytes(record)
        body.writeInteger(UInt8(ascii: "\n"))
      }
      return body
    }
    if array { body.writeInteger(UInt8(ascii: "[")) }
    for (index, record) in labelled.enumerated() {
      if index > 0 { body.writeBytes(Array(",\n".utf8)) }
      body.writeBytes(record)
    }
    if array { body.writeInteger(UInt8(ascii: "]")) }
    body.writeInteger(UInt8(ascii: "\n"))
    return body
  }

  /// `POST /v1/explain`: every hit of each record (those that did not count too, with why) and
  /// the report `govtag explain` prints.
  func explain(_ request: Request, channel: any Channel) async throws -> Response {
    try RecordsRequest.checkHead(request, configuration: configuration)
    let bytes = try await RecordsRequest.readBody(request, configuration: configuration)
    return try await slots.withSlot {
      let records = try RecordsRequest(body: bytes, configuration: configuration, decoder: decoder)
      let snapshot = store.snapshot
      let maxAnswer = configuration.maxAnswerBytes
      let body = try await NIOThreadPool.singleton.runIfActive {
        let explanations = try snapshot.govtag.explain(records.documents)
        let bytes = records.isArray ? try Self.encode(explanations) : try Self.encode(explanations[0])
        guard bytes.count <= maxAnswer else {
          throw APIError(
            .contentTooLarge, code: "answer_too_large",
            message: "the answer is larger than \(maxAnswer) bytes: the explanation takes \(bytes.count)",
            hint: "explain fewer or shorter records per request, or start the server with a larger --max-answer")
        }
        return ByteBuffer(bytes: bytes)
      }
      let reply = try answer(
        body, contentType: "application/json", lexiconVersion: snapshot.govtag.lexiconVersion, channel: channel)
      metrics.explained(records.documents.count)
      return reply
    }
  }

  /// The `evidence` query parameter: `standard` (the default), `all` or `none`.
  func evidenceDetail(_ request: Request) throws -> LabelledRecordWriter.EvidenceDetail {
    try Self.choice(request, "evidence", default: .standard, option: "--evidence")
  }

  /// The `evidence_layout` query parameter: `compact` (the default) or `full`.
  func evidenceLayout(_ request: Request) throws -> LabelledRecordWriter.EvidenceLayout {
    try Self.choice(request, "evidence_layout", default: .compact, option: "--evidence-layout")
  }

  /// A query parameter that takes one of `Value`'s cases, named as the CLI's `option` names them;
  /// an unknown value is a 400 that lists the allowed ones.
  static func choice<Value: RawRepresentable & CaseIterable>(
    _ request: Request, _ name: String, default fallback: Value, option: String
  ) throws -> Value where Value.RawValue == String {
    guard let value = request.uri.queryParameters[name[...]] else { return fallback }
    guard let choice = Value(rawValue: String(value)) else {
      let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw APIError(
        .badRequest, code: "invalid_parameter",
        message: "\(name)=\(String(value).escapingControlCharacters) is not one of \(allowed)",
        hint: "leave it out for the default (\(fallback.rawValue)), as govtag tag \(option)")
    }
    return choice
  }

  /// Refuses a query parameter that `path` does not take, and one given more than once.
  ///
  /// - Throws: ``APIError`` 400 `invalid_parameter`, naming the parameter and those the route takes.
  static func checkQuery(_ request: Request, path: String) throws {
    let known = queryParameters[path] ?? []
    var seen: Set<Substring> = []
    for (name, _) in request.uri.queryParameters {
      let shown = String(name).escapingControlCharacters
      guard known.contains(String(name)) else {
        throw APIError(
          .badRequest, code: "invalid_parameter",
          message: known.isEmpty
            ? "unknown query parameter \(shown): \(path) takes no query parameters"
            : "unknown query parameter \(shown): \(path) takes \(known.joined(separator: ", "))",
          hint: known.isEmpty ? "leave the query string out" : "check its spelling; GET /openapi.json describes each parameter")
      }
      guard seen.insert(name).inserted else {
        throw APIError(
          .badRequest, code: "invalid_parameter", message: "the query parameter \(shown) is given more than once",
          hint: "give it once")
      }
    }
  }

  /// Whether the client asked for JSON Lines (`Accept: application/x-ndjson`, the exact bytes
  /// of `govtag tag`'s output file): JSON Lines when a JSON Lines type is accepted (`q` above 0) at least as much as
  /// `application/json`.
  static func wantsJSONLines(_ request: Request) -> Bool {
    guard let accept = request.headers[.accept] else { return false }
    var jsonLines = 0.0
    var json = 0.0
    for range in accept.split(separator: ",") {
      let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
      switch parts.first {
      case "application/x-ndjson", "application/jsonl": jsonLines = max(jsonLines, quality)
      case "application/json": json = max(json, quality)
      default: break
      }
    }
    return jsonLines > 0 && jsonLines >= json
  }

  // MARK: - Lexicons and operations

  /// `GET /v1/lexicon`: versions, dimensions and categories of the lexicons in use.
  func lexicon() throws -> Response {
    let snapshot = store.snapshot
    let answer = LexiconAnswer(summary: snapshot.govtag.summary, generation: snapshot.generation, loadedAt: snapshot.loadedAt)
    return response(try Self.encode(answer), contentType: "application/json", lexiconVersion: snapshot.govtag.lexiconVersion)
  }

  /// `GET /healthz`: 200 while the server answers, with the lexicon version.
  func health() -> Response {
    let snapshot = store.snapshot
    var json = JSONWriter()
    json.beginObject()
    json.field("status", string: "ok")
    json.field("lexicon_version", string: snapshot.govtag.lexiconVersion)
    json.field("generation", integer: snapshot.generation)
    json.endObject()
    json.newline()
    return response(json.bytes, contentType: "application/json", lexiconVersion: snapshot.govtag.lexiconVersion)
  }

  /// `POST /v1/admin/reload` with `Authorization: Bearer TOKEN`: loads the lexicons again.
  func reload(_ request: Request, logger: Logger) async throws -> Response {
    guard let token = configuration.adminToken, Self.bearerToken(request).map({ Self.constantTimeEqual($0, token) }) == true
    else {
      var error = APIError(
        .unauthorized, code: "unauthorized", message: "reloading needs the admin token",
        hint: "send Authorization: Bearer TOKEN with the token the server was started with (--admin-token-file)")
      error.headers[.wwwAuthenticate] = "Bearer"
      throw error
    }
    let store = store
    let outcome = try await NIOThreadPool.singleton.runIfActive { store.reload() }
    metrics.reloaded(outcome)
    ReloadLog.log(outcome, trigger: "POST /v1/admin/reload", logger: logger)
    switch outcome {
    case .reloaded(let from, let to, let generation, let warnings):
      var json = JSONWriter()
      json.beginObject()
      json.field("status", string: "reloaded")
      json.field("previous_version", string: from)
      json.field("lexicon_version", string: to)
      json.field("generation", integer: generation)
      json.field("warnings", strings: warnings)
      json.endObject()
      json.newline()
      return response(json.bytes, contentType: "application/json", lexiconVersion: to)
    case .refused(let problems, let keeping):
      var error = APIError(
        .unprocessableContent, code: "lexicons_refused",
        message: "the lexicons in \(store.directory) do not load; the server keeps version \(keeping)",
        hint: "fix the problems listed (govtag lexicon check --lexicons \(store.directory) shows them), then reload again")
      error.problems = problems
      throw error
    case .busy, .queued:
      throw APIError(
        .conflict, code: "reload_in_progress", message: "another reload is running",
        hint: "wait for it to finish (GET /v1/lexicon shows the generation), then try again")
    }
  }

  static func bearerToken(_ request: Request) -> String? {
    guard let value = request.headers[.authorization], value.lowercased().hasPrefix("bearer ") else { return nil }
    return String(value.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
  }

  /// Compares every byte, so the time taken does not tell how much of a guess was right.
  static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }  // the token's length is no secret
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
  }

  // MARK: - Responses

  func response(_ body: [UInt8], contentType: String, lexiconVersion: String? = nil) -> Response {
    response(ByteBuffer(bytes: body), contentType: contentType, lexiconVersion: lexiconVersion)
  }

  func response(_ body: ByteBuffer, contentType: String, lexiconVersion: String? = nil) -> Response {
    var headers: HTTPFields = [.contentType: contentType]
    if let lexiconVersion { headers[Self.lexiconVersionHeader] = lexiconVersion }
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
  }

  /// Bytes handed to the connection at a time: the connection takes the next piece when its
  /// client has read enough of the last (NIO's write-buffer water marks).
  static let answerPiece = 64 << 10

  /// A labelling answer, written in pieces; a large one holds its bytes of ``answers`` until its
  /// last byte is handed to `channel`, its connection, which is when its client has read all
  /// but the last pieces (or reads none of it for `--idle-timeout` and its connection is closed).
  ///
  /// - Throws: ``APIError`` 503 `answers_pending` when the answer does not fit in what the
  ///   answers not yet read leave of the budget.
  func answer(_ body: ByteBuffer, contentType: String, lexiconVersion: String, channel: any Channel) throws -> Response {
    let length = body.readableBytes
    var held = 0
    guard let lease = answers.reserve(length, heldIfRefused: &held) else {
      var error = APIError(
        .serviceUnavailable, code: "answers_pending",
        message: "the answer (\(length) bytes) does not fit beside the \(held) bytes of answers other clients "
          + "have not read yet (the server holds at most \(answers.capacity), four times --max-answer)",
        hint: "retry in a few seconds; the budget frees as other clients read their answers")
      error.headers[.retryAfter] = "5"
      throw error
    }
    var headers: HTTPFields = [.contentType: contentType]
    headers[Self.lexiconVersionHeader] = lexiconVersion
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody(contentLength: length) { writer in
        defer { lease.release() }
        var body = body
        while body.readableBytes > 0, let piece = body.readSlice(length: min(Self.answerPiece, body.readableBytes)) {
          try await writer.write(piece)
          // The writer hands the piece to the event loop and waits only when it knows the
          // connection is full, which it learns once its writes have run there: without this
          // wait it took a whole answer into NIO's buffer before the first piece was written,
          // and the lease ended with nothing read. (Not after the last piece: a small answer
          // costs no extra hop.)
          if body.readableBytes > 0 { try await channel.eventLoop.submit {}.get() }
        }
        try await writer.finish(nil)
      })
  }

  static func encode(_ value: some Encodable) throws -> [UInt8] { try AnswerJSON.encode(value) }
}

/// `GET /v1/lexicon`'s answer: the lexicon summary, and which load of the server it is.
struct LexiconAnswer: Encodable {
  var summary: LexiconSummary
  var generation: Int
  var loadedAt: Date

  enum CodingKeys: String, CodingKey { case generation, loadedAt }

  func encode(to encoder: any Encoder) throws {
    try summary.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(generation, forKey: .generation)
    try container.encode(loadedAt.ISO8601Format(), forKey: .loadedAt)
  }
}
