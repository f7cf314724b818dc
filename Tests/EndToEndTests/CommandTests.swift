import Foundation
import Testing

@Suite("The stresstest commands, run as a user runs them")
struct CommandTests {
    @Test func evalJSONPrintsTheBoxplotStatisticsOfTheIssue() throws {
        let result = try Executable.run(["eval", "--json", "boxstats([1,2,3,4,5,6,7,8,9,10,30])"])
        #expect(result.status == 0)
        #expect(result.output == #"{"n":11,"missing":0,"q1":3.5,"median":6,"q3":8.5,"iqr":5,"lower_fence":-4,"upper_fence":16,"lower_whisker":1,"upper_whisker":10,"outliers":[30],"outlier_positions":[11]}"# + "\n")
    }

    @Test func evalPrintsTheLastValueForReading() throws {
        let result = try Executable.run(["eval", "x = [1,2,3,4,5,6,7,8,9,10]; quantile(x, [0.25, 0.5, 0.75], type: 6)"])
        #expect(result.output == "[2.75, 5.5, 8.25]\n")
        #expect(try Executable.run(["eval", "--json", "{a: missing, b: [1, missing], c: \"x\", d: true}"]).output
                == #"{"a":null,"b":[1,null],"c":"x","d":true}"# + "\n")
    }

    @Test func evalErrorPrintsTheDiagnosticAndExitsOne() throws {
        let result = try Executable.run(["eval", "mean([1, 2]) + meen([3])"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("error: unknown name `meen`"))
        #expect(result.error.contains(" --> input:1:16"))
        #expect(result.error.contains("1 | mean([1, 2]) + meen([3])"))
        #expect(result.error.contains("  |                ^^^^"))
        #expect(result.error.contains("did you mean `mean`?"))
    }

    @Test func runPrintsEveryTopLevelExpressionButNotAssignments() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("quartiles.st")
        try "x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30]\nmedian(x)\ny = x * 2\nfivenum(x)\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try Executable.run(["run", script.path])
        #expect(result.status == 0)
        #expect(result.output == "6\n[1, 3.5, 6, 8.5, 30]\n")
    }

    @Test func runStopsAtTheFirstErrorNamingFileLineAndColumn() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("broken.st")
        try "x = [1, 2, 3]\nmean(x)\nquantile(x, 2)\nmax(x)\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try Executable.run(["run", script.path])
        #expect(result.status == 1)
        #expect(result.output == "2\n")
        #expect(result.error.contains("error: probability 2 is outside [0, 1]"))
        #expect(result.error.contains(" --> \(script.path):3:13"))
    }

    @Test func runReadsStandardInputForADash() throws {
        let result = try Executable.run(["run", "-"], input: "x = seq(1, 4)\nsum(x)\n")
        #expect(result.status == 0)
        #expect(result.output == "10\n")
    }

    @Test func runReportsAMissingFile() throws {
        let result = try Executable.run(["run", "/nonexistent/script.st"])
        #expect(result.status != 0)
        #expect(result.error.contains("cannot read the script '/nonexistent/script.st'"))
    }

    @Test func withoutATerminalTheInputRunsAsAScript() throws {
        let result = try Executable.run([], input: "moments([1, 2, 3]).mean\n")
        #expect(result.status == 0)
        #expect(result.output == "2\n")
    }

    @Test func helpListsTheCommands() throws {
        let result = try Executable.run(["--help"])
        for command in ["repl", "run", "eval"] { #expect(result.output.contains(command)) }
    }
}
