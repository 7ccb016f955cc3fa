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
      // Two folders named two ways: which one was meant? (The positional one used to win silently.)
      if let directory, let option = lexicons.directory, directory != option {
        throw ValidationError("the lexicon folder is named twice, \(directory) and --lexicons \(option); give one of them")
      }
    }

    func run() throws {
      guard let format = DictionaryFormat(rawValue: format) else { return }
      // The positional folder is the program's argument; messages then name no option.
      let folder = directory.map { LexiconDirectory(path: $0, rule: .argument) } ?? lexicons.resolved
      let path = folder.path
      try Diagnostics.orExit {
        // Every file of the folder is read or may be (calibration.yaml, scope.yaml): none may be
        // replaced by the dictionary, whatever the spelling of -o (a link, ./, an absolute path).
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
          .map { (path as NSString).appendingPathComponent($0) }
        try OutputFile.refuseOverlap(outputs: [("-o", output)], inputs: files, inputName: "the lexicon folder's file")
      }
      // The whole folder, as tag reads it: the version printed is the one tag writes as
      // lexicon_version, and a folder lexicon check rejects is not exported.
      let model = try Diagnostics.orExit { try folder.loadModel { Diagnostics.warning($0.description) } }
      try Diagnostics.orExit {
        let set = model.lexicons
        let export = DictionaryExport(
          format: format, lexicons: set,
          hasScopeRules: FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("scope.yaml")),
          version: model.rulesVersion)
        let file = try OutputFile.file(output)
        try file.write(Array(export.text().utf8))
        try file.commit()
        for line in export.limitations { Diagnostics.print("govtag: \(format.rawValue) cannot carry \(line)") }
        let categories = set.dimensions.reduce(0) { $0 + $1.categories.count }
        Diagnostics.print(
          "govtag: wrote \(categories) categories, \(set.termCount) terms (lexicon version \(model.rulesVersion)) as \(format.rawValue) → \(output)"
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
        LIWC). Check the result with govtag lexicon check. An existing file is not replaced (a \
        curated lexicon would lose its weights, contexts, exclusions and comments) unless --force \
        is given.
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

    @Option(name: .shortAndLong, help: ArgumentHelp("The lexicon file to write (a new file).", valueName: "file"))
    var output: String

    @Flag(help: "Replace the -o file if it exists.")
    var force = false

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
        // A curated lexicon holds weights, contexts, exclusions and comments an import cannot
        // give back: replacing one takes an explicit --force.
        if !force, FileManager.default.fileExists(atPath: output) {
          throw GovTagError(
            .usage, "-o names an existing file, which the import would replace", at: SourceLocation(file: output),
            hint: "pass --force to replace it, or choose another path")
        }
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
