// Tags one text and prints the answer as JSON:
//
//     swift run --package-path Examples/tag-one-text tag-one-text "推进政务服务“一网通办”……"
//     echo "推进政务服务“一网通办”……" | swift run --package-path Examples/tag-one-text tag-one-text
//
// The lexicons are found as govtag finds them: GOVTAG_LEXICONS, then beside the executable,
// then ./Lexicons. Only the front door is used: `GovTag`, and the `TaggedRecord` it answers.
import Foundation
import GovTagKit

let arguments = CommandLine.arguments.dropFirst()
let text =
  arguments.isEmpty
  ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : arguments.joined(separator: " ")

do {
  let govtag = try GovTag()
  let record = try govtag.tag(text: text)
  for dimension in govtag.dimensions {
    let labels = record.labels(dimension).map(\.rawValue)
    print("\(dimension): \(labels.isEmpty ? "-" : labels.joined(separator: ", "))")
  }
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  print(String(decoding: try encoder.encode(record), as: UTF8.self))
} catch {
  FileHandle.standardError.write(Data("tag-one-text: \(error)\n".utf8))
  exit(2)
}
