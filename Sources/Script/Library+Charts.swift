import Charts
import Stats
import StressTest

/// Charts: `plot` draws the natural chart of any result that has one; `box`, `strip`, `bars`,
/// `radar`, `hist`, `lines` and `heatmap` draw a chosen one. Charts show themselves in the REPL
/// and `save(c, PATH)` writes them. They compute no statistics of their own: each draws what a
/// statistics function returns (`boxstats`, `benchmark`, `uncertainty`, `hclust`, ...).
extension Library {
    static let charts: [Builtin] = [plot, box, strip, bars, radar, hist, histogram, lines, heatmap]

    static let widthParameter = Builtin.Parameter(name: "width", defaultValue: "the terminal's")

    /// The chart with its terminal width set when `width:` is given.
    static func chartValue(_ chart: Chart, _ args: Arguments) throws(ScriptError) -> Value {
        var chart = chart
        if args.has("width") { chart.columns = try args.integer("width", default: 80, in: 40...1000) }
        if args.has("title") { chart.title = try args.string("title") }
        if args.has("caption") { chart.caption = try args.string("caption") }
        return .object(ChartObject(chart: chart))
    }

    static let plot = Builtin(
        name: "plot",
        parameters: [.init(name: "x"), .init(name: "k", defaultValue: "none"), .init(name: "clusters", defaultValue: "none"),
                     .init(name: "highlight", defaultValue: "none"), .init(name: "dimension", defaultValue: "all"),
                     .init(name: "title", defaultValue: "the chart's"), .init(name: "caption", defaultValue: "the chart's"), widthParameter],
        help: """
        The natural chart of a result, in the terminal; save(c, "c.svg") writes it.
          benchmark(p, NAME)  the benchmark panel: boxplots by dimension, region marked
                              (several regions: each with its own marker, up to 6);
                              dimension: "DEV" draws that dimension only
          a portfolio         the same panel of all regions (highlight: NAME marks one)
          uncertainty(p)      rank intervals: 5-95 % of the ranks, median and nominal
          sobol(p)            first-order and total Sobol' indices with their intervals
          hclust(x)           the dendrogram; k: 3 colours the clusters of cut(h, k: 3)
          pca(x)              the map of the first two components; clusters: k-means/cut
          kmeans(x, k: 3)     the silhouette plot of its clusters
          silhouette(...)     the silhouette plot
          distance(x)         a heatmap of the distances
          a named vector      a dot plot (p.I02); highlight: NAME marks one
          a numeric vector    a histogram (R's hist)
        width: the columns to draw in (default: the terminal's, $COLUMNS, or 80).
        title: and caption: replace the chart's own (a report words them itself).
        In a notebook with lang: de the benchmark panel's legend, axis and captions are German.
        Other charts: box, strip, bars, radar, hist, lines, heatmap.
        """
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        func refuse(_ names: String...) throws(ScriptError) {
            for name in names where args.has(name) {
                throw args.error(name, "plot of \(args.value("x")!.kind) takes no `\(name)`", help: "see help(plot)")
            }
        }
        // dimension: chooses the dimension of a benchmark panel only.
        if case .object(let object)? = args.value("x"), object is BenchmarkObject {} else { try refuse("dimension") }
        let chart: Chart
        switch args.value("x") {
        case .object(let b as BenchmarkObject)?:
            try refuse("k", "clusters", "highlight")
            guard b.benchmarks.count <= PortfolioPlots.panelMarkers.count else {
                throw args.error("x", "a panel marks at most \(PortfolioPlots.panelMarkers.count) regions, each with its own marker; the benchmark has \(b.benchmarks.count)",
                                 help: "benchmark fewer regions for the panel; b.table has them all")
            }
            var benchmarks = b.benchmarks
            if args.has("dimension") {
                let code = try args.string("dimension")
                do throws(PortfolioError) { _ = try b.framework.requireDimension(code) }
                catch { throw args.error("dimension", error.message, help: error.help) }
                for i in benchmarks.indices { benchmarks[i].entries.removeAll { $0.dimension != code } }
            }
            chart = PortfolioPlots.panel(benchmarks, framework: b.framework, language: ScriptEnvironment.current.language)
        case .object(let p as PortfolioObject)?:
            try refuse("k", "clusters")
            if args.has("highlight") {
                let name = try args.string("highlight")
                do throws(PortfolioError) {
                    let b = try Benchmark(p.portfolio, region: name)
                    chart = PortfolioPlots.panel(b, framework: p.portfolio.framework)
                } catch {
                    throw args.error("highlight", error.message, help: error.help)
                }
            } else {
                do throws(StatsError) { chart = try PortfolioPlots.panel(p.portfolio, type: .default, k: 1.5) }
                catch { throw args.error("x", error.description) }
            }
        case .object(let u as UncertaintyObject)?:
            try refuse("k", "clusters", "highlight")
            chart = AnalysisPlots.rankIntervals(u)
        case .object(let s as SobolObject)?:
            try refuse("k", "clusters", "highlight")
            chart = AnalysisPlots.sobol(s)
        case .object(let h as ClusterTreeObject)?:
            try refuse("clusters", "highlight")
            var clusters: [Int]?
            if args.has("k") {
                let k = try args.integer("k", default: 2, in: 1...max(1, h.tree.count))
                do throws(StatsError) { clusters = try h.tree.cut(clusters: k) } catch { throw args.error("k", error.description) }
            }
            chart = AnalysisPlots.dendrogram(h, clusters: clusters)
        case .object(let pca as PCAObject)?:
            try refuse("k")
            let clusters = args.has("clusters") ? try clusterNumbers(args, labels: pca.labels) : nil
            let highlight = try highlightIndex(args, among: pca.labels).map { pca.labels[$0] }
            chart = AnalysisPlots.pcaMap(pca, clusters: clusters, highlight: highlight)
        case .object(let k as KMeansObject)?:
            try refuse("k", "clusters", "highlight")
            do throws(StatsError) { chart = AnalysisPlots.silhouette(k.silhouetteObject(try k.silhouette()),
                                                                 clustering: k.caption) }
            catch { throw args.error("x", error.description) }
        case .object(let s as SilhouetteObject)?:
            try refuse("k", "clusters", "highlight")
            chart = AnalysisPlots.silhouette(s)
        case .object(let d as DistanceObject)?:
            try refuse("k", "clusters", "highlight")
            chart = AnalysisPlots.heatmap(d)
        case .object(let c as ChartObject)?:
            try refuse("k", "clusters", "highlight")
            chart = c.chart
        case .named(let v)?:
            try refuse("k", "clusters")
            chart = try dotPlot(names: v.names, values: v.values, column: "values", detail: "", args: args, axis: nil)
        case .vector(let xs)?:
            try refuse("k", "clusters", "highlight")
            chart = try histogramChart(xs, names: nil, args: args, column: "x")
        case let other?:
            throw args.error("x", "plot has no chart for \(other.kind)",
                             help: "help(plot) lists the results it draws; box, strip, bars, radar, hist, lines and heatmap draw others")
        case nil:
            throw args.error("x", "plot needs a value")
        }
        return try chartValue(chart, args)
    }

    /// The index of the region `highlight:` names (any case), nil without `highlight:`; an
    /// unknown name is an error with the nearest name as a suggestion.
    static func highlightIndex(_ args: Arguments, among names: [String]) throws(ScriptError) -> Int? {
        guard args.has("highlight") else { return nil }
        let name = try args.string("highlight")
        guard let index = names.firstIndex(of: name) ?? names.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
            throw args.error("highlight", names.isEmpty ? "the values have no names to find `\(name)` among" : "there is no region `\(name)`",
                             help: NameSuggestion.help(for: name, among: names))
        }
        return index
    }

    /// Cluster numbers from 1 per region: a k-means result, or a vector (cut(h, k: 3)).
    static func clusterNumbers(_ args: Arguments, labels: [String]) throws(ScriptError) -> [Int] {
        let numbers: [Double]
        switch args.value("clusters") {
        case .object(let k as KMeansObject)?:
            guard k.labels == labels else { throw args.error("clusters", "the k-means result clusters other regions than the analysis") }
            return k.result.clusters.map { $0 + 1 }
        case .named(let v)?:
            guard v.names == labels else { throw args.error("clusters", "the clusters are named by other regions than the analysis's") }
            numbers = v.values
        case .vector(let xs)?: numbers = xs
        case let other?: throw args.error("clusters", "`clusters` must be a k-means result or cluster numbers, not \(other.kind)")
        case nil: throw args.error("clusters", "no clusters")
        }
        guard numbers.count == labels.count else {
            throw args.error("clusters", "`clusters` has \(numbers.count) numbers for \(labels.count) regions")
        }
        guard numbers.allSatisfy({ $0 >= 1 && $0 == $0.rounded() && $0 <= 1000 }) else {
            throw args.error("clusters", "cluster numbers are whole numbers from 1, as cut and kmeans give them")
        }
        return numbers.map { Int($0) }
    }

    static let box = Builtin(
        name: "box",
        parameters: [.init(name: "x"), .init(name: "columns", defaultValue: "every indicator"), .init(name: "highlight", defaultValue: "none"),
                     .init(name: "k", defaultValue: "1.5"), .init(name: "type", defaultValue: "7"), widthParameter],
        help: "Horizontal boxplots, as boxstats computes them (quartiles of quantile type `type`, whiskers at the most extreme values within k IQR, outliers named): box(p, \"I02\", highlight: \"Nordtal\") or box(p, [\"I01\", \"I02\", \"DEV\"]) for a portfolio's indicators, dimension composites or structural variables; box(p.I02), box(x) for a vector; box([x, y]) or box({before: x, after: y}) for several; box(t) for a table's numeric columns."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let type = try quantileType(args)
        let k = try args.number("k", default: 1.5)
        var series = [(label: String, detail: String?, values: [Double])]()
        var names = [String]()
        var axis: Axis?
        switch args.value("x") {
        case .object(let p as PortfolioObject)?:
            let portfolio = p.portfolio
            names = portfolio.regions.map(\.label)
            let codes = args.has("columns") ? try stringList(args, "columns") : portfolio.framework.indicators.map(\.id)
            for code in codes {
                guard case .named(let v)? = p.field(code) else {
                    throw args.error("columns", "the portfolio has no indicator, dimension or variable `\(code)`",
                                     help: NameSuggestion.help(for: code, among: p.fieldNames))
                }
                let detail = portfolio.framework.indicator(code)?.name ?? portfolio.framework.dimension(code)?.name
                series.append((code, detail, v.values))
            }
            if codes.allSatisfy({ portfolio.framework.indicator($0) != nil || portfolio.framework.dimension($0) != nil }) {
                axis = PortfolioPlots.valueAxis(portfolio.framework, spanning: series.flatMap(\.values), language: ScriptEnvironment.current.language)
            }
        case .named(let v)?:
            names = v.names
            series = [("x", nil, v.values)]
        case .vector(let xs)?:
            series = [("x", nil, xs)]
        case .list(let items)?:
            for (i, item) in items.enumerated() {
                guard let xs = numbers(item) else { throw args.error("x", "box needs vectors of numbers; element \(i + 1) is \(item.kind)") }
                series.append((String(i + 1), nil, xs))
            }
        case .record(let record)?:
            for (name, item) in record.fields {
                guard let xs = numbers(item) else { throw args.error("x", "box needs vectors of numbers; `\(name)` is \(item.kind)") }
                series.append((name, nil, xs))
            }
        case .table(let table)?:
            names = table.columns.first { $0.values.allSatisfy { if case .string = $0 { true } else { false } } }?
                .values.map { if case .string(let s) = $0 { s } else { "" } } ?? []
            for column in table.columns {
                if let xs = numbers(.vector(of: column.values)) { series.append((column.name, nil, xs)) }
            }
        case let other?:
            throw args.error("x", "box needs a portfolio, a table or vectors of numbers, not \(other.kind)")
        case nil:
            throw args.error("x", "box needs a value")
        }
        guard !series.isEmpty else { throw args.error("x", "box found no numbers to draw") }
        if args.has("columns"), case .object(let o)? = args.value("x"), !(o is PortfolioObject) {
            throw args.error("columns", "columns: chooses a portfolio's columns")
        }
        let highlightIndex = try highlightIndex(args, among: names)
        var rows = [BoxplotRow]()
        for s in series {
            let stats: BoxplotStatistics
            do throws(StatsError) { stats = try BoxplotStatistics(s.values, coefficient: k, type: type) }
            catch { throw args.error("k", error.description) }
            rows.append(BoxplotRow(s.label, detail: s.detail, box: stats, names: names,
                                   highlight: highlightIndex.map { s.values.indices.contains($0) ? s.values[$0] : .nan }))
        }
        let count = series.map { $0.values.filter { !$0.isNaN }.count }.max() ?? 0
        let chart = Chart.boxplots(title: "Boxplot\(rows.count == 1 ? "" : "s") of \(series.map(\.label).prefix(6).joined(separator: ", "))\(series.count > 6 ? ", ..." : "")",
                                   caption: "Quartiles: quantile type \(type.rawValue); whiskers at the most extreme values within \(Format.number(k)) IQR of the box; values beyond them are outliers; \(count) values\(rows.count > 1 ? " per box at most" : "").",
                                   rows: rows, axis: axis ?? Axis.spanning("value", series.flatMap(\.values)), highlightName: highlightIndex.map { names[$0] },
                                   language: ScriptEnvironment.current.language)
        return try chartValue(chart, args)
    }

    /// The numbers of a numeric vector, named vector or number; nil for other values.
    static func numbers(_ value: Value) -> [Double]? {
        switch value {
        case .vector(let xs): xs
        case .named(let v): v.values
        case .number(let x): [x]
        default: nil
        }
    }

    static let strip = Builtin(
        name: "strip",
        parameters: [.init(name: "x"), .init(name: "column", defaultValue: "none"), .init(name: "highlight", defaultValue: "none"), widthParameter],
        help: "A dot plot of every region's value on one column, sorted from the highest, the median dashed: strip(p, \"I02\", highlight: \"Nordtal\"), or strip(p.I02). Regions without a value are named in the caption."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        switch args.value("x") {
        case .object(let p as PortfolioObject)?:
            let code = try args.string("column")
            guard case .named(let v)? = p.field(code) else {
                throw args.error("column", "the portfolio has no indicator, dimension or variable `\(code)`",
                                 help: NameSuggestion.help(for: code, among: p.fieldNames))
            }
            let framework = p.portfolio.framework
            let detail = framework.indicator(code)?.name ?? framework.dimension(code)?.name ?? ""
            let axis = framework.indicator(code) != nil || framework.dimension(code) != nil
                ? PortfolioPlots.valueAxis(framework, spanning: v.values) : nil
            return try chartValue(try dotPlot(names: v.names, values: v.values, column: code, detail: detail, args: args, axis: axis,
                                              year: p.portfolio.year), args)
        case .named(let v)?:
            if args.has("column") { throw args.error("column", "column: chooses a portfolio's column") }
            return try chartValue(try dotPlot(names: v.names, values: v.values, column: "values", detail: "", args: args, axis: nil), args)
        case let other?:
            throw args.error("x", "strip needs a portfolio and a column, or a vector named by region (p.I02), not \(other.kind)")
        case nil:
            throw args.error("x", "strip needs a value")
        }
    }

    static func dotPlot(names: [String], values: [Double], column: String, detail: String, args: Arguments, axis: Axis?,
                        year: Int? = nil) throws(ScriptError) -> Chart {
        let highlight = try highlightIndex(args, among: names).map { names[$0] }
        do throws(StatsError) {
            return try PortfolioPlots.dotPlot(names: names, values: values, column: column, detail: detail, highlight: highlight,
                                              axis: axis ?? Axis.spanning("value", values), conventions: year.map { ", \($0)" } ?? "")
        } catch {
            throw args.error("x", error.description)
        }
    }

    /// The benchmark of `x` (a benchmark, or a portfolio and `region:`).
    static func benchmarkArgument(_ args: Arguments) throws(ScriptError) -> (Benchmark, Framework) {
        switch args.value("x") {
        case .object(let b as BenchmarkObject)? where !b.isOfSeveralRegions:
            if args.has("region") { throw args.error("region", "a benchmark is of one region already") }
            return (b.benchmark, b.framework)
        case .object(let b as BenchmarkObject)?:
            // A benchmark of several regions: region: picks one of them.
            guard args.has("region") else {
                throw args.error("x", "\(args.function) draws one region, and the benchmark has \(b.benchmarks.count): \(BenchmarkObject.list(b.regionLabels))",
                                 help: "pick one with region:, for example \(args.function)(b, region: \"\(b.regionLabels[0])\")")
            }
            let name = try args.string("region")
            let key = name.lowercased()
            guard let one = b.benchmarks.first(where: { $0.region.label.lowercased() == key || $0.region.id.lowercased() == key }) else {
                throw args.error("region", "the benchmark has no region `\(name)`",
                                 help: NameSuggestion.help(for: name, among: b.regionLabels) ?? "its regions: \(b.regionLabels.joined(separator: ", "))")
            }
            return (one, b.framework)
        case .object(let p as PortfolioObject)?:
            let name = try args.string("region")
            do throws(PortfolioError) {
                return (try Benchmark(p.portfolio, region: name), p.portfolio.framework)
            } catch {
                throw args.error("region", error.message, help: error.help)
            }
        case let other?:
            throw args.error("x", "\(args.function) needs a benchmark (benchmark(p, NAME)) or a portfolio and region:, not \(other.kind)")
        case nil:
            throw args.error("x", "\(args.function) needs a value")
        }
    }

    static let bars = Builtin(
        name: "bars",
        parameters: [.init(name: "x"), .init(name: "region", defaultValue: "the benchmark's"), widthParameter],
        help: "A region's dimension composites as bars against the portfolio's median and quartile band (Q1 to Q3, quantile type 7): bars(b) for a benchmark, or bars(p, \"Nordtal\")."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let (b, framework) = try benchmarkArgument(args)
        return try chartValue(PortfolioPlots.bars(b, framework: framework), args)
    }

    static let radar = Builtin(
        name: "radar",
        parameters: [.init(name: "x"), .init(name: "region", defaultValue: "the benchmark's"), widthParameter],
        help: "A radar of a region's dimension composites against the portfolio's medians: radar(b) for a benchmark, or radar(p, \"Nordtal\")."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let (b, framework) = try benchmarkArgument(args)
        return try chartValue(PortfolioPlots.radar(b, framework: framework), args)
    }

    static let hist = Builtin(
        name: "hist",
        parameters: [.init(name: "x"), .init(name: "bins", defaultValue: "\"sturges\""), .init(name: "highlight", defaultValue: "none"), widthParameter],
        help: "A histogram as R's hist: bins by Sturges' rule with R's pretty breaks, or about `bins` bins, or the break points given as a vector; bins hold their upper end. hist(p.I02, highlight: \"Nordtal\") marks a region's value. histogram(x) gives the numbers."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        switch args.value("x") {
        case .named(let v)?: return try chartValue(try histogramChart(v.values, names: v.names, args: args, column: "values"), args)
        case .vector(let xs)?:
            if args.has("highlight") { throw args.error("highlight", "highlight: needs values named by region, such as p.I02") }
            return try chartValue(try histogramChart(xs, names: nil, args: args, column: "x"), args)
        case let other?: throw args.error("x", "hist needs numbers, not \(other.kind)")
        case nil: throw args.error("x", "hist needs a value")
        }
    }

    static func histogramBins(_ args: Arguments) throws(ScriptError) -> Histogram.Bins {
        switch args.value("bins") {
        case nil, .string("sturges")?: return .sturges
        case .number?: return .count(try args.integer("bins", default: 10, in: 1...1_000_000))
        case .vector(let breaks)?: return .breaks(breaks)
        case let other?: throw args.error("bins", "`bins` is \"sturges\", a number of bins or a vector of break points, not \(other.kind)")
        }
    }

    static func histogramChart(_ xs: [Double], names: [String]?, args: Arguments, column: String) throws(ScriptError) -> Chart {
        let bins = try histogramBins(args)
        let h: Histogram
        do throws(StatsError) { h = try Histogram(xs, bins: bins) } catch { throw args.error(args.has("bins") ? "bins" : "x", error.description) }
        let highlight = try names.flatMap { names throws(ScriptError) in try highlightIndex(args, among: names).map { (names[$0], xs[$0]) } }
        let rule = switch bins {
        case .sturges: "Sturges' rule"
        case .count(let k): "about \(k) bins"
        case .breaks: "the breaks given"
        }
        return Chart.histogram(title: "Histogram of \(h.count) values", caption: "Bins by \(rule) with R's pretty breaks, closed on the right (R's hist); \(h.count) values\(h.missing > 0 ? ", \(h.missing) missing left out" : "").",
                               h, xTitle: column, highlight: highlight)
    }

    static let histogram = Builtin(
        name: "histogram",
        parameters: [.init(name: "x"), .init(name: "bins", defaultValue: "\"sturges\"")],
        help: "The numbers of a histogram, as R's hist(x, plot = FALSE): breaks (Sturges' rule with R's pretty by default, or about `bins` bins, or the break points given), counts per bin (closed on the right, the first on both sides), density, mids, n and missing (NaN and infinite values, left out)."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let xs = try args.numbers("x")
        let bins = try histogramBins(args)
        let h: Histogram
        do throws(StatsError) { h = try Histogram(xs, bins: bins) } catch { throw args.error(args.has("bins") ? "bins" : "x", error.description) }
        return .record(Record(title: "histogram (R's hist: bins closed on the right)", [
            ("breaks", .vector(h.breaks)), ("counts", .vector(h.counts.map(Double.init))), ("density", .vector(h.density)),
            ("mids", .vector(h.mids)), ("n", .number(Double(h.count))), ("missing", .number(Double(h.missing))),
        ]))
    }

    static let lines = Builtin(
        name: "lines",
        parameters: [.init(name: "p"), .init(name: "region"), .init(name: "code"), widthParameter],
        help: "A region's value of an indicator or dimension composite in every wave of the portfolio, against the portfolio's median and quartile band (Q1 to Q3, quantile type 7) of each wave: lines(p, \"Nordtal\", \"DEV\")."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let p = try portfolioArgument(args, "p")
        let name = try args.string("region")
        let index: Int
        do throws(PortfolioError) { index = try p.requireRegion(name) } catch { throw args.error("region", error.message, help: error.help) }
        let code = try args.string("code")
        guard p.framework.indicator(code) != nil || p.framework.dimension(code) != nil else {
            throw args.error("code", "the framework has no indicator or dimension `\(code)`",
                             help: NameSuggestion.help(for: code, among: p.framework.indicators.map(\.id) + p.framework.dimensions.map(\.code)))
        }
        guard !p.years.isEmpty else { throw args.error("p", "the portfolio has no waves (its file has no year column)") }
        let chart: Chart
        do throws(StatsError) { chart = try PortfolioPlots.lines(p, region: index, code: code) } catch { throw args.error("p", error.description) }
        return try chartValue(chart, args)
    }

    static let heatmap = Builtin(
        name: "heatmap",
        parameters: [.init(name: "x"), .init(name: "method", defaultValue: "\"pearson\""), widthParameter],
        help: "A heatmap: of the correlations (cor, pairwise on the regions with both values; method \"pearson\" or \"spearman\") of a portfolio's indicators or a table's numeric columns, of a distance matrix (distance(x)), or of a matrix given as a vector of rows."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let method = CorrelationMethod(rawValue: try args.choice("method", default: "pearson", among: CorrelationMethod.allCases.map(\.rawValue)))!
        switch args.value("x") {
        case .object(let p as PortfolioObject)?:
            let ids = p.portfolio.framework.indicators.map(\.id)
            return try correlationHeatmap(ids, ids.map { p.portfolio.column($0)! }, method: method, of: "the \(ids.count) indicators", args)
        case .table(let t)?:
            let numeric = t.columns.compactMap { column in numbers(.vector(of: column.values)).map { (column.name, $0) } }
            guard numeric.count > 1 else { throw args.error("x", "the table has fewer than two numeric columns") }
            return try correlationHeatmap(numeric.map(\.0), numeric.map(\.1), method: method, of: "the table's columns", args)
        case .object(let d as DistanceObject)?:
            if args.has("method") { throw args.error("method", "method: chooses the correlation; a distance matrix is drawn as it is") }
            return try chartValue(AnalysisPlots.heatmap(d), args)
        case .list(let rows)?:
            let matrix = rows.compactMap(numbers)
            guard matrix.count == rows.count, !matrix.isEmpty, matrix.allSatisfy({ $0.count == matrix[0].count }) else {
                throw args.error("x", "a matrix is a vector of rows of numbers of equal length")
            }
            let all = matrix.flatMap { $0 }.filter(\.isFinite)
            let low = all.min() ?? 0, high = all.max() ?? 1
            let correlations = low < 0 && low >= -1 && high <= 1
            let scale: ColourScale = correlations ? .diverging(-1...1, centre: 0) : .sequential(low...max(high, low + 1e-300))
            let labels = (1...matrix.count).map(String.init), columns = (1...matrix[0].count).map(String.init)
            return try chartValue(Chart.heatmap(title: "Heatmap of a \(matrix.count) x \(matrix[0].count) matrix",
                                                caption: "Values as given; " + (correlations ? "blue below 0, red above, hatched below 0." : "darker = larger."),
                                                rows: labels, columns: columns, values: matrix, scale: scale, valueName: "value"), args)
        case let other?:
            throw args.error("x", "heatmap needs a portfolio, a table, a distance matrix or a matrix, not \(other.kind)")
        case nil:
            throw args.error("x", "heatmap needs a value")
        }
    }

    /// The heatmap of the correlations of `columns`, an error of `x` when a correlation fails.
    private static func correlationHeatmap(_ names: [String], _ columns: [[Double]], method: CorrelationMethod,
                                           of what: String, _ args: Arguments) throws(ScriptError) -> Value {
        let chart: Chart
        do throws(StatsError) {
            chart = try AnalysisPlots.correlations(names: names, columns: columns, method: method, of: what)
        } catch {
            throw args.error("x", error.description)
        }
        return try chartValue(chart, args)
    }
}
