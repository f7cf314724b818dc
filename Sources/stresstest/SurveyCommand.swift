import ArgumentParser
import Foundation
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

    /// Lines of a text table: columns separated by two spaces, the columns in `rightAligned`
    /// padded on the left, the last column not padded on the right.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                if column > 0 { line += "  " }
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if rightAligned.contains(column) {
                    line += padding + cell
                } else {
                    line += column == cells.count - 1 ? cell : cell + padding
                }
            }
            return line
        }
    }

    /// A value for reading: 2 decimals, `-` when missing.
    static func fixed(_ x: Double) -> String {
        x.isNaN ? "-" : String(format: "%.2f", x)
    }

    /// A value for files: the shortest form that reads back as the same number (integers
    /// without `.0`), as in `Format.json`; missing is the empty string.
    static func exact(_ x: Double) -> String {
        x.isNaN ? "" : Format.json(.number(x))
    }

    /// A CSV field, quoted when it holds the delimiter, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// "operational (2), intermediate (0)": groups with their respondent counts.
    static func groupCounts(_ groups: [StakeholderGroup], _ counts: [StakeholderGroup: Int]) -> String {
        groups.map { "\($0.rawValue) (\(counts[$0, default: 0]))" }.joined(separator: ", ")
    }
}
