import ArgumentParser
import Foundation
import Script

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "The interactive REPL (the default on a terminal).",
        discussion: """
        Line editing and a persistent history (in $STRESSTEST_HISTORY, default ~/.stresstest_history). \
        An unfinished line (an open bracket) continues on the next. Errors never end the session. \
        Type help() for the functions, quit or Ctrl-D to leave. When standard input is not a \
        terminal, the input is run as a script.
        """
    )

    @Option(help: "Start with this portfolio loaded as `p`: demo (the shipped synthetic one) or a CSV file with the StressTest framework's indicators.")
    var portfolio: String?

    func run() throws {
        let interpreter = Interpreter()
        if let portfolio {
            let code = "p = portfolio(\"\(portfolio.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\")"
            guard ScriptOutput.runScript(Source(name: "--portfolio", text: code), in: interpreter) else { throw ExitCode(1) }
        }
        guard isatty(STDIN_FILENO) == 1 else {
            let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            guard ScriptOutput.runScript(Source(name: "stdin", text: text), in: interpreter) else { throw ExitCode(1) }
            return
        }
        REPL(lineReader: LineReader(historyPath: LineReader.defaultHistoryPath), interpreter: interpreter).run()
    }
}
