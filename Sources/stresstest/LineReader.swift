import CEditLine
import Foundation

/// Line editing and history through libedit's readline interface. The history is loaded at
/// start and written atomically (a temporary file in the same folder, then a rename) on exit.
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
    }

    /// The next line without its line break; nil at the end of input (Ctrl-D).
    func readLine(prompt: String) -> String? {
        guard let line = readline(prompt) else { return nil }
        defer { free(line) }
        return String(cString: line)
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
