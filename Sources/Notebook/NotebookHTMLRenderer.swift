import Charts
import Foundation
import Script

/// A notebook run as one self-contained HTML page: the title block, the prose (Markdown, with
/// inline values escaped), each cell's code (unless `echo: false` or `--no-code`), its outputs
/// (tables as HTML tables, charts as inline SVG, text preformatted, Markdown values as prose)
/// and caption, and a footer with the tool's version, the date, the parameters, the seeds and
/// the SHA-256 of every data file read. Inline CSS, no script, nothing loaded from elsewhere;
/// printed on A4 no figure or table row is split and headings stay with what follows.
///
/// Each cell's section carries `data-cell` and `data-sha256` (its `CellResult.fingerprint`), so
/// that `check` can compare a later run with this page.
public struct NotebookHTMLRenderer: Sendable {
    public var settings: RenderSettings

    public init(settings: RenderSettings) {
        self.settings = settings
    }

    public func render(_ run: NotebookRun) -> String {
        let prose = MarkdownProse(folder: run.folder)
        let blocks = HTMLRenderer(prose: { prose.html($0) })
        var body = "<header class=\"st-title\">\n<h1>" + HTMLRenderer.escaped(run.title) + "</h1>\n"
        let byline = [run.notebook.frontMatter.author, run.shownDate(settings)].compactMap { $0 }
        if !byline.isEmpty { body += "<p class=\"st-byline\">" + HTMLRenderer.escaped(byline.joined(separator: " · ")) + "</p>\n" }
        body += "</header>\n<main>\n"
        var cellIndex = 0
        for (index, part) in run.notebook.parts.enumerated() {
            switch part {
            case .prose:
                body += proseHTML(run.templates[index]!, run, prose)
            case .cell:
                body += cellHTML(run.results[cellIndex], blocks)
                cellIndex += 1
            }
        }
        body += "</main>\n" + footer(run)
        return blocks.page(title: run.title, body: body, style: Self.style)
    }

    /// Prose with each inline value put in through a placeholder that Markdown leaves alone,
    /// then replaced by the value's escaped text.
    private func proseHTML(_ template: ProseTemplate, _ run: NotebookRun, _ prose: MarkdownProse) -> String {
        var markdown = ""
        for segment in template.segments {
            switch segment {
            case .text(let text): markdown += text
            case .expression(let index): markdown += "\u{E000}\(index)\u{E001}"
            }
        }
        guard !markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return "" }
        var html = prose.html(markdown)
        for case .expression(let index) in template.segments {
            let result = run.inline[index]
            let shown = result.error == nil
                ? "<span class=\"st-inline\">" + HTMLRenderer.escaped(run.inlineText(index)) + "</span>"
                : "<span class=\"st-inline-error\" title=\"" + HTMLRenderer.escaped(result.error!) + "\">" + HTMLRenderer.escaped("{{ \(result.expression.code) }}") + "</span>"
            html = html.replacingOccurrences(of: "\u{E000}\(index)\u{E001}", with: shown)
        }
        return "<div class=\"st-prose\">\n" + html + "\n</div>\n"
    }

    private func cellHTML(_ result: CellResult, _ blocks: HTMLRenderer) -> String {
        let cell = result.cell
        var html = "<section class=\"st-cell\" id=\"" + HTMLRenderer.escaped(cell.id) + "\" data-cell=\"" + HTMLRenderer.escaped(cell.id)
            + "\" data-sha256=\"" + result.fingerprint + "\">\n"
        if settings.showsCode(of: cell) {
            html += "<pre class=\"st-code\"><code>" + HTMLRenderer.escaped(cell.code) + "</code></pre>\n"
        }
        if cell.options.output {
            for output in result.outputs { html += blocks.render(output.presentation) }
        }
        if let error = result.error { html += "<pre class=\"st-error\">" + HTMLRenderer.escaped(error) + "</pre>\n" }
        if let skipped = result.skipped { html += "<p class=\"st-skipped\">" + HTMLRenderer.escaped(skipped) + "</p>\n" }
        if let caption = cell.options.caption { html += "<p class=\"st-caption\">" + HTMLRenderer.escaped(caption) + "</p>\n" }
        return html + "</section>\n"
    }

    private func footer(_ run: NotebookRun) -> String {
        let (summary, files) = run.reproduction(settings)
        var html = "<footer class=\"st-footer\">\n<p>" + HTMLRenderer.escaped(summary) + "</p>\n"
        if !files.isEmpty {
            html += "<ul>\n" + files.map { "<li><code>" + HTMLRenderer.escaped($0.path) + "</code> <code class=\"st-hash\">" + $0.sha256 + "</code></li>" }
                .joined(separator: "\n") + "\n</ul>\n"
        }
        return html + "</footer>\n"
    }

    static let style = """
        header.st-title { border-bottom: 2px solid #333; margin-bottom: 18px; }
        header.st-title h1 { margin-bottom: 4px; }
        p.st-byline { color: #555; margin-top: 0; }
        pre.st-code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; white-space: pre-wrap; border: 1px solid #c9d2dc; border-left: 4px solid #5a7ca3; padding: 6px 10px; margin: 12px 0 6px; }
        pre.st-error { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; white-space: pre-wrap; border-left: 4px solid #b00020; padding: 6px 10px; color: #7a0016; }
        p.st-skipped { font-style: italic; color: #7a0016; }
        p.st-caption { font-size: 12px; color: #444; font-style: italic; margin-top: 2px; }
        span.st-inline-error { color: #b00020; text-decoration: underline wavy; }
        section.st-cell { margin: 8px 0 16px; }
        div.st-prose table { border-collapse: collapse; }
        div.st-prose img { max-width: 100%; }
        footer.st-footer { border-top: 1px solid #999; margin-top: 32px; padding-top: 8px; font-size: 11.5px; color: #444; }
        footer.st-footer code { font-size: 10.5px; word-break: break-all; }
        pre.st-code { break-after: avoid; }
        @media print { pre.st-code { border-left: 4px solid #777; } h2 { break-before: auto; } section.st-cell > pre { break-inside: avoid; } footer.st-footer { break-inside: avoid; } }
        """
}
