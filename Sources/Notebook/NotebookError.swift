/// A problem of a notebook that is not inside one cell's run: its front matter, a cell's
/// options, names defined in two cells, a cycle. It points at every place involved, each as
/// `NB.md:line:column` with the line and a caret, as script errors do.
public struct NotebookError: Error, Sendable, Equatable {
    public struct Location: Sendable, Equatable {
        public var path: String
        public var line: Int
        public var column: Int
        /// The text of the line (no line break).
        public var text: String
        /// How many characters the caret underlines.
        public var length: Int
        /// What the place is, such as "defined here".
        public var label: String?

        public init(path: String, line: Int, column: Int, text: String, length: Int = 1, label: String? = nil) {
            self.path = path
            self.line = line
            self.column = column
            self.text = text
            self.length = max(1, length)
            self.label = label
        }

        /// `NB.md:12:3`
        public var description: String { "\(path):\(line):\(column)" }
    }

    public var message: String
    public var locations: [Location]
    public var help: String?

    public init(_ message: String, at locations: [Location], help: String? = nil) {
        self.message = message
        self.locations = locations
        self.help = help
    }

    /// The diagnostic: the message, then each place with its line and a caret.
    public var rendered: String {
        let gutter = String(repeating: " ", count: locations.map { String($0.line).count }.max() ?? 1)
        var lines = ["error: \(message)"]
        for location in locations {
            let number = String(location.line)
            let pad = String(repeating: " ", count: gutter.count - number.count)
            lines += [
                "\(gutter)--> \(location.description)",
                "\(gutter) |",
                "\(pad)\(number) | \(location.text)",
                "\(gutter) | \(String(repeating: " ", count: max(0, location.column - 1)))\(String(repeating: "^", count: location.length))"
                    + (location.label.map { " " + $0 } ?? ""),
            ]
        }
        if let help { lines.append("\(gutter) = help: \(help)") }
        return lines.joined(separator: "\n")
    }
}
