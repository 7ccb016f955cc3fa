import ArgumentParser
import Foundation
import GovTagKit

extension Lexicon {
  /// `govtag lexicon export`: the lexicons as a LIWC, quanteda, cntext or jieba dictionary.
  struct ExportDictionary: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Write the lexicons as a LIWC .dic, a quanteda or cntext YAML dictionary, or a jieba user dictionary.",
      discussion: """
        Categories are named dimension.category (capability.public_service). A match: substring \
        term is written term* in LIWC and *term* in quanteda. What the format cannot carry \
        (weights and thresholds, near/context rules, exclusions, scope rules, implied categories) \
        is listed on standard error, one line each, so that nothing is lost without a word. The \
        jieba dictionary holds every term once with frequency 100000 and tag nz, so that jieba \
        keeps the domain terms whole.
        """
    )

    @Option(help: "liwc, quanteda, cntext or jieba.")
    var format: String

    @Argument(help: "The lexicon folder (default: --lexicons, $GOVTAG_LEXICONS, …).")
    var directory: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The dictionary file.", valueName: "file"))
    var output: String

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
      if DictionaryFormat(rawValue: format) == nil { throw ValidationError("--format: use liwc, quanteda, cntext or jieba") }
    }

    func run() throws {
      guard let format = DictionaryFormat(rawValue: format) else { return }
      let path = directory ?? lexicons.resolved.path
      try Diagnostics.orExit {
        let set = try LexiconLoader(names: .commandLine).load(directory: path)
        let export = DictionaryExport(
          format: format, lexicons: set,
          hasScopeRules: FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("scope.yaml")))
        let file = try OutputFile.file(output)
        try file.write(Array(export.text().utf8))
        try file.commit()
        for line in export.limitations { Diagnostics.print("govtag: \(format.rawValue) cannot carry \(line)") }
        let categories = set.dimensions.reduce(0) { $0 + $1.categories.count }
        Diagnostics.print(
          "govtag: wrote \(categories) categories, \(set.termCount) terms (lexicons \(set.version)) as \(format.rawValue) → \(output)"
        )
      }
    }
  }

  /// `govtag lexicon import`: a LIWC or quanteda dictionary as one dimension's lexicon file.
  struct ImportDictionary: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract:
        "Turn a LIWC .dic or a quanteda YAML dictionary into one dimension's lexicon file, every term with a default weight.",
      discussion: """
        A dictionary category must name a category of --dimension: its id (public_service), \
        dimension.id (as govtag lexicon export writes it) or its Chinese name (公共服务); categories \
        of other dimensions (technology.ai) are left out and counted. term* and *term* become \
        match: substring. A term under two categories is kept under the first. Every term weighs \
        --weight (default 3, the default threshold: one hit labels a case, as one hit counts in \
        LIWC). Check the result with govtag lexicon check.
        """
    )

    @Option(help: "liwc or quanteda.")
    var format: String

    @Argument(help: "The dictionary file.")
    var input: String

    @Option(help: "The taxonomy dimension the dictionary's categories belong to (capability, technology, …).")
    var dimension: String

    @Option(help: "The weight of every term, in (0, 10].")
    var weight: Double = 3

    @Option(name: .shortAndLong, help: ArgumentHelp("The lexicon file to write (Lexicons/NAME.yaml).", valueName: "file"))
    var output: String

    func validate() throws {
      if !(DictionaryFormat(rawValue: format)?.canImport ?? false) {
        throw ValidationError("--format: govtag lexicon import reads liwc and quanteda")
      }
      if Taxonomy.standard.dimension(dimension) == nil {
        throw ValidationError("--dimension: use one of \(Taxonomy.standard.dimensions.map(\.id).joined(separator: ", "))")
      }
      if !(weight > 0 && weight <= 10) { throw ValidationError("--weight must lie in (0, 10]") }
    }

    func run() throws {
      guard let target = Taxonomy.standard.dimension(dimension), let format = DictionaryFormat(rawValue: format) else { return }
      try Diagnostics.orExit {
        try OutputFile.refuseOverlap(outputs: [("-o", output)], inputs: [input])
        guard let data = FileManager.default.contents(atPath: input) else {
          throw GovTagError(.io, "cannot read the dictionary", at: SourceLocation(file: input), hint: "check the path")
        }
        let imported = try DictionaryImport.read(
          String(decoding: data, as: UTF8.self), format: format, file: input, dimension: target, names: .commandLine)
        for note in imported.notes { Diagnostics.print("govtag: \(input): \(note)") }
        let file = try OutputFile.file(output)
        try file.write(
          Array(
            imported.yaml(
              dimension: target, weight: weight, source: "\((input as NSString).lastPathComponent) (\(format.rawValue))"
            ).utf8))
        try file.commit()
        let terms = imported.categories.reduce(0) { $0 + $1.terms.count }
        Diagnostics.print(
          "govtag: wrote \(dimension): \(imported.categories.count) categories, \(terms) terms → \(output); check it with govtag lexicon check"
        )
      }
    }
  }
}
