import Charts
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

    /// The language the notebook is written in (`lang:`).
    public var language: Language { notebook.frontMatter.language }

    /// The title: the front matter's with its inline values, or the file's name.
    public var title: String {
        heading("title") ?? (notebook.path as NSString).lastPathComponent
    }

    /// The subtitle, with its inline values.
    public var subtitle: String? { heading("subtitle") }

    /// A heading of the front matter as text, its inline values filled in (an inline value that
    /// failed keeps its `{{ }}`; its error is among the run's errors).
    private func heading(_ name: String) -> String? {
        guard let template = headings[name] else { return nil }
        return template.segments.map { segment in
            switch segment {
            case .text(let text): text
            case .expression(let index): inlineText(index)
            }
        }.joined().trimmingCharacters(in: .whitespaces)
    }

    /// The date line: the front matter's date; `today` is the render's date written out in the
    /// notebook's language (`6 December 2026`, `6. Dezember 2026`).
    func shownDate(_ settings: RenderSettings) -> String? {
        notebook.frontMatter.date.map { $0 == "today" ? language.longDate(settings.date) : $0 }
    }

    /// What a reader needs to reproduce the page, as sentences in the notebook's language.
    func reproduction(_ settings: RenderSettings) -> (summary: String, files: [(path: String, sha256: String)]) {
        let file = (notebook.path as NSString).lastPathComponent
        let parameters = params.map { "\($0.name) = \(Format.json($0.value))" }.joined(separator: ", ")
        let seedList = seeds.map(String.init).joined(separator: ", ")
        var parts = [String]()
        switch language {
        case .english:
            parts.append("Rendered by \(settings.generator) on \(settings.date) from \(file).")
            if !params.isEmpty { parts.append("Parameters: \(parameters).") }
            parts.append(seeds.isEmpty ? "No random numbers were drawn." : "Seeds used: \(seedList).")
            parts.append(files.isEmpty ? "No data files were read (the demo portfolio is built into the tool)." : "Data files read, with their SHA-256:")
        case .german:
            parts.append("Erstellt mit \(settings.generator) am \(language.longDate(settings.date)) aus \(file).")
            if !params.isEmpty { parts.append("Parameter: \(parameters).") }
            parts.append(seeds.isEmpty ? "Es wurden keine Zufallszahlen gezogen." : "Verwendete Seeds: \(seedList).")
            parts.append(files.isEmpty ? "Es wurden keine Datendateien gelesen (das Demo-Portfolio ist Teil des Programms)." : "Gelesene Datendateien mit ihrem SHA-256:")
        }
        return (parts.joined(separator: " "), files.map { (shownPath($0.path), $0.sha256) })
    }

    /// Each inline value as text: a string as it is, a number as it reads in the notebook's
    /// language, anything else on one line.
    func inlineText(_ index: Int) -> String {
        let result = inline[index]
        guard let value = result.value else { return "{{ \(result.expression.code) }}" }
        switch value {
        case .string(let s), .text(let s): return s
        default: return Format.inlineText(value, numbers: language.numbers)
        }
    }
}
