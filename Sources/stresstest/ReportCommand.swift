import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the StressTest-Report of a region: one self-contained HTML file, print-ready on A4.",
        discussion: """
        Renders the shipped parameterised notebook Data/report/report.LANG.md (chapters: \
        introduction, the context, the StressTest approach, results for the six key dimensions \
        with a good-practice case each, summary) for the region. With only --region it runs on \
        the demo portfolio. --responses scores the region from its survey export, adding \
        bootstrap intervals and perception gaps. --template renders an edited copy of the \
        notebook instead (its wording, chapters or language).
        Examples:
          stresstest report --region Nordtal -o nordtal.html
          stresstest report --region Nordtal --responses Data/survey_nordtal.csv --lang de -o nordtal.de.html
        """
    )

    @OptionGroup var input: ReportInput

    func run() throws { try input.render("report") }
}

struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "Write the Policy Learning Workshop pack of a region: slides printable as landscape A4 pages.",
        discussion: """
        Renders the shipped notebook Data/report/workshop.LANG.md: the StressTest approach in \
        brief, results at a glance, strengths and weaknesses, a prioritisation sheet (areas \
        ordered by distance below the portfolio's median and by perception gap, with room to \
        vote), good practices of peer regions and a fields-of-action template. The options are \
        those of report.
        Example: stresstest workshop --region Nordtal --lang de -o workshop.html
        """
    )

    @OptionGroup var input: ReportInput

    func run() throws { try input.render("workshop") }
}
