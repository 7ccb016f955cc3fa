/// One hit of a lexicon term in a document: what fired, where, and whether it counted.
///
/// Offsets are Unicode code point offsets into the field as given in the input, so that
/// `Array(field.unicodeScalars)[start..<end]` is `match` in any language's string API that
/// counts code points (Python's `str`, for instance).
package struct Evidence: Sendable, Hashable {
  /// The input field a hit lies in.
  package typealias Field = DocumentField

  /// Whether the hit counted toward its category's score, and if not, why.
  package enum Status: Sendable, Hashable {
    /// The hit counted.
    case counted
    /// The hit starts or ends inside an ICU word (政务 in 财政|务实): not counted.
    case crossesWordBoundary
    /// The hit lies inside an occurrence of one of its category's exclusion phrases.
    case excluded(phrase: String)
    /// The hit lies inside a longer hit of the same category (通办 inside 一网通办), which
    /// already counts for it.
    case insideLongerTerm(term: String)
    /// A negation cue stands before the hit in its clause (尚未实现数据共享).
    case negated(cue: String)
    /// A plan cue stands before the hit in its clause (下一步将建设数据交易所).
    case planned(cue: String)
    /// The hit's sentence opens with a plan cue and a comma (下一步，…), or its section is headed
    /// by one (四、下一步), or its sentence says afterwards that it is not done yet (但这些尚在酝酿
    /// 之中): the whole sentence or section is a plan. Not counted.
    case plannedPart(cue: String)
    /// The term needs a context (`near:`) that the hit's sentence lacks: 管理办法 in a sentence
    /// that says nothing about data is no data standard. Not counted.
    case missingContext(context: String)
    /// The hit lies inside a quoted document title 《…》 that the case cites (依据《…》): not counted.
    case citedTitle(cue: String)
    /// The hit lies inside a quoted document title 《…》 with no cue saying whether the case made
    /// or cites it: counted at ``ClassifierConfiguration/quotedTitleFactor`` of its weight.
    case inQuotedTitle
    /// An aim or benefit cue stands before the hit in its clause (助力基层治理现代化): the text
    /// names what the case serves, not what it does. Not counted.
    case aim(cue: String)
    /// The hit lies in the aims that open a purpose sentence (为深入推进…，推动…融合，以数据赋能…，
    /// 助力…): the text names what the case serves, not what it does. Not counted.
    case purpose(cue: String)
    /// The hit's sentence opens with a background cue (近年来，全市…): it mostly sets the scene.
    /// Counted at ``ClassifierConfiguration/backgroundFactor`` of its weight.
    case background(cue: String)
    /// The hit lies in a background sentence, and no hit of its category outside the background
    /// says that the case itself does it (近年来，…推动公共数据共享开放 in a case about service
    /// halls): the scene names the category, the case does not. Not counted.
    case backgroundAlone(cue: String)
    /// The hit is one item of an enumeration that spans several categories of its dimension
    /// (推动大数据、云计算、人工智能与政务深度融合): a list of trends or fields, not the case's own
    /// work. Not counted.
    case listed(categories: Int)
    /// The hit is one item of a 、-list of departments (统计、公安、卫健三个部门; 与水利、气象、城管等部门):
    /// it names who takes part, not what the case is about. Not counted.
    case department
    /// The hit sits in a frame that names a field of a survey, a benefit, a source, a problem, a
    /// slogan or where a dispatch goes (在基层治理方面, 为基层减负, 来自…渠道, 针对…问题, 打造…样板,
    /// 推送…属地街道和应急管理部门), not the case's own work. Not counted.
    case framed(frame: String)
    /// The hit stands before the sentence of a focus cue (本文关注的是, 在此背景下), which says
    /// what the case is: the text before it sets the scene. Not counted.
    case setting(cue: String)
    /// The hit, of a category that says `counts_in_rules: false`, lies in a quoted document title
    /// or in what a document provides (《办法》明确，…): a rule on data sharing is a data standard,
    /// not sharing the case does. Not counted.
    case provision

    /// Whether the hit counts in full (``counted``). A pattern match, not `== .counted`, for a
    /// status read in place (a record's writer asks it of every hit): the synthesised `==` goes
    /// through the `Equatable` witness and copies both statuses. (On a hit of an array, as the
    /// rules have them, `== .counted` costs less: the getter copies the hit.)
    package var isCounted: Bool {
      if case .counted = self { true } else { false }
    }

    /// Whether labelled records list the hit by default: all but near misses (a hit across a
    /// word boundary, or inside a longer term of its category), which `--evidence all` adds.
    package var isReportedByDefault: Bool {
      switch self {
      case .crossesWordBoundary, .insideLongerTerm: false
      default: true
      }
    }

    /// Whether the hit adds to its category's score (in full, or in part for a quoted title).
    package var counts: Bool {
      switch self {
      case .counted, .inQuotedTitle, .background: true
      default: false
      }
    }

    /// A short machine-readable name: `counted`, `crosses_word_boundary`, `excluded`.
    package var code: String {
      switch self {
      case .counted: "counted"
      case .crossesWordBoundary: "crosses_word_boundary"
      case .excluded: "excluded"
      case .insideLongerTerm: "inside_longer_term"
      case .negated: "negated"
      case .planned, .plannedPart: "planned"
      case .missingContext: "missing_context"
      case .citedTitle: "cited_title"
      case .inQuotedTitle: "quoted_title"
      case .aim, .purpose: "aim"
      case .background, .backgroundAlone: "background"
      case .listed, .department: "listed"
      case .framed: "framed"
      case .setting: "setting"
      case .provision: "provision"
      }
    }

    /// A sentence for people, or `nil` for counted hits.
    package var explanation: String? {
      guard let (lead, detail, tail) = explanationParts else { return nil }
      return lead.description + detail + tail.description
    }

    /// ``explanation`` in its three parts (fixed text, the cue or count that varies, fixed
    /// text), or `nil` for counted hits. A record's writer copies the parts straight into its
    /// output: building the sentence as a `String` for each of the thousands of hits in a
    /// megabyte of text cost more than writing the rest of the hit.
    package var explanationParts: (lead: StaticString, detail: String, tail: StaticString)? {
      switch self {
      case .counted: nil
      case .crossesWordBoundary: ("starts or ends inside a word of the segmentation", "", "")
      case .excluded(let phrase): ("inside the excluded phrase \"", phrase, "\"")
      case .insideLongerTerm(let term): ("inside the longer term \"", term, "\" of the same category")
      case .negated(let cue): ("negated by \"", cue, "\" in its clause")
      case .planned(let cue): ("only planned (\"", cue, "\" in its clause)")
      case .plannedPart(let cue): ("only planned (\"", cue, "\" makes its sentence or section a plan)")
      case .missingContext(let context): ("needs the context \"", context, "\" in its sentence, which lacks it")
      case .citedTitle(let cue): ("inside a document title the case cites (\"", cue, "\")")
      case .inQuotedTitle: ("inside a quoted document title 《…》: counts half", "", "")
      case .aim(let cue): ("named as an aim or benefit (\"", cue, "\" in its clause), not as what the case does")
      case .purpose(let cue): ("in the aims that open its sentence or clause (\"", cue, "\"…), not what the case does")
      case .background(let cue): ("in a background sentence (it opens with \"", cue, "\"): counts half")
      case .backgroundAlone(let cue):
        (
          "in a background sentence (it opens with \"", cue,
          "\"), and nothing outside the background names its category: counts nothing"
        )
      case .listed(let categories):
        ("one item of a list that spans ", String(categories), " categories: a list of trends or fields, not the case's own work")
      case .department: ("one of the departments a list names (…等部门): who takes part, not what the case is about", "", "")
      case .framed(let frame):
        (
          "inside \"", frame,
          "\": names a field, a benefit, a source, a problem, a slogan or where a dispatch goes, not what the case does"
        )
      case .setting(let cue): ("before \"", cue, "\", which says what the case is: the text before it sets the scene")
      case .provision:
        (
          "in a document's title or what a document provides (《…》): a rule on this is a standard or a provision, not what the case does",
          "", ""
        )
      }
    }
  }

  /// The lexicon term that fired, shared by every hit of the term.
  package let lexiconTerm: LexiconTermIdentity
  /// The field's text as given in the input; `match` and `context` are cut from it when asked
  /// for, so that a hit costs no string of its own until someone reads it.
  package let fieldText: String

  /// The dimension id.
  package var dimension: String { lexiconTerm.dimension }
  /// The category id.
  package var category: String { lexiconTerm.category }
  /// The lexicon term that fired.
  package var term: String { lexiconTerm.text }
  /// Where the term is defined in the lexicons.
  package var source: SourceLocation { lexiconTerm.source }
  /// The field the hit lies in.
  package var field: Field
  /// Code point offset of the hit's start in the field.
  package var start: Int
  /// Code point offset just past the hit's end in the field.
  package var end: Int
  /// The field's text at `start..<end`.
  package var match: String {
    var text = fieldText
    return text.withUTF8 { UTF8Text.string($0, byteRange) }
  }
  /// A few characters either side of the hit, for a reviewer: `before【match】after` on one
  /// line (line breaks and tabs become spaces).
  package var context: String {
    var text = fieldText
    return text.withUTF8 { bytes in
      var buffer: [UInt8] = []
      buffer.reserveCapacity(contextRange.count + 6)
      func copy(_ range: Range<Int>) {
        for index in range { buffer.append(Self.isLineBreakOrTab(bytes[index]) ? 0x20 : bytes[index]) }
      }
      copy(contextRange.lowerBound..<byteRange.lowerBound)
      buffer += [0xE3, 0x80, 0x90]  // 【
      copy(byteRange)
      buffer += [0xE3, 0x80, 0x91]  // 】
      copy(byteRange.upperBound..<contextRange.upperBound)
      return String(decoding: buffer, as: UTF8.self)
    }
  }
  /// The term's weight in the lexicon.
  package var weight: Double { lexiconTerm.weight }
  /// What the hit added to its category's score (0 when not counted; less than the weight for
  /// repeated hits; more for hits in the title).
  package var contribution: Double
  /// Whether it counted.
  package var status: Status
  /// The UTF-8 byte range of the hit in the field (internal: used for merging segments).
  package var byteRange: Range<Int>
  /// The UTF-8 byte range of `context` in the field (without the brackets).
  package var contextRange: Range<Int>
  /// The category's index in ``ClassifierModel``'s flat category list (internal: for scoring
  /// without string keys on the hot path).
  var categoryIndex: Int { lexiconTerm.categoryIndex }
  /// The term's index in ``ClassifierModel``'s flat term list.
  var termIndex: Int { lexiconTerm.termIndex }

  /// Whether `byte` is shown as a space in `context`.
  @inline(__always)
  static func isLineBreakOrTab(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

extension Evidence {
  package static func == (lhs: Evidence, rhs: Evidence) -> Bool {
    (lhs.lexiconTerm === rhs.lexiconTerm || lhs.lexiconTerm == rhs.lexiconTerm)
      && lhs.field == rhs.field && lhs.start == rhs.start && lhs.end == rhs.end
      && lhs.contribution == rhs.contribution && lhs.status == rhs.status
      && lhs.match == rhs.match && lhs.context == rhs.context
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(lexiconTerm)
    hasher.combine(field)
    hasher.combine(start)
    hasher.combine(end)
    hasher.combine(status)
  }
}
