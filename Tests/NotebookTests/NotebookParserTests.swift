import Testing
@testable import Notebook
import Script

@Suite("Reading a notebook: cells, prose, options and front matter")
struct NotebookParserTests {
    @Test func cellsAreStresstestBlocksAndEverythingElseIsProse() throws {
        let text = """
            # Title

            ```stresstest
            x = 1
            ```

            ```python
            y = 2
            ```

            ````stresstest
            ```
            z = 3
            ````
            """
        // The last block is a four-backtick cell: three backticks inside it do not close it,
        // and its content is code (here a syntax error, reported at its line in the file).
        #expect(throws: NotebookError.self) { try parse(text) }
        let fixed = text.replacingOccurrences(of: "```\nz = 3", with: "z = 3")
        let notebook = try parse(fixed)
        #expect(notebook.cells.map(\.code) == ["x = 1", "z = 3"])
        #expect(notebook.cells.map(\.line) == [3, 11])
        let prose = notebook.parts.compactMap { if case .prose(let p) = $0 { p.text } else { nil } }
        #expect(prose.joined().contains("```python\ny = 2\n```"))
    }

    @Test func aSyntaxErrorInACellPointsAtItsLineInTheFile() throws {
        let text = "Intro\n\n```stresstest\nx = 1\ny = (2 +\n```\n"
        do {
            _ = try parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.locations.first?.line == 6 || error.locations.first?.line == 5)
            #expect(error.rendered.contains("--> NB.md:"))
        }
    }

    @Test func optionsAreLeadingCommentLines() throws {
        let notebook = try parse("""
            ```stresstest
            #| id: ranks
            #| echo: false
            #| output: false
            #| caption: "Ranks: 1 = best"
            r = 1
            ```
            """)
        let cell = try #require(notebook.cells.first)
        #expect(cell.id == "ranks")
        #expect(!cell.options.echo && !cell.options.output)
        #expect(cell.options.caption == "Ranks: 1 = best")
        #expect(cell.code == "r = 1")
        // The code keeps its place in the file: the assignment is on line 6.
        #expect(cell.source.lineAndColumn(of: cell.names.definitions[0].range.start) == (6, 1))
    }

    @Test func anUnknownOptionSuggestsTheNearestAndPointsAtIt() throws {
        do {
            _ = try parse("```stresstest\n#| ecko: false\nx = 1\n```\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "a cell has no option `ecko`")
            #expect(error.help == "did you mean `echo`?")
            #expect(error.locations == [NotebookError.Location(path: "NB.md", line: 2, column: 4, text: "#| ecko: false", length: 4)])
        }
    }

    @Test func twoCellsWithOneIdAreAnErrorAtBoth() throws {
        do {
            _ = try parse("```stresstest\n#| id: a\nx = 1\n```\n\n```stresstest\n#| id: a\ny = 1\n```\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "two cells have the id `a`")
            #expect(error.locations.map(\.line) == [1, 6])
        }
    }

    @Test func frontMatterSetsTitleSeedAndParameters() throws {
        let notebook = try parse("""
            ---
            title: "Report: <Nordtal>"
            author: Analyst
            date: 2026-12-06
            seed: 42
            params:
              region: Nordtal
              year: 2026
              share: 0.25
              show: true
              codes: [I01, I02]
              weights: [1, 2.5]
            ---
            Text.
            """)
        let front = notebook.frontMatter
        #expect(front.title == "Report: <Nordtal>")
        #expect(front.author == "Analyst")
        #expect(front.date == "2026-12-06")
        #expect(front.seed == 42)
        #expect(front.params.map(\.name) == ["region", "year", "share", "show", "codes", "weights"])
        #expect(front.params.map { Format.json($0.value) } == [#""Nordtal""#, "2026", "0.25", "true", #"["I01","I02"]"#, "[1,2.5]"])
        #expect(front.params.map(\.line) == [7, 8, 9, 10, 11, 12])
    }

    @Test func badFrontMatterPointsAtTheKey() throws {
        do {
            _ = try parse("---\ntitle: A\nsed: 1\n---\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "the front matter has no key `sed`")
            #expect(error.help == "did you mean `seed`?")
            #expect(error.locations.first?.line == 3)
        }
        do {
            _ = try parse("---\ntitle: [unclosed\n---\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("the front matter cannot be read as YAML: "))
            #expect((2...3).contains(error.locations.first?.line ?? 0))
        }
        #expect(throws: NotebookError.self) { try parse("---\ntitle: never closed\n") }
    }

    @Test func aByteOrderMarkAndWindowsLineBreaksAreRead() throws {
        let notebook = try parse("\u{FEFF}---\r\ntitle: T\r\n---\r\nText.\r\n\r\n```stresstest\r\nx = 1\r\ny = (x +\r\n 2)\r\n```\r\n")
        #expect(notebook.frontMatter.title == "T")
        let cell = try #require(notebook.cells.first)
        #expect(cell.line == 6)
        #expect(cell.names.definitions.map(\.name) == ["x", "y"])
        #expect(cell.source.lineAndColumn(of: cell.names.definitions[1].range.start) == (8, 1))
        #expect(try NotebookSession().run(notebook).errors.isEmpty)
    }

    @Test func anUnclosedCellIsAnErrorAtItsFence() throws {
        do {
            _ = try parse("Text\n\n```stresstest\nx = 1\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "the cell that starts here is never closed")
            #expect(error.locations.first?.line == 3)
        }
    }

    @Test func namesDefinedAndUsedFollowScopes() throws {
        let cell = try #require(try parse("""
            ```stresstest
            fn f(x, k: n) = x + k + m
            total = f(1)
            for v in xs { last = v }
            _scratch = 1
            g = fn(y) { z = y; z + w }
            ```
            """).cells.first)
        #expect(cell.names.definitions.map(\.name) == ["f", "total", "last", "g"])
        #expect(cell.names.uses.map(\.name) == ["n", "m", "xs", "w"])
    }
}
