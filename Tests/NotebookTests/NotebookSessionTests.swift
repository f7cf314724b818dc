import Foundation
import Testing
@testable import Notebook
import Script

@Suite("Running notebooks: errors, the cache, writes, parameters and inline values")
struct NotebookSessionTests {
    @Test func anErrorInACellPointsIntoTheNotebookAndItsDependantsAreNotRun() throws {
        let run = try NotebookSession().run(try parse(notebookText(["a = 1", "#| id: broken\nb = a + meen([1])", "c = b * 2", "d = a + 1\nd"])))
        let broken = try #require(run.results.first { $0.cell.id == "broken" })
        let error = try #require(broken.error)
        #expect(error.contains("error: unknown name `meen`"))
        #expect(error.contains(" --> NB.md:9:9"))
        #expect(error.contains("9 | b = a + meen([1])"))
        #expect(run.results[2].skipped == "not run: it uses `b` from cell `broken`, which did not run")
        #expect(run.results[3].outputs.map { Format.display($0) } == ["2"])
        #expect(run.errors.count == 1)
    }

    @Test func aCellSeesOnlyNamesOfCellsAndParametersNotHiddenState() throws {
        let session = NotebookSession()
        _ = try session.run(try parse(notebookText(["x = 1"])))
        // A later notebook run in the same session does not see `x`.
        let run = try session.run(try parse(notebookText(["y = x + 1"])))
        #expect(run.results[0].error?.contains("unknown name `x`") == true)
    }

    @Test func parametersHaveDefaultsThatOptionsOverride() throws {
        let notebook = try parse(notebookText(["region", "year + 1", "q = portfolio(\"demo\")\nregion(q, region).id"],
                                              frontMatter: "params:\n  region: Nordtal\n  year: 2024"))
        let defaults = try NotebookSession().run(notebook)
        #expect(shownOutputs(defaults)["cell-1"] == ["\"Nordtal\""])
        #expect(shownOutputs(defaults)["cell-2"] == ["2025"])
        // A parameter named like a library function leaves the function callable.
        #expect(shownOutputs(defaults)["cell-3"] == ["\"Nordtal\""])
        let overridden = try NotebookSession().run(notebook, options: NotebookOptions(params: [("region", "Valdelora"), ("year", "2030")]))
        #expect(shownOutputs(overridden)["cell-1"] == ["\"Valdelora\""])
        #expect(shownOutputs(overridden)["cell-2"] == ["2031"])
        #expect(shownOutputs(overridden)["cell-3"] == ["\"Valdelora\""])
        do {
            _ = try NotebookSession().run(notebook, options: NotebookOptions(params: [("regoin", "x")]))
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "the notebook has no parameter `regoin`")
            #expect(error.help == "did you mean `region`?")
        }
    }

    @Test func theFrontMattersSeedIsTheDefaultOfSeededFunctionsAndIsRecorded() throws {
        let code = "p = portfolio(\"demo\")\nk = kmeans(p, k: 3)\nk"
        let run = try NotebookSession().run(try parse(notebookText([code], frontMatter: "seed: 42")))
        #expect(shownOutputs(run)["cell-1"]?.first?.contains("seed 42") == true)
        #expect(run.seeds == [42])
        let explicit = try NotebookSession().run(try parse(notebookText([code.replacingOccurrences(of: "k: 3)", with: "k: 3, seed: 7)")], frontMatter: "seed: 42")))
        #expect(explicit.seeds == [7])
    }

    @Test func theCacheReRunsExactlyTheDependantsOfAnEditedCell() throws {
        let cells = ["#| id: a\na = 1", "#| id: b\nb = a + 1\nb", "#| id: c\nc = b * 10\nc", "#| id: d\nd = 5\nd", "#| id: e\ne = d + 1\ne"]
        let session = NotebookSession()
        let first = try session.run(try parse(notebookText(cells)))
        #expect(first.ran == ["a", "b", "c", "d", "e"])
        let again = try session.run(try parse(notebookText(cells)))
        #expect(again.ran.isEmpty)
        #expect(shownOutputs(again) == shownOutputs(first))
        var edited = cells
        edited[1] = "#| id: b\nb = a + 2\nb"
        let afterEdit = try session.run(try parse(notebookText(edited)))
        #expect(afterEdit.ran == ["b", "c"])
        #expect(shownOutputs(afterEdit)["c"] == ["30"])
        edited[3] = "#| id: d\nd = 6\nd"
        #expect(try session.run(try parse(notebookText(edited))).ran == ["d", "e"])
        // Prose does not change a cell's key.
        let reworded = notebookText(edited).replacingOccurrences(of: "Some prose.", with: "Other words.")
        #expect(try session.run(try parse(reworded)).ran.isEmpty)
    }

    @Test func theCacheReRunsTheCellThatReadAChangedDataFileAndItsDependants() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("data.csv", "region,x\nA,1\nB,2\n")
        try scratch.write("other.csv", "region,y\nA,5\n")
        let text = notebookText(["#| id: load\nt = table(\"data.csv\")", "#| id: total\ns = sum(t.x)\ns", "#| id: other\no = table(\"other.csv\")", "#| id: free\n1 + 1"])
        try scratch.write("NB.md", text)
        let session = NotebookSession()
        let first = try session.run(try parse(text, path: scratch.path("NB.md")))
        #expect(first.ran == ["load", "total", "other", "free"])
        #expect(first.files.map { ($0.path as NSString).lastPathComponent } == ["data.csv", "other.csv"])
        #expect(first.files[0].sha256 == SHA256.hex("region,x\nA,1\nB,2\n"))
        try scratch.write("data.csv", "region,x\nA,1\nB,40\n")
        let second = try session.run(try parse(text, path: scratch.path("NB.md")))
        #expect(second.ran == ["load", "total"])
        #expect(shownOutputs(second)["total"] == ["41"])
    }

    @Test func aNotebookWritesOnlyUnderItsFolderUnlessAllowed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outside = try Scratch()
        defer { outside.remove() }
        let text = notebookText(["t = table({a: [1, 2]})", "write(t, \"inside.csv\")", "write(t, \"\(outside.path("out.csv"))\")", "write(t, \"../escape.csv\")"])
        let path = scratch.path("NB.md")
        let run = try NotebookSession().run(try parse(text, path: path))
        #expect(run.results[1].error == nil)
        #expect(FileManager.default.fileExists(atPath: scratch.path("inside.csv")))
        for index in [2, 3] {
            let error = try #require(run.results[index].error)
            #expect(error.contains("this notebook may not write to"))
            #expect(error.contains("--allow-write"))
        }
        #expect(!FileManager.default.fileExists(atPath: outside.path("out.csv")))
        #expect(!FileManager.default.fileExists(atPath: (scratch.folder as NSString).deletingLastPathComponent + "/escape.csv"))
        let allowed = try NotebookSession().run(try parse(text, path: path), options: NotebookOptions(allowWrite: [outside.folder]))
        #expect(allowed.results[2].error == nil)
        #expect(FileManager.default.fileExists(atPath: outside.path("out.csv")))
        #expect(allowed.results[3].error != nil)
    }

    @Test func aSymbolicLinkCannotLeadAWriteOutside() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outside = try Scratch()
        defer { outside.remove() }
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: outside.folder)
        let run = try NotebookSession().run(try parse(notebookText(["write(table({a: [1]}), \"link/x.csv\")"]), path: scratch.path("NB.md")))
        #expect(run.results[0].error?.contains("may not write") == true)
        #expect(!FileManager.default.fileExists(atPath: outside.path("x.csv")))
    }

    @Test func inlineValuesAreEvaluatedAfterTheCellsAndErrorsPointIntoTheFile() throws {
        let text = "The mean is {{ mean(xs) }} and `{{ not code }}` stays.\n\n```stresstest\nxs = [1, 2, 6]\n```\n\nBad: {{ meen(xs) }}.\n"
        let run = try NotebookSession().run(try parse(text))
        #expect(run.inline.count == 2)
        #expect(run.inline[0].value.map { Format.display($0) } == "3")
        let error = try #require(run.inline[1].error)
        #expect(error.contains("unknown name `meen`"))
        #expect(error.contains("--> NB.md:7:9"))
    }

    @Test func printAndMarkdownValuesAreOutputs() throws {
        let run = try NotebookSession().run(try parse(notebookText(["for d in [\"A\", \"B\"] { print(md(\"## {d}\")) }\n\"end\""])))
        #expect(run.results[0].outputs.map { Format.display($0) } == ["## A", "## B", "\"end\""])
        #expect(run.results[0].outputs.map(\.presentation).allSatisfy { if case .markdown = $0 { true } else if case .text = $0 { true } else { false } })
    }
}
