import Charts
import Foundation
import Stats
import StressTest

/// The StressTest domain: portfolios, surveys, scores, benchmarks.
extension Library {
    static let stressTest: [Builtin] = [
        Builtin(
            name: "portfolio",
            parameters: [.init(name: "path"), .init(name: "framework", defaultValue: "the StressTest framework"),
                         .init(name: "year", defaultValue: "the latest"), .init(name: "aggregates", defaultValue: "none")],
            help: "A portfolio of regions: portfolio(\"demo\") is the shipped demo portfolio (synthetic data, 26 regions, waves 2024 and 2026); portfolio(PATH, framework: PATH, year: Y) reads a CSV file with a region id column (region, id or code), optional name, country and year columns and one column per indicator of the framework. The framework file may also be COINr's indicator metadata (IndCode, IndName, Direction, IndWeight, Agg1, Agg2, ...), with aggregates: PATH for its aggregate table (AgLevel, Code, Name, Weight); the id column may then be UnitCode and the name UnitName. Several years are waves: year picks one, the latest by default, and the previous one is kept to show change. Without framework (or with framework: \"stresstest\"): the StressTest framework, with German names in a notebook with lang: de; year: \"latest\" is the default spelled out. p.I02 is an indicator named by region, p.DEV a dimension composite."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let path = try args.string("path")
            let latest = if case .string(let text)? = args.value("year"), text == "latest" { true } else { false }
            let year = try args.has("year") && !latest ? Int(args.integer("year", default: 0, in: 0...9999)) : nil
            let shippedFramework = if case .string(let text)? = args.value("framework"), text == "stresstest" { true } else { false }
            let frameworkPath = args.has("framework") && !shippedFramework ? try args.pathToRead("framework") : nil
            let aggregatesPath = args.has("aggregates") ? try args.pathToRead("aggregates") : nil
            let file = path == "demo" && frameworkPath == nil ? path : try args.pathToRead("path")
            do throws(DataErrors) {
                let shipped = ScriptEnvironment.current.language == .german ? Framework.stressTestGerman : Framework.stressTest
                if path == "demo" && frameworkPath == nil {
                    return .object(PortfolioObject(portfolio: try Portfolio.demo(year: year, framework: shipped)))
                }
                let framework = try frameworkPath.map { path throws(DataErrors) in try Framework.load(path: path, aggregates: aggregatesPath) } ?? shipped
                return .object(PortfolioObject(portfolio: try Portfolio.load(path: file, framework: framework, year: year)))
            } catch {
                throw args.error(blamed(error, framework: frameworkPath, aggregates: aggregatesPath, args),
                                 "the portfolio cannot be read:\n" + error.lines.joined(separator: "\n"))
            }
        },
        Builtin(
            name: "survey",
            parameters: [.init(name: "path")],
            help: "Reads a survey export (one row per respondent: respondent, region, group, Q01 ... Q25; comma or semicolon; answers 0-4, empty/DK/don't know missing). Every problem of the file is reported with row, column and value."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let path = try args.pathToRead("path")
            do throws(DataErrors) {
                return .object(SurveyObject(survey: try SurveyResponses.read(path: path)))
            } catch {
                throw args.error("path", "the survey cannot be read:\n" + error.lines.joined(separator: "\n"))
            }
        },
        Builtin(
            name: "score",
            parameters: [.init(name: "s"), .init(name: "pooled", defaultValue: "false"),
                         .init(name: "bootstrap", defaultValue: "2000"), .init(name: "seed", defaultValue: "1")],
            help: "Scores a survey: per region the 21 indicators (respondent -> group -> region; the mean of the stakeholder groups' means, so each group counts equally; pooled: true takes the mean over all respondents), the six dimension composites, respondents per group, flags, and 90% bootstrap intervals from `bootstrap` resamples of the respondents within their groups (0 = none), seeded by `seed`."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            guard case .object(let object) = args.value("s"), let survey = object as? SurveyObject else {
                throw args.error("s", "score needs a survey, as survey(PATH) reads it, not \(args.value("s")!.kind)")
            }
            let method: SurveyScoring.Method = try args.bool("pooled", default: false) ? .pooled : .groupBalanced
            let resamples = try args.integer("bootstrap", default: SurveyScoring.defaultResamples, in: 0...SurveyScoring.maximumResamples)
            let seed = try args.seed()
            let scoring = SurveyScoring(method: method)
            let scores = resamples > 0
                ? scoring.bootstrap(survey.survey, resamples: resamples, seed: UInt64(seed)) : scoring.score(survey.survey)
            return .object(ScoresObject(scores: scores, method: method))
        },
        Builtin(
            name: "with",
            parameters: [.init(name: "p"), .init(name: "scores")],
            help: "The portfolio with the scored regions added, or replacing the rows of regions with the same id or name. Files are not changed."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let p = try portfolioArgument(args, "p")
            guard case .object(let object) = args.value("scores"), let scores = object as? ScoresObject else {
                throw args.error("scores", "with needs scores, as score(s) makes them, not \(args.value("scores")!.kind)")
            }
            do throws(PortfolioError) {
                return .object(PortfolioObject(portfolio: try p.with(scores.scores)))
            } catch {
                throw args.error("scores", error.message, help: error.help)
            }
        },
        Builtin(
            name: "save",
            parameters: [.init(name: "p"), .init(name: "path"), .init(name: "replace", defaultValue: "false"),
                         .init(name: "width", defaultValue: "720 pixels for .svg and .html, 80 columns for .txt")],
            help: "Writes the portfolio to a CSV file that portfolio(PATH) reads back as the same portfolio: every wave (a year column; the wave shown with the regions added by with), the indicator values on their 0-4 scale, names, countries, structural variables and text columns. Not saved, and said so in the reply's notes: the cautions of regions added by with (small survey groups), the marks of imputed cells (their values are saved), waves a pipeline step dropped; a wave other than the latest reads back with year:. A treated or normalised portfolio is an error (its values are off the scale): save it before those steps. save(chart, PATH) writes a chart: .svg (standalone SVG), .html (a self-contained page), .txt (the terminal drawing without colour) or .json (its model); width: sets its pixels or columns. An existing file is replaced only with replace: true; the file is written atomically."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            if case .object(let chart as ChartObject)? = args.value("p") { return try saveChart(chart.chart, args) }
            if args.has("width") { throw args.error("width", "width: applies to charts") }
            let p = try portfolioArgument(args, "p")
            let path = try args.string("path")
            let replace = try args.bool("replace", default: false)
            let target = try args.pathToWrite("path")
            let notes: [String]
            do throws(PortfolioError) {
                notes = try p.save(to: target, replace: replace)
            } catch {
                // A portfolio that cannot be saved is the first argument's fault, a file the second's.
                throw args.failure(error, else: "path", aliases: ["data": "p"])
            }
            let waves = Set(p.otherWaves.keys).union(p.year.map { [$0] } ?? []).sorted()
            let described = waves.count > 1 ? " in \(waves.count) waves (\(waves.map(String.init).joined(separator: ", ")); \(p.year!) shown)"
                : p.year.map { " (\($0))" } ?? ""
            return .text("saved \(p.regions.count) regions\(described) to \(path)" + notes.map { "\nnote: " + $0 }.joined())
        },
        Builtin(
            name: "region",
            parameters: [.init(name: "p"), .init(name: "name")],
            help: "One region of a portfolio: its id, name, country, indicators and composites."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let p = try portfolioArgument(args, "p")
            let index = try regionIndex(p, args)
            let region = p.regions[index]
            let composites = p.composites()[index]
            return .record(Record(title: "region \(region.label) (\(p.year.map(String.init) ?? "portfolio"))", [
                ("id", .string(region.id)),
                ("name", region.name.map(Value.string) ?? .missing),
                ("country", region.country.map(Value.string) ?? .missing),
                ("indicators", .named(NamedVector(names: p.framework.indicators.map(\.id), values: p.values[index]))),
                ("composites", .named(NamedVector(names: p.framework.dimensions.map(\.code), values: composites))),
            ]))
        },
        Builtin(
            name: "indicators",
            parameters: [.init(name: "p")],
            help: "The indicators of a portfolio's framework: id, name, dimension, weight."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let indicators = try portfolioArgument(args, "p").framework.indicators
            return .table(Table([("id", indicators.map { .string($0.id) }), ("dimension", indicators.map { .string($0.dimension) }),
                                 ("weight", indicators.map { .number($0.weight) }), ("name", indicators.map { .string($0.name) })]))
        },
        Builtin(
            name: "dimensions",
            parameters: [.init(name: "p")],
            help: "The dimensions of a portfolio's framework: code, name, weight, number of indicators."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let framework = try portfolioArgument(args, "p").framework
            let d = framework.dimensions
            return .table(Table([("code", d.map { .string($0.code) }), ("indicators", d.map { .number(Double(framework.indicators(in: $0.code).count)) }),
                                 ("weight", d.map { .number($0.weight) }), ("name", d.map { .string($0.name) })]))
        },
        Builtin(
            name: "benchmark",
            parameters: [.init(name: "p"), .init(name: "name"), .init(name: "type", defaultValue: "7"), .init(name: "k", defaultValue: "1.5")],
            help: "Benchmarks a region against the portfolio: for each composite and indicator its value, the portfolio's quartiles (quantile type, default 7), its rank (1 = best) and position (top quartile >= Q3, upper middle, lower middle, bottom quartile <= Q1), and the change since the previous wave; then strengths (top quartile) and weaknesses (bottom quartile). benchmark(p, [\"Nordtal\", \"Almgau\"]) benchmarks several regions: b.table (as table(b)) has a first column region (the ids) and one row per region and entry, the regions of an entry together, b.strengths, b.weaknesses and b.cautions are records by region, and plot(b) marks every region on one panel with its own marker and a legend."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let p = try portfolioArgument(args, "p")
            let indices = try regionIndices(p, args)
            let type = QuantileType(rawValue: try args.integer("type", default: 7, in: 1...9))!
            let k = try args.number("k", default: 1.5)
            do throws(PortfolioError) {
                var benchmarks = [Benchmark]()
                for index in indices {
                    benchmarks.append(try Benchmark(p, region: p.regions[index].id, type: type, coefficient: k))
                }
                return .object(BenchmarkObject(benchmarks: benchmarks, framework: p.framework))
            } catch {
                throw args.failure(error, else: "p")
            }
        },
    ]

    /// Writes a chart in the format its file's extension names, atomically.
    private static func saveChart(_ chart: Chart, _ args: Arguments) throws(ScriptError) -> Value {
        let path = try args.string("path")
        let replace = try args.bool("replace", default: false)
        let suffix = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if args.has("width"), suffix != "json", try args.number("width") < (suffix == "txt" ? 40 : 320) {
            throw args.error("width", suffix == "txt" ? "a drawing needs at least 40 columns" : "a chart needs at least 320 pixels")
        }
        let text: String
        switch suffix {
        case "svg":
            text = SVGRenderer(width: try args.number("width", default: 720)).render(chart)
        case "html":
            let renderer = HTMLRenderer(chartWidth: try args.number("width", default: 720))
            text = renderer.page(title: chart.title, body: renderer.render(.chart(chart)))
        case "txt":
            var plain = chart
            if args.has("width") { plain.columns = try args.integer("width", default: 80, in: 40...1000) }
            text = TerminalRenderer(width: plain.columns ?? 80).render(.chart(plain)) + "\n"
        case "json":
            text = JSONText.encode(chart.datum) + "\n"
        default:
            throw args.error("path", "a chart is saved as .svg, .html, .txt or .json, not `\(path)`",
                             help: "end the file's name in .svg for a picture, .html for a page, .txt for the terminal drawing")
        }
        let target = try args.pathToWrite("path")
        do throws(PortfolioError) {
            try CSVWriter.write(text, to: target, replace: replace)
        } catch {
            throw args.error("path", error.message, help: error.help)
        }
        return .text("saved the \(chart.kind.rawValue) to \(path)")
    }

    /// The regions `name` names: one string, or a vector of strings (each once).
    /// The argument to blame for a portfolio that cannot be read, by its first problem's place
    /// and subject: a wave the file lacks is `year`'s, a problem in the framework or aggregates
    /// file that argument's, any other `path`'s.
    private static func blamed(_ errors: DataErrors, framework: String?, aggregates: String?, _ args: Arguments) -> String {
        guard let first = errors.issues.first else { return "path" }
        if case .wave? = first.subject, args.has("year") { return "year" }
        if let framework, first.file == framework { return "framework" }
        if let aggregates, first.file == aggregates { return "aggregates" }
        return "path"
    }

    private static func regionIndices(_ p: Portfolio, _ args: Arguments) throws(ScriptError) -> [Int] {
        let items: [Value]
        switch args.value("name") {
        case .list(let values)?: items = values
        case .vector(let xs)? where xs.isEmpty: items = []  // `[]`
        default: return [try regionIndex(p, args)]
        }
        guard !items.isEmpty else {
            throw args.error("name", "benchmark needs at least one region", help: "for example [\"\(p.regions.first?.label ?? "Nordtal")\"]")
        }
        var indices = [Int]()
        for item in items {
            guard case .string(let name) = item else {
                throw args.error("name", "the regions to benchmark are names (strings), not \(item.kind)")
            }
            let index: Int
            do throws(PortfolioError) {
                index = try p.requireRegion(name)
            } catch {
                throw args.error("name", error.message, help: error.help)
            }
            guard !indices.contains(index) else {
                throw args.error("name", "`\(name)` names \(p.regions[index].label) a second time", help: "name each region once")
            }
            indices.append(index)
        }
        return indices
    }

    private static func regionIndex(_ p: Portfolio, _ args: Arguments) throws(ScriptError) -> Int {
        let name = try args.string("name")
        do throws(PortfolioError) {
            return try p.requireRegion(name)
        } catch {
            throw args.error("name", error.message, help: error.help)
        }
    }
}
