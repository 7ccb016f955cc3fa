/// An error in GovTag's input, configuration or environment, phrased for the person who can fix it.
///
/// The library throws this type, or ``GovTagErrors`` when one pass finds several problems (loading
/// lexicons reports every problem of every file at once): catch both. Its `description` is the
/// whole message as the command line
/// prints it: the location first, then what is wrong, then what to do, e.g.
///
///     Lexicons/capability.yaml:12:7: duplicate term "一网通办" in category public_service (first at line 4); remove one of them
///
/// `code` lets callers and tests tell kinds of error apart without matching on wording.
public struct GovTagError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of error. New kinds can be added without breaking callers.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    fileprivate enum Value: String {
      case lexicon, yaml, input, io, icu, usage, interrupted
    }
    fileprivate let value: Value

    /// A lexicon file is wrong: unknown id, duplicate or empty term, weight out of range…
    public static let lexicon = Code(value: .lexicon)
    /// A YAML file does not parse.
    public static let yaml = Code(value: .yaml)
    /// An input record is wrong: not JSON, no text, invalid UTF-8…
    public static let input = Code(value: .input)
    /// A file could not be read or written.
    public static let io = Code(value: .io)
    /// ICU failed (a missing data file, an out-of-memory condition).
    public static let icu = Code(value: .icu)
    /// The command was called with arguments that do not fit together.
    public static let usage = Code(value: .usage)
    /// The run was interrupted by a signal.
    public static let interrupted = Code(value: .interrupted)

    /// The kind's name: `lexicon`, `yaml`, `input`, `io`, `icu`, `usage` or `interrupted`.
    public var description: String { value.rawValue }
  }

  /// The kind of error.
  public var code: Code
  /// What is wrong, in one line, without the location.
  public var message: String
  /// Where the problem is, when it concerns a file.
  public var location: SourceLocation?
  /// What the user can do about it, when that is not obvious from the message.
  public var hint: String?
  /// What the failing step was working on, printed before everything else, e.g.
  /// `lexicons from GOVTAG_LEXICONS=/x` (see ``LexiconDirectory``): the location alone does not say
  /// why GovTag read that file.
  public var context: String?

  /// Creates an error.
  public init(_ code: Code, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
    self.code = code
    self.message = message
    self.location = location
    self.hint = hint
  }

  /// The whole message: context, location, what is wrong, then what to do.
  public var description: String {
    var text = ""
    if let context { text += "\(context): " }
    if let location { text += "\(location): " }
    text += message
    if let hint { text += "; \(hint)" }
    return text
  }
}

/// Several problems found in one pass, so that a user fixes them all at once rather than one per run.
public struct GovTagErrors: Error, Sendable, CustomStringConvertible {
  /// The problems, in file and line order.
  public var errors: [GovTagError]

  /// Creates the collection; `errors` should not be empty.
  public init(_ errors: [GovTagError]) { self.errors = errors }

  /// Every problem's message, one per line.
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
