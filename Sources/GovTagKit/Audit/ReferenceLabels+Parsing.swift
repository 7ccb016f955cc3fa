extension ReferenceLabels {
  /// Why a record's reference labels cannot be used: one line, and what to do about it.
  package struct Problem: Error, Sendable, Hashable {
    /// What is wrong.
    package var reason: String
    /// What to do.
    package var hint: String?
  }

  /// The record field that holds reference labels, and how the user names another one.
  package struct Field: Sendable, Hashable {
    /// The field's name, e.g. `gold` or `manual`.
    package var name: String
    /// How hints name the caller's setting that chooses another field (``SettingNames/Setting/field``,
    /// `--field` on the command line).
    package var names: SettingNames

    /// Creates a field description.
    ///
    /// - Parameters:
    ///   - name: the JSON field name.
    ///   - names: how hints name the caller's settings; the default words them for a program.
    package init(name: String, names: SettingNames = SettingNames()) {
      self.name = name
      self.names = names
    }

    /// The caller's name for the setting that chooses the field, or `nil` for neutral hints.
    var option: String? { names[.field] }
  }

  /// Keys of a label object that are not dimensions.
  static let placeKeys = ["province", "region"]

  /// Reads and validates the labels in `field` of a record.
  ///
  /// Every category id is checked against the taxonomy, so that a typo becomes an error naming
  /// the id rather than a category nobody ever assigns. Likewise a province is looked up in the
  /// gazetteer, when there is one: its official name (浙江省) or an alias stands for its short
  /// name (浙江), the name GovTag writes, and a name the gazetteer does not know is an error
  /// rather than a province GovTag can never match.
  ///
  /// - Parameters:
  ///   - field: which field holds the labels.
  ///   - fields: the record's fields.
  ///   - taxonomy: the label set to check ids against.
  ///   - gazetteer: the provinces to check names against; `nil` keeps any name as written.
  /// - Returns: the labels, or the first problem found.
  package static func parse(
    _ field: Field, in fields: [String: JSONValue], taxonomy: Taxonomy = .standard, gazetteer: Gazetteer? = nil
  ) -> Result<ReferenceLabels, Problem> {
    let name = field.name
    func problem(_ reason: String, _ hint: String? = nil) -> Result<ReferenceLabels, Problem> {
      .failure(Problem(reason: reason, hint: hint))
    }
    guard let value = fields[name] else {
      return problem(
        "the record has no \"\(name)\" field",
        "add its labels as \"\(name)\": {\"capability\": [...], ...}, or name the field that holds them"
          + (field.option.map { " with \($0)" } ?? ""))
    }
    guard case .object(let object) = value else {
      if case .null = value {
        return problem("\"\(name)\" is null: the record has no labels", "give its labels, or leave the record out")
      }
      return problem(
        "\"\(name)\" must be an object of dimension: [category ids], found \(value.typeDescription)",
        "write it like \"\(name)\": {\"capability\": [\"public_service\"]}")
    }
    var categories: [String: Set<String>] = [:]
    var province: String?? = nil
    var region: Region?? = nil
    var repeated: [String] = []
    for key in object.keys.sorted() {
      let item = object[key] ?? .null
      switch key {
      case "province":
        switch item {
        case .null: province = .some(nil)
        case .string(let text) where !text.isEmpty:
          guard let gazetteer else {
            province = .some(text)
            break
          }
          guard let known = gazetteer.province(named: text) else {
            return problem(
              "\"\(name)\".\"province\" is \"\(text)\", which is not a province of the gazetteer",
              "use a province's name (\(gazetteer.provinces.map(\.name).joined(separator: ", "))), its full name (浙江省) or null")
          }
          province = .some(known.name)
        default:
          return problem("\"\(name)\".\"province\" must be a province name or null, found \(describe(item))")
        }
      case "region":
        switch item {
        case .null: region = .some(nil)
        case .string(let text) where Region(rawValue: text) != nil: region = .some(Region(rawValue: text))
        default:
          return problem("\"\(name)\".\"region\" must be \"east\", \"central\", \"west\" or null, found \(describe(item))")
        }
      default:
        guard let dimension = taxonomy.dimension(key) else {
          let keys = taxonomy.dimensions.map(\.id) + placeKeys
          return problem(
            "unknown dimension \"\(key)\" in \"\(name)\"",
            "use \(keys.dropLast().joined(separator: ", ")) or \(keys.last ?? "")")
        }
        guard case .array(let elements) = item else {
          return problem(
            "\"\(name)\".\"\(key)\" must be an array of category ids, found \(item.typeDescription)",
            "write \"\(key)\": [\"\(dimension.categories.first?.id ?? "")\"], or [] for none")
        }
        var ids: Set<String> = []
        for element in elements {
          guard case .string(let id) = element else {
            return problem("\"\(name)\".\"\(key)\" must list category ids as strings, found \(element.typeDescription)")
          }
          guard dimension.categories.contains(where: { $0.id == id }) else {
            let unknown = dimension.unknownCategory(id, in: "\"\(name)\"")
            return problem(unknown.reason, unknown.hint)
          }
          if !ids.insert(id).inserted, !repeated.contains("\(key).\(id)") { repeated.append("\(key).\(id)") }
        }
        categories[key] = ids
      }
    }
    var labels = ReferenceLabels(categories: categories, province: province, region: region)
    labels.repeated = repeated
    return .success(labels)
  }

  /// A value as an error message shows it: strings quoted, other values by type.
  private static func describe(_ value: JSONValue) -> String {
    if case .string(let text) = value { return "\"\(text)\"" }
    return value.typeDescription
  }
}
