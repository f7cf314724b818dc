import Charts
import Foundation
import Ink

/// Markdown prose as HTML, with JohnSundell/Ink, made safe for a self-contained page: raw HTML
/// in the prose is shown as text (HTML comments are dropped), links to `javascript:` keep only
/// their text, and images are embedded from local files as `data:` URLs (a remote image is
/// named, not loaded), so that the page runs no script and loads nothing.
///
/// Ink 0.6 lacks footnotes, heading anchors, task lists, definition lists and smart
/// punctuation; it reads a leading `---` block as metadata, which a prose block that starts
/// with a horizontal rule is kept from by an empty comment in front; and it ends a paragraph at
/// a line that starts with a code span or `<`, which `joiningSoftBreaks` joins to the line before.
struct MarkdownProse: Sendable {
    /// Relative image paths start here.
    var folder: String

    func html(_ markdown: String) -> String {
        var parser = MarkdownParser()
        parser.addModifier(Modifier(target: .html) { input in
            let raw = input.markdown.trimmingCharacters(in: .whitespacesAndNewlines)
            if raw.hasPrefix("<!--") && raw.hasSuffix("-->") { return "" }
            return HTMLRenderer.escaped(String(input.markdown))
        })
        parser.addModifier(Modifier(target: .links) { input in
            let compact = input.html.lowercased().filter { !$0.isWhitespace }
            guard compact.contains("href=\"javascript:") || compact.contains("href=\"vbscript:") || compact.contains("href=\"data:") else { return input.html }
            return input.html.replacingOccurrences(of: #"<a [^>]*>"#, with: "<span class=\"st-link-removed\">", options: .regularExpression)
                .replacingOccurrences(of: "</a>", with: "</span>")
        })
        parser.addModifier(Modifier(target: .images) { input in embeddedImage(String(input.markdown)) })
        let joined = Self.joiningSoftBreaks(markdown)
        let first = joined.drop { $0.isWhitespace }
        let guarded = first.hasPrefix("-") ? "<!-- -->\n" + joined : joined
        return parser.html(from: guarded)
    }

    /// Lines of a paragraph that start with a code span or `<` joined to the line before with a
    /// space (what a soft line break is), outside code blocks.
    static func joiningSoftBreaks(_ markdown: String) -> String {
        var out = [String](), fence: Fence?
        for line in markdown.lines {
            if let open = fence {
                if open.isClosed(by: line) { fence = nil }
                out.append(line)
                continue
            }
            if let opening = Fence(line) { fence = opening; out.append(line); continue }
            let trimmed = line.drop { $0 == " " }
            let continues = (trimmed.hasPrefix("`") || trimmed.hasPrefix("<")) && line.prefix { $0 == " " }.count <= 3
            if continues, let previous = out.last, !previous.allSatisfy(\.isWhitespace),
               !previous.drop(while: { $0 == " " }).hasPrefix("#"), !previous.drop(while: { $0 == " " }).hasPrefix("|") {
                out[out.count - 1] = previous + " " + trimmed
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// `![alt](path)` as an `<img>` with the file's bytes inline, or its alt text when the image
    /// is remote or unreadable.
    private func embeddedImage(_ markdown: String) -> String {
        let pattern = #"^!\[(.*)\]\(\s*<?([^\s>)]+)>?(?:\s+"[^"]*")?\s*\)$"#
        guard let match = markdown.range(of: pattern, options: .regularExpression) else { return HTMLRenderer.escaped(markdown) }
        let text = String(markdown[match])
        let regex = try! NSRegularExpression(pattern: pattern)
        guard let groups = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let altRange = Range(groups.range(at: 1), in: text), let pathRange = Range(groups.range(at: 2), in: text) else {
            return HTMLRenderer.escaped(markdown)
        }
        let alt = String(text[altRange]), path = String(text[pathRange])
        let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml", "webp": "image/webp"]
        let suffix = (path as NSString).pathExtension.lowercased()
        let local = !path.contains("://") && !path.hasPrefix("//")
        let file = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        guard local, let type = types[suffix], let data = FileManager.default.contents(atPath: file) else {
            return "<span class=\"st-image-missing\">[image not embedded: " + HTMLRenderer.escaped(alt.isEmpty ? path : alt) + "]</span>"
        }
        return "<img src=\"data:\(type);base64,\(data.base64EncodedString())\" alt=\"" + HTMLRenderer.escaped(alt) + "\">"
    }
}
