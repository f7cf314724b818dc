import Foundation
import Stats
import Testing
@testable import StressTest

/// Scoring against an independent, deliberately plain implementation of FRAMEWORK.md "Scoring",
/// on random response files with missing answers and empty groups.
@Suite("Survey scoring")
struct SurveyScoringTests {
    /// The rules, written out directly from FRAMEWORK.md with dictionaries and loops.
    struct PlainScoring {
        let framework = Framework.stressTest
        let questionnaire = Questionnaire.stressTest

        /// [region: [indicator: value]]
        func score(_ rows: [[String: String]], pooled: Bool) -> [String: [String: Double]] {
            var result = [String: [String: Double]]()
            for region in Set(rows.map { $0["region"]! }) {
                var values = [String: Double]()
                for indicator in framework.indicators {
                    let questions = questionnaire.questions.filter { $0.indicator == indicator.id }.map(\.id)
                    var perGroup = [String: [Double]]()
                    for row in rows where row["region"] == region {
                        let answers = questions.compactMap { Double(row[$0]!) }
                        if answers.isEmpty { continue }
                        perGroup[row["group"]!, default: []].append(answers.reduce(0, +) / Double(answers.count))
                    }
                    let all = perGroup.values.flatMap { $0 }
                    if all.isEmpty {
                        values[indicator.id] = .nan
                    } else if pooled {
                        values[indicator.id] = all.reduce(0, +) / Double(all.count)
                    } else {
                        let means = perGroup.values.map { $0.reduce(0, +) / Double($0.count) }
                        values[indicator.id] = means.reduce(0, +) / Double(means.count)
                    }
                }
                result[region] = values
            }
            return result
        }
    }

    /// A random survey export: 1-4 regions, 0-9 respondents per group (so some groups are empty),
    /// answers 0-4 or missing (empty, DK, don't know) for the questions each group is asked.
    static func randomSurvey(_ random: inout SplitMix64) -> (csv: String, rows: [[String: String]]) {
        let questionnaire = Questionnaire.stressTest
        var lines = ["respondent,region,group," + questionnaire.questions.map(\.id).joined(separator: ",")]
        var rows = [[String: String]]()
        var id = 0
        for r in 0..<Int(1 + random.next(upperBound: UInt64(4))) {
            for group in StakeholderGroup.allCases {
                for _ in 0..<Int(random.next(upperBound: UInt64(10))) {
                    id += 1
                    var row = ["region": "R\(r)", "group": group.rawValue]
                    var cells = ["id\(id)", "R\(r)", [group.rawValue, group.letter, group.rawValue.uppercased()][Int(random.next(upperBound: UInt64(3)))]]
                    for question in questionnaire.questions {
                        var cell = ""
                        if question.groups.contains(group) {
                            switch random.next(upperBound: UInt64(10)) {
                            case 0: cell = "DK"
                            case 1: cell = "don't know"
                            case 2: cell = ""
                            default: cell = String(random.next(upperBound: UInt64(5)))
                            }
                        }
                        row[question.id] = cell
                        cells.append(cell)
                    }
                    rows.append(row)
                    lines.append(cells.joined(separator: ","))
                }
            }
        }
        return (lines.joined(separator: "\n"), rows)
    }

    @Test("matches the plain implementation on random response files", arguments: [false, true])
    func matchesPlainImplementation(pooled: Bool) throws {
        var random = SplitMix64(seed: pooled ? 0x5C0 : 0x5C1)
        let plain = PlainScoring()
        let scoring = SurveyScoring(method: pooled ? .pooled : .groupBalanced)
        for _ in 0..<40 {
            let (csv, rows) = Self.randomSurvey(&random)
            guard !rows.isEmpty else { continue }
            let survey = try SurveyResponses.parse(try CSVReader.parse(csv, file: "random.csv"))
            let expected = plain.score(rows, pooled: pooled)
            for score in scoring.score(survey) {
                for (id, value) in expected[score.region]! {
                    let got = score.indicators[id]!.value
                    #expect(got.isNaN == value.isNaN && (got.isNaN || abs(got - value) <= 1e-12),
                            "\(score.region) \(id): \(got) vs \(value)")
                }
                // Composites: the weighted mean of the dimension's indicators present (equal
                // weights in the shipped framework), missing under a 2/3 share.
                for dimension in plain.framework.dimensions {
                    let values = plain.framework.indicators(in: dimension.code).map { expected[score.region]![$0.id]! }
                    let present = values.filter { !$0.isNaN }
                    let composite = Double(present.count) >= 2.0 / 3.0 * Double(values.count) && !present.isEmpty
                        ? present.reduce(0, +) / Double(present.count) : .nan
                    let got = score.composites[dimension.code]!
                    #expect(got.isNaN == composite.isNaN && (got.isNaN || abs(got - composite) <= 1e-12))
                }
                let counts = Dictionary(grouping: rows.filter { $0["region"] == score.region }, by: { $0["group"]! }).mapValues(\.count)
                for group in StakeholderGroup.allCases {
                    #expect(score.respondents[group] == counts[group.rawValue, default: 0])
                    #expect(score.smallGroups.contains(group) == (counts[group.rawValue, default: 0] < 3))
                }
            }
        }
    }

    @Test func perceptionGapAndStandardDeviation() throws {
        // I02 is question Q03, asked of all groups: policy 4 and 4, operational 1, intermediate 2.
        let header = "respondent,region,group," + Questionnaire.stressTest.questions.map(\.id).joined(separator: ",")
        func row(_ id: String, _ group: String, q03: String) -> String {
            ([id, "Nordtal", group] + Questionnaire.stressTest.questions.map { $0.id == "Q03" ? q03 : "" }).joined(separator: ",")
        }
        let csv = [header, row("a", "P", q03: "4"), row("b", "P", q03: "4"), row("c", "O", q03: "1"), row("d", "I", q03: "2")]
            .joined(separator: "\n")
        let score = SurveyScoring().score(try SurveyResponses.parse(try CSVReader.parse(csv, file: "gap.csv")))[0]
        let i02 = try #require(score.indicators["I02"])
        #expect(i02.value == (4 + 1 + 2) / 3.0)  // group-balanced
        #expect(i02.perceptionGap == 3)
        #expect(abs(i02.standardDeviation - 1.5) < 1e-15)  // sd of 4, 4, 1, 2
        #expect(i02.groupMeans == [.policy: 4, .operational: 1, .intermediate: 2])
        #expect(SurveyScoring(method: .pooled).score(try SurveyResponses.parse(try CSVReader.parse(csv, file: "gap.csv")))[0]
            .indicators["I02"]!.value == 11.0 / 4)
        #expect(score.unansweredIndicators.contains("I01"))
        #expect(!score.unansweredIndicators.contains("I02"))
        #expect(score.smallGroups == [.policy, .operational, .intermediate])
    }

    @Test func bootstrapIsSeededAndBounded() throws {
        var random = SplitMix64(seed: 77)
        var csv = ""
        repeat { csv = Self.randomSurvey(&random).csv } while csv.split(separator: "\n").count < 15
        let survey = try SurveyResponses.parse(try CSVReader.parse(csv, file: "boot.csv"))
        let first = SurveyScoring().bootstrap(survey, resamples: 300, seed: 9)
        let again = SurveyScoring().bootstrap(survey, resamples: 300, seed: 9)
        let other = SurveyScoring().bootstrap(survey, resamples: 300, seed: 10)
        var differs = false
        for (a, (b, c)) in zip(first, zip(again, other)) {
            for id in a.indicatorIDs {
                #expect(a.indicators[id]!.interval == b.indicators[id]!.interval)
                if a.indicators[id]!.interval != c.indicators[id]!.interval { differs = true }
                if let interval = a.indicators[id]!.interval {
                    #expect(interval.lowerBound >= 0 && interval.upperBound <= 4)
                }
            }
        }
        #expect(differs, "another seed gives other intervals")
    }
}
