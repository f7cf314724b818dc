import ArgumentParser
import Foundation
import Charts
import Script
import StressTest

/// `stresstest survey`: the stakeholder survey from the command line. Checks an export, scores
/// it, prints the questionnaire and its answer sheet.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "The stakeholder survey: check an export, score it, print the questionnaire.",
        discussion: """
        A survey file is a CSV file (, or ;) with the columns respondent, region, group and Q01 ... Q25, \
        one respondent per row; answers 0 ... 4, empty, DK or don't know for a missing answer; groups \
        policy, operational, intermediate (or P, O, I). Other columns are ignored. Every problem in the \
        file is printed to standard error with its row, column and value, and the exit status is 1.
        """,
        subcommands: [SurveyCheckCommand.self, SurveyScoreCommand.self, SurveyQuestionnaireCommand.self]
    )
}

// MARK: Shared by the survey subcommands

extension SurveyCommand {
    /// Reads and validates a survey file. On problems, prints every one of them to standard
    /// error and exits with status 1.
    static func loadSurvey(_ path: String) throws -> SurveyResponses {
        do {
            return try SurveyResponses.read(path: path)
        } catch {
            ScriptOutput.printError(error.description)
            throw ExitCode(1)
        }
    }

    /// Writes `text` to standard output as it is (no line break added).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// A table as the terminal shows it (the one table layout of `Charts`).
    static func lines(_ table: DataTable) -> [String] {
        TerminalRenderer().render(table).components(separatedBy: "\n")
    }

    /// "operational (2), intermediate (0)": groups with their respondent counts.
    static func groupCounts(_ groups: [StakeholderGroup], _ counts: [StakeholderGroup: Int]) -> String {
        groups.map { "\($0.rawValue) (\(counts[$0, default: 0]))" }.joined(separator: ", ")
    }
}
