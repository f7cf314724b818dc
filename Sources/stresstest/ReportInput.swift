import ArgumentParser
import Charts
import Foundation
import Notebook
import StressTest

/// What `report` and `workshop` take: the region, its data, the language and the template. They
/// render a shipped parameterised notebook (`Data/report/NAME.LANG.md`), or an agency's edited
/// copy (`--template`), with the notebook engine.
struct ReportInput: ParsableArguments {
    @Option(help: "The region, by id or name.")
    var region: String

    @Option(help: ArgumentHelp("The portfolio: a CSV file, or demo (the shipped demo portfolio).", valueName: "path"))
    var portfolio = "demo"

    @Option(help: ArgumentHelp("The framework file of the portfolio (default: the StressTest framework).", valueName: "path"))
    var framework: String?

    @Option(help: ArgumentHelp("The survey export the region is scored from (its scores replace the portfolio's row; adds bootstrap intervals and perception gaps).", valueName: "path"))
    var responses: String?

    @Option(help: "The wave (year) of the portfolio (default: the latest).")
    var year: Int?

    @Option(help: ArgumentHelp("The language: en or de.", valueName: "code"))
    var lang = "en"

    @Option(help: ArgumentHelp("An edited copy of the shipped notebook to render instead of it.", valueName: "path"))
    var template: String?

    @Option(name: .shortAndLong, help: "The file to write (default: NAME.html or NAME.md in the current folder).")
    var output: String?

    @Option(help: "html or md.")
    var format: RenderCommand.OutputFormat = .html

    func validate() throws {
        guard Language(code: lang) != nil else { throw ValidationError("--lang is en or de, not '\(lang)'") }
    }

    /// Renders the notebook `name` (report or workshop) and writes it; errors are printed and
    /// nothing is written.
    func render(_ name: String) throws {
        ProgressBar.install()
        let language = Language(code: lang) ?? .english
        let notebook = try load(name, language: language)
        // The shipped notebook is read as if it lay in the current folder, so paths stay as
        // given (and the page names them so); a template elsewhere gets them absolute.
        let current = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            if template == nil || path.hasPrefix("/") { return path }
            return ((current as NSString).appendingPathComponent(path) as NSString).standardizingPath
        }
        var params = [(name: String, value: String)]()
        params.append(("region", Self.yamlQuoted(region)))
        params.append(("portfolio", Self.yamlQuoted(portfolio == "demo" ? "demo" : absolute(portfolio))))
        if let framework { params.append(("framework", Self.yamlQuoted(absolute(framework)))) }
        if let responses { params.append(("responses", Self.yamlQuoted(absolute(responses)))) }
        if let year { params.append(("year", String(year))) }
        let result = try run(notebook, params: params)
        guard result.errors.isEmpty else {
            for error in result.errors { ScriptOutput.printError(error) }
            ScriptOutput.printError("error: the \(name) for \(region) could not be made; nothing written")
            throw ExitCode(1)
        }
        let target = output ?? "\(name).\(format == .html ? "html" : "md")"
        try RenderCommand.write(result, to: target, format: format, showsCode: false)
        print("wrote \(target)")
    }

    private func run(_ notebook: Notebook, params: [(name: String, value: String)]) throws(ExitCode) -> NotebookRun {
        do throws(NotebookError) {
            return try NotebookSession().run(notebook, options: NotebookOptions(params: params))
        } catch {
            ScriptOutput.printError(error.rendered)
            throw ExitCode(1)
        }
    }

    /// The template parsed: `--template`, or the shipped notebook, read as if it lay in the
    /// current folder (so that relative paths and the footer's file names start there).
    private func load(_ name: String, language: Language) throws -> Notebook {
        let path: String, text: String
        if let template {
            guard let data = FileManager.default.contents(atPath: template) else {
                throw ValidationError("cannot read the template '\(template)': no such file or not readable")
            }
            (path, text) = (template, String(decoding: data, as: UTF8.self))
        } else {
            let file = "\(name).\(language.rawValue).md"
            guard let url = ShippedData.url("report/\(file)"), let data = FileManager.default.contents(atPath: url.path) else {
                throw ValidationError("this build ships no \(file)")
            }
            (path, text) = (file, String(decoding: data, as: UTF8.self))
        }
        do {
            return try NotebookParser.parse(text, path: path)
        } catch {
            ScriptOutput.printError(error.rendered)
            throw ExitCode(1)
        }
    }

    /// Text as a YAML double-quoted scalar, so that a parameter is read as the text it is
    /// (`yes`, `2024` or `a: b` stay text).
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
