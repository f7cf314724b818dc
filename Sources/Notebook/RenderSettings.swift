import Foundation
import Script

/// What every rendering of a notebook states besides its content: the tool and its version, the
/// date, and whether code is shown.
public struct RenderSettings: Sendable {
    /// "stresstest 0.1.0"
    public var generator: String
    /// The date of the render, `yyyy-MM-dd` (UTC).
    public var date: String
    /// False for `--no-code`: no cell shows its code.
    public var showsCode: Bool

    public init(generator: String, date: Date = Date(), showsCode: Bool = true) {
        self.generator = generator
        self.date = Self.day(date)
        self.showsCode = showsCode
    }

    /// A date as `yyyy-MM-dd` (UTC).
    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// Whether a cell's code is shown: not with `--no-code`, `echo: false`, or no code at all.
    func showsCode(of cell: Cell) -> Bool {
        showsCode && cell.options.echo && !cell.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}

extension NotebookRun {
    /// A file's path relative to the notebook's folder (with `..` where it lies outside), so that
    /// a rendered page names no folder of the machine it was made on.
    func shownPath(_ path: String) -> String {
        let base = folder.split(separator: "/"), target = path.split(separator: "/")
        let shared = zip(base, target).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - shared) + target.dropFirst(shared).map(String.init)).joined(separator: "/")
    }

    /// The title: the front matter's, or the file's name.
    var title: String {
        notebook.frontMatter.title ?? (notebook.path as NSString).lastPathComponent
    }

    /// The date line: the front matter's date (`today` is the render's date).
    func shownDate(_ settings: RenderSettings) -> String? {
        notebook.frontMatter.date.map { $0 == "today" ? settings.date : $0 }
    }

    /// What a reader needs to reproduce the page, as sentences.
    func reproduction(_ settings: RenderSettings) -> (summary: String, files: [(path: String, sha256: String)]) {
        var parts = ["Rendered by \(settings.generator) on \(settings.date) from \((notebook.path as NSString).lastPathComponent)."]
        if !params.isEmpty {
            parts.append("Parameters: " + params.map { "\($0.name) = \(Format.json($0.value))" }.joined(separator: ", ") + ".")
        }
        parts.append(seeds.isEmpty ? "No random numbers were drawn." : "Seeds used: " + seeds.map(String.init).joined(separator: ", ") + ".")
        parts.append(files.isEmpty ? "No data files were read (the demo portfolio is built into the tool)." : "Data files read, with their SHA-256:")
        return (parts.joined(separator: " "), files.map { (shownPath($0.path), $0.sha256) })
    }

    /// Each inline value as text: a string as it is, a number as it reads, anything else on one line.
    func inlineText(_ index: Int) -> String {
        let result = inline[index]
        guard let value = result.value else { return "{{ \(result.expression.code) }}" }
        switch value {
        case .string(let s), .text(let s): return s
        default: return Format.inlineText(value)
        }
    }
}
