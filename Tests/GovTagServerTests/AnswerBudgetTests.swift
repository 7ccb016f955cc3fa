import GovTagServer
import Testing

@Suite("Answer budget: large answers not yet read hold their bytes, up to a bound; small ones hold nothing")
struct AnswerBudgetTests {
  @Test("large answers take their bytes until released or dropped; one that does not fit is refused")
  func bounded() throws {
    let budget = AnswerBudget(capacity: 300_000)
    let first = try #require(budget.reserve(200_000))
    #expect(budget.held == 200_000)
    #expect(budget.reserve(100_001) == nil)
    var held = 0
    #expect(budget.reserve(100_001, heldIfRefused: &held) == nil)
    #expect(held == 200_000)
    let small = try #require(budget.reserve(AnswerBudget.smallAnswer))
    #expect(budget.held == 200_000)
    first.release()
    first.release()
    #expect(budget.held == 0)
    do {
      let dropped = budget.reserve(300_000)
      #expect(dropped != nil)
      #expect(budget.held == 300_000)
    }
    #expect(budget.held == 0)
    small.release()
    #expect(budget.held == 0)
  }
}
