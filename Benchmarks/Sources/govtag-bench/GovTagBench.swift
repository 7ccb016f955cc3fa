import ArgumentParser
import BenchmarkKit
import Foundation
import GovTagKit

/// `govtag-bench`: the in-process passes of GovTag's benchmark. `Benchmarks/run.sh` runs it.
@main
struct GovTagBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "govtag-bench",
    abstract: "Time ICU segmentation alone (icu) and GovTag's classifier without JSON (core) over a texts file.",
    discussion: """
      The texts file has one text per line, as make-corpus.py --texts writes it. Each pass prints \
      one JSON object on standard output: {"pass", "records", "text_bytes", "segments", "labels", \
      "evidence", "setup_seconds", "seconds", "mb_per_s"}. Exit status: 0 success; 2 a fatal \
      error (missing file, lexicons, ICU); 64 usage.
      """,
    subcommands: [ICU.self, Core.self]
  )
}

/// Runs `body` and prints its JSON; on a GovTag error prints `govtag-bench: error: …` and exits 2.
func report(_ body: () throws -> PassResult) throws {
  do {
    print(try body().json())
  } catch let errors as GovTagErrors {
    for error in errors.errors { printError(error.description) }
    throw ExitCode(2)
  } catch let error as GovTagError {
    printError(error.description)
    throw ExitCode(2)
  }
}

/// Writes `govtag-bench: error: MESSAGE` on standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data("govtag-bench: error: \(message)\n".utf8))
}

extension GovTagBench {
  /// `govtag-bench icu TEXTS`: the ICU word-break floor.
  struct ICU: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count ICU word-break segments of every text (the same C shim as govtag, nothing else).")

    @Argument(help: "The texts file: one text per line.")
    var texts: String

    @Option(help: "The ICU locale.")
    var locale = "zh"

    func run() throws { try report { try ICUPass(locale: locale).run(texts: texts) } }
  }

  /// `govtag-bench core TEXTS --lexicons DIR`: classification without JSON.
  struct Core: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Classify every text with Tagger.classify(title:text:) on one thread, without JSON.")

    @Argument(help: "The texts file: one text per line.")
    var texts: String

    @Option(help: "The folder of lexicon files (with gazetteer.yaml and scope.yaml).")
    var lexicons = "Lexicons"

    func run() throws { try report { try CorePass(lexiconDirectory: lexicons).run(texts: texts) } }
  }
}
