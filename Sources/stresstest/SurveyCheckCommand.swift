import ArgumentParser
import Charts
import StressTest

/// `stresstest survey check FILE`: validates a survey export and reports who answered.
struct SurveyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a survey file and report the respondents per region and stakeholder group.",
        discussion: """
        On a valid file, prints the number of respondents, the columns that are not part of the survey \
        (ignored), a table of respondents per region and group, and flags: groups with fewer than \
        \(SurveyScoring.minimumGroupSize) respondents (results are not robust for them), indicators nobody \
        answered, respondents who answered no question. Flags are warnings: the exit status is 0. \
        On an invalid file, prints every problem to standard error and exits with status 1.
        """
    )

    @Argument(help: "The survey file (CSV).")
    var file: String

    func run() throws {
        let survey = try SurveyCommand.loadSurvey(file)
        ScriptOutput.print(Self.report(survey).joined(separator: "\n"))
    }

    /// The report's lines.
    static func report(_ survey: SurveyResponses) -> [String] {
        let groups = StakeholderGroup.allCases
        let regions = survey.regions
        var lines = [String]()
        lines.append("Survey file: \(survey.file)")
        let total = survey.respondents.count
        lines.append("Respondents: \(total) in \(regions.count) region\(regions.count == 1 ? "" : "s")")
        lines.append("Ignored columns: " + (survey.ignoredColumns.isEmpty ? "none" : survey.ignoredColumns.joined(separator: ", ")))

        var counts = [String: [StakeholderGroup: Int]]()
        for respondent in survey.respondents { counts[respondent.region, default: [:]][respondent.group, default: 0] += 1 }
        if !regions.isEmpty {
            func count(_ n: Int) -> DataTable.Cell { .number(Double(n)) }
            var columns = [DataTable.Column("region", (regions + ["total"]).map(DataTable.Cell.text))]
            for group in groups {
                columns.append(.init(group.rawValue, regions.map { count(counts[$0]?[group] ?? 0) }
                    + [count(survey.respondents.count(where: { $0.group == group }))]))
            }
            columns.append(.init("total", regions.map { count(counts[$0]?.values.reduce(0, +) ?? 0) } + [count(total)]))
            lines.append("")
            lines.append("Respondents per region and stakeholder group:")
            lines.append("")
            lines += SurveyCommand.lines(DataTable(columns))
        }

        var flags = [String]()
        if total == 0 { flags.append("the file has no respondents") }
        let scores = SurveyScoring().score(survey)
        for score in scores {
            let small = score.smallGroups
            if !small.isEmpty {
                flags.append("\(score.region): fewer than \(SurveyScoring.minimumGroupSize) respondents in "
                             + SurveyCommand.groupCounts(small, score.respondents))
            }
            let unanswered = score.unansweredIndicators
            if !unanswered.isEmpty {
                flags.append("\(score.region): indicators nobody answered: \(unanswered.joined(separator: ", "))")
            }
            let silent = survey.respondents.filter { $0.region == score.region && $0.answers.allSatisfy(\.isNaN) }
            if !silent.isEmpty {
                flags.append("\(score.region): respondents who answered no question: "
                             + silent.map { "\($0.id) (row \($0.row))" }.joined(separator: ", "))
            }
        }
        lines.append("")
        if flags.isEmpty {
            lines.append("Flags: none")
        } else {
            lines.append("Flags (warnings: the survey can be scored, but read these results with care):")
            lines += flags.map { "- " + $0 }
        }
        return lines
    }
}
