import Charts

/// Prose in Markdown that a script made (`md("...")`): a notebook renders it as part of its
/// text, so that a cell can write a paragraph or a chapter from the data. In the REPL it shows
/// as its source text; in a string it is its text.
struct MarkdownObject: ScriptObject {
    let text: String

    var kind: String { "Markdown text" }
    var presentation: Block { .markdown(text) }
    var datum: Datum { .text(text) }
    var fieldNames: [String] { ["text"] }

    func field(_ name: String) -> Value? {
        name == "text" ? .string(text) : nil
    }
}

extension Library {
    /// `md("...")`: Markdown prose, from strings joined by blank lines.
    static let markdown = Builtin(
        name: "md", parameters: [.variadic("text")],
        help: "Markdown prose for a notebook: md(\"## {name}\\n{n} regions\") renders as text (headings, lists, emphasis, links, tables), not as a value. Several arguments, or a vector of strings (such as a map over the dimensions), are joined as paragraphs separated by a blank line. Interpolated values are put in as they read; in the rendered page every character from the data is escaped, so that a name holding < or & shows as itself."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        var paragraphs = [String]()
        func add(_ value: Value, _ range: SourceRange) throws(ScriptError) {
            switch value {
            case .string(let s), .text(let s): paragraphs.append(s)
            case .object(let m as MarkdownObject): paragraphs.append(m.text)
            case .list(let items): for item in items { try add(item, range) }
            case .vector(let xs) where xs.isEmpty: break
            default:
                throw ScriptError("md takes strings (or vectors of them), not \(value.kind)", at: range,
                                  help: "put a value into the text with interpolation: md(\"{x} regions\")")
            }
        }
        guard !args.rest.isEmpty else { throw ScriptError("md needs some text", at: args.callRange, help: "for example md(\"## Results\")") }
        for argument in args.rest { try add(argument.value, argument.range) }
        return .object(MarkdownObject(text: paragraphs.joined(separator: "\n\n")))
    }
}
