import Script

/// The read-eval-print loop: reads statements (continuing lines while brackets are open), runs
/// them in one interpreter so that variables persist, prints the values of expressions, and
/// prints errors as diagnostics without ending.
struct REPL {
    let lineReader: LineReader
    let interpreter: Interpreter

    func run() {
        ScriptOutput.print("StressTest toolkit. help() lists the functions; quit or Ctrl-D leaves.")
        if case .object(let object)? = interpreter.variables["p"], let summary = (object as? CustomStringConvertible)?.description {
            ScriptOutput.print("p = \(summary)")
        }
        while true {
            guard let input = readStatement() else {
                ScriptOutput.print("")  // Ctrl-D leaves the cursor after the prompt
                break
            }
            let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            if trimmed == "quit" || trimmed == "exit" { break }
            lineReader.remember(input)
            lineReader.saveHistory()
            _ = ScriptOutput.runScript(Source(name: "input", text: input), in: interpreter)
        }
    }

    /// One complete input, possibly over several lines; nil at the end of input. Ctrl-C
    /// abandons the input, continuation lines included, and asks again.
    private func readStatement() -> String? {
        var text: String?
        while true {
            switch lineReader.readLine(prompt: text == nil ? "> " : ". ") {
            case .end: return text
            case .interrupted: text = nil
            case .line(let line):
                let input = text.map { $0 + "\n" + line } ?? line
                if !Interpreter.needsMoreInput(input) { return input }
                text = input
            }
        }
    }
}
