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
    /// The text the range points into, when it is not the one being run (an error inside a
    /// function defined in an earlier REPL input or another file).
    public var source: Source?
    /// Where the functions the error happened in were called, innermost first: `in `gap`, called at input:3:1`.
    public var trace: [String] = []
    /// `quit()`: not an error, but the end of the session, carried out as one.
    var isQuit = false

    public init(_ message: String, at range: SourceRange, help: String? = nil, isIncomplete: Bool = false) {
        self.message = message
        self.range = range
        self.help = help
        self.isIncomplete = isIncomplete
    }

    static var quit: ScriptError {
        var error = ScriptError("quit", at: SourceRange(0, 0))
        error.isQuit = true
        return error
    }

    /// The error with its source set, unless it has one.
    func located(in source: Source) -> ScriptError {
        var error = self
        if error.source == nil { error.source = source }
        return error
    }

    /// The error with a line of trace: it happened in the function `name`, called at `range` of `caller`.
    func called(_ name: String, at range: SourceRange, in caller: Source) -> ScriptError {
        var error = self
        let (line, column) = caller.lineAndColumn(of: range.start)
        error.trace.append("in `\(name)`, called at \(caller.name):\(line):\(column)")
        return error
    }

    /// The diagnostic with file, line and column, the source line and a caret under the range.
    /// `source` is the text that was run; the error's own source, if it has one, takes precedence.
    public func rendered(in source: Source) -> String {
        let source = self.source ?? source
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
        lines += trace.map { "\(gutter) = note: \($0)" }
        return lines.joined(separator: "\n")
    }
}
