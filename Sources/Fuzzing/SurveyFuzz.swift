import Foundation
import StressTest

/// A survey export: read, validated against the StressTest questionnaire, then scored. Every
/// score is missing or on the 0..4 scale of the answers.
enum SurveyFuzz {
    static func run(_ bytes: [UInt8]) {
        let lines = FuzzCheck.lineCount(bytes)
        do throws(DataErrors) {
            let table = try CSVReader.parse(Data(bytes), file: "survey.csv", deferringRowProblems: true)
            let survey = try SurveyResponses.parse(table)
            FuzzCheck.require(survey.respondents.allSatisfy { (2...lines).contains($0.row) }, "a respondent outside the file's rows")
            for score in SurveyScoring().score(survey) {
                for (id, indicator) in score.indicators {
                    let value = indicator.value
                    FuzzCheck.require(value.isNaN || (0...4).contains(value), "\(score.region) \(id) = \(value), off the 0..4 scale")
                }
            }
        } catch {
            FuzzCheck.located(error, file: "survey.csv", lines: lines)
        }
    }
}
