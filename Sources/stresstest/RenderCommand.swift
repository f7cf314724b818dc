import ArgumentParser
import Foundation
import Notebook

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run a notebook and write it with its outputs as one self-contained HTML file (or Markdown).",
        discussion: """
        The HTML has its CSS and SVG charts inline, no script and nothing loaded from elsewhere, and \
        prints on A4. A footer states the tool's version, the date, the parameters, the seeds and \
        the SHA-256 of every data file read. When a cell fails, the diagnostics are printed and \
        nothing is written. --format md writes Markdown with the outputs (charts as SVG files in a \
        folder NAME_files beside it), for a repository's README.
        Example: stresstest render Data/notebooks/tour.md -o tour.html
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case html, md
    }

    @OptionGroup var input: NotebookInput

    @Option(name: .shortAndLong, help: "The file to write (default: the notebook's name with .html or .md beside it).")
    var output: String?

    @Flag(help: "Leave out the code of every cell.")
    var noCode = false

    @Option(help: "html or md.")
    var format: OutputFormat = .html

    func run() throws {
        ProgressBar.install()
        let notebook = try input.load()
        let result = try input.run(notebook)
        guard result.errors.isEmpty else {
            for error in result.errors { ScriptOutput.printError(error) }
            ScriptOutput.printError("error: \(result.errors.count) error\(result.errors.count == 1 ? "" : "s") in \(input.notebook); nothing written")
            throw ExitCode(1)
        }
        let target = output ?? Self.defaultOutput(for: input.notebook, format: format)
        try Self.write(result, to: target, format: format, showsCode: !noCode)
    }

    /// `NB.md` -> `NB.html` (or `NB.out.md` for Markdown, so as not to replace the notebook).
    static func defaultOutput(for notebook: String, format: OutputFormat) -> String {
        let stem = (notebook as NSString).deletingPathExtension
        return format == .html ? stem + ".html" : stem + ".out.md"
    }

    static func write(_ result: NotebookRun, to target: String, format: OutputFormat, showsCode: Bool) throws {
        let settings = RenderSettings(generator: NotebookInput.generator, showsCode: showsCode)
        switch format {
        case .html:
            try NotebookInput.write(NotebookHTMLRenderer(settings: settings).render(result), to: target)
        case .md:
            let assets = ((target as NSString).lastPathComponent as NSString).deletingPathExtension + "_files"
            let (page, files) = NotebookMarkdownRenderer(settings: settings, assetFolder: assets).render(result)
            let folder = (target as NSString).deletingLastPathComponent
            if !files.isEmpty {
                try FileManager.default.createDirectory(atPath: (folder as NSString).appendingPathComponent(assets), withIntermediateDirectories: true)
            }
            for file in files { try NotebookInput.write(file.content, to: (folder as NSString).appendingPathComponent(file.path)) }
            try NotebookInput.write(page, to: target)
        }
    }
}
