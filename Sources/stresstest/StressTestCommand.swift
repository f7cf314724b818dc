import ArgumentParser

@main
struct StressTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stresstest",
        abstract: "Regional benchmarking: indicators, boxplots, composite indicators and their sensitivity, peer regions.",
        discussion: "Without a command, opens the interactive REPL on a terminal, or runs the script read from standard input.",
        version: "0.1.0",
        subcommands: [ReplCommand.self, RunCommand.self, RenderCommand.self, ReportCommand.self, WorkshopCommand.self, WatchCommand.self, CheckCommand.self, EvalCommand.self, SurveyCommand.self, DemoCommand.self],
        defaultSubcommand: ReplCommand.self
    )
}
