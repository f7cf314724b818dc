import ArgumentParser
import StressTest

/// `stresstest survey questionnaire --group G`: the questionnaire for one stakeholder group, or
/// the answer sheet to collect its answers in.
struct SurveyQuestionnaireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questionnaire",
        abstract: "Print the questionnaire for one stakeholder group (Markdown) or its answer sheet (CSV).",
        discussion: """
        --format md prints the group's statements under their key dimensions, with the 0 ... 4 scale. \
        --format csv prints the answer sheet: the header respondent,region,group,Q01,...,Q25 (every \
        question, whichever group answers) and one starter row with the group filled in.
        Example: stresstest survey questionnaire --group policy > policy.md
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case md, csv
    }

    @Option(help: ArgumentHelp("The stakeholder group: \(StakeholderGroup.allowedText).", valueName: "group"))
    var group: String

    @Option(help: "md for the questionnaire (Markdown), csv for the answer sheet.")
    var format: OutputFormat = .md

    @Option(help: "The region to fill in the answer sheet's starter row (with --format csv).")
    var region: String?

    func validate() throws {
        guard StakeholderGroup(parsing: group) != nil else {
            throw ValidationError("'\(group)' is not a stakeholder group; allowed: \(StakeholderGroup.allowedText).")
        }
        if region != nil && format != .csv {
            throw ValidationError("--region applies only to the answer sheet (--format csv).")
        }
    }

    func run() throws {
        let group = StakeholderGroup(parsing: group)!
        let questionnaire = Questionnaire.stressTest
        switch format {
        case .md: SurveyCommand.write(questionnaire.markdown(for: group))
        case .csv: SurveyCommand.write(questionnaire.answerTemplateCSV(for: group, region: region ?? ""))
        }
    }
}
