import Foundation
import Stats
import Testing
@testable import StressTest

@Suite("Portfolios: loading, waves, adding scored regions")
struct PortfolioTests {
    /// Two dimensions of two indicators each.
    static let framework = Framework(
        dimensions: [.init(code: "A", name: "Alpha"), .init(code: "B", name: "Beta")],
        indicators: [.init(id: "I1", name: "one", dimension: "A"), .init(id: "I2", name: "two", dimension: "A"),
                     .init(id: "I3", name: "three", dimension: "B"), .init(id: "I4", name: "four", dimension: "B", weight: 3)])

    static let text = """
    region,name,country,year,population,note,I1,I2,I3,I4
    nt,Nordtal,DE,2024,1.5,x,1,2,3,4
    sm,Südmark,AT,2024,2.5,,2,2,2,2
    nt,Nordtal,DE,2026,1.5,y,2,3,,1
    sm,Südmark,AT,2026,2.5,,3,1,1,1
    ov,Ostvik,SE,2026,,z,4,4,4,0
    """

    static func load(_ text: String = text, year: Int? = nil) throws -> Portfolio {
        try Portfolio.parse(try CSVReader.parse(text, file: "p.csv"), framework: framework, year: year)
    }

    static func errors(_ text: String, year: Int? = nil) -> String {
        errorText { _ = try load(text, year: year) }
    }

    @Test func latestWaveByDefaultWithThePreviousKept() throws {
        let p = try Self.load()
        #expect(p.years == [2024, 2026])
        #expect(p.year == 2026 && p.previousYear == 2024)
        #expect(p.regions.map(\.id) == ["nt", "sm", "ov"])
        #expect(p.regions.map(\.label) == ["Nordtal", "Südmark", "Ostvik"])
        #expect(p.regions[0].country == "DE")
        #expect(p.values[0][0] == 2 && p.values[0][2].isNaN)
        #expect(p.previousValues["nt"] == [1, 2, 3, 4])
        #expect(p.previousValues["ov"] == nil)
        #expect(p.variables == ["population"] && p.attributes == ["note"])
        #expect(p.variableValues[2][0].isNaN)
        #expect(p.column("I4") == [1, 1, 0])
    }

    @Test func yearPicksAWave() throws {
        let p = try Self.load(year: 2024)
        #expect(p.regions.map(\.id) == ["nt", "sm"] && p.previousYear == nil && p.previousValues.isEmpty)
        #expect(Self.errors(Self.text, year: 2025).contains("p.csv: has no wave 2025 (allowed: its years: 2024, 2026)"))
    }

    @Test func compositesAreWeightedMeansOfThePresentIndicators() throws {
        let p = try Self.load()
        let c = p.composites()
        #expect(c[0][0] == 2.5)        // (2 + 3) / 2
        #expect(c[0][1] == 1)          // I3 missing: I4 alone carries 3/4 >= 2/3 of B's weight
        #expect(c[1][1] == (1 + 3 * 1) / 4.0)
        #expect(c[2][1] == (4 + 3 * 0) / 4.0)
    }

    @Test func semicolonFilesMayUseDecimalCommas() throws {
        let text = "region;I1;I2;I3;I4\nx;1,5;2;3;4\n"
        #expect(try Self.load(text).values[0] == [1.5, 2, 3, 4])
    }

    @Test("bad portfolio input names row, column and value", arguments: [
        ("region,I1,I2,I3,I4\nx,1,two,3,4", "p.csv, row 2, column I2: \"two\" is not a number"),
        ("region,I1,I2,I3,I4\nx,1,2,3,4\nx,1,2,3,4", "p.csv, row 3, column region: \"x\" appears twice: row 2 has it already"),
        ("region,year,I1,I2,I3,I4\nx,20x6,1,2,3,4", "p.csv, row 2, column year: \"20x6\" is not a year"),
        ("region,I1,I2\nx,1,2", "p.csv, row 1: lacks the indicator columns I3, I4 of the framework"),
        ("place,I1,I2,I3,I4\nx,1,2,3,4", "p.csv, row 1: has no region id column"),
        ("region,I1,I2,I3,I4\n,1,2,3,4", "p.csv, row 2, column region: has no region id"),
        ("region,I1,I2,I3,I4\nx,inf,2,3,4", "p.csv, row 2, column I1: \"inf\" is not a number"),
    ])
    func badInput(text: String, message: String) {
        #expect(Self.errors(text).contains(message), "\(Self.errors(text))")
    }

    @Test func unknownRegionSuggestsTheNearest() throws {
        let p = try Self.load()
        #expect(throws: PortfolioError.self) { try p.requireRegion("Nordtla") }
        do {
            _ = try p.requireRegion("Nordtla")
        } catch {
            #expect(error.help == "did you mean `Nordtal`?")
        }
        #expect(try p.requireRegion("SÜDMARK") == 1)  // names and ids, any case
    }
}

@Suite("Real portfolios: RIS 2023")
struct RealPortfolioTests {
    @Test(.referenceData("ris/ris2023_regions.csv"))
    func risLoadsWithItsIndicatorFileAsTheFramework() throws {
        guard let regions = ReferenceData.url("ris/ris2023_regions.csv"),
              let indicators = ReferenceData.url("ris/ris2023_indicators.csv") else { return }
        let framework = try Framework.load(path: indicators.path)
        #expect(framework.indicators.count == 21 && framework.dimensions.count == 12)
        let p = try Portfolio.load(path: regions.path, framework: framework)
        #expect(p.years == Array(2016...2023))
        #expect(p.year == 2023 && p.previousYear == 2022)
        #expect(p.regions.count == 246 && p.previousValues.count == 246)
        #expect(p.regions.first?.id == "AT1" && p.regions.first?.name == "Ostösterreich" && p.regions.first?.country == "AT")
        #expect(p.variables.contains("RII") && p.attributes.contains("PerformanceGroup"))
        #expect(p.values.allSatisfy { $0.count == 21 && $0.allSatisfy { !$0.isNaN } })
        let earlier = try Portfolio.load(path: regions.path, framework: framework, year: 2016)
        #expect(earlier.year == 2016 && earlier.previousYear == nil)
        let benchmark = try Benchmark(p, region: "Ostösterreich")
        #expect(benchmark.entries.count == 21 + 12)
        #expect(benchmark.previousYear == 2022)
    }
}

@Suite("Saving a portfolio")
struct PortfolioSavingTests {
    @Test func savedFilesReadBackToTheSameValues() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portfolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try Portfolio.demo()
        let path = folder.appendingPathComponent("saved.csv").path
        try demo.save(to: path)
        let again = try Portfolio.load(path: path, framework: .stressTest)
        #expect(again.regions == demo.regions && again.year == demo.year)
        #expect(again.values.map { $0.map { $0.isNaN ? -1 : $0 } } == demo.values.map { $0.map { $0.isNaN ? -1 : $0 } })
        #expect(again.variables == demo.variables && again.attributes == demo.attributes)
        #expect(throws: PortfolioError.self) { try demo.save(to: path) }
        try demo.save(to: path, replace: true)
    }
}

@Suite("Portfolio input that must not pass silently")
struct PortfolioValidationTests {
    @Test func aBadCellInAStructuralVariableIsAnError() {
        let text = "region,population,I1,I2,I3,I4\na,1500000,1,2,3,4\nb,n/a,1,2,3,4\nc,2100000,1,2,3,4\n"
        #expect(PortfolioTests.errors(text).contains("p.csv, row 3, column population: \"n/a\" is not a number"))
    }

    @Test func valuesOutsideTheIndicatorsScaleAreErrors() throws {
        let ids = Framework.stressTest.indicators.map(\.id)
        #expect(Framework.stressTest.indicators.allSatisfy { $0.scale == 0...4 })
        let text = (["region"] + ids).joined(separator: ",") + "\n"
            + (["x"] + ids.map { $0 == "I05" ? "52" : $0 == "I06" ? "-1" : "2" }).joined(separator: ",") + "\n"
        do {
            _ = try Portfolio.parse(try CSVReader.parse(text, file: "s.csv"), framework: .stressTest)
            Issue.record("out-of-scale values were accepted")
        } catch {
            #expect(error.description.contains("s.csv, row 2, column I05: \"52\" is outside the indicator's scale (allowed: 0 to 4, or an empty cell)"))
            #expect(error.description.contains("s.csv, row 2, column I06: \"-1\" is outside the indicator's scale"))
        }
    }

    @Test func twoScoresCannotReplaceOneRegion() throws {
        let ids = Framework.stressTest.indicators.map(\.id)
        let text = (["region"] + ids).joined(separator: ",") + "\n" + (["Nordtal"] + ids.map { _ in "2" }).joined(separator: ",") + "\n"
        let p = try Portfolio.parse(try CSVReader.parse(text, file: "s.csv"), framework: .stressTest)
        let header = "respondent,region,group," + Questionnaire.stressTest.questions.map(\.id).joined(separator: ",")
        func score(_ region: String) throws -> [RegionScore] {
            let row = (["r", region, "policy"] + Questionnaire.stressTest.questions.map { $0.groups.contains(.policy) ? "3" : "" }).joined(separator: ",")
            return SurveyScoring().score(try SurveyResponses.parse(try CSVReader.parse(header + "\n" + row, file: "s.csv")))
        }
        let scores = try score("Nordtal") + score("NORDTAL")
        #expect(throws: PortfolioError.self) { try p.with(scores) }
    }
}
