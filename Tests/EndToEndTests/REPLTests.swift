import Foundation
import Testing

/// The REPL on a real pseudo-terminal (util-linux `script`), so that libedit is in charge of the
/// line as it is for a user.
@Suite("The interactive REPL")
struct REPLTests {
    static let script = URL(fileURLWithPath: "/usr/bin/script")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script.path), "needs util-linux `script` for a terminal"))
    func typoGivesCaretAndSuggestionAndTheSessionGoesOn() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history")
        let input = "x = [1,2,3,4,5,6,7,8,9,10,30]\nboxstats(x)\nmeadian(x)\nmedian(x)\ny = [1,\n2]\nsum(y)\nquit\n"
        let result = try Executable.run(["-qec", Executable.url.path, "/dev/null"], input: input,
                                        environment: ["STRESSTEST_HISTORY": history.path, "TERM": "dumb"],
                                        executable: Self.script)
        let screen = result.output.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(result.status == 0)
        #expect(screen.contains("  outlier_positions  [11]\n"))
        #expect(screen.contains("error: unknown name `meadian`\n --> input:1:1\n  |\n1 | meadian(x)\n  | ^^^^^^^\n  = help: did you mean `median`?"))
        // The session went on after the error: the median, then a statement over two lines.
        #expect(screen.contains("> median(x)\n6\n"))
        #expect(screen.contains("sum(y)\n3\n"))
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.contains("boxstats(x)"))
        #expect(saved.contains("meadian(x)"))
    }
}
