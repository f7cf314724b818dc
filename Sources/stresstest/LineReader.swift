import CEditLine
import Foundation
import Stats

/// Set by the SIGINT handler (Ctrl-C).
nonisolated(unsafe) private var interrupted: sig_atomic_t = 0
/// What Tab offers for the text before the cursor: the offset (in characters) the candidates
/// replace from, and the candidates.
nonisolated(unsafe) private var completer: ((String) -> (start: Int, candidates: [String]))?

/// Line editing, history and Tab completion through libedit's readline interface. The history is
/// loaded at start and written atomically (a temporary file in the same folder, then a rename)
/// after every statement, so that a killed session loses nothing.
///
/// Ctrl-C while typing abandons the line; during a computation it asks the computation to stop
/// (`WorkProgress.requestInterrupt`), which the interpreter and the long analyses honour within a
/// fraction of a second.
final class LineReader {
    let historyPath: String
    private static let historyLimit: Int32 = 2000

    static var defaultHistoryPath: String {
        if let path = ProcessInfo.processInfo.environment["STRESSTEST_HISTORY"], !path.isEmpty { return path }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".stresstest_history").path
    }

    init(historyPath: String, complete: @escaping (String) -> (start: Int, candidates: [String])) {
        self.historyPath = historyPath
        using_history()
        stifle_history(Self.historyLimit)
        if FileManager.default.fileExists(atPath: historyPath) {
            read_history(historyPath)
        }
        completer = complete
        editline_set_completion(Self.complete)
        editline_leave_signals_to_application()
        signal(SIGINT) { _ in
            interrupted = 1
            WorkProgress.requestInterrupt()
            _ = write(STDOUT_FILENO, "\n", 1)
        }
    }

    /// readline's completion: the candidates for the text before the cursor, each fitted to
    /// replace `word` (readline's own split of the word being completed), as a
    /// NULL-terminated array whose first entry is their longest common prefix.
    private static let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { word, _, _ in
        editline_completion_over()
        guard let word, let line = editline_line(), let completer else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: strlen(line)))
        let before = String(decoding: bytes.prefix(Int(max(0, editline_point()))), as: UTF8.self)
        let typedWord = String(cString: word)
        let (start, candidates) = completer(before)
        // readline replaces its own word; ours may start before it (a region name with spaces)
        // or after it (a field after a dot): cut or extend the candidates to match.
        let typed = Array(before).dropFirst(start)
        let cut = typed.count - typedWord.count
        let matches = candidates.map { cut >= 0 ? String($0.dropFirst(cut)) : String(typedWord.prefix(-cut)) + $0 }
            .filter { $0.hasPrefix(typedWord) }
        guard !matches.isEmpty else { return nil }
        var common = matches[0]
        for match in matches.dropFirst() { common = String(common.commonPrefix(with: match)) }
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: matches.count + 2)
        array[0] = strdup(common)
        for (i, match) in matches.enumerated() { array[i + 1] = strdup(match) }
        array[matches.count + 1] = nil
        return array
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
