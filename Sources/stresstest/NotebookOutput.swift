import Foundation
import Notebook
import Script

/// A notebook run in the terminal: each cell's id and place, then its outputs as the REPL shows
/// them, in the order of the file; errors on standard error.
enum NotebookOutput {
    static func print(_ result: NotebookRun) {
        for cell in result.results {
            let header = "── \(cell.cell.id) (\(result.notebook.path):\(cell.cell.line)) "
            ScriptOutput.print(Terminal.colour ? "\u{1B}[2m\(header)\u{1B}[0m" : header)
            if cell.cell.options.output {
                for output in cell.outputs { ScriptOutput.print(ScriptOutput.display(output)) }
            }
            if let error = cell.error { ScriptOutput.printError(error) }
            if let skipped = cell.skipped { ScriptOutput.printError(skipped) }
        }
        for inline in result.inline {
            if let error = inline.error { ScriptOutput.printError(error) }
        }
    }
}
