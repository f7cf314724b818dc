import Foundation
@testable import Notebook

/// A folder of its own for a test's notebook and data, removed by the caller.
struct Scratch {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-tests-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

/// A notebook's text from cells (each the code of one ```stresstest block) and prose between them.
func notebookText(_ cells: [String], frontMatter: String? = nil) -> String {
    (frontMatter.map { "---\n\($0)\n---\n" } ?? "") + cells.map { "```stresstest\n\($0)\n```\n" }.joined(separator: "\nSome prose.\n\n")
}

func parse(_ text: String, path: String = "NB.md") throws(NotebookError) -> Notebook {
    try NotebookParser.parse(text, path: path)
}

/// The outputs of every cell, by id, as the terminal shows them.
func shownOutputs(_ run: NotebookRun) -> [String: [String]] {
    Dictionary(uniqueKeysWithValues: run.results.map { result in
        (result.cell.id, result.outputs.map { Script.Format.display($0) } + (result.error.map { ["error: " + $0] } ?? []))
    })
}

import Script
