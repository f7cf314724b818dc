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
        Cells are numbered (In [n]: and Out[n]:); ans and Out[n] hold earlier results. ?name \
        explains a function, :help lists the commands (:vars, :run, :save, :history, :time, :reset, \
        :quit), Tab completes. Ctrl-C stops a computation and keeps the variables; quit or Ctrl-D \
        leaves. When standard input is not a terminal, the input is run as a script, without prompts.
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
        ProgressBar.install()
        REPL(interpreter: interpreter, historyPath: LineReader.defaultHistoryPath).run()
    }
}
