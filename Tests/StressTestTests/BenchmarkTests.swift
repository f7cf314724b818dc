import Foundation
import Stats
import Testing
@testable import StressTest

@Suite("Benchmarking a region against the portfolio")
struct BenchmarkTests {
    /// Five regions, one dimension A (I1, I2) and one B (I3, I4), two waves.
    static let text = """
    region,year,I1,I2,I3,I4
    r1,2024,1,1,1,1
    r1,2026,4,0,2,2
    r2,2026,3,1,2,2
    r3,2026,2,2,2,2
    r4,2026,1,3,2,2
    r5,2026,0,4,2,2
    """

    static func portfolio() throws -> Portfolio {
        try Portfolio.parse(try CSVReader.parse(text, file: "b.csv"), framework: PortfolioTests.framework)
    }

    @Test func positionsRanksAndChangeChecked() throws {
        let benchmark = try Benchmark(try Self.portfolio(), region: "r1")
        #expect(benchmark.entries.map(\.code) == ["A", "I1", "I2", "B", "I3", "I4"])
        let i1 = benchmark.entries[1]
        // I1 over the regions: 4, 3, 2, 1, 0 -> type 7 quartiles 1, 2, 3.
        #expect(i1.value == 4 && i1.box.q1 == 1 && i1.box.median == 2 && i1.box.q3 == 3)
        #expect(i1.position == .top && i1.rank == 1)
        #expect(i1.previous == 1 && i1.change == 3)
        let i2 = benchmark.entries[2]
        #expect(i2.value == 0 && i2.position == .bottom && i2.rank == 5)
        // A = (I1 + I2) / 2 = 2 for every region: IQR 0, the value equals Q3 -> top quartile.
        #expect(benchmark.entries[0].value == 2 && benchmark.entries[0].position == .top)
        #expect(benchmark.entries[0].change == 1)
        #expect(benchmark.strengths.map(\.code) == ["A", "I1", "B", "I3", "I4"])
        #expect(benchmark.weaknesses.map(\.code) == ["I2"])
        #expect(benchmark.conventions.contains("quantile type 7"))
    }

    @Test func middlePositions() throws {
        let p = try Self.portfolio()
        #expect(try Benchmark(p, region: "r2").entries[1].position == .top)  // I1 = 3 = Q3
        let r3 = try Benchmark(p, region: "r3").entries[1]
        #expect(r3.value == 2 && r3.position == .upperMiddle)  // = median
        let r4 = try Benchmark(p, region: "r4").entries[1]
        #expect(r4.value == 1 && r4.position == .bottom)  // = Q1
        #expect(Benchmark.Position(value: 1.5, box: r4.box) == .lowerMiddle)
        #expect(Benchmark.Position(value: .nan, box: r4.box) == nil)
        #expect(try Benchmark(p, region: "r5").entries[1].previous == nil)
    }

    @Test func positionsAgreeWithTheBoxplotOnRandomPortfolios() throws {
        var random = SplitMix64(seed: 31)
        for _ in 0..<30 {
            let n = 3 + Int(random.next(upperBound: UInt64(30)))
            var lines = ["region,I1,I2,I3,I4"]
            for r in 0..<n {
                lines.append("r\(r)," + (0..<4).map { _ in String(Double(random.next(upperBound: UInt64(41))) / 10) }.joined(separator: ","))
            }
            let p = try Portfolio.parse(try CSVReader.parse(lines.joined(separator: "\n"), file: "r.csv"), framework: PortfolioTests.framework)
            let region = "r\(random.next(upperBound: UInt64(n)))"
            for entry in try Benchmark(p, region: region).entries {
                let column = entry.isComposite ? p.composites().map { $0[entry.code == "A" ? 0 : 1] } : p.column(entry.code)!
                #expect(entry.box == (try BoxplotStatistics(column)))
                switch entry.position! {
                case .top: #expect(entry.value >= entry.box.q3)
                case .bottom: #expect(entry.value <= entry.box.q1 && entry.value < entry.box.q3)
                case .upperMiddle: #expect(entry.value > entry.box.q1 && entry.value < entry.box.q3 && entry.value >= entry.box.median)
                case .lowerMiddle: #expect(entry.value > entry.box.q1 && entry.value < entry.box.median)
                }
                #expect(entry.rank == column.filter { $0 > entry.value }.count + 1)
            }
        }
    }

    @Test func scoredRegionsReplaceOrJoinThePortfolio() throws {
        let ids = Framework.stressTest.indicators.map(\.id)
        let text = (["region"] + ids).joined(separator: ",") + "\n"
            + (["Nordtal"] + ids.map { _ in "1" }).joined(separator: ",") + "\n"
            + (["Ostvik"] + ids.map { _ in "3" }).joined(separator: ",") + "\n"
        let p = try Portfolio.parse(try CSVReader.parse(text, file: "s.csv"), framework: .stressTest)
        let header = "respondent,region,group," + Questionnaire.stressTest.questions.map(\.id).joined(separator: ",")
        func row(_ id: String, _ region: String) -> String {
            ([id, region, "policy"] + Questionnaire.stressTest.questions.map { $0.groups.contains(.policy) ? "4" : "" }).joined(separator: ",")
        }
        let survey = try SurveyResponses.parse(try CSVReader.parse([header, row("a", "nordtal"), row("b", "Westmoor")].joined(separator: "\n"), file: "s.csv"))
        let scored = try p.with(SurveyScoring().score(survey))
        #expect(scored.regions.map(\.id) == ["Nordtal", "Ostvik", "Westmoor"])
        #expect(scored.values[0][0] == 4)       // replaced (names match in any case)
        #expect(scored.values[1][0] == 3)       // untouched
        #expect(scored.values[2][0] == 4)       // added
        #expect(p.values[0][0] == 1)            // the original is unchanged
        #expect(try Benchmark(scored, region: "Westmoor").entries.count == 27)
    }
}
