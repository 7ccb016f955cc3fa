/// The Label Studio labeling configuration (XML) generated from the taxonomy: the case text with
/// span labels for evidence, one multi-choice block per dimension, the province and the region.
///
/// Choice values are the taxonomy's ids (what `manual` labels hold), with the Chinese name as the
/// hint and both names in the block's header; evidence labels are `dimension.category`.
/// ``LabelStudioTask`` writes predictions with the same names, and ``LabelStudioImport`` reads
/// annotations by them.
package struct LabelStudioConfig: Sendable {
  /// The control that holds span labels for evidence in the text.
  package static let textEvidence = "evidence"
  /// The control that holds span labels for evidence in the title.
  package static let titleEvidence = "title_evidence"
  /// The control of the province.
  package static let province = "province"
  /// The control of the region.
  package static let region = "region"

  /// The label set.
  package var taxonomy: Taxonomy
  /// The provinces offered (short name, full name), in gazetteer order; empty for none.
  package var provinces: [(name: String, fullName: String)]

  /// Creates a configuration.
  ///
  /// - Parameters:
  ///   - taxonomy: the label set.
  ///   - provinces: the provinces to offer, short and full names.
  package init(taxonomy: Taxonomy = .standard, provinces: [(name: String, fullName: String)]) {
    self.taxonomy = taxonomy
    self.provinces = provinces
  }

  /// Evidence label colours, one per dimension, as in the HTML report's palette order.
  static let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"]

  /// The XML text, ending in a newline.
  package func xml() -> String {
    var lines: [String] = ["<View>"]
    lines.append(#"  <Header value="$id"/>"#)
    lines.append(#"  <Text name="title" value="$title"/>"#)
    lines.append(contentsOf: evidenceLabels(name: Self.titleEvidence, toName: "title"))
    lines.append(#"  <Text name="text" value="$text"/>"#)
    lines.append(contentsOf: evidenceLabels(name: Self.textEvidence, toName: "text"))
    for dimension in taxonomy.dimensions {
      lines.append(#"  <Header value="\#(escape(dimension.name)) \#(dimension.id)"/>"#)
      lines.append(#"  <Choices name="\#(dimension.id)" toName="text" choice="multiple" showInline="true">"#)
      for category in dimension.categories {
        lines.append(#"    <Choice value="\#(category.id)" hint="\#(escape(category.name))"/>"#)
      }
      lines.append("  </Choices>")
    }
    if !provinces.isEmpty {
      lines.append(#"  <Header value="省份 province"/>"#)
      lines.append(#"  <Choices name="\#(Self.province)" toName="text" choice="single" showInline="true">"#)
      for province in provinces {
        lines.append(#"    <Choice value="\#(escape(province.name))" hint="\#(escape(province.fullName))"/>"#)
      }
      lines.append("  </Choices>")
    }
    lines.append(#"  <Header value="地区 region"/>"#)
    lines.append(#"  <Choices name="\#(Self.region)" toName="text" choice="single" showInline="true">"#)
    for region in Region.allCases {
      lines.append(#"    <Choice value="\#(region.rawValue)" hint="\#(region.name)"/>"#)
    }
    lines.append("  </Choices>")
    lines.append("</View>")
    return lines.joined(separator: "\n") + "\n"
  }

  private func evidenceLabels(name: String, toName: String) -> [String] {
    var lines = [#"  <Labels name="\#(name)" toName="\#(toName)">"#]
    for (index, dimension) in taxonomy.dimensions.enumerated() {
      let colour = Self.colours[index % Self.colours.count]
      for category in dimension.categories {
        lines.append(
          #"    <Label value="\#(dimension.id).\#(category.id)" hint="\#(escape(dimension.name))：\#(escape(category.name))" background="\#(colour)"/>"#
        )
      }
    }
    lines.append("  </Labels>")
    return lines
  }

  /// XML attribute escaping.
  private func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}
