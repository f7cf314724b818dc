import ArgumentParser
import Charts
import Script
import StressTest

/// `stresstest survey score FILE`: the indicators and composites of every region of a survey.
struct SurveyScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a survey file: the indicators and composite indicators of every region.",
        discussion: """
        Indicators are group-balanced by default: the unweighted mean of the stakeholder groups' means, \
        so that each group counts equally however many people answered; --pooled takes the mean over all \
        respondents instead. A composite is the weighted mean of its dimension's indicators (framework \
        weights), missing when indicators weighing less than 2/3 of the dimension have values.

        --json prints {"regions": [{"region", "respondents": {group: n}, "indicators": {"I01": v, ...}, \
        "composites": {"DEV": v, ...}, "flags": {"small_groups": [...], "unanswered": [...]}}]}, keys in \
        framework order, missing values as null; with --bootstrap also "intervals": {"I01": [lo, hi], ..., \
        "DEV": [lo, hi], ...}. --csv prints one row per region: region, respondents per group, the \
        indicators, the composites (then <code>_lo and <code>_hi with --bootstrap), missing values as \
        empty cells.
        """
    )

    @Argument(help: "The survey file (CSV).")
    var file: String

    @Flag(help: "Score indicators as the mean over all respondents instead of the mean of the group means.")
    var pooled = false

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Print CSV, one row per region.")
    var csv = false

    @Option(help: ArgumentHelp("90% bootstrap intervals from this many resamples (respondents resampled within their group); 0 = none.",
                               valueName: "n"))
    var bootstrap = SurveyScoring.defaultResamples

    @Option(help: ArgumentHelp("The seed of the bootstrap (default 1); the same seed gives the same intervals.",
                               valueName: "seed"))
    var seed: UInt64?

    /// The interval level of `--bootstrap`.
    static let level = 0.9

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv cannot be used together; choose one output format.") }
        if bootstrap < 0 || bootstrap > SurveyScoring.maximumResamples {
            throw ValidationError("--bootstrap must be 0 (no intervals) or a number of resamples up to \(SurveyScoring.maximumResamples), such as 2000.")
        }
        if seed != nil && bootstrap == 0 { throw ValidationError("--seed applies only with --bootstrap N.") }
    }

    func run() throws {
        let survey = try SurveyCommand.loadSurvey(file)
        let scoring = SurveyScoring(method: pooled ? .pooled : .groupBalanced)
        let scores = bootstrap > 0
            ? scoring.bootstrap(survey, resamples: bootstrap, level: Self.level, seed: seed ?? 1)
            : scoring.score(survey)
        if json {
            ScriptOutput.print(Self.json(scores, method: scoring.method, intervals: bootstrap > 0))
        } else if csv {
            SurveyCommand.write(Self.csv(scores, framework: scoring.framework, intervals: bootstrap > 0))
        } else {
            ScriptOutput.print(Self.text(scores, survey: survey, scoring: scoring, resamples: bootstrap, seed: seed ?? 1)
                .joined(separator: "\n"))
        }
    }

    // MARK: JSON

    static func json(_ scores: [RegionScore], method: SurveyScoring.Method, intervals: Bool) -> String {
        Format.json(ScoresValue.record(scores, method: method, intervals: intervals))
    }

    // MARK: CSV

    static func csv(_ scores: [RegionScore], framework: Framework, intervals: Bool) -> String {
        let codes = framework.indicators.map(\.id) + framework.dimensions.map(\.code)
        var header = ["region"] + StakeholderGroup.allCases.map(\.rawValue) + codes
        if intervals { header += codes.flatMap { ["\($0)_lo", "\($0)_hi"] } }
        var rows = [[String]]()
        for score in scores {
            func value(_ code: String) -> Double { score.indicators[code]?.value ?? score.composites[code] ?? .nan }
            func interval(_ code: String) -> ClosedRange<Double>? { score.indicators[code]?.interval ?? score.compositeIntervals[code] }
            var cells = [score.region]
            cells += StakeholderGroup.allCases.map { String(score.respondents[$0, default: 0]) }
            cells += codes.map { CSVWriter.number(value($0)) }
            if intervals {
                cells += codes.flatMap { code in
                    interval(code).map { [CSVWriter.number($0.lowerBound), CSVWriter.number($0.upperBound)] } ?? ["", ""]
                }
            }
            rows.append(cells)
        }
        return CSVWriter.document(header: header, rows: rows)
    }

    // MARK: Text

    /// The caption stating the conventions of the tables.
    static func caption(_ scoring: SurveyScoring, resamples: Int, seed: UInt64) -> String {
        let method = switch scoring.method {
        case .groupBalanced: "group-balanced (the unweighted mean of the group means: each stakeholder group counts equally)"
        case .pooled: "pooled (the mean over all respondents: larger groups weigh more)"
        }
        var text = "Conventions: indicators \(method); values 0 (worst) to 4 (best), to 2 decimals; "
            + "sd = standard deviation of the respondent values (n - 1); gap = perception gap, largest minus smallest group mean; "
            + "P, O, I = respondents with a value per group (policy, operational, intermediate); "
            + "composites = weighted mean of the dimension's indicators (framework weights), missing when indicators weighing less than 2/3 of the dimension have values; "
        if resamples > 0 {
            text += "90% = bootstrap percentile interval (\(resamples) resamples within groups, seed \(seed)); "
        }
        text += "missing = no value; groups with fewer than \(SurveyScoring.minimumGroupSize) respondents are flagged."
        return text
    }

    static func text(_ scores: [RegionScore], survey: SurveyResponses, scoring: SurveyScoring, resamples: Int, seed: UInt64) -> [String] {
        let framework = scoring.framework
        let groups = StakeholderGroup.allCases
        let intervals = resamples > 0
        func interval(_ range: ClosedRange<Double>?) -> DataTable.Cell {
            range.map { .interval($0.lowerBound, $0.upperBound) } ?? .number(.nan)
        }
        var lines = ["Survey scores: \(survey.file) (\(scores.count) region\(scores.count == 1 ? "" : "s"), "
                     + "\(survey.respondents.count) respondent\(survey.respondents.count == 1 ? "" : "s"))"]
        lines.append(caption(scoring, resamples: resamples, seed: seed))
        for score in scores {
            let total = score.respondents.values.reduce(0, +)
            lines.append("")
            lines.append("\(score.region): \(total) respondent\(total == 1 ? "" : "s") ("
                         + groups.map { "\($0.rawValue) \(score.respondents[$0, default: 0])" }.joined(separator: ", ") + ")")
            lines.append("")
            let ids = score.indicatorIDs
            let indicators = ids.map { score.indicators[$0] }
            var columns: [DataTable.Column] = [
                .init("indicator", ids.map(DataTable.Cell.text)),
                .init("value", indicators.map { .number($0?.value ?? .nan) }, decimals: 2),
            ]
            if intervals { columns.append(.init("90%", indicators.map { interval($0?.interval) }, decimals: 2)) }
            columns += [
                .init("sd", indicators.map { .number($0?.standardDeviation ?? .nan) }, decimals: 2),
                .init("gap", indicators.map { .number($0?.perceptionGap ?? .nan) }, decimals: 2),
            ]
            columns += groups.map { group in .init(group.letter, indicators.map { .number(Double($0?.answered[group] ?? 0)) }) }
            columns.append(.init("name", ids.map { .text(framework.indicator($0)?.name ?? "") }))
            lines += SurveyCommand.lines(DataTable(columns))
            lines.append("")
            let codes = score.dimensionCodes
            var compositeColumns: [DataTable.Column] = [
                .init("composite", codes.map(DataTable.Cell.text)),
                .init("value", codes.map { .number(score.composites[$0] ?? .nan) }, decimals: 2),
            ]
            if intervals { compositeColumns.append(.init("90%", codes.map { interval(score.compositeIntervals[$0]) }, decimals: 2)) }
            compositeColumns.append(.init("name", codes.map { .text(framework.dimension($0)?.name ?? "") }))
            lines += SurveyCommand.lines(DataTable(compositeColumns))
            var flags = [String]()
            if !score.smallGroups.isEmpty {
                flags.append("fewer than \(SurveyScoring.minimumGroupSize) respondents in "
                             + SurveyCommand.groupCounts(score.smallGroups, score.respondents))
            }
            if !score.unansweredIndicators.isEmpty {
                flags.append("nobody answered \(score.unansweredIndicators.joined(separator: ", "))")
            }
            lines.append("")
            lines.append("Flags: " + (flags.isEmpty ? "none" : flags.joined(separator: "; ")))
        }
        return lines
    }
}
