extension ResumeState {
  /// Why an interrupted run cannot be continued with the settings given, and what would let it.
  struct Refusal: Equatable {
    /// What differs, naming the setting and both values where there are some.
    var reason: String
    /// What to change to continue (`give the same --evidence as the interrupted run`), when
    /// something can; starting again always can, and is said apart.
    var fix: String?
  }

  /// Why this state cannot continue the run `current` describes, or `nil` when it can.
  ///
  /// The checks go from the most to the least fundamental, and each names what differs: the
  /// GovTag version, the lexicons, the review band, each output setting, the errors file, the
  /// inputs and whether they changed. Inputs are compared as files: the same file named
  /// another way (`./in.jsonl`, an absolute path, from another folder) is the same input.
  ///
  /// - Parameters:
  ///   - current: a state describing the new run (its position is not read).
  ///   - settings: the new run's output settings, in the order they are checked.
  ///   - names: how messages name the settings.
  /// - Returns: the refusal, or `nil`.
  func refusal(
    toContinue current: ResumeState, settings: [BatchConfiguration.OutputSetting], names: SettingNames
  ) -> Refusal? {
    if govtagVersion != current.govtagVersion { return Refusal(reason: "the interrupted run used GovTag \(govtagVersion)") }
    if lexiconRulesVersion != current.lexiconRulesVersion {
      return Refusal(
        reason: "the lexicons changed since the interrupted run (version \(rulesVersion), now \(current.rulesVersion))")
    }
    if rulesVersion != current.rulesVersion {
      // The lexicons are the same: what changed is the calibration or what it flags for review.
      if reviewBand != current.reviewBand {
        return Self.differs(names[.reviewBand] ?? "the review band", old: reviewBand, new: current.reviewBand)
      }
      if reviewDimensions != current.reviewDimensions {
        return Self.differs(
          names[.reviewDimensions] ?? "the review dimensions", old: reviewDimensions, new: current.reviewDimensions)
      }
      return Refusal(
        reason:
          "the lexicons' calibration changed since the interrupted run (version \(rulesVersion), now \(current.rulesVersion))")
    }
    for setting in settings where options[setting.key] != setting.value {
      let name = setting.setting.flatMap { names[$0] } ?? "the \(setting.key) setting"
      return Self.differs(name, old: options[setting.key] ?? "unset", new: setting.value)
    }
    if let refusal = errorsRefusal(current.errors, realPath: current.errorsRealPath, names: names) { return refusal }
    return inputsRefusal(current.inputs)
  }

  /// `--evidence differs from the interrupted run's: all now, standard then`.
  private static func differs(_ name: String, old: String, new: String) -> Refusal {
    Refusal(
      reason: "\(name) differs from the interrupted run's: \(new) now, \(old) then",
      fix: "give the same \(name) as the interrupted run to continue")
  }

  /// The errors file must be the interrupted run's: it holds the first part of the failed records.
  private func errorsRefusal(_ new: String?, realPath newReal: String?, names: SettingNames) -> Refusal? {
    let option = names[.errors]
    switch (errors, new) {
    case (nil, nil): return nil
    case (let old?, nil):
      return Refusal(
        reason:
          "the interrupted run also wrote failed records to \(option ?? "the errors file") \(old) (its first part is \(old).partial)",
        fix: option.map { "add \($0) \(old) to continue" } ?? "give the same errors file to continue")
    case (nil, let new?):
      return Refusal(
        reason:
          "\(option.map { "\($0) \(new)" } ?? "the errors file \(new)") was not given to the interrupted run, so it would miss the failed records read before the interruption",
        fix: option.map { "leave out \($0) to continue" } ?? "continue without an errors file")
    case (let old?, let new?):
      guard errorsRealPath != newReal else { return nil }
      return Self.differs(option ?? "the errors file", old: old, new: new)
    }
  }

  /// The inputs must be the same files, unchanged.
  private func inputsRefusal(_ current: [Input]) -> Refusal? {
    let same =
      inputs.count == current.count
      && zip(inputs, current).allSatisfy { old, new in
        if old.path == new.path { return true }
        if let before = old.realPath, before == new.realPath { return true }
        if let device = old.device, let inode = old.inode { return device == new.device && inode == new.inode }
        return false
      }
    guard same else {
      return Refusal(
        reason:
          "the inputs differ from the interrupted run's: it read \(inputs.map(\.path).joined(separator: " ")), this run names \(current.map(\.path).joined(separator: " "))"
      )
    }
    for (old, new) in zip(inputs, current) where old.path != "-" {
      if let before = old.folder, let now = new.folder {
        if before.files != now.files {
          return Refusal(
            reason:
              "the folder \(new.path) changed since the interrupted run: it held \(before.files) .txt files, now \(now.files)")
        }
        if before.bytes != now.bytes {
          return Refusal(
            reason:
              "the folder \(new.path) changed since the interrupted run: its .txt files held \(before.bytes) bytes, now \(now.bytes)"
          )
        }
        if before.listingHash != now.listingHash {
          return Refusal(
            reason: "the folder \(new.path) changed since the interrupted run: a .txt file was renamed, replaced or modified")
        }
        continue  // the folder's own time changed (a file that is not .txt came or went)
      }
      if old.size != new.size || old.modified != new.modified || (old.folder == nil) != (new.folder == nil) {
        return Refusal(reason: "\(new.path) changed since the interrupted run")
      }
    }
    return nil
  }

  /// Why the records a resumed run skipped are not the ones the interrupted run wrote, or `nil`
  /// when they are: the bytes they were read from hash the same, and there were as many.
  ///
  /// - Parameters:
  ///   - input: the input's path (`-` for standard input).
  ///   - skipped: records read to skip.
  ///   - hash: the hash of the bytes read to skip them.
  ///   - isFolder: whether the input is a folder of `.txt` files.
  /// - Returns: the refusal, or `nil`.
  func skipRefusal(input: String, skipped: Int, hash: String?, isFolder: Bool) -> Refusal? {
    guard skipped != recordsInInput || hash != consumedHash else { return nil }
    let what =
      skipped < recordsInInput
      ? "it ends after \(skipped) records, but the interrupted run had read \(recordsInInput)"
      : "its first \(recordsInInput) records differ from those the interrupted run read"
    if input == "-" {
      return Refusal(
        reason: "the standard input is not the one the interrupted run read: \(what)", fix: "pipe in the same input to continue")
    }
    let unit = isFolder ? "the folder \(input)" : input
    return Refusal(reason: "\(unit) changed since the interrupted run, though its size and modification time did not: \(what)")
  }
}
