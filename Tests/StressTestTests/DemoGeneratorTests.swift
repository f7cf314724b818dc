import Foundation
import Stats
import Testing
@testable import StressTest

/// The demo data: the shipped files are what the generator makes, the example surveys score to
/// their regions' 2026 rows, and the data has the documented model's properties.
@Suite("Demo generator")
struct DemoGeneratorTests {
    static let indicatorIDs = Framework.stressTest.indicators.map(\.id)
    static let structuralColumns = ["population", "gdp_pps", "manufacturing_share", "rd_intensity", "cluster_organisations"]
    static let euCountries: Set<String> = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
                                           "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]

    /// The shipped portfolio as a table.
    static func portfolio() throws -> CSVTable {
        let url = try #require(ShippedData.url(DemoGenerator.portfolioFile))
        return try CSVReader.read(path: url.path)
    }

    /// The cells of column `name` of a row.
    static func cell(_ table: CSVTable, _ row: [String], _ name: String) throws -> String {
        row[try #require(table.column(named: name), "no column \(name)")]
    }

    /// The indicator values of the rows of one year, NaN for an empty cell.
    static func values(_ table: CSVTable, year: String) throws -> (regions: [String], values: [[Double]]) {
        var regions = [String](), values = [[Double]]()
        for row in table.rows where try cell(table, row, "year") == year {
            regions.append(try cell(table, row, "region"))
            values.append(try indicatorIDs.map { id in
                let text = try cell(table, row, id)
                return text.isEmpty ? .nan : try #require(Double(text), "\(id): \(text)")
            })
        }
        return (regions, values)
    }

    // MARK: (1) Regeneration

    @Test func generatingWritesTheShippedFilesByteForByte() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("demo-generator-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let urls = try DemoGenerator().write(to: folder)
        #expect(urls.map(\.lastPathComponent)
            == [DemoGenerator.portfolioFile] + DemoGenerator.exampleSurveys.map(\.file))
        for url in urls {
            let shipped = try #require(ShippedData.url(url.lastPathComponent), "\(url.lastPathComponent) is not shipped")
            let written = try Data(contentsOf: url)
            #expect(written == (try Data(contentsOf: shipped)),
                    "\(url.lastPathComponent) differs from the shipped file: run `stresstest demo generate` in the package root")
        }
        // Written files are readable by everyone, like the rest of Data/.
        let permissions = try FileManager.default.attributesOfItem(atPath: urls[0].path)[.posixPermissions] as? Int
        #expect(permissions == 0o644)
    }

    @Test func generationIsDeterministicAndTheSeedMatters() {
        let a = DemoGenerator().generate(), b = DemoGenerator(seed: DemoGenerator.defaultSeed).generate()
        #expect(a.files == b.files)
        #expect(a.outliers == b.outliers)
        let other = DemoGenerator(seed: 7).generate()
        #expect(other.files[0] != a.files[0])
        #expect(other.files[0].contents.contains("seed 7)"))
    }

    @Test func filesAreUTF8WithLFLineEndsAndAFinalLineBreak() {
        for file in DemoGenerator().generate().files {
            #expect(!file.contents.contains("\r"), "\(file.name)")
            #expect(file.contents.hasSuffix("\n") && !file.contents.hasSuffix("\n\n"), "\(file.name)")
            #expect(file.name == file.name.lowercased() && file.name.allSatisfy(\.isASCII), "\(file.name)")
        }
    }

    // MARK: (2) The example surveys score to the portfolio

    @Test(arguments: DemoGenerator.exampleSurveys.map(\.file))
    func scoringAnExampleSurveyGivesItsRegions2026Row(file: String) throws {
        let url = try #require(ShippedData.url(file), "\(file) is not shipped")
        let survey = try SurveyResponses.read(path: url.path)
        let scores = SurveyScoring().score(survey)
        #expect(scores.count == 1)
        let score = try #require(scores.first)

        let table = try Self.portfolio()
        let row = try #require(try table.rows.first {
            try Self.cell(table, $0, "region") == score.region && Self.cell(table, $0, "year") == "2026"
        }, "no 2026 row of \(score.region)")
        for id in Self.indicatorIDs {
            let text = try Self.cell(table, row, id)
            let value = try #require(score.indicators[id]).value
            if value.isNaN {
                #expect(text.isEmpty, "\(score.region) \(id): nobody answered, so the cell should be empty")
            } else {
                let written = try #require(Double(text), "\(score.region) \(id): \(text)")
                #expect(written == value, "\(score.region) \(id): written \(text), scored \(value)")
                #expect(text == DemoGenerator.number(value), "\(score.region) \(id): not the shortest form")
            }
        }
    }

    // MARK: (3) The model's properties

    @Test func portfolioHas26RegionsInTwoWavesWithStructuralVariables() throws {
        let table = try Self.portfolio()
        #expect(table.header == ["region", "country", "year"] + Self.structuralColumns + Self.indicatorIDs + ["source"])
        #expect(table.rows.count == 52)
        var years = [String: [String]]()
        var countries = [String: Int]()
        for row in table.rows {
            let region = try Self.cell(table, row, "region")
            years[region, default: []].append(try Self.cell(table, row, "year"))
            countries[try Self.cell(table, row, "country"), default: 0] += 1
            #expect(try Self.cell(table, row, "source") == "synthetic demo data (stresstest demo generate, seed 2026)")
        }
        #expect(years.count == 26)
        #expect(years.values.allSatisfy { $0 == ["2024", "2026"] })
        #expect(Set(years.keys) == Set(DemoGenerator.regions.map(\.name)))
        #expect(Set(countries.keys).isSubset(of: Self.euCountries))
        #expect(countries.values.allSatisfy { $0 >= 4 }, "several regions (two waves each) per country: \(countries)")

        let ranges: [String: ClosedRange<Double>] = [
            "population": 300_000...8_000_000, "gdp_pps": 18_000...60_000, "manufacturing_share": 8...30,
            "rd_intensity": 0.4...4.5, "cluster_organisations": 2...45,
        ]
        for row in table.rows {
            for column in Self.structuralColumns {
                let text = try Self.cell(table, row, column)
                let value = try #require(Double(text), "\(column): \(text)")
                #expect(ranges[column]!.contains(value), "\(column) \(value)")
                #expect(text == DemoGenerator.number(value), "\(column): \(text) is not in the shortest form")
            }
            #expect(Int(try Self.cell(table, row, "population")) != nil)
            #expect(Int(try Self.cell(table, row, "cluster_organisations")) != nil)
        }
        // The structural variables follow the latent performance: GDP and R&D intensity
        // correlate positively across regions.
        let gdp = try table.rows.map { try #require(Double(try Self.cell(table, $0, "gdp_pps"))) }
        let research = try table.rows.map { try #require(Double(try Self.cell(table, $0, "rd_intensity"))) }
        #expect(try Correlation(gdp, research).value > 0.2)
    }

    @Test func indicatorsAreOnTheScaleAndOrdinaryRowsHaveTwoDecimals() throws {
        let table = try Self.portfolio()
        let examples = Set(DemoGenerator.exampleSurveys.map(\.region))
        for row in table.rows {
            let region = try Self.cell(table, row, "region"), year = try Self.cell(table, row, "year")
            let scored = examples.contains(region) && year == "2026"
            for id in Self.indicatorIDs {
                let text = try Self.cell(table, row, id)
                let value = try #require(Double(text), "\(region) \(year) \(id): \(text)")
                #expect((0...4).contains(value), "\(region) \(year) \(id) = \(value)")
                #expect(text == DemoGenerator.number(value), "\(region) \(year) \(id): \(text) is not in the shortest form")
                if !scored {
                    #expect(DemoGenerator.round(value, 2) == value, "\(region) \(year) \(id) = \(text): not 2 decimals")
                }
            }
        }
    }

    @Test func indicatorsCorrelateWithinDimensionsMoreThanAcross() throws {
        let framework = Framework.stressTest
        let table = try Self.portfolio()
        for year in ["2024", "2026"] {
            let (_, values) = try Self.values(table, year: year)
            var within = [Double](), across = [Double]()
            for a in framework.indicators.indices {
                for b in framework.indicators.indices where b > a {
                    let r = try Correlation(values.map { $0[a] }, values.map { $0[b] }).value
                    if framework.indicators[a].dimension == framework.indicators[b].dimension {
                        within.append(r)
                    } else {
                        across.append(r)
                    }
                }
            }
            let meanWithin = Moments.mean(within), meanAcross = Moments.mean(across)
            #expect(meanWithin > 0.5, "\(year): mean correlation within dimensions \(meanWithin)")
            #expect(meanAcross > 0.05 && meanAcross < 0.4, "\(year): mean correlation across dimensions \(meanAcross)")
            #expect(meanWithin > meanAcross + 0.25, "\(year): within \(meanWithin), across \(meanAcross)")
        }
    }

    @Test func theRegionsImproveOnAverageFrom2024To2026() throws {
        let table = try Self.portfolio()
        let first = try Self.values(table, year: "2024"), second = try Self.values(table, year: "2026")
        #expect(first.regions == second.regions)
        let change = zip(first.values, second.values).flatMap { zip($1, $0).map { $0 - $1 } }
        let mean = Moments.mean(change)
        #expect(mean > 0.05 && mean < 0.3, "mean change \(mean)")
    }

    @Test func theDocumentedOutliersLieBeyondTheBoxplotFences() throws {
        let outliers = DemoGenerator().generate().outliers
        #expect(outliers.count == DemoGenerator.outlierCount)
        #expect(Set(outliers.map(\.indicator)).count == outliers.count)
        #expect(Set(outliers.map(\.region)).count == outliers.count)
        let table = try Self.portfolio()
        let (regions, values) = try Self.values(table, year: "2024")
        for outlier in outliers {
            #expect(DemoGenerator.outlierShift.contains(abs(outlier.shift)))
            #expect(!DemoGenerator.exampleSurveys.map(\.region).contains(outlier.region))
            let column = try #require(Self.indicatorIDs.firstIndex(of: outlier.indicator))
            let row = try #require(regions.firstIndex(of: outlier.region))
            let box = try BoxplotStatistics(values.map { $0[column] })
            #expect(box.outlierPositions.contains(row),
                    "\(outlier.region) \(outlier.indicator) = \(values[row][column]), fences \(box.lowerFence)...\(box.upperFence)")
        }
    }

    @Test(arguments: DemoGenerator.exampleSurveys)
    func exampleSurveysHave10To40RespondentsInAllGroupsAndSomeDontKnows(example: DemoGenerator.ExampleSurvey) throws {
        let url = try #require(ShippedData.url(example.file), "\(example.file) is not shipped")
        let table = try CSVReader.read(path: url.path)
        let survey = try SurveyResponses.parse(table)
        #expect(survey.regions == [example.region])
        #expect((10...40).contains(survey.respondents.count))
        #expect(survey.ignoredColumns == ["submitted", "language", "source"])
        let score = try #require(SurveyScoring().score(survey).first)
        for (group, count) in example.respondents {
            #expect(score.respondents[group] == count, "\(group)")
        }
        #expect(StakeholderGroup.allCases.allSatisfy { score.respondents[$0, default: 0] > 0 })

        // Some "don't know", in both spellings across the examples; no answer outside 0...4.
        let questionColumns = Questionnaire.stressTest.questions.map { table.column(named: $0.id)! }
        let cells = table.rows.flatMap { row in questionColumns.map { row[$0] } }
        let dontKnows = cells.filter { $0 == "DK" || $0 == "don't know" }.count
        #expect(dontKnows > 0)
        #expect(cells.allSatisfy { ["", "DK", "don't know", "0", "1", "2", "3", "4"].contains($0) })
        #expect(score.unansweredIndicators.isEmpty)
    }

    @Test func oneExampleSurveyHasASmallGroupThatIsFlagged() throws {
        var flagged = [String]()
        for example in DemoGenerator.exampleSurveys {
            let url = try #require(ShippedData.url(example.file))
            let score = try #require(SurveyScoring().score(try SurveyResponses.read(path: url.path)).first)
            if !score.smallGroups.isEmpty { flagged.append("\(score.region): \(score.smallGroups)") }
        }
        #expect(flagged == ["Valdelora: [StressTest.StakeholderGroup.policy]"])
    }

    @Test func bothDontKnowSpellingsAppear() throws {
        let texts = try DemoGenerator.exampleSurveys.map { example in
            try String(contentsOf: try #require(ShippedData.url(example.file)), encoding: .utf8)
        }.joined()
        #expect(texts.contains(",DK,") && texts.contains(",don't know,"))
    }

    @Test func portableMathMatchesTheLibrary() {
        var random = SplitMix64(seed: 1)
        for _ in 0..<10_000 {
            let u = random.openUnit()
            #expect(abs(PortableMath.log(u) - Foundation.log(u)) <= 1e-15 * max(1, abs(Foundation.log(u))))
            let x = (random.unit() - 0.5) * 40
            #expect(abs(PortableMath.exp(x) - Foundation.exp(x)) <= 1e-14 * Foundation.exp(x))
            let v = random.unit()
            #expect(abs(PortableMath.cosTwoPi(v) - Foundation.cos(2 * Double.pi * v)) <= 1e-14)
        }
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.cosTwoPi(0) == 1)
    }

    @Test func normalDeviatesHaveMeanZeroAndVarianceOne() {
        var random = DemoRandom(seed: 42, stream: 1)
        let z = (0..<200_000).map { _ in random.normal() }
        let mean = Moments.mean(z)
        #expect(abs(mean) < 0.01)
        #expect(abs(Moments.variance(z, mean: mean) - 1) < 0.02)
    }
}
