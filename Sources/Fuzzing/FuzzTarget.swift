/// The inputs the toolkit reads from users, each as a libFuzzer target: arbitrary bytes go in, and
/// the target checks that the input either loads (and what it loaded is consistent) or fails with
/// an error that names where. A broken promise stops the process with `FuzzCheck.fail`, which
/// libFuzzer records as a crash; so does any trap inside the toolkit.
///
/// `stresstest-fuzz` runs one of them under libFuzzer (`make fuzz`), and `FuzzingTests` replays
/// the seed corpus and every input that once failed.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `CSVReader.parse(_:file:)`: UTF-8 check, delimiter detection, quoting, ragged rows.
    case csv
    /// `SurveyResponses.parse` on the CSV of a survey export, then `SurveyScoring.score`.
    case survey
    /// `Portfolio.parse` with the StressTest framework, then composites and a benchmark.
    case portfolio
    /// The script language: `Parser` and `Interpreter` on arbitrary text, sandboxed to a
    /// temporary folder, with a time budget enforced by an interrupt.
    case script
    /// `NotebookParser.parse` (front matter, fences, cell options) and the dependency graph.
    case notebook
    /// SVG and HTML escaping: text from the data in chart titles, labels and table cells, and
    /// CSS strings, must never change the markup.
    case escaping

    /// Runs the target on one input.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: CSVFuzz.run(bytes)
        case .survey: SurveyFuzz.run(bytes)
        case .portfolio: PortfolioFuzz.run(bytes)
        case .script: ScriptFuzz.run(bytes)
        case .notebook: NotebookFuzz.run(bytes)
        case .escaping: EscapingFuzz.run(bytes)
        }
    }
}
