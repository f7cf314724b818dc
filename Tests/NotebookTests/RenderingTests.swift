import Foundation
import Testing
@testable import Notebook
import Script

@Suite("Rendering notebooks: HTML, Markdown, escaping, and check")
struct RenderingTests {
    static let settings = RenderSettings(generator: "stresstest test", date: Date(timeIntervalSince1970: 1_780_000_000))

    @Test func echoFalseAndNoCodeHideCodeButNotOutputs() throws {
        let run = try NotebookSession().run(try parse(notebookText(["#| id: shown\n40 + 2", "#| id: hidden\n#| echo: false\n6 * 7", "#| id: quiet\n#| output: false\n99 + 1"])))
        let html = NotebookHTMLRenderer(settings: Self.settings).render(run)
        #expect(html.contains("<code>40 + 2</code>"))
        #expect(!html.contains("6 * 7"))
        #expect(html.contains("<code>99 + 1</code>"))
        #expect(!html.contains(">100<"))
        #expect(html.components(separatedBy: ">42<").count == 3)
        var noCode = Self.settings
        noCode.showsCode = false
        let bare = NotebookHTMLRenderer(settings: noCode).render(run)
        #expect(!bare.contains("class=\"st-code\""))
        #expect(bare.components(separatedBy: ">42<").count == 3)
        let markdown = NotebookMarkdownRenderer(settings: noCode, assetFolder: "NB_files").render(run).page
        #expect(!markdown.contains("```stresstest"))
        #expect(markdown.contains("```text\n42\n```"))
    }

    @Test func thePageIsSelfContainedWithAFooterToReproduceIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("data.csv", "region,x\nA,1\nB,2\nC,8\nD,9\n")
        let text = notebookText(["t = table(\"data.csv\")\nk = kmeans(t, k: 2)\nplot(k)"], frontMatter: "title: Test\nseed: 3\nparams:\n  who: A")
        let run = try NotebookSession().run(try parse(text, path: scratch.path("NB.md")))
        #expect(run.errors.isEmpty)
        let html = NotebookHTMLRenderer(settings: Self.settings).render(run)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("src=\"http"))
        #expect(html.contains("<svg"))
        #expect(html.contains("Rendered by stresstest test on 2026-05-28 from NB.md."))
        #expect(html.contains("Parameters: who = &quot;A&quot;."))
        #expect(html.contains("Seeds used: 3."))
        #expect(html.contains("<code>data.csv</code> <code class=\"st-hash\">\(SHA256.hex("region,x\nA,1\nB,2\nC,8\nD,9\n"))</code>"))
        #expect(!html.contains(scratch.folder))
        #expect(html.contains("@page { size: A4"))
    }

    @Test func dataHoldingMarkupRendersAsText() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("data.csv", "region,x\n\"</script><b>\",1\nB & \"C\",2\n")
        let text = "---\ntitle: \"<i>title</i>\"\n---\nName: {{ t.region[1] }}; raw <b>bold</b> in prose.\n\n" + notebookText([
            "#| caption: \"<u>cap</u>\"\nt = table(\"data.csv\")\nt", "md(\"Region {t.region[1]}\")", "t.region[1]",
        ])
        let run = try NotebookSession().run(try parse(text, path: scratch.path("NB.md")))
        #expect(run.errors.isEmpty)
        let html = NotebookHTMLRenderer(settings: Self.settings).render(run)
        #expect(!html.contains("</script><b>"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<i>"))
        #expect(!html.contains("<u>"))
        #expect(html.contains("&lt;/script&gt;&lt;b&gt;"))
        #expect(html.contains("B &amp; &quot;C&quot;"))
        #expect(html.contains("&lt;i&gt;title&lt;/i&gt;"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;"))
        let markdown = NotebookMarkdownRenderer(settings: Self.settings, assetFolder: "NB_files").render(run).page
        // Outside code blocks (which every Markdown renderer shows as text) no markup is left.
        let outsideCode = markdown.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        #expect(!outsideCode.contains("</script>"))
        #expect(markdown.contains("&lt;/script&gt;&lt;b&gt;"))
        #expect(markdown.contains("```text\n\"</script><b>\"\n```"))
    }

    @Test func scriptLinksAreDisarmedAndRemoteImagesNotLoaded() throws {
        let run = try NotebookSession().run(try parse("[click](javascript:alert(1)) and ![logo](https://example.org/x.png) and [ok](https://example.org)\n"))
        let html = NotebookHTMLRenderer(settings: Self.settings).render(run)
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("src=\"https://example.org"))
        #expect(html.contains("[image not embedded: logo]"))
        #expect(html.contains("<a href=\"https://example.org\">ok</a>"))
    }

    @Test func proseLinesStartingWithCodeStayInTheirParagraph() throws {
        let html = MarkdownProse(folder: "/").html("Run it with\n`--param x=1` to see.\n\n```\nkeep\n`this`\n```\n")
        #expect(html.contains("<p>Run it with <code>--param x=1</code> to see.</p>"))
        #expect(html.contains("keep\n`this`"))
    }

    @Test func checkFindsTheCellWhoseOutputChanged() throws {
        let cells = ["#| id: a\na = 1\na", "#| id: b\nb = a + 1\nb", "#| id: c\n\"text\""]
        let run = try NotebookSession().run(try parse(notebookText(cells)))
        let html = NotebookHTMLRenderer(settings: Self.settings).render(run)
        #expect(RenderedFingerprints.read(html).map(\.id) == ["a", "b", "c"])
        #expect(RenderedFingerprints.differences(run, against: html).isEmpty)
        let markdown = NotebookMarkdownRenderer(settings: Self.settings, assetFolder: "NB_files").render(run).page
        #expect(RenderedFingerprints.differences(run, against: markdown).isEmpty)
        var edited = cells
        edited[1] = "#| id: b\nb = a + 2\nb"
        let changed = try NotebookSession().run(try parse(notebookText(edited)))
        #expect(RenderedFingerprints.differences(changed, against: html) == ["cell `b` (NB.md:9): its output differs from the last render"])
        // The code alone changing, with the same output, is no difference.
        edited[1] = "#| id: b\nb = 1 + a\nb"
        #expect(RenderedFingerprints.differences(try NotebookSession().run(try parse(notebookText(edited))), against: html).isEmpty)
    }

    @Test func markdownOutputHasTablesChartsAsFilesAndEscapedValues() throws {
        let run = try NotebookSession().run(try parse("Value: {{ \"*not emphasis*\" }}\n\n" + notebookText(["t = table({name: [\"a|b\", \"c\"], x: [1.5, 2]})\nt", "box([1, 2, 3, 4, 10])"])))
        let (page, files) = NotebookMarkdownRenderer(settings: Self.settings, assetFolder: "NB_files").render(run)
        #expect(page.contains("Value: \\*not emphasis\\*"))
        #expect(page.contains("| name | x |\n| --- | ---: |\n| a\\|b | 1.50 |\n| c | 2.00 |"))
        #expect(files.count == 1)
        #expect(files[0].path == "NB_files/cell-2-1.svg")
        #expect(files[0].content.contains("<svg"))
        #expect(page.contains("](NB_files/cell-2-1.svg)"))
    }

    @Test func markdownEscapingLeavesOrdinaryTextAlone() {
        #expect(NotebookMarkdownRenderer.escaped("2026-05-28 (a + b)") == "2026-05-28 (a + b)")
        #expect(NotebookMarkdownRenderer.escaped("# not a heading\n- not a list") == "\\# not a heading\n\\- not a list")
        #expect(NotebookMarkdownRenderer.escaped("*a* _b_ [c] `d` <e> & f|g") == "\\*a\\* \\_b\\_ \\[c\\] \\`d\\` &lt;e&gt; &amp; f\\|g")
    }

    @Test func runAsJSONCarriesIdsOutputsAndErrors() throws {
        let run = try NotebookSession().run(try parse(notebookText(["#| id: ok\n[1, 2]", "#| id: bad\nmeen(1)"])))
        let json = run.json
        #expect(json.contains(#""id": "ok", "line": 1, "ran": true, "cached": false, "outputs": [[1,2]], "error": null"#))
        #expect(json.contains(#""id": "bad""#))
        #expect(json.contains("unknown name `meen`"))
        #expect(json.contains(#""ok": false"#))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["cells"] as? [Any])?.count == 2)
    }

    @Test func aSessionSavedAsANotebookRunsAsTheSessionDid() throws {
        let inputs = ["x = 1", "y = x + 1", "x = 10", "z = 3", "x + y + z"]
        let text = SessionNotebook.text(of: inputs, date: Date(timeIntervalSince1970: 0))
        let notebook = try parse(text)
        // `x = 10` joins the cell that first defined x, with the cell between them.
        #expect(notebook.cells.map(\.code) == ["x = 1\ny = x + 1\nx = 10", "z = 3", "x + y + z"])
        let run = try NotebookSession().run(notebook)
        #expect(shownOutputs(run)["cell-3"] == ["15"])
    }
}
