import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// The grammar words of `scope.yaml` (将, 要, 的, 要求 after 会议, 即) and `plan_without_will`:
/// loaded and checked with the rest of the scope file, and read by the rules.
@Suite("Scope grammar words")
struct ScopeGrammarTests {
  /// A good scope file: each line one key, so that a case can replace a line by its number.
  static let lines = [
    "plan: [下一步, 计划]",
    "negation_stops_at: [即]",
    "will: {word: 将, prefixes: [还, 也]}",
    "must: {word: 要, not_after: [重, 主, 需, 只, 必], not_before: [求, 点]}",
    "speech_not_after: [的]",
    "meeting_demand: {word: 要求, after: [会议, 会上]}",
  ]

  /// The good file with line `number` (1-based) replaced, or with `line` added after the last.
  static func file(_ number: Int, _ line: String) -> String {
    var lines = Self.lines
    if number > lines.count { lines.append(line) } else { lines[number - 1] = line }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test("the bundled scope.yaml has every grammar word, and 下一步 and 下步 govern a sentence alone")
  func bundled() throws {
    let rules = try #require(try ScopeRules.load(directory: Fixtures.repository.appendingPathComponent("Lexicons").path))
    let grammar = rules.grammar
    #expect(grammar.will == "将")
    #expect(grammar.willPrefixes == ["还", "也"])
    #expect(grammar.must == "要")
    #expect(grammar.mustNotAfter == ["重", "主", "需", "只", "必"])
    #expect(grammar.mustNotBefore == ["求", "点"])
    #expect(grammar.speechNotAfter == ["的"])
    #expect(grammar.meetingDemand == "要求")
    #expect(grammar.meetings == ["会议", "会上"])
    #expect(grammar.negationStopsAt == ["即"])
    #expect(rules.planWithoutWill == ["下一步", "下步"])
  }

  @Test("a good file loads, and an empty list is allowed")
  func goodFile() throws {
    let rules = try ScopeRules.parse(Self.file(7, "plan_without_will: [下一步]"), file: "scope.yaml")
    #expect(rules.planWithoutWill == ["下一步"])
    #expect(rules.grammar.meetings == ["会议", "会上"])
    let empty = try ScopeRules.parse(Self.file(2, "negation_stops_at: []"), file: "scope.yaml")
    #expect(empty.grammar.negationStopsAt == [])
    #expect(empty.planWithoutWill == [])
  }

  @Test("a scope file without the grammar words fails, naming each key with the line to add")
  func missingKeys() {
    do {
      _ = try ScopeRules.parse("plan: [下一步]\n", file: "scope.yaml")
      Issue.record("a scope file without the grammar words must fail")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          #"scope.yaml:1: missing "negation_stops_at:" in the scope file (the words that stop a negation's reach); add it, e.g. negation_stops_at: [即]"#,
          #"scope.yaml:1: missing "will:" in the scope file (the word that says "will" after a plan or speech cue); add it, e.g. will: {word: 将, prefixes: [还, 也]}"#,
          #"scope.yaml:1: missing "must:" in the scope file (the word that says "must" in what a speech cue reports); add it, e.g. must: {word: 要, not_after: [重, 主, 需, 只, 必], not_before: [求, 点]}"#,
          #"scope.yaml:1: missing "speech_not_after:" in the scope file (the characters that make a noun of a speech cue after them); add it, e.g. speech_not_after: [的]"#,
          #"scope.yaml:1: missing "meeting_demand:" in the scope file (the speech cue of a meeting's demand, which needs no comma); add it, e.g. meeting_demand: {word: 要求, after: [会议, 会上]}"#,
        ])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  /// A bad line and the one message it must give.
  struct BadLine: Sendable, CustomStringConvertible {
    var description: String
    var line: Int
    var text: String
    var message: String
  }

  static let badLines = [
    BadLine(
      description: "a single value where a mapping is expected", line: 3, text: "will: 将",
      message:
        #"scope.yaml:3:7: will must be a mapping of word, prefixes, found the single value "将"; e.g. will: {word: 将, prefixes: [还, 也]}"#
    ),
    BadLine(
      description: "a missing key of a mapping", line: 3, text: "will: {word: 将}",
      message: #"scope.yaml:3:7: missing "prefixes:" in will; e.g. will: {word: 将, prefixes: [还, 也]}"#),
    BadLine(
      description: "an unknown key of a mapping", line: 6, text: "meeting_demand: {word: 要求, before: [会议]}",
      message: #"scope.yaml:6:28: unknown key "before" in meeting_demand; expected word, after"#),
    BadLine(
      description: "an empty word", line: 3, text: #"will: {word: "", prefixes: [还, 也]}"#,
      message: #"scope.yaml:3:14: empty word in will.word; e.g. will: {word: 将, prefixes: [还, 也]}"#),
    BadLine(
      description: "a list where one word is expected", line: 3, text: "will: {word: [将], prefixes: [还, 也]}",
      message:
        #"scope.yaml:3:14: will.word must be a single word, found a list or mapping; e.g. will: {word: 将, prefixes: [还, 也]}"#),
    BadLine(
      description: "two characters where one is required (word)", line: 3, text: "will: {word: 将会, prefixes: [还, 也]}",
      message:
        #"scope.yaml:3:14: will.word takes one character, found "将会": the rule compares a single character here; write one character, e.g. will: {word: 将, prefixes: [还, 也]}"#
    ),
    BadLine(
      description: "two characters where one is required (list)", line: 4,
      text: "must: {word: 要, not_after: [重要, 主, 需, 只, 必], not_before: [求, 点]}",
      message:
        #"scope.yaml:4:29: must.not_after takes one character, found "重要": the rule compares a single character here; write one character, e.g. must: {word: 要, not_after: [重, 主, 需, 只, 必], not_before: [求, 点]}"#
    ),
    BadLine(
      description: "a word that folding changes", line: 3, text: "will: {word: 將, prefixes: [还, 也]}",
      message:
        #"scope.yaml:3:14: will.word "將" can never match: texts are folded to simplified characters and half-width forms before matching; write "将""#
    ),
    BadLine(
      description: "a word listed twice", line: 2, text: "negation_stops_at: [即, 即]",
      message: #"scope.yaml:2:24: negation_stops_at lists "即" twice; remove one"#),
    BadLine(
      description: "a single value where a list is expected", line: 5, text: "speech_not_after: 的",
      message:
        #"scope.yaml:5:19: speech_not_after must be a list, found the single value "的"; write it as a list, e.g. speech_not_after: [的]"#
    ),
    BadLine(
      description: "a plan_without_will word that is no plan cue", line: 7, text: "plan_without_will: [下一步, 今后]",
      message: #"scope.yaml:7:26: plan_without_will names "今后", which is not a cue of plan:; add it to plan: or remove it here"#),
  ]

  @Test("each bad grammar line gives its one message", arguments: badLines)
  func badLine(_ bad: BadLine) {
    do {
      _ = try ScopeRules.parse(Self.file(bad.line, bad.text), file: "scope.yaml")
      Issue.record("must fail")
    } catch let errors as GovTagErrors {
      #expect(errors.errors.map(\.description) == [bad.message])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  /// A tagger with one trait term (网格) and the scope file `scope`.
  static func tagger(_ scope: String) throws -> Tagger {
    let traits = try LexiconLoader().parse(
      "dimension: traits\ncategories:\n  grassroots:\n    terms:\n      网格: 3\n", file: "traits.yaml")
    return try Tagger(
      model: ClassifierModel(lexicons: LexiconSet(dimensions: [traits]), scope: try ScopeRules.parse(scope, file: "scope.yaml")))
  }

  /// The statuses of the hits of 网格 in `text`.
  static func statuses(_ tagger: Tagger, _ text: String) throws -> [Evidence.Status] {
    try tagger.hits(in: text).filter { $0.term == "网格" }.map(\.status)
  }

  @Test("the rules read the words of the file: a negation stops at negation_stops_at, a plan cue of plan_without_will needs no 将")
  func rulesReadTheFile() throws {
    let negation = "negation: [未]\n"
    let stops = try Self.tagger(negation + Self.file(2, "negation_stops_at: [即]"))
    let reaches = try Self.tagger(negation + Self.file(2, "negation_stops_at: []"))
    let condition = "超过时限未受理即自动推行网格管理"
    #expect(try Self.statuses(stops, condition) == [.counted])
    #expect(try Self.statuses(reaches, condition) == [.negated(cue: "未")])
    let alone = try Self.tagger(Self.file(7, "plan_without_will: [下一步]"))
    let withWill = try Self.tagger(Self.file(7, "plan_without_will: []"))
    let plan = "全区完成试点，下一步建设平台，推行网格管理"
    #expect(try Self.statuses(alone, plan) == [.plannedPart(cue: "下一步")])
    #expect(try Self.statuses(withWill, plan) == [.counted])
  }

  /// A tagger whose scope file lists `speech` cues and has line `number` of the good file replaced.
  static func speechTagger(_ speech: String, _ number: Int, _ line: String) throws -> Tagger {
    try Self.tagger("speech: [\(speech)]\n" + Self.file(number, line))
  }

  @Test(
    "the other words are read from the file too: will's prefixes, must's neighbours, speech_not_after, a meeting of three characters",
    arguments: [
      // (text, speech cues, line replaced, the replacement, status with the line as given, status with the bundled line)
      (
        "常务会要求各地推行网格管理", "要求", 6, "meeting_demand: {word: 要求, after: [常务会]}",
        Evidence.Status.plannedPart(cue: "要求"), Evidence.Status.counted
      ),
      ("负责人表示，也将推行网格管理", "表示, 要求", 3, "will: {word: 将, prefixes: [还]}", .counted, .plannedPart(cue: "表示，也将")),
      (
        "会议指出，需要推行网格管理", "指出, 要求", 4, "must: {word: 要, not_after: [重, 主, 只, 必], not_before: [求, 点]}",
        .plannedPart(cue: "指出，需要"), .counted
      ),
      ("为落实会议的要求，将推行网格管理", "要求", 5, "speech_not_after: []", .plannedPart(cue: "要求，将"), .counted),
    ])
  func otherWordsReadTheFile(
    _ text: String, _ speech: String, _ number: Int, _ line: String, _ asGiven: Evidence.Status, _ bundled: Evidence.Status
  ) throws {
    #expect(try Self.statuses(Self.speechTagger(speech, number, line), text) == [asGiven])
    #expect(try Self.statuses(Self.speechTagger(speech, number, Self.lines[number - 1]), text) == [bundled])
  }

  @Test("a negation stop of two characters stops the negation where it stands")
  func twoCharacterStop() throws {
    let negation = "negation: [未]\n"
    let stops = try Self.tagger(negation + Self.file(2, "negation_stops_at: [然后]"))
    #expect(try Self.statuses(stops, "超过时限未受理然后自动推行网格管理") == [.counted])
    #expect(try Self.statuses(stops, "超过时限未受理即自动推行网格管理") == [.negated(cue: "未")])
  }

  @Test("a meeting's word that ends no speech cue is refused, naming the line")
  func meetingWordEndsNoSpeechCue() {
    do {
      _ = try ScopeRules.parse("speech: [表示]\n" + Self.file(6, "meeting_demand: {word: 部署, after: [会议]}"), file: "scope.yaml")
      Issue.record("must fail")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          #"scope.yaml:7:24: meeting_demand.word "部署" ends no cue of speech:, so the rule would never apply; add a speech cue that ends with it, or change the word"#
        ])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
