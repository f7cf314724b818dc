import StressTest
/// The standard library: every function a script can call, by name.
struct Library: Sendable {
    let functions: [String: Builtin]

    static let standard: Library = Library(functions: Dictionary(uniqueKeysWithValues:
        (statistics + vectors + stressTest + composites + pipeline + analysis + clustering + tables + charts + [comparison, help, markdown]).map { ($0.name, $0) }))

    /// `help()` lists the functions; `help(name)` or `help("name")` explains one.
    static let help = Builtin(
        name: "help", parameters: [.init(name: "name", defaultValue: "all")],
        help: "Lists the functions, or explains one: help(quantile) or help(\"quantile\")."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let functions = Library.standard.functions
        switch args.value("name") {
        case nil:
            let lines = functions.keys.sorted().map { "  " + functions[$0]!.signature }
            return .text("Functions (help(name) explains one, with an example):\n" + lines.joined(separator: "\n"))
        case .function(let f): return .text(explanation(of: f))
        case .string(let name):
            guard let function = functions[name] else {
                throw args.error("name", "there is no function `\(name)`",
                                 help: NameSuggestion.help(for: name, among: functions.keys) ?? "type `help()` for the list")
            }
            return .text(explanation(of: function))
        case let other?: throw args.error("name", "help needs a function or its name, not \(other.kind)")
        }
    }

    /// Examples that write files: help shows them without running them, so that asking for help
    /// never leaves files behind.
    static let examplesWritingFiles: Set<String> = ["save", "write", "table"]

    /// The signature, the description and, for a function of the library, its example run now
    /// in a fresh interpreter with its output, so that it can never go stale.
    static func explanation(of function: Builtin) -> String {
        var text = function.signature + "\n\n" + wrap(function.help, width: 78)
        guard let example = examples[function.name], standard.functions[function.name] != nil else { return text }
        text += "\n\nExample:\n" + example.split(separator: "\n").map { "  > " + $0 }.joined(separator: "\n")
        if examplesWritingFiles.contains(function.name) { return text + "\n  (writes files, so help does not run it; the tests do)" }
        let source = Source(name: "example", text: example)
        var last = Value.nothing
        do {
            try Interpreter().run(source) { last = $0.value }
            if case .nothing = last { return text }
            text += "\n" + Format.display(last, width: 76, maxLines: 16).split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  " + $0 }.joined(separator: "\n")
        } catch {
            text += "\n  (the example fails: \(error.message))"
        }
        return text
    }

    /// Lines longer than `width` wrapped at spaces; shorter lines (a table in the help) as they are.
    private static func wrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph in
            if paragraph.count <= width { return String(paragraph) }
            var lines = [String](), line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

extension Builtin.Parameter {
    init(name: String, defaultValue: String? = nil) {
        self.init(name: name, defaultValue: defaultValue, variadic: false)
    }

    static func variadic(_ name: String) -> Self {
        Self(name: name, defaultValue: nil, variadic: true)
    }

    /// Every named argument that names no other parameter.
    static func options(_ name: String) -> Self {
        Self(name: name, defaultValue: nil, variadic: false, options: true)
    }
}
