/// An error in a script: what went wrong, where, and how to fix it.
///
/// Rendered as the compiler-style diagnostic users know from Swift and Rust:
/// ```
/// error: unknown name `meadian`
///  --> input:1:1
///   |
/// 1 | meadian(x)
///   | ^^^^^^^
///   = help: did you mean `median`?
/// ```
public struct ScriptError: Error, Sendable {
    public var message: String
    public var range: SourceRange
    public var help: String?
    /// True when the input ended inside an open bracket or after an operator: more lines may
    /// complete it (the REPL then asks for a continuation line).
    public var isIncomplete: Bool

    public init(_ message: String, at range: SourceRange, help: String? = nil, isIncomplete: Bool = false) {
        self.message = message
        self.range = range
        self.help = help
        self.isIncomplete = isIncomplete
    }

    /// The diagnostic with file, line and column, the source line and a caret under the range.
    public func rendered(in source: Source) -> String {
        let (line, column) = source.lineAndColumn(of: range.start)
        let text = source.line(line)
        let gutter = String(repeating: " ", count: String(line).count)
        let lineLength = text.count
        let caretStart = min(column - 1, lineLength)
        let (endLine, endColumn) = source.lineAndColumn(of: max(range.start, range.end - 1))
        let caretEnd = endLine == line ? min(endColumn, lineLength) : lineLength
        let carets = String(repeating: "^", count: max(1, caretEnd - caretStart))
        var lines = [
            "error: \(message)",
            "\(gutter)--> \(source.name):\(line):\(column)",
            "\(gutter) |",
            "\(line) | \(text)",
            "\(gutter) | \(String(repeating: " ", count: caretStart))\(carets)",
        ]
        if let help { lines.append("\(gutter) = help: \(help)") }
        return lines.joined(separator: "\n")
    }
}
