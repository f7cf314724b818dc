import Notebook

/// A notebook's text: parsed (front matter, fences, cell options), then its dependency graph.
/// Every error points at lines of the notebook.
enum NotebookFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count + 1
        do throws(NotebookError) {
            let notebook = try NotebookParser.parse(text, path: "fuzz.md")
            let graph = try DependencyGraph(notebook, parameters: notebook.frontMatter.params)
            FuzzCheck.require(graph.order.sorted() == Array(notebook.cells.indices), "the run order is not a permutation of the cells")
        } catch {
            FuzzCheck.require(!error.message.isEmpty && !error.locations.isEmpty, "an error without a message or a place: \(error.rendered)")
            for location in error.locations {
                FuzzCheck.require(location.path == "fuzz.md" && (1...lines).contains(location.line) && location.column >= 1,
                                  "a place outside the notebook: \(location.description) of \(lines) lines")
            }
            FuzzCheck.require(!error.rendered.isEmpty, "an empty diagnostic")
        }
    }
}
