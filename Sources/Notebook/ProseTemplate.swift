import Foundation
import Script

/// Prose with inline values, `{{ expr }}` (as R Markdown's inline code): the text around them
/// and each expression with its place in the file. Inside code spans and code blocks `{{` is
/// text. An expression ends on the line it starts.
struct ProseTemplate: Sendable {
    enum Segment: Sendable {
        case text(String)
        /// An index into the notebook's inline expressions.
        case expression(Int)
    }

    var segments: [Segment]

    /// The prose's segments; its expressions are appended to `expressions`.
    static func parse(_ prose: Prose, in notebook: Notebook, expressions: inout [InlineExpression]) throws(NotebookError) -> ProseTemplate {
        var segments = [Segment](), text = ""
        var fence: Fence?
        let lines = prose.text.lines
        for (offset, line) in lines.enumerated() {
            defer { if offset < lines.count - 1 { text += "\n" } }
            // Inside a code block, and on its fences, `{{` is text.
            if let open = fence {
                if open.isClosed(by: line) { fence = nil }
                text += line
                continue
            }
            if let opening = Fence(line) {
                fence = opening
                text += line
                continue
            }
            let characters = Array(line)
            var i = 0
            while i < characters.count {
                if characters[i] == "`" {
                    let run = characters[i...].prefix { $0 == "`" }.count
                    var j = i + run, closing: Int?
                    while j < characters.count {
                        if characters[j] == "`" {
                            let other = characters[j...].prefix { $0 == "`" }.count
                            if other == run { closing = j; break }
                            j += other
                        } else { j += 1 }
                    }
                    let end = closing.map { $0 + run } ?? i + run
                    text += String(characters[i..<end])
                    i = end
                } else if characters[i] == "{", i + 1 < characters.count, characters[i + 1] == "{" {
                    let lineNumber = prose.firstLine + offset
                    guard let close = (i + 2..<characters.count).first(where: { characters[$0] == "}" && $0 + 1 < characters.count && characters[$0 + 1] == "}" }) else {
                        throw NotebookError("`{{` opens an inline value that is not closed on its line", at: [notebook.location(line: lineNumber, column: i + 1, length: 2)],
                                            help: "write {{ expression }} on one line; to show the braces themselves, put them in backticks")
                    }
                    let code = String(characters[(i + 2)..<close])
                    let source = Source(name: notebook.path, text: String(repeating: "\n", count: lineNumber - 1) + String(repeating: " ", count: i + 2) + code)
                    let names = try notebook.names(in: source)
                    if code.trimmingCharacters(in: .whitespaces).isEmpty {
                        throw NotebookError("an inline value needs an expression between {{ and }}", at: [notebook.location(line: lineNumber, column: i + 1, length: 4)])
                    }
                    if let defined = names.definitions.first {
                        let (l, c) = source.lineAndColumn(of: defined.range.start)
                        throw NotebookError("an inline value shows a value; it cannot define `\(defined.name)`", at: [notebook.location(line: l, column: c, length: defined.name.count)],
                                            help: "define names in a cell")
                    }
                    if !text.isEmpty { segments.append(.text(text)); text = "" }
                    segments.append(.expression(expressions.count))
                    expressions.append(InlineExpression(code: code.trimmingCharacters(in: .whitespaces), line: lineNumber, column: i + 1, source: source, names: names))
                    i = close + 2
                } else {
                    text.append(characters[i])
                    i += 1
                }
            }
        }
        if !text.isEmpty { segments.append(.text(text)) }
        return ProseTemplate(segments: segments)
    }
}

/// `{{ expr }}` in prose: its code and where it is.
public struct InlineExpression: Sendable {
    public var code: String
    public var line: Int
    /// The column of `{{`.
    public var column: Int
    /// The code at its place in the file, so that errors point into the file.
    var source: Source
    var names: ScriptNames
}
