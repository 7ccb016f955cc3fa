import Foundation
import GovTagKit
import GovTagServer
import GovTagTestSupport
import HTTPTypes
import Testing

@Suite("Lexicon reload: new lexicons without downtime, bad ones refused")
struct ReloadTests {
  static let token = "0123456789abcdef-test-token"
  static let record = #"{"id":"a","text":"推进智慧城市建设"}"#

  /// A copy of the test lexicons that the test may edit.
  static func editableLexicons() throws -> URL {
    let folder = Fixtures.temporaryDirectory().appendingPathComponent("lexicons")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.lexiconDirectory), to: folder)
    return folder
  }

  static func addTerm(_ line: String, in folder: URL) throws {
    let file = folder.appendingPathComponent("capability.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "      营商环境: 3\n", with: "      营商环境: 3\n\(line)\n").write(
      to: file, atomically: true, encoding: .utf8)
  }

  @Test("POST /v1/admin/reload puts edited lexicons in place; the next answers carry the new version")
  func reloadsOverHTTP() async throws {
    let folder = try Self.editableLexicons()
    let server = try TestServer(lexicons: folder.path) { $0.adminToken = Self.token }
    let before = server.store.snapshot.govtag.lexiconVersion
    let first = try await server.test { client in try await client.send(.post, "/v1/tag", json: Self.record) }
    #expect(first.headers[lexiconVersionHeader] == before)
    #expect((try first.object()["labels"] as? [String: [String]])?["capability"] == [])

    try Self.addTerm("      智慧城市: 3", in: folder)
    let (reload, second, lexicon) = try await server.test { client in
      (
        try await client.send(.post, "/v1/admin/reload", contentType: nil, authorization: "Bearer \(Self.token)"),
        try await client.send(.post, "/v1/tag", json: Self.record),
        try await client.send(.get, "/v1/lexicon", contentType: nil)
      )
    }
    #expect(reload.status == .ok)
    let after = server.store.snapshot.govtag.lexiconVersion
    #expect(after != before)
    let answer = try reload.object()
    #expect(answer["status"] as? String == "reloaded")
    #expect(answer["previous_version"] as? String == before)
    #expect(answer["lexicon_version"] as? String == after)
    #expect(answer["generation"] as? Int == 2)
    #expect(second.headers[lexiconVersionHeader] == after)
    #expect((try second.object()["labels"] as? [String: [String]])?["capability"] == ["economic_regulation"])
    #expect(try lexicon.object()["generation"] as? Int == 2)
  }

  @Test("lexicons that do not load are refused with file and line, and the old ones stay")
  func refusesBrokenLexicons() async throws {
    let folder = try Self.editableLexicons()
    let server = try TestServer(lexicons: folder.path) { $0.adminToken = Self.token }
    let before = server.store.snapshot.govtag.lexiconVersion
    try Self.addTerm("      智慧城市: many", in: folder)
    let (reload, after) = try await server.test { client in
      (
        try await client.send(.post, "/v1/admin/reload", contentType: nil, authorization: "Bearer \(Self.token)"),
        try await client.send(.post, "/v1/tag", json: Self.record)
      )
    }
    #expect(reload.status == .unprocessableContent)
    let error = try #require(try reload.object()["error"] as? [String: Any])
    #expect(error["code"] as? String == "lexicons_refused")
    #expect(error["message"] as? String == "the lexicons in \(folder.path) do not load; the server keeps version \(before)")
    let problems = try #require(error["problems"] as? [String])
    #expect(problems.count == 1)
    #expect(
      problems.first?.hasSuffix(
        "capability.yaml:9:13: the weight of term \"智慧城市\" is not a number; write a number greater than 0 and at most 10")
        == true, "\(problems)")
    #expect(after.status == .ok)
    #expect(after.headers[lexiconVersionHeader] == before)
    #expect(server.store.snapshot.generation == 1)
  }

  @Test("after a lexicon edit the calibration is stale: the reload's warnings and GET /v1/lexicon say so")
  func staleCalibration() async throws {
    let folder = Fixtures.temporaryDirectory().appendingPathComponent("lexicons")
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("Lexicons"), to: folder)
    let server = try TestServer(lexicons: folder.path) { $0.adminToken = Self.token }
    let current = try await server.test { client in try await client.send(.get, "/v1/lexicon", contentType: nil) }
    #expect(try current.object()["calibrated"] as? Bool == true)
    #expect(try current.object()["calibration_stale"] as? Bool == false)
    #expect(try current.object()["calibration_warning"] == nil)

    let file = folder.appendingPathComponent("capability.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: "      营商环境: 3\n", with: "      营商环境: 3\n      热加载词条: 3\n").write(
      to: file, atomically: true, encoding: .utf8)
    let (reload, lexicon) = try await server.test { client in
      (
        try await client.send(.post, "/v1/admin/reload", contentType: nil, authorization: "Bearer \(Self.token)"),
        try await client.send(.get, "/v1/lexicon", contentType: nil)
      )
    }
    #expect(reload.status == .ok)
    let model = server.store.snapshot.govtag.model
    let calibration = try #require(model.calibration)
    let warning =
      "\(folder.path)/calibration.yaml was fitted against lexicon version \(calibration.lexiconVersion), but the lexicons are now \(model.lexiconRulesVersion) (both versions leave calibration.yaml out; with it, the lexicons are version \(model.rulesVersion)): the confidences, the labels of the categories labelled by confidence (data_element.data_market, traits.platform) and the review flags come from curves fitted to other lexicons until it is remade with the command on the `Made by` line at the top of the file"
    #expect(try reload.object()["warnings"] as? [String] == [warning])
    #expect(try lexicon.object()["calibrated"] as? Bool == true)
    #expect(try lexicon.object()["calibration_stale"] as? Bool == true)
    #expect(try lexicon.object()["calibration_warning"] as? String == warning)
  }

  @Test("reloading needs the admin token", arguments: [nil, "Bearer wrong-token-0000000000", "Basic \(token)"])
  func needsToken(_ authorization: String?) async throws {
    let server = try TestServer { $0.adminToken = Self.token }
    let answer = try await server.test { client in
      try await client.send(.post, "/v1/admin/reload", contentType: nil, authorization: authorization)
    }
    #expect(answer.status == .unauthorized)
    #expect(answer.headers[.wwwAuthenticate] == "Bearer")
    #expect(try answer.error().code == "unauthorized")
    #expect(server.store.snapshot.generation == 1)
  }

  @Test("a request holding the old lexicons finishes on them while a reload replaces them")
  func inFlightKeepsItsSnapshot() throws {
    let folder = try Self.editableLexicons()
    let store = try LexiconStore(lexicons: folder.path)
    let inFlight = store.snapshot
    try Self.addTerm("      智慧城市: 3", in: folder)
    guard case .reloaded(let from, let to, 2, []) = store.reload() else {
      Issue.record("the reload should succeed")
      return
    }
    #expect(from == inFlight.govtag.lexiconVersion)
    #expect(store.snapshot.govtag.lexiconVersion == to)
    let old = try inFlight.govtag.tag(text: "推进智慧城市建设")
    let new = try store.snapshot.govtag.tag(text: "推进智慧城市建设")
    #expect(old.labels["capability"] == [])
    #expect(new.labels["capability"] == ["economic_regulation"])
  }
}
