import Charts
import Foundation
import Script

/// A notebook run as one self-contained HTML page: the title block, the prose (Markdown, with
/// inline values escaped), each cell's code (unless `echo: false` or `--no-code`), its outputs
/// (tables as HTML tables, charts as inline SVG, text preformatted, Markdown values as prose)
/// and caption, and a footer with the tool's version, the date, the parameters, the seeds and
/// the SHA-256 of every data file read. Inline CSS, no script, nothing loaded from elsewhere;
/// printed on A4 no figure or table row is split and headings stay with what follows. The
/// front matter's `layout` makes it a report (cover, chapters on new pages, running header) or
/// slides (landscape pages, one per `##` section), and its `lang` sets how numbers read.
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
        let blocks = HTMLRenderer(numbers: run.language.numbers, prose: { prose.html($0) })
        let layout = run.notebook.frontMatter.layout
        var body = "<header class=\"st-title\">\n<h1>" + HTMLRenderer.escaped(run.title) + "</h1>\n"
        if let subtitle = run.subtitle { body += "<p class=\"st-subtitle\">" + HTMLRenderer.escaped(subtitle) + "</p>\n" }
        let byline = [run.notebook.frontMatter.author, run.shownDate(settings)].compactMap { $0 }
        if !byline.isEmpty { body += "<p class=\"st-byline\">" + HTMLRenderer.escaped(byline.joined(separator: " · ")) + "</p>\n" }
        body += "</header>\n<main>\n"
        // In a report or slides, each `##` section is a chapter (a slide) of its own.
        let chapters = layout != .article
        var inChapter = false
        var cellIndex = 0
        for (index, part) in run.notebook.parts.enumerated() {
            switch part {
            case .prose:
                for piece in proseHTML(run.templates[index]!, run, prose, splitAtChapters: chapters) {
                    if piece.opensChapter {
                        if inChapter { body += "</section>\n" }
                        body += "<section class=\"st-chapter\">\n"
                        inChapter = true
                    }
                    body += piece.html
                }
            case .cell:
                body += cellHTML(run.results[cellIndex], blocks)
                cellIndex += 1
            }
        }
        if inChapter { body += "</section>\n" }
        body += "</main>\n" + footer(run)
        let page = [run.title, run.subtitle].compactMap { $0 }.joined(separator: " · ")
        return blocks.page(title: page, body: "<div class=\"st-\(layout.rawValue)\">\n" + body + "</div>\n", language: run.language.rawValue,
                           style: Self.style + Self.layoutStyle(layout, header: page, language: run.language))
    }

    /// Prose with each inline value put in through a placeholder that Markdown leaves alone,
    /// then replaced by the value's escaped text. With `splitAtChapters`, the prose is cut before
    /// each `## ` heading (outside code blocks), each piece saying whether it opens a chapter.
    private func proseHTML(_ template: ProseTemplate, _ run: NotebookRun, _ prose: MarkdownProse,
                           splitAtChapters: Bool) -> [(opensChapter: Bool, html: String)] {
        var markdown = ""
        for segment in template.segments {
            switch segment {
            case .text(let text): markdown += text
            case .expression(let index): markdown += "\u{E000}\(index)\u{E001}"
            }
        }
        var pieces = [(opensChapter: Bool, markdown: String)]()
        if splitAtChapters {
            var current = [String](), opens = false, fence: Fence?
            for line in markdown.lines {
                if let open = fence {
                    if open.isClosed(by: line) { fence = nil }
                } else if let opening = Fence(line) {
                    fence = opening
                } else if line.hasPrefix("## ") || line == "##" {
                    pieces.append((opens, current.joined(separator: "\n")))
                    (current, opens) = ([], true)
                }
                current.append(line)
            }
            pieces.append((opens, current.joined(separator: "\n")))
        } else {
            pieces = [(false, markdown)]
        }
        return pieces.compactMap { piece in
            guard !piece.markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            var html = prose.html(piece.markdown)
            for case .expression(let index) in template.segments {
                let result = run.inline[index]
                let shown = result.error == nil
                    ? "<span class=\"st-inline\">" + HTMLRenderer.escaped(run.inlineText(index)) + "</span>"
                    : "<span class=\"st-inline-error\" title=\"" + HTMLRenderer.escaped(result.error!) + "\">" + HTMLRenderer.escaped("{{ \(result.expression.code) }}") + "</span>"
                html = html.replacingOccurrences(of: "\u{E000}\(index)\u{E001}", with: shown)
            }
            return (piece.opensChapter, "<div class=\"st-prose\">\n" + html + "\n</div>\n")
        }
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
        p.st-subtitle { font-size: 20px; margin: 0 0 6px; color: #333; }
        """

    /// The print rules of a layout: for a report a cover page, a new page per chapter, the
    /// title in a running header and page numbers; for slides landscape pages, one per chapter.
    static func layoutStyle(_ layout: FrontMatter.Layout, header: String, language: Language) -> String {
        let (page, of) = language == .german ? ("Seite", "von") : ("Page", "of")
        let numbers = "\(cssString(page + " ")) counter(page) \(cssString(" " + of + " ")) counter(pages)"
        let marginFont = "font-family: \"DejaVu Sans\", Verdana, Arial, sans-serif; font-size: 8pt; color: #555;"
        switch layout {
        case .article:
            return ""
        case .report:
            return """
                div.st-report header.st-title { border-bottom: none; border-top: 6px solid #2f4f6f; padding-top: 24px; margin-bottom: 32px; }
                div.st-report header.st-title h1 { font-size: 34px; }
                div.st-report section.st-chapter { margin-top: 28px; }
                div.st-report h2 { border-bottom: 1px solid #999; padding-bottom: 3px; }
                @media print {
                  div.st-report header.st-title { height: 230mm; display: flex; flex-direction: column; justify-content: center; break-after: page; margin: 0; border-top: none; }
                  div.st-report header.st-title h1 { font-size: 30pt; }
                  div.st-report p.st-subtitle { font-size: 20pt; }
                  div.st-report section.st-chapter { break-before: page; margin-top: 0; }
                  div.st-report h3 { break-after: avoid; }
                  div.st-report footer.st-footer { break-before: page; }
                }
                @page { @top-left { content: \(cssString(header)); \(marginFont) }
                        @bottom-right { content: \(numbers); \(marginFont) } }
                @page :first { @top-left { content: none; } @bottom-right { content: none; } }
                """
        case .slides:
            return """
                div.st-slides header.st-title, div.st-slides section.st-chapter { border: 1px solid #c9d2dc; padding: 16px 24px; margin: 0 0 24px; min-height: 420px; }
                div.st-slides header.st-title { display: flex; flex-direction: column; justify-content: center; border-top: 6px solid #2f4f6f; }
                div.st-slides header.st-title h1 { font-size: 32px; }
                div.st-slides h2 { font-size: 24px; margin-top: 0; border-bottom: 2px solid #2f4f6f; padding-bottom: 4px; }
                div.st-slides table { font-size: 13px; }
                div.st-slides td:empty { height: 2.2em; min-width: 7em; border-bottom: 1px solid #999; }
                @page { size: A4 landscape; margin: 12mm 16mm 14mm;
                        @bottom-left { content: \(cssString(header)); \(marginFont) }
                        @bottom-right { content: counter(page); \(marginFont) } }
                @page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
                @media print {
                  div.st-slides header.st-title, div.st-slides section.st-chapter { border: none; padding: 0; margin: 0; min-height: 0; }
                  div.st-slides header.st-title { height: 170mm; break-after: page; }
                  div.st-slides section.st-chapter { break-before: page; }
                  div.st-slides footer.st-footer { break-before: page; }
                  body { font-size: 12pt; }
                }
                """
        }
    }

    /// Text as a CSS string literal: quotes and backslashes escaped, line breaks and `<` (which
    /// could end the style element) as escapes, control characters dropped.
    public static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\3C "
            case ">": out += "\\3E "
            case "&": out += "\\26 "
            case "\n", "\r": out += "\\A "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
