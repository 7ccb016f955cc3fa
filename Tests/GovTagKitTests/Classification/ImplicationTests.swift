import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Implied categories: a category another dimension's labels assign (implied_by:)")
struct ImplicationTests {
  static let technology = """
    dimension: technology
    categories:
      ai:
        terms:
          人工智能: 4
      iot:
        terms:
          物联网: 4
    """

  static let innovation = """
    dimension: innovation
    categories:
      technology:
        threshold: 2
        implied_by: technology
        terms:
          技术创新: 4
      management:
        threshold: 2
        terms:
          流程再造: 3
    """

  static func tagger(innovation: String = Self.innovation) throws -> Tagger {
    let loader = LexiconLoader()
    let dimensions = [
      try loader.parse(innovation, file: "innovation.yaml"), try loader.parse(Self.technology, file: "technology.yaml"),
    ]
    return try Tagger(model: ClassifierModel(lexicons: LexiconSet(dimensions: dimensions)))
  }

  static func score(_ result: Classification, _ category: String) throws -> Classification.CategoryScore {
    try #require(result.dimensions.first { $0.dimension == "innovation" }?.scores.first { $0.category == category })
  }

  @Test("a technology label assigns innovation.technology without the word 技术创新, and says which")
  func impliedByTechnology() throws {
    let result = try Self.tagger().classify(title: nil, text: "市公安局利用人工智能和物联网自动发现占道经营")
    #expect(result.labels("technology") == ["ai", "iot"])
    #expect(result.labels("innovation") == ["technology"])
    let technology = try Self.score(result, "technology")
    #expect(technology.score == 0)
    #expect(technology.assigned)
    #expect(technology.impliedBy == ["technology.ai", "technology.iot"])
    // The other category is decided by its own terms only.
    #expect(try Self.score(result, "management").impliedBy == [])
  }

  @Test("without a technology label nothing is implied, and the category's own terms still count")
  func notImplied() throws {
    let tagger = try Self.tagger()
    let plain = try tagger.classify(title: nil, text: "推进流程再造，减少办事环节")
    #expect(plain.labels("technology") == [])
    #expect(plain.labels("innovation") == ["management"])
    #expect(try Self.score(plain, "technology").assigned == false)
    let own = try tagger.classify(title: nil, text: "以技术创新推动流程再造")
    #expect(own.labels("innovation") == ["technology", "management"])
    #expect(try Self.score(own, "technology").impliedBy == [])
  }

  @Test("labelled records list implied categories under implied, and explain names the source")
  func writtenAndExplained() throws {
    let tagger = try Self.tagger()
    let text = "利用人工智能识别违章"
    let result = try tagger.classify(title: nil, text: text)
    let writer = LabelledRecordWriter(lexiconVersion: "v", dimensions: ["innovation", "technology"], evidenceDetail: .none)
    var json = JSONWriter()
    writer.write(
      Document(id: "r1", title: nil, text: text, fields: ["id": .string("r1"), "text": .string(text)]), result, to: &json)
    let line = String(decoding: json.bytes, as: UTF8.self)
    #expect(
      line.contains(
        #""scores":{"innovation":{},"technology":{"ai":4}},"implied":{"innovation":{"technology":["technology.ai"]}},"location""#)
    )
    let explanation = ExplainRenderer(model: tagger.model).render(title: nil, text: text, classification: result)
    #expect(explanation.contains("✓ innovation.technology"))
    #expect(explanation.contains("implied by technology.ai"))
    // Without implications the record has no implied field at all (older lexicons keep their bytes).
    let plain = try tagger.classify(title: nil, text: "推进流程再造")
    var plainJSON = JSONWriter()
    writer.write(Document(id: "r2", title: nil, text: "推进流程再造", fields: ["id": .string("r2")]), plain, to: &plainJSON)
    #expect(!String(decoding: plainJSON.bytes, as: UTF8.self).contains("implied"))
  }

  @Test("implied_by: {technology: [iot]} lets only the listed categories imply it")
  func listedCategoriesOnly() throws {
    let restricted = Self.innovation.replacingOccurrences(
      of: "implied_by: technology", with: "implied_by:\n        technology: [iot]")
    let tagger = try Self.tagger(innovation: restricted)
    let aiOnly = try tagger.classify(title: nil, text: "利用人工智能识别违章")
    #expect(aiOnly.labels("technology") == ["ai"])
    #expect(aiOnly.labels("innovation") == [])
    #expect(try Self.score(aiOnly, "technology").impliedBy == [])
    let both = try tagger.classify(title: nil, text: "市公安局利用人工智能和物联网自动发现占道经营")
    #expect(both.labels("innovation") == ["technology"])
    #expect(try Self.score(both, "technology").impliedBy == ["technology.iot"])
  }

  @Test("implied_when_alone: the implication applies only when no other category of the dimension is assigned")
  func impliedWhenAlone() throws {
    let alone = Self.innovation.replacingOccurrences(
      of: "implied_by: technology\n", with: "implied_by: technology\n    implied_when_alone: true\n")
    let tagger = try Self.tagger(innovation: alone)
    let only = try tagger.classify(title: nil, text: "市公安局利用人工智能识别违章")
    #expect(only.labels("innovation") == ["technology"])
    #expect(try Self.score(only, "technology").impliedBy == ["technology.ai"])
    // Another innovation of its own: the implication stays out.
    let other = try tagger.classify(title: nil, text: "市公安局利用人工智能识别违章，推进流程再造")
    #expect(other.labels("innovation") == ["management"])
    #expect(try Self.score(other, "technology").impliedBy == [])
    // It changes the lexicon version, and needs an implied_by to qualify and a true or false.
    let loader = LexiconLoader()
    let technology = try loader.parse(Self.technology, file: "technology.yaml")
    #expect(
      LexiconSet(dimensions: [try loader.parse(alone, file: "i.yaml"), technology]).version
        != LexiconSet(dimensions: [try loader.parse(Self.innovation, file: "i.yaml"), technology]).version)
    for (yaml, message) in [
      (
        alone.replacingOccurrences(of: "implied_when_alone: true", with: "implied_when_alone: often"),
        "innovation.yaml:6:25: implied_when_alone of category technology must be true or false, not \"often\"; write implied_when_alone: true"
      ),
      (
        Self.innovation.replacingOccurrences(
          of: "    terms:\n      流程再造", with: "    implied_when_alone: true\n    terms:\n      流程再造"),
        "innovation.yaml:10:25: implied_when_alone of category management has no implied_by to qualify; add implied_by: {DIMENSION: [CATEGORY, ...]}, or remove implied_when_alone"
      ),
    ] {
      do {
        _ = try loader.parse(yaml, file: "innovation.yaml")
        Issue.record("\(yaml) must be rejected")
      } catch let errors as GovTagErrors {
        #expect(errors.description == message)
      }
    }
  }

  @Test(
    "implied_by must name another dimension, and only categories of it (at least one)",
    arguments: [
      (
        "implied_by: innovation",
        "innovation.yaml:5:17: implied_by of category technology must name another dimension, not \"innovation\"; use one of capability, data_element, traits, technology"
      ),
      (
        "implied_by: gadgets",
        "innovation.yaml:5:17: implied_by of category technology must name another dimension, not \"gadgets\"; use one of capability, data_element, traits, technology"
      ),
      (
        "implied_by:\n        technology: [iot, robots]",
        "innovation.yaml:6:27: implied_by of category technology names \"robots\", which is no category of technology; use some of big_data, cloud, ai, blockchain, iot, digital_twin, gis, video"
      ),
      (
        "implied_by:\n        technology: [iot]\n        data_element: [data_application]",
        "innovation.yaml:6:9: implied_by of category technology names 2 dimensions (technology, data_element); it takes one; keep one of them, e.g. implied_by: technology"
      ),
      (
        "implied_by: [technology, data_element]",
        "innovation.yaml:5:17: implied_by of category technology must name another dimension, not a list or an empty value; use one of capability, data_element, traits, technology"
      ),
      (
        "implied_by:\n        technology: []",
        "innovation.yaml:6:21: implied_by of category technology lists no category of technology; list the categories that imply it, or write implied_by: technology for all of them"
      ),
    ])
  func invalidSource(line: String, message: String) throws {
    let yaml = Self.innovation.replacingOccurrences(of: "implied_by: technology", with: line)
    do {
      _ = try LexiconLoader().parse(yaml, file: "innovation.yaml")
      Issue.record("\(line) must be rejected")
    } catch let errors as GovTagErrors {
      #expect(errors.description == message)
    }
  }

  @Test("a lexicon folder must hold the implying dimension, and it must not be implied itself")
  func folderChecks() throws {
    let folder = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let innovation = folder.appendingPathComponent("innovation.yaml")
    try Self.innovation.write(to: innovation, atomically: true, encoding: .utf8)
    do {
      _ = try LexiconLoader().load(directory: folder.path)
      Issue.record("a missing technology.yaml must be reported")
    } catch let errors as GovTagErrors {
      #expect(
        errors.description
          == "\(innovation.path):5:17: category technology is implied_by technology, but no lexicon file defines dimension technology; add technology.yaml to the lexicon folder, or remove implied_by"
      )
    }
    let chained = Self.technology.replacingOccurrences(of: "  ai:\n", with: "  ai:\n    implied_by: traits\n")
    let technology = folder.appendingPathComponent("technology.yaml")
    try chained.write(to: technology, atomically: true, encoding: .utf8)
    try "dimension: traits\ncategories:\n  platform:\n    terms:\n      平台: 3\n".write(
      to: folder.appendingPathComponent("traits.yaml"), atomically: true, encoding: .utf8)
    do {
      _ = try LexiconLoader().load(directory: folder.path)
      Issue.record("a chain of implications must be reported")
    } catch let errors as GovTagErrors {
      #expect(
        errors.description
          == "\(innovation.path):5:17: category technology is implied_by technology, whose own categories are implied by another dimension; imply from a dimension that is decided by its own terms only"
      )
    }
  }

  @Test("implied_by changes the lexicon version; lexicons without it keep the version they had before the key existed")
  func version() throws {
    let without = Self.innovation.replacingOccurrences(of: "    implied_by: technology\n", with: "")
    let loader = LexiconLoader()
    let technology = try loader.parse(Self.technology, file: "technology.yaml")
    let with = LexiconSet(dimensions: [try loader.parse(Self.innovation, file: "i.yaml"), technology]).version
    let plain = LexiconSet(dimensions: [try loader.parse(without, file: "i.yaml"), technology])
    #expect(with != plain.version)
    // The lexicon version of these two files before implied_by existed (commit 3ae7d7b; there,
    // `govtag lexicon check` of a folder of them printed the rules version e1b73f552f75d55a, which
    // commit b8aec98 reproduced from this lexicon version).
    #expect(plain.version == "bcc04f87405d8c73")
  }
}
