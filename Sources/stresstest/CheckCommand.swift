import ArgumentParser
import Foundation
import Notebook

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-run a notebook and fail, naming the cell, if any output differs from its last render.",
        discussion: """
        The last render is NB.html beside NB.md unless --against names another (an HTML or \
        Markdown render). Each rendered cell carries the SHA-256 of its output; check compares \
        them, so that CI can keep a notebook in a repository honest. Pass the --param values the \
        render was made with.
        """
    )

    @OptionGroup var input: NotebookInput

    @Option(help: "The render to compare with (default: the notebook's .html beside it).")
    var against: String?

    func run() throws {
        let rendered = against ?? RenderCommand.defaultOutput(for: input.notebook, format: .html)
        guard let data = FileManager.default.contents(atPath: rendered) else {
            throw ValidationError("cannot read the last render '\(rendered)': render the notebook first (stresstest render \(input.notebook))")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard !RenderedFingerprints.read(text).isEmpty else {
            throw ValidationError("'\(rendered)' holds no rendered cells of stresstest render")
        }
        let result = try input.run(try input.load())
        let differences = RenderedFingerprints.differences(result, against: text)
        for error in result.errors { ScriptOutput.printError(error) }
        guard differences.isEmpty else {
            for difference in differences { ScriptOutput.printError("error: " + difference) }
            throw ExitCode(1)
        }
        ScriptOutput.print("\(input.notebook): \(result.results.count) cells, every output as in \(rendered)")
    }
}
