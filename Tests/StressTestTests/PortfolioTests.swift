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

    /// Missing values as -1, so that arrays of values compare with ==.
    static func comparable(_ rows: [[Double]]) -> [[Double]] { rows.map { $0.map { $0.isNaN ? -1 : $0 } } }
    static func comparable(_ waves: [Int: [String: [Double]]]) -> [Int: [String: [Double]]] {
        waves.mapValues { $0.mapValues { $0.map { $0.isNaN ? -1 : $0 } } }
    }

    /// Everything a portfolio file holds is the same in both.
    static func expectSame(_ a: Portfolio, _ b: Portfolio, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.regions == b.regions, sourceLocation: sourceLocation)
        #expect(a.year == b.year && a.years == b.years && a.previousYear == b.previousYear, sourceLocation: sourceLocation)
        #expect(comparable(a.values) == comparable(b.values), sourceLocation: sourceLocation)
        #expect(comparable(a.otherWaves) == comparable(b.otherWaves), sourceLocation: sourceLocation)
        #expect(comparable(a.previousValues) == comparable(b.previousValues), sourceLocation: sourceLocation)
        #expect(a.variables == b.variables && comparable(a.variableValues) == comparable(b.variableValues), sourceLocation: sourceLocation)
        #expect(a.attributes == b.attributes && a.attributeValues == b.attributeValues, sourceLocation: sourceLocation)
        #expect(a.otherWaveRows.mapValues { $0.map(\.region) } == b.otherWaveRows.mapValues { $0.map(\.region) }, sourceLocation: sourceLocation)
        #expect(a.otherWaveRows.mapValues { comparable($0.map(\.variables)) } == b.otherWaveRows.mapValues { comparable($0.map(\.variables)) },
                sourceLocation: sourceLocation)
        #expect(a.otherWaveRows.mapValues { $0.map(\.attributes) } == b.otherWaveRows.mapValues { $0.map(\.attributes) }, sourceLocation: sourceLocation)
    }

    static func comparable(_ rows: [String: [Double]]) -> [String: [Double]] { rows.mapValues { $0.map { $0.isNaN ? -1 : $0 } } }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portfolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theDemoRoundTripsWithEveryWaveAndItsChange() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.csv").path
        let demo = try Portfolio.demo()
        #expect(try demo.save(to: path).isEmpty)
        let again = try Portfolio.load(path: path, framework: .stressTest)
        Self.expectSame(again, demo)
        #expect(again.years == [2024, 2026] && again.previousValues.count == 26)
        let change = try Benchmark(demo, region: "Nordtal").entries.map { $0.change ?? .nan }
        #expect(try Benchmark(again, region: "Nordtal").entries.map { $0.change ?? .nan } == change)
        // The earlier wave reads back too, as the demo's own.
        Self.expectSame(try Portfolio.load(path: path, framework: .stressTest, year: 2024), try Portfolio.demo(year: 2024))
    }

    @Test func twoWavesAreSavedOneRowPerRegionAndYear() throws {
        let p = try PortfolioTests.load()
        // Every wave as it was read: the 2024 population and note too.
        #expect(p.csv() == """
        region,name,country,year,population,I1,I2,I3,I4,note
        nt,Nordtal,DE,2024,1.5,1,2,3,4,x
        sm,Südmark,AT,2024,2.5,2,2,2,2,
        nt,Nordtal,DE,2026,1.5,2,3,,1,y
        sm,Südmark,AT,2026,2.5,3,1,1,1,
        ov,Ostvik,SE,2026,,4,4,4,0,z

        """)
        let again = try PortfolioTests.load(p.csv())
        Self.expectSame(again, p)
        #expect(again.previousValues["nt"] == [1, 2, 3, 4])
        let earlier = try PortfolioTests.load(year: 2024)
        Self.expectSame(try PortfolioTests.load(earlier.csv(), year: 2024), earlier)
        #expect(earlier.unsavedState == ["the file's latest wave is 2026: read it back with year: 2024 to show the 2024 wave"])
    }

    static func scores(_ file: String, renaming: (String, String)? = nil) throws -> [RegionScore] {
        let url = try #require(ShippedData.url(file))
        var text = try String(contentsOf: url, encoding: .utf8)
        if let (old, new) = renaming { text = text.replacingOccurrences(of: old, with: new) }
        return SurveyScoring().score(try SurveyResponses.parse(try CSVReader.parse(text, file: file)))
    }

    @Test func aPortfolioWithScoredRegionsRoundTripsAndSaysItsCautionsAreNotSaved() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("with.csv").path
        // Valdelora replaces its row (with a small group); Neuland is a new region.
        let q = try Portfolio.demo().with(try Self.scores("survey_valdelora.csv") + Self.scores("survey_veenland.csv", renaming: ("Veenland", "Neuland")))
        #expect(q.regions.count == 27 && q.cautions["Valdelora"] != nil)
        let notes = try q.save(to: path)
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix("the cautions of Valdelora (small survey groups, unanswered indicators) are not saved") == true)
        let again = try Portfolio.load(path: path, framework: .stressTest)
        Self.expectSame(again, q)
        #expect(again.regions.last == Portfolio.Region(id: "Neuland") && again.cautions.isEmpty)
    }

    @Test(.referenceData("ris/ris2023_regions.csv", "ris/ris2023_indicators.csv"))
    func theRISRoundTripsWithItsEightWaves() throws {
        guard let regions = ReferenceData.url("ris/ris2023_regions.csv"),
              let indicators = ReferenceData.url("ris/ris2023_indicators.csv") else { return }
        let framework = try Framework.load(path: indicators.path)
        let p = try Portfolio.load(path: regions.path, framework: framework)
        let again = try Portfolio.parse(try CSVReader.parse(p.csv(), file: "saved.csv"), framework: framework)
        Self.expectSame(again, p)
        #expect(again.otherWaves.count == 7)
    }

    @Test func imputedValuesAreSavedNormalisedOnesAreRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("steps.csv").path
        let p = try PortfolioTests.load()
        let imputed = try p.imputed(method: .mean)
        let notes = try imputed.save(to: path)
        #expect(notes.contains("the 1 imputed cell is saved as plain values: read back, nothing marks it imputed and p.steps is empty"))
        #expect(notes.contains("the wave 2024 is not saved: the pipeline step dropped it"))
        let again = try Portfolio.load(path: path, framework: PortfolioTests.framework)
        #expect(Self.comparable(again.values) == Self.comparable(imputed.values) && again.otherWaves.isEmpty)
        let normalised = try Portfolio.demo().normalised(method: .minMax(lower: 0, upper: 100))
        do {
            try normalised.save(to: path, replace: true)
            Issue.record("a normalised portfolio was saved")
        } catch {
            #expect(error.message.hasPrefix("the portfolio's values have been changed by normalisation (min-max to 0..100)"))
            #expect(error.message.hasSuffix("would not read back as a portfolio"))
            #expect(error.help == "save the portfolio before the normalisation, and repeat the step after reading it back")
        }
        // The refused file is not written over.
        #expect(Self.comparable(try Portfolio.load(path: path, framework: PortfolioTests.framework).values) == Self.comparable(imputed.values))
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
