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
        #expect(screen.contains("error: unknown name `meadian`\n --> In[3]:1:1\n  |\n3 | meadian(x)\n  | ^^^^^^^\n  = help: did you mean `median`?")
                || screen.contains("error: unknown name `meadian`\n --> In[3]:1:1\n  |\n1 | meadian(x)\n  | ^^^^^^^\n  = help: did you mean `median`?"))
        // The session went on after the error: the median, then a statement over two lines.
        #expect(screen.contains("In [4]: median(x)\nOut[4]: 6\n"))
        #expect(screen.contains("Out[6]: 3\n"))
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.contains("boxstats(x)"))
        #expect(saved.contains("meadian(x)"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script.path), "needs util-linux `script` for a terminal"))
    func numberedCellsHelpCommandsAndFunctions() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("session.st")
        let input = """
        fn gap(v) = max(v) - min(v)
        gap([2, 9, 4])
        ans * 10
        Out[2] + 1
        ?median
        :vars
        :save \(saved.path)
        :nonsense
        quit()

        """
        let result = try Executable.run(["-qec", Executable.url.path, "/dev/null"], input: input,
                                        environment: ["STRESSTEST_HISTORY": folder.appendingPathComponent("history").path, "TERM": "dumb"],
                                        executable: Self.script)
        let screen = result.output.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(result.status == 0)
        #expect(screen.contains("In [2]: gap([2, 9, 4])\nOut[2]: 7\n"))
        #expect(screen.contains("Out[3]: 70\n"))
        #expect(screen.contains("Out[4]: 8\n"))
        #expect(screen.contains("median(x)\n\nThe median"))
        #expect(screen.contains("Example:\n  > "))
        #expect(screen.contains("gap  a function: gap(v)"))
        #expect(screen.contains("error: unknown command :nonsense."))
        let script = try String(contentsOf: saved, encoding: .utf8)
        #expect(script == "fn gap(v) = max(v) - min(v)\ngap([2, 9, 4])\nans * 10\nOut[2] + 1\n")
    }

    @Test func pipedInputRunsAsAScriptWithoutPromptsAndQuitEndsIt() throws {
        let result = try Executable.run(["repl"], input: "x = 2\nprint(\"x is {x}\")\nquit\nprint(\"not reached\")\n")
        #expect(result.status == 0)
        #expect(result.output == "x is 2\n")
    }
}
