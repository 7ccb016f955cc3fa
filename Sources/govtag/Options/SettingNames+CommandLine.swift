import GovTagKit

extension SettingNames {
  /// The settings as `govtag`'s users set them: its flags. Library messages that suggest
  /// changing a setting name it this way when a command passes this instance, and word it for a
  /// program otherwise (see ``SettingNames``); this is the one place the flags are spelled for them.
  static let commandLine = SettingNames([
    .lexicons: "--lexicons",
    .jobs: "--jobs",
    .resume: "--resume",
    .output: "-o",
    .errors: "--errors",
    .evidence: "--evidence",
    .evidenceLayout: "--evidence-layout",
    .errorRecords: "--error-records",
    .outputFormat: "--format",
    .reviewBand: "--review-band",
    .reviewDimensions: "--review-dimensions",
    .maxRecordBytes: "--max-record-bytes",
    .inputFormat: "--input-format",
    .textColumn: "--text-column",
    .idColumn: "--id-column",
    .titleColumn: "--title-column",
    .previous: "--previous",
    .field: "--field",
    .top: "--top",
    .json: "--json",
    .csv: "--csv",
    .compare: "--compare",
    .dimension: "--dimension",
    .calibrate: "govtag calibrate",
    .folds: "--folds",
    .seed: "--seed",
    .foldsByPart: "--folds-by-part",
  ])
}
