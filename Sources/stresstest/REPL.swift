import Script

/// The read-eval-print loop: reads statements (continuing lines while brackets are open), runs
/// them in one interpreter so that variables persist, prints the values of expressions, and
/// prints errors as diagnostics without ending.
struct REPL {
    let lineReader: LineReader
    let interpreter = Interpreter()

    func run() {
        ScriptOutput.print("StressTest toolkit. help() lists the functions; quit or Ctrl-D leaves.")
        while let input = readStatement() {
            let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            if trimmed == "quit" || trimmed == "exit" { break }
            lineReader.remember(input)
            _ = ScriptOutput.runScript(Source(name: "input", text: input), in: interpreter)
        }
        lineReader.saveHistory()
    }

    /// One complete input, possibly over several lines; nil at the end of input.
    private func readStatement() -> String? {
        guard var text = lineReader.readLine(prompt: "> ") else { return nil }
        while Interpreter.needsMoreInput(text) {
            guard let more = lineReader.readLine(prompt: ". ") else { return text }
            text += "\n" + more
        }
        return text
    }
}
