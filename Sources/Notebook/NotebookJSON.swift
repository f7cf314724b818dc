import Charts
import Script

extension NotebookRun {
    /// The run as JSON (`run --json`): the notebook, whether it ran without errors, each cell
    /// (in the order of the file) with its id, line, whether it came from the cache, its outputs
    /// as data (as `eval --json` gives them), its error and why it was skipped; the inline
    /// values; the files read with their SHA-256, the seeds and the parameters.
    public var json: String {
        func string(_ s: String?) -> String { s.map(JSONText.string) ?? "null" }
        let cells = results.map { result in
            "{\"id\": \(JSONText.string(result.cell.id)), \"line\": \(result.cell.line), \"ran\": \(result.skipped == nil && !result.fromCache), "
                + "\"cached\": \(result.fromCache), \"outputs\": [" + result.outputs.map(Format.json).joined(separator: ", ") + "], "
                + "\"error\": \(string(result.error)), \"skipped\": \(string(result.skipped)), \"sha256\": \(JSONText.string(result.fingerprint))}"
        }
        let inlines = inline.map { result in
            "{\"code\": \(JSONText.string(result.expression.code)), \"line\": \(result.expression.line), \"column\": \(result.expression.column), "
                + "\"value\": \(result.value.map(Format.json) ?? "null"), \"error\": \(string(result.error))}"
        }
        let data = files.map { "{\"path\": \(JSONText.string(shownPath($0.path))), \"sha256\": \(JSONText.string($0.sha256))}" }
        let parameters = params.map { "\(JSONText.string($0.name)): \(Format.json($0.value))" }
        return "{\"notebook\": \(JSONText.string(notebook.path)), \"ok\": \(errors.isEmpty), \"order\": [" + order.map(JSONText.string).joined(separator: ", ") + "], "
            + "\"cells\": [" + cells.joined(separator: ", ") + "], \"inline\": [" + inlines.joined(separator: ", ") + "], "
            + "\"files\": [" + data.joined(separator: ", ") + "], \"seeds\": [" + seeds.map(String.init).joined(separator: ", ") + "], "
            + "\"params\": {" + parameters.joined(separator: ", ") + "}}"
    }
}
