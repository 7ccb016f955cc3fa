/// Reads what `govtag tag` wrote (JSON Lines, or a JSON array with `--format json`: see
/// ``JSONInputReader``) back into ``LabelledRecord``s, reporting every record it cannot use with
/// its file and line.
///
/// A bad line never stops a read: it is reported through the event callback, counted, and
/// skipped. What makes a line bad depends on ``source``: with ``LabelSource/govtag`` a record
/// must carry GovTag's `labels`; with ``LabelSource/field(_:)`` it must carry that field, and
/// GovTag's labels are optional (so gold-labelled corpora can be counted before tagging).
///
///     let reader = LabelledRecordReader(source: .field("manual"))
///     let summary = try reader.read(paths: ["out/labelled.jsonl"]) { event in … }
package struct LabelledRecordReader: Sendable {
  /// Something met while reading.
  package enum Event: Sendable {
    /// A record was read.
    case record(LabelledRecord)
    /// A line could not be used; it is skipped. With ``keepsRecordsWithUnusableReference``, also
    /// a record whose reference labels cannot be used: it then follows as ``record(_:)``,
    /// without them.
    case recordFailed(RecordError)
    /// An input could not be read at all (missing, a folder, empty).
    case inputFailed(GovTagError)
    /// A record whose id an earlier record had: left out (counted once, as `eval` and `audit`
    /// do), and reported so that a repeated case is not silently counted twice.
    case duplicateID(DuplicateID)
  }

  /// Which labels a record must carry.
  package var source: LabelSource
  /// Fields read as reference labels, the first one present winning; with a
  /// ``LabelSource/field(_:)`` source only that field is read.
  package var referenceFields: [String]
  /// The taxonomy whose category ids labels must use.
  package var taxonomy: Taxonomy
  /// The provinces that reference labels' `province` names are checked against, as `audit` and
  /// `eval` check them: a full name (广东省) or alias stands for the short name (广东), and a name
  /// the gazetteer does not know is an error. `nil` keeps any name as written.
  package var gazetteer: Gazetteer?
  /// How the hints name the caller's settings when a record lacks its labels: the setting that
  /// names another field of labels (``SettingNames/Setting/field``, `--field` on the command line);
  /// the default words them for a program.
  package var settingNames = SettingNames()
  /// Whether a record read for GovTag's labels (``LabelSource/govtag``) whose reference labels
  /// cannot be used (an unknown id, an unknown province) is kept without them, its problem
  /// reported, rather than left out: the report's charts count GovTag's labels, which are fine.
  /// Counted in ``ReadSummary/usedWithoutReference``.
  package var keepsRecordsWithUnusableReference = false

  /// Creates a reader.
  ///
  /// - Parameters:
  ///   - source: which labels a record must carry.
  ///   - referenceFields: the fields of people's labels to read beside GovTag's, in order of
  ///     preference; ignored when `source` names a field.
  ///   - taxonomy: the label set.
  package init(source: LabelSource = .govtag, referenceFields: [String] = ["manual", "gold"], taxonomy: Taxonomy = .standard) {
    self.source = source
    if case .field(let name) = source { self.referenceFields = [name] } else { self.referenceFields = referenceFields }
    self.taxonomy = taxonomy
  }

  // MARK: - Files

  /// Reads every input in turn and reports each record and each problem through `onEvent`.
  ///
  /// - Parameters:
  ///   - paths: JSON Lines files or JSON arrays; `-` is standard input.
  ///   - onEvent: called for every record, in input order, and for every problem.
  /// - Returns: the counts.
  /// - Throws: `GovTagError` with code `.io` when reading an opened input fails; with code
  ///   `.input` when no record has the field the labels are read from (``source``) but some lack
  ///   it: one error naming the fields of labels the records do have, instead of one per record.
  @discardableResult
  package func read(paths: [String], onEvent: (Event) -> Void) throws -> ReadSummary {
    var summary = ReadSummary()
    var check = LabelFieldCheck<Event>(field: source.fieldName, option: fieldOption, readsGovTagLabels: source == .govtag)
    var duplicates = DuplicateIDCheck()
    for (number, path) in paths.enumerated() {
      let reader: JSONInputReader
      do {
        reader = try JSONInputReader(path: path)
      } catch let error as GovTagError {
        summary.inputErrors.append(error)
        check.problem(.inputFailed(error), missingField: false).forEach(onEvent)
        continue
      }
      var records = 0
      while let item = try reader.next() {
        let line: [UInt8]
        let location: SourceLocation
        switch item {
        case .blank:
          summary.blankLines += 1
          continue
        case .failure(let error):
          records += 1
          summary.recordsRead += 1
          summary.failed += 1
          check.problem(.recordFailed(error), missingField: false).forEach(onEvent)
          continue
        case .record(let bytes, let at):
          line = bytes
          location = at
        }
        records += 1
        summary.recordsRead += 1
        switch line.withUnsafeBufferPointer({ decodeReportingField($0, at: location) }) {
        case .success(let record):
          check.fieldFound().forEach(onEvent)
          if let duplicate = duplicates.check(
            id: record.id, hash: DuplicateIDCheck.hash(record.id), at: location, input: number, inputName: reader.name)
          {
            summary.duplicateIDs += 1
            onEvent(.duplicateID(duplicate))
            continue
          }
          summary.used += 1
          if let problem = record.referenceProblem {
            summary.usedWithoutReference += 1
            onEvent(.recordFailed(problem))
          }
          onEvent(.record(record))
        case .failure(let failure):
          summary.failed += 1
          switch failure.field {
          case .unknown:
            check.problem(.recordFailed(failure.error), missingField: false).forEach(onEvent)
          case .present:
            check.fieldFound().forEach(onEvent)
            onEvent(.recordFailed(failure.error))
          case .missing(let labelFields):
            check.problem(.recordFailed(failure.error), missingField: true, at: location, labelFields: labelFields).forEach(
              onEvent)
          }
        }
      }
      if records > 0 { summary.inputsRead += 1 }
      if records == 0 {
        let error = GovTagError(
          .input, reader.noRecordsReason, at: SourceLocation(file: reader.name),
          hint: "give the labelled records that govtag tag wrote (JSON Lines or one JSON array)")
        summary.inputErrors.append(error)
        check.problem(.inputFailed(error), missingField: false).forEach(onEvent)
      }
    }
    let (held, error) = check.finish()
    held.forEach(onEvent)
    if let error { throw error }
    return summary
  }

  // MARK: - One line

  /// Decodes one line (without its line break) into a record.
  ///
  /// - Parameters:
  ///   - line: the line's bytes.
  ///   - location: the input's name and line, for errors.
  /// - Returns: the record, or what is wrong with the line.
  package func decode(_ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> Result<LabelledRecord, RecordError> {
    decodeReportingField(line, at: location).mapError(\.error)
  }

  /// Whether a failed line's record had the field its labels are read from.
  enum FieldState: Sendable {
    /// Not known: the line was not a record.
    case unknown
    /// It had the field.
    case present
    /// It lacked the field; these other fields look like labels.
    case missing(labelFields: [String])
  }

  /// Why a line could not be used, and whether its record had the labels' field.
  struct Failure: Error {
    var error: RecordError
    var field: FieldState
  }

  /// ``decode(_:at:)``, telling a record without the labels' field from other failures.
  func decodeReportingField(_ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> Result<LabelledRecord, Failure> {
    let document: Document
    switch DocumentDecoder().decode(line, at: location) {
    case .failure(let error): return .failure(Failure(error: error, field: .unknown))
    case .success(let decoded): document = decoded
    }
    do {
      return .success(try record(from: document, at: location))
    } catch let problem as Problem {
      let field: FieldState =
        problem.missingField
        ? .missing(labelFields: LabelFieldCheck<Event>.labelFields(in: document.fields, taxonomy: taxonomy)) : .present
      return .failure(
        Failure(
          error: RecordError(
            location: location, id: document.id, reason: problem.reason, hint: problem.hint,
            rawLine: String(decoding: line, as: UTF8.self)),
          field: field))
    } catch {
      return .failure(Failure(error: RecordError(location: location, id: document.id, reason: "\(error)"), field: .unknown))
    }
  }

  /// The caller's name for the setting that chooses the field of labels, or `nil`.
  private var fieldOption: String? { settingNames[.field] }

  /// What is wrong with a record's fields.
  struct Problem: Error {
    var reason: String
    var hint: String?
    /// The record lacks the field the labels are read from.
    var missingField = false
  }

  private func record(from document: Document, at location: SourceLocation) throws -> LabelledRecord {
    let fields = document.fields
    var labels: CaseLabels?
    switch (fields["labels"], source) {
    case (nil, .govtag), (.null?, .govtag):
      throw Problem(
        reason: "the record has no \"labels\" field",
        hint: fieldOption.map { "label the records with govtag tag first, or count a field of people's labels with \($0)" }
          ?? "label the records with GovTag first, or read a field of people's labels instead",
        missingField: true)
    case (nil, _), (.null?, _):
      labels = nil
    case (let value?, _):
      labels = try caseLabels(value, field: "labels")
      // GovTag labels every dimension: one its output leaves out has no labels.
      for dimension in taxonomy.dimensions where labels?.categories[dimension.id] == nil {
        labels?.categories[dimension.id] = []
      }
      let location = try place(fields["location"]?.objectValue ?? [:], field: "location")
      labels?.province = location.province
      labels?.region = location.region
    }

    var reference: CaseLabels?
    var referenceField: String?
    var referenceProblem: Problem?
    for name in referenceFields {
      guard let value = fields[name] else { continue }
      // `"manual": null` is an error when the labels counted are that field's (it says so);
      // beside GovTag's labels it is a record without people's labels.
      if value == .null, source == .govtag { continue }
      do {
        reference = try referenceLabels(name, in: fields, location: labels)
        referenceField = name
      } catch let problem as Problem where keepsRecordsWithUnusableReference && source == .govtag {
        referenceProblem = problem
      }
      break
    }
    if case .field(let name) = source, referenceField == nil {
      throw Problem(
        reason: "the record has no \"\(name)\" field",
        hint: "give every record its \"\(name)\" labels, or "
          + (fieldOption.map { "leave out \($0) to count GovTag's labels" } ?? "read GovTag's labels instead"),
        missingField: true)
    }

    let review = fields["review"]?.objectValue
    var needsReview = false
    if case .bool(let flag)? = review?["needs_review"] { needsReview = flag }
    let reasons = (review?["reasons"]?.arrayValue ?? []).compactMap { $0.objectValue?["message"]?.stringValue }

    var record = LabelledRecord(
      id: document.id, title: document.title, text: document.text, year: try year(fields["year"]), labels: labels,
      reference: reference, referenceField: referenceField, needsReview: needsReview, reviewReasons: reasons,
      evidence: try evidence(fields["evidence"]))
    record.lexiconVersion = fields["lexicon_version"]?.stringValue
    record.referenceProblem = referenceProblem.map {
      RecordError(location: location, id: document.id, reason: $0.reason, hint: $0.hint)
    }
    // Confidences are optional (calibrated lexicons only); anything but a probability (a number
    // from 0 to 1) is passed over.
    for (dimension, value) in fields["confidence"]?.objectValue ?? [:] {
      for (category, number) in value.objectValue ?? [:] {
        let p: Double
        switch number {
        case .number(let value): p = value
        case .integer(let value): p = Double(value)
        default: continue
        }
        guard p.isFinite, (0...1).contains(p) else { continue }
        record.confidence[dimension, default: [:]][category] = p
      }
    }
    return record
  }

  private func year(_ value: JSONValue?) throws -> String? {
    switch value {
    case nil, .null?: return nil
    case .integer(let year)?: return try Self.checkedYear(String(year))
    case .number(let year)? where year == year.rounded() && abs(year) < 1e9: return try Self.checkedYear(String(Int(year)))
    case .numberText(let text)?: return try Self.checkedYear(text)
    case .string(let text)?:
      let trimmed = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
      guard !trimmed.isEmpty else { return nil }
      // A number written as a string is checked as a number; other text ("2023H1") is a group.
      return Int(trimmed) != nil ? try Self.checkedYear(trimmed) : text
    case let other?:
      throw Problem(
        reason: "\"year\" must be an integer or a string, found \(other.typeDescription)",
        hint: "write the year as 2023 or \"2023\"")
    }
  }

  /// A numeric year as the year-over-year changes read it: four digits (a typo such as 20230 or
  /// -5 would otherwise become a year of its own and a change "-5→2023").
  private static func checkedYear(_ text: String) throws -> String {
    guard let year = Int(text), (1000...9999).contains(year) else {
      throw Problem(reason: "\"year\" \(text) is not a year of four digits", hint: "write the year as 2023 or \"2023\"")
    }
    return String(year)
  }

  /// Reads `{dimension: [category ids]}`; `province` and `region` keys are left to ``place(_:field:)``,
  /// and keys that are not dimensions of the taxonomy are ignored.
  private func caseLabels(_ value: JSONValue, field: String) throws -> CaseLabels {
    guard let object = value.objectValue else {
      throw Problem(
        reason: "\"\(field)\" must be an object of category id lists, found \(value.typeDescription)",
        hint: "write {\"capability\": [\"public_service\"], …}")
    }
    var categories: [String: [String]] = [:]
    for dimension in taxonomy.dimensions {
      guard let entry = object[dimension.id], entry != .null else { continue }
      guard let list = entry.arrayValue else {
        throw Problem(reason: "\"\(field)\".\"\(dimension.id)\" must be a list of category ids, found \(entry.typeDescription)")
      }
      var ids: [String] = []
      for item in list {
        guard let id = item.stringValue else {
          throw Problem(reason: "\"\(field)\".\"\(dimension.id)\" must hold category ids, found \(item.typeDescription)")
        }
        guard dimension.categories.contains(where: { $0.id == id }) else {
          let unknown = dimension.unknownCategory(id, in: "\"\(field)\"")
          throw Problem(reason: unknown.reason, hint: unknown.hint)
        }
        if !ids.contains(id) { ids.append(id) }
      }
      categories[dimension.id] = ids
    }
    return CaseLabels(categories: categories)
  }

  /// People's labels in field `name`, read as `audit` and `eval` read them
  /// (``ReferenceLabels/parse(_:in:taxonomy:gazetteer:)``): a dimension the object lacks was not
  /// annotated and stays out of ``CaseLabels/categories``. Its `province` key replaces GovTag's
  /// province and its `region` key GovTag's region, each on its own; a province given without
  /// a region brings the region the gazetteer gives it (without a gazetteer, GovTag's region
  /// when the provinces agree, else none).
  private func referenceLabels(_ name: String, in fields: [String: JSONValue], location: CaseLabels?) throws -> CaseLabels {
    let parsed: ReferenceLabels
    switch ReferenceLabels.parse(
      ReferenceLabels.Field(name: name, names: settingNames), in: fields, taxonomy: taxonomy, gazetteer: gazetteer)
    {
    case .success(let value): parsed = value
    case .failure(let problem): throw Problem(reason: problem.reason, hint: problem.hint)
    }
    var categories: [String: [String]] = [:]
    for dimension in taxonomy.dimensions {
      guard let ids = parsed.categories[dimension.id] else { continue }
      categories[dimension.id] = dimension.categories.map(\.id).filter(ids.contains)
    }
    var labels = CaseLabels(categories: categories, province: location?.province, region: location?.region)
    if parsed.annotatesProvince {
      labels.province = parsed.province
      if !parsed.annotatesRegion {
        if let province = parsed.province, let known = gazetteer?.province(named: province) {
          labels.region = known.region
        } else if parsed.province != location?.province {
          labels.region = nil
        }
      }
    }
    if parsed.annotatesRegion { labels.region = parsed.region }
    return labels
  }

  private func place(_ object: [String: JSONValue], field: String) throws -> (province: String?, region: Region?) {
    var province: String?
    switch object["province"] {
    case nil, .null?: province = nil
    case .string(let name)?: province = name.isEmpty ? nil : name
    case let other?: throw Problem(reason: "\"\(field)\".\"province\" must be a string, found \(other.typeDescription)")
    }
    var region: Region?
    switch object["region"] {
    case nil, .null?, .string("")?, .string("unknown")?: region = nil
    case .string(let name)?:
      guard let known = Region(rawValue: name) else {
        throw Problem(reason: "\"\(field)\".\"region\" is \"\(name)\"", hint: "use east, central, west or null")
      }
      region = known
    case let other?: throw Problem(reason: "\"\(field)\".\"region\" must be a string, found \(other.typeDescription)")
    }
    return (province, region)
  }

  private func evidence(_ value: JSONValue?) throws -> [EvidenceSpan] {
    guard let value, value != .null else { return [] }
    if case .object(let dimensions) = value { return try compactEvidence(dimensions) }
    guard let list = value.arrayValue else {
      throw Problem(
        reason: "\"evidence\" must be an object (compact layout) or a list (full layout), found \(value.typeDescription)",
        hint: "give the evidence as govtag tag wrote it")
    }
    var spans: [EvidenceSpan] = []
    spans.reserveCapacity(list.count)
    for (index, item) in list.enumerated() {
      func bad(_ what: String) -> Problem {
        Problem(reason: "evidence \(index + 1) has no valid \"\(what)\"", hint: "give the evidence as govtag tag wrote it")
      }
      guard let hit = item.objectValue else { throw bad("dimension") }
      guard let dimension = hit["dimension"]?.stringValue else { throw bad("dimension") }
      guard let category = hit["category"]?.stringValue else { throw bad("category") }
      guard let fieldName = hit["field"]?.stringValue, let field = Evidence.Field(rawValue: fieldName) else { throw bad("field") }
      guard case .integer(let start)? = hit["start"], start >= 0 else { throw bad("start") }
      guard case .integer(let end)? = hit["end"], end >= start else { throw bad("end") }
      spans.append(
        EvidenceSpan(
          dimension: dimension, category: category, term: hit["term"]?.stringValue ?? hit["match"]?.stringValue ?? "",
          field: field, start: Int(start), end: Int(end), weight: Self.number(hit["weight"]),
          contribution: Self.number(hit["contribution"]), status: hit["status"]?.stringValue ?? "counted"))
    }
    return spans
  }

  /// The compact layout: `{dimension: {category: {term: [[field, start, end, contribution,
  /// status?, why?], …]}}}`. Spans come out in the order of the text (the object's keys carry
  /// no order).
  private func compactEvidence(_ dimensions: [String: JSONValue]) throws -> [EvidenceSpan] {
    var spans: [EvidenceSpan] = []
    for (dimension, categories) in dimensions {
      guard let categories = categories.objectValue else {
        throw Problem(
          reason: "evidence of \"\(dimension)\" must be an object of categories, found \(categories.typeDescription)",
          hint: "give the evidence as govtag tag wrote it")
      }
      for (category, terms) in categories {
        guard let terms = terms.objectValue else {
          throw Problem(
            reason: "evidence of \"\(dimension).\(category)\" must be an object of terms, found \(terms.typeDescription)",
            hint: "give the evidence as govtag tag wrote it")
        }
        for (term, hits) in terms {
          guard let hits = hits.arrayValue else {
            throw Problem(
              reason: "evidence of \"\(term)\" (\(dimension).\(category)) must be a list of hits, found \(hits.typeDescription)",
              hint: "give the evidence as govtag tag wrote it")
          }
          for (index, hit) in hits.enumerated() {
            guard let parts = hit.arrayValue, (4...6).contains(parts.count),
              let fieldName = parts[0].stringValue, let field = Evidence.Field(rawValue: fieldName),
              case .integer(let start) = parts[1], start >= 0,
              case .integer(let end) = parts[2], end >= start,
              parts.count == 4 || parts[4].stringValue != nil
            else {
              throw Problem(
                reason:
                  "hit \(index + 1) of \"\(term)\" (\(dimension).\(category)) is not [field, start, end, contribution, status?, why?]",
                hint: "give the evidence as govtag tag wrote it")
            }
            spans.append(
              EvidenceSpan(
                dimension: dimension, category: category, term: term, field: field, start: Int(start), end: Int(end),
                weight: nil, contribution: Self.number(parts[3]), status: parts.count > 4 ? parts[4].stringValue ?? "" : "counted"
              ))
          }
        }
      }
    }
    spans.sort {
      ($0.field == .title ? 0 : 1, $0.start, $0.end, $0.dimension, $0.category, $0.term)
        < ($1.field == .title ? 0 : 1, $1.start, $1.end, $1.dimension, $1.category, $1.term)
    }
    return spans
  }

  private static func number(_ value: JSONValue?) -> Double {
    switch value {
    case .integer(let number)?: Double(number)
    case .number(let number)?: number
    case .numberText(let text)?: Double(text) ?? 0
    default: 0
    }
  }
}
