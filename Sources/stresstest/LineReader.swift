import CEditLine
import Foundation

/// Set by the SIGINT handler (Ctrl-C).
nonisolated(unsafe) private var interrupted: sig_atomic_t = 0

/// Line editing and history through libedit's readline interface. The history is loaded at
/// start and written atomically (a temporary file in the same folder, then a rename) after
/// every statement, so that a killed session loses nothing.
final class LineReader {
    let historyPath: String
    private static let historyLimit: Int32 = 2000

    static var defaultHistoryPath: String {
        if let path = ProcessInfo.processInfo.environment["STRESSTEST_HISTORY"], !path.isEmpty { return path }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".stresstest_history").path
    }

    init(historyPath: String) {
        self.historyPath = historyPath
        using_history()
        stifle_history(Self.historyLimit)
        if FileManager.default.fileExists(atPath: historyPath) {
            read_history(historyPath)
        }
        // Ctrl-C abandons the line being typed, as in a shell, instead of ending the session.
        editline_leave_signals_to_application()
        signal(SIGINT) { _ in
            interrupted = 1
            _ = write(STDOUT_FILENO, "\n", 1)
        }
    }

    enum Input {
        case line(String)
        /// Ctrl-C: the user abandoned what they were typing.
        case interrupted
        /// Ctrl-D or the end of the input.
        case end
    }

    /// The next line, without its line break.
    func readLine(prompt: String) -> Input {
        interrupted = 0
        let line = readline(prompt)
        defer { free(line) }
        if interrupted != 0 { return .interrupted }
        guard let line else { return .end }
        return .line(String(cString: line))
    }

    func remember(_ input: String) {
        add_history(input)
    }

    func saveHistory() {
        let folder = (historyPath as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.stresstest_history.\(getpid()).tmp"
        guard write_history(temporary) == 0 else {
            ScriptOutput.printError("warning: could not write the history to \(temporary)")
            return
        }
        if rename(temporary, historyPath) != 0 {
            unlink(temporary)
            ScriptOutput.printError("warning: could not save the history to \(historyPath)")
        }
    }
}
