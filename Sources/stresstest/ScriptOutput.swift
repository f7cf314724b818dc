import Foundation
import Script

/// Writing to standard output and standard error.
enum ScriptOutput {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A value as the terminal shows it: fitted to its width, coloured where it takes colour.
    /// `fitted` also cuts it to the terminal's height (leaving room for the prompt), with a note
    /// of what was left out; otherwise everything is shown.
    static func display(_ value: Value, fitted: Bool = false) -> String {
        Format.display(value, width: Terminal.columns, colour: Terminal.colour, maxLines: fitted ? Terminal.rows - 3 : nil)
    }

    /// Runs a whole script, printing the value of every top-level expression that is not an
    /// assignment (and has a value) as it completes. Returns false (after printing the
    /// diagnostic) on an error.
    static func runScript(_ source: Source, in interpreter: Interpreter, fitted: Bool = false) -> Bool {
        do {
            try interpreter.run(source) { outcome in
                if outcome.isAssignment { return }
                if case .nothing = outcome.value { return }
                print(display(outcome.value, fitted: fitted))
            }
            return true
        } catch {
            printError(error.rendered(in: source))
            return false
        }
    }
}
