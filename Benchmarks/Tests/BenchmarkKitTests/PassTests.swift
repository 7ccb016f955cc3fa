import BenchmarkKit
@_spi(Benchmarking) import GovTagKit
import Testing

@Suite("Benchmark passes")
struct PassTests {
  /// Two texts whose ICU segmentation the main package documents:
  /// 坚持|财政|务实|管理 and 推进|人工|智能|和|数字|化|转型.
  static let texts = "坚持财政务实管理\n推进人工智能和数字化转型\n"

  @Test("the ICU pass counts texts, bytes and segments")
  func icuPass() throws {
    let result = try TestFiles.withFile(Self.texts) { try ICUPass().run(texts: $0, blockSize: 7) }
    #expect(result.pass == "icu")
    #expect(result.records == 2)
    #expect(result.textBytes == 60)
    #expect(result.segments == 11)
    #expect(result.labels == 0)
  }

  @Test("the ICU pass gives the same counts as segmenting each text alone")
  func icuPassMatchesWordBreaker() throws {
    let breaker = try ICUWordBreaker(locale: "zh")
    var expected = 0
    for text in ["杭州市推进政务服务一网通办", "深圳市南山区", "Data sharing 2024年"] {
      var bytes = Array(text.utf8)
      expected += try bytes.withUnsafeMutableBufferPointer { try breaker.countSegments(of: UnsafeBufferPointer($0)) }
    }
    let result = try TestFiles.withFile("杭州市推进政务服务一网通办\n深圳市南山区\nData sharing 2024年") {
      try ICUPass().run(texts: $0)
    }
    #expect(result.records == 3)
    #expect(result.segments == expected)
  }

  @Test("the core pass counts the labels and hits GovTag.explain gives with the fixture lexicons")
  func corePass() throws {
    let texts = "杭州市推进政务服务一网通办\n推进人工智能和物联网建设\n今天天气很好\n"
    let result = try TestFiles.withFile(texts) { try CorePass(lexiconDirectory: TestFiles.fixtureLexicons).run(texts: $0) }
    let govtag = try GovTag(lexicons: TestFiles.fixtureLexicons)
    var labels = 0
    var evidence = 0
    for text in ["杭州市推进政务服务一网通办", "推进人工智能和物联网建设", "今天天气很好"] {
      let record = try govtag.explain(text: text).record
      labels += record.labels.values.reduce(0) { $0 + $1.count }
      evidence += record.evidence.count
    }
    #expect(result.pass == "core")
    #expect(result.records == 3)
    #expect(result.textBytes == 93)
    #expect(result.labels == labels)
    #expect(result.evidence == evidence)
    #expect(result.labels == 3)
    #expect(result.evidence == 6)
  }

  @Test("the core pass names a missing lexicon folder and what to do")
  func coreMissingLexicons() {
    #expect {
      _ = try TestFiles.withFile("x\n") { try CorePass(lexiconDirectory: "/nonexistent/lexicons").run(texts: $0) }
    } throws: { error in
      let message = "\(error)"
      return message.hasPrefix("/nonexistent/lexicons: cannot read the lexicon directory: ")
        && message.hasSuffix("; pass the folder that holds the lexicon .yaml files")
    }
  }

  @Test("the ICU pass names a missing texts file")
  func icuMissingTexts() {
    #expect {
      _ = try ICUPass().run(texts: "/nonexistent/texts.txt")
    } throws: { error in
      "\(error)"
        == "/nonexistent/texts.txt: cannot open the texts file: No such file or directory; make the corpus first (Benchmarks/run.sh does) or check the path"
    }
  }

  @Test("the result is one JSON object")
  func json() {
    var result = PassResult(pass: "icu")
    result.records = 2
    result.textBytes = 3_000_000
    result.segments = 11
    result.setupSeconds = 0.25
    result.seconds = 1.5
    #expect(result.megabytesPerSecond == 2)
    #expect(
      result.json()
        == #"{"pass":"icu","records":2,"text_bytes":3000000,"segments":11,"labels":0,"evidence":0,"setup_seconds":0.25,"seconds":1.5,"mb_per_s":2}"#
    )
  }
}
