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
    static func display(_ value: Value) -> String {
        Format.display(value, width: Terminal.columns, colour: Terminal.colour)
    }

    /// Runs a whole script, printing the value of every top-level expression that is not an
    /// assignment as it completes. Returns false (after printing the diagnostic) on an error.
    static func runScript(_ source: Source, in interpreter: Interpreter) -> Bool {
        do {
            try interpreter.run(source) { outcome in
                if !outcome.isAssignment { print(display(outcome.value)) }
            }
            return true
        } catch {
            printError(error.rendered(in: source))
            return false
        }
    }
}
