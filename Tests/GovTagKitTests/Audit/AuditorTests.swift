import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Auditor: agreement with manual labels and suspects")
struct AuditorTests {
  func audit() throws -> AuditReport {
    try Auditor(model: Fixtures.model, jobs: 2).audit(inputs: [Fixtures.path("audit/audit-manual.jsonl")])
  }

  @Test("deliberately flipped labels come out at the top of the suspects")
  func flipsFirst() throws {
    // audit-manual.jsonl holds GovTag's clear labels of 10 records with 3 labels flipped each way:
    //   manual yes, no evidence at all:  r05 technology.gis, r08 capability.economic_regulation,
    //                                    r10 capability.public_service
    //   manual no, strong evidence:      r04 economic_regulation (7.125 of 3), r02 ai (6 of 3),
    //                                    r06 public_service (6 of 4)
    // and two honest borderline disagreements: r09 public_service (3 of 4, manual yes) and
    // r07 ai (exactly 3 of 3, manual no).
    let suspects = try audit().suspects
    let ranked = suspects.map { "\($0.id) \($0.dimension).\($0.category)" }
    #expect(
      ranked == [
        "r05 technology.gis", "r08 capability.economic_regulation", "r10 capability.public_service",
        "r04 capability.economic_regulation", "r02 technology.ai", "r06 capability.public_service",
        "r09 capability.public_service", "r07 technology.ai",
      ])
    #expect(suspects.map(\.suspicion) == [1, 1, 1, 0.578947, 0.5, 0.333333, 0.25, 0])
    #expect(suspects.prefix(3).allSatisfy { $0.manual && !$0.predicted && $0.evidence.isEmpty })
    #expect(suspects[3].evidence.map(\.term) == ["营商环境", "营商环境", "营商环境", "营商环境"])
    #expect(suspects[3].score == 7.125 && suspects[3].threshold == 3)
    #expect(suspects[3].location.description.hasSuffix("audit/audit-manual.jsonl:4"))
  }

  @Test("per-category agreement and kappa match the hand count")
  func agreement() throws {
    let report = try audit()
    let capability = try #require(report.agreement.dimensions.first { $0.dimension.id == "capability" })
    let economic = try #require(capability.categories.first { $0.category.id == "economic_regulation" }).table
    // Manual yes: r01 r03 r07 r08; GovTag yes: r01 r03 r04 r07.
    // Both yes 3, manual only 1 (r08), GovTag only 1 (r04), both no 5.
    // p_o = 8/10; p_e = 0.4·0.4 + 0.6·0.6 = 0.52; κ = 0.28 / 0.48 = 7/12.
    #expect(economic == AgreementTable(bothYes: 3, referenceOnly: 1, predictedOnly: 1, bothNo: 5))
    #expect(abs((economic.kappa ?? 0) - 7.0 / 12.0) < 1e-12)
    #expect(report.records == 10 && report.summary.succeeded)
  }

  @Test("the suspicion is how far the score goes against the person, relative to the threshold")
  func suspicion() {
    #expect(Suspect.suspicion(manual: true, score: 0, threshold: 3) == 1)
    #expect(Suspect.suspicion(manual: true, score: 3, threshold: 4) == 0.25)
    #expect(Suspect.suspicion(manual: false, score: 6, threshold: 3) == 0.5)
    #expect(Suspect.suspicion(manual: true, score: 1.5, threshold: 3) == 0.5)  // half the threshold ≡ twice it
    #expect(Suspect.suspicion(manual: false, score: 3, threshold: 3) == 0)
    // Evidence on the person's side: a manual yes scoring five times the threshold that GovTag
    // kept out (relative threshold), a manual no that GovTag assigned by implied_by at score 0.
    #expect(Suspect.suspicion(manual: true, score: 16, threshold: 3) == 0)
    #expect(Suspect.suspicion(manual: false, score: 0, threshold: 3) == 0)
    #expect(Suspect.suspicion(manual: false, score: 2, threshold: 3) == 0)
  }

  @Test("term accountability: firings, confirmations, false firings, sole evidence")
  func terms() throws {
    let terms = try audit().terms
    func entry(_ term: String) -> TermAccountability.Entry? { terms.first { $0.term == term } }
    // 人工智能 fires in r02, r05, r07; people confirmed ai only in r05; it alone carries ai each time.
    let ai = try #require(entry("人工智能"))
    #expect([ai.records, ai.judged, ai.confirmed, ai.falseFirings, ai.soleEvidence] == [3, 3, 1, 2, 3])
    #expect(ai.source.description.hasSuffix("lexicons/technology.yaml:7:7"))
    // 政务 fires in r06 and r09 (inside 政务服务 | …), never confirmed: the first term to review.
    #expect(terms.first?.term == "政务")
    #expect(terms.first?.falseFirings == 2)
    // 政务服务 fires in r06 and r09 but never alone behind public_service.
    let service = try #require(entry("政务服务"))
    #expect([service.records, service.confirmed, service.soleEvidence] == [2, 1, 0])
  }
}
