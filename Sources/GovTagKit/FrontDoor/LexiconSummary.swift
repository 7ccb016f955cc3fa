/// What a loaded set of lexicons labels with: its versions, dimensions and categories.
///
/// `govtag serve` answers `GET /v1/lexicon` with it; encode it with `JSONEncoder`.
public struct LexiconSummary: Sendable, Hashable, Encodable {
  /// One category of a dimension.
  public struct Category: Sendable, Hashable, Encodable {
    /// The taxonomy id.
    public var id: CategoryID
    /// The Chinese name.
    public var name: String
    /// The score at which it is assigned (before calibration's label rules).
    public var threshold: Double
    /// The dimension whose labels imply it (`implied_by:`), if any.
    public var impliedBy: DimensionID?

    enum CodingKeys: String, CodingKey {
      case id, name, threshold
      case impliedBy = "implied_by"
    }
  }

  /// One dimension and its categories, in output order.
  public struct Dimension: Sendable, Hashable, Encodable {
    /// The dimension id.
    public var id: DimensionID
    /// The Chinese name.
    public var name: String
    /// The lexicon file it was loaded from.
    public var file: String
    /// The categories, in the lexicon's order.
    public var categories: [Category]
  }

  /// The version labelled records carry in `lexicon_version`.
  public var lexiconVersion: String
  /// GovTag's version.
  public var govtagVersion: String
  /// The ICU version that segments the texts.
  public var icuVersion: String
  /// The lexicon directory.
  public var directory: String
  /// Whether `calibration.yaml` was loaded (confidences are then in every record).
  public var calibrated: Bool
  /// Whether that calibration was fitted against other lexicons than these (after a lexicon
  /// edit): its confidences, and the review flags drawn from them, are approximate until
  /// `govtag calibrate` remakes it.
  public var calibrationStale: Bool
  /// What ``calibrationStale`` means and what to do, when it is stale (the warning `govtag tag`
  /// prints); `nil` otherwise.
  public var calibrationWarning: String?
  /// The dimensions.
  public var dimensions: [Dimension]

  enum CodingKeys: String, CodingKey {
    case lexiconVersion = "lexicon_version"
    case govtagVersion = "govtag_version"
    case icuVersion = "icu_version"
    case directory, calibrated
    case calibrationStale = "calibration_stale"
    case calibrationWarning = "calibration_warning"
    case dimensions
  }
}

extension GovTag {
  /// The versions, dimensions and categories of the loaded lexicons.
  public var summary: LexiconSummary {
    LexiconSummary(
      lexiconVersion: lexiconVersion, govtagVersion: GovTagVersion.current, icuVersion: ICU.version,
      directory: lexiconDirectory.path, calibrated: model.calibration != nil, calibrationStale: model.calibrationIsStale,
      calibrationWarning: model.calibrationStalenessWarning(),
      dimensions: model.lexicons.dimensions.map { dimension in
        LexiconSummary.Dimension(
          id: DimensionID(dimension.id), name: dimension.name, file: dimension.file,
          categories: dimension.categories.map {
            LexiconSummary.Category(
              id: CategoryID($0.id), name: $0.name, threshold: $0.threshold, impliedBy: $0.impliedBy.map { DimensionID($0) })
          })
      })
  }
}
