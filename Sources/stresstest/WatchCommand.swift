import ArgumentParser
import Foundation
import Notebook

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Render a notebook, and render it again whenever it or a data file it reads changes.",
        discussion: """
        Only the cells whose code, upstream cells or data files changed run again; the others are \
        taken from the cache. Each render says which cells ran. Errors are shown in the page and \
        printed. Stop with Ctrl-C.
        """
    )

    @OptionGroup var input: NotebookInput

    @Option(name: .shortAndLong, help: "The HTML file to write (default: the notebook's name with .html beside it).")
    var output: String?

    @Flag(help: "Leave out the code of every cell.")
    var noCode = false

    @Option(help: "Seconds between looks at the files.")
    var interval: Double = 0.3

    func run() throws {
        let target = output ?? RenderCommand.defaultOutput(for: input.notebook, format: .html)
        let session = NotebookSession()
        var watched = [input.notebook]
        var seen = ""
        while true {
            let stamp = watched.map(Self.stamp).joined(separator: "|")
            if stamp != seen {
                seen = stamp
                let start = Date()
                if let result = render(into: target, session) {
                    watched = [input.notebook] + result.files.map(\.path)
                    seen = watched.map(Self.stamp).joined(separator: "|")
                    let milliseconds = Int(Date().timeIntervalSince(start) * 1000)
                    let ran = result.ran.isEmpty ? "no cell ran" : "ran " + result.ran.map { "`\($0)`" }.joined(separator: ", ")
                    let cached = result.results.filter(\.fromCache).count
                    ScriptOutput.print("rendered \(target) in \(milliseconds) ms: \(ran); \(cached) from the cache" + (result.errors.isEmpty ? "" : "; \(result.errors.count) errors"))
                }
            }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// Renders once; problems are printed, and the watch goes on.
    private func render(into target: String, _ session: NotebookSession) -> NotebookRun? {
        do {
            let result = try input.run(try input.load(), in: session)
            for error in result.errors { ScriptOutput.printError(error) }
            try RenderCommand.write(result, to: target, format: .html, showsCode: !noCode)
            return result
        } catch {
            if !(error is ExitCode) { ScriptOutput.printError("error: \(error)") }
            return nil
        }
    }

    /// A file's modification time (to the nanosecond), size and inode, to notice a change,
    /// also one that keeps the size within the same second, or replaces the file.
    private static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "absent" }
        return "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_size)-\(info.st_ino)"
    }
}
