import Charts
import Stats
import StressTest

/// Charts of portfolios and benchmarks: the StressTest's boxplot panel, boxplots of chosen
/// columns, dot plots, a region's bars and radar against the portfolio, its values over the
/// waves. The statistics come from `Benchmark` and `BoxplotStatistics`; the charts draw them.
enum PortfolioPlots {
    /// The axis of a framework's indicators: their fixed scale when they share one (0..4 for
    /// the StressTest), divided into `divisions` (8: ticks 0, 0.5, ... 4), else one that spans
    /// `values` with about that many pretty ticks.
    static func valueAxis(_ framework: Framework, spanning values: [Double], divisions: Int = 8, title: String? = nil,
                          language: Language = .english) -> Axis {
        let scales = Set(framework.indicators.map { $0.scale.map { [$0.lowerBound, $0.upperBound] } ?? [] })
        if scales.count == 1, let scale = framework.indicators.first?.scale, scale.upperBound > scale.lowerBound {
            return Axis.fixed(language.valueAxisTitle(title, lowest: scale.lowerBound, highest: scale.upperBound), scale,
                              step: (scale.upperBound - scale.lowerBound) / Double(divisions))
        }
        return Axis.spanning(title ?? "value", values, ticks: divisions)
    }

    /// The title and caption of a benchmark panel of `regions` (their names joined) in `language`.
    private static func panelTexts(_ regions: String, _ b: Benchmark, language: Language) -> (title: String, caption: String) {
        let year = b.year.map { " (\($0))" } ?? ""
        switch language {
        case .english:
            return ("\(regions) benchmarked against \(b.regionCount) regions\(year)", "Benchmark panel of \(regions): \(b.conventions).")
        case .german:
            let k = language.numbers.reading(b.coefficient)
            return ("\(regions) im Vergleich mit \(b.regionCount) Regionen\(year)",
                    "Benchmark von \(regions): Quartile nach Quantiltyp \(b.quantileType.rawValue); Whisker bei \(k) IQR; Komposite: gewichtete Mittel der Indikatoren (Gewichte des Rahmens); \(b.regionCount) Regionen\(b.year.map { ", \($0)" } ?? "").")
        }
    }

    /// The benchmark panel: per dimension a header, the composite's box, the indicators' boxes,
    /// the region's values marked; legend, axis, title and caption in `language`.
    static func panel(_ b: Benchmark, framework: Framework, language: Language = .english) -> Chart {
        var rows = [BoxplotRow]()
        var values = [Double]()
        for entry in b.entries {
            if entry.isComposite {
                rows.append(BoxplotRow(entry.code, detail: entry.name == entry.code ? nil : entry.name, kind: .header))
            }
            var data: [Datum.Field] = [.init("rank", entry.rank.map { .count($0) } ?? .missing),
                                       .init("position", entry.position.map { .text($0.rawValue) } ?? .missing)]
            if let change = entry.change { data.append(.init("change", .number(change))) }
            rows.append(BoxplotRow(entry.code, detail: entry.isComposite ? language.composite : entry.name,
                                   kind: entry.isComposite ? .emphasised : .data, box: entry.box, names: b.regionLabels,
                                   highlight: entry.value, highlightData: data))
            values += [entry.box.lowerWhisker, entry.box.upperWhisker, entry.value] + entry.box.outliers
        }
        let region = b.region.label
        let texts = panelTexts(region, b, language: language)
        return Chart.boxplots(kind: .benchmarkPanel, title: texts.title, caption: texts.caption, rows: rows,
                              axis: valueAxis(framework, spanning: values, language: language), highlightName: region, language: language)
    }

    /// The markers of the regions of a panel of several regions, in order: the first region's as
    /// on a panel of one region, then shapes and colours of their own.
    static let panelMarkers: [(role: Role, symbol: Symbol)] = [
        (.region, .diamond), (.series(0), .triangle), (.series(1), .square), (.series(2), .cross), (.series(4), .star), (.series(3), .circle),
    ]

    /// The benchmark panel of several regions of one portfolio (benchmarks with the same
    /// entries, quantile type and k): the boxes as for one region, each region's values marked
    /// with its own shape and colour (`panelMarkers`), a legend entry per region. No values are
    /// written at the rows' ends (they would be of one region only); the markers carry them.
    static func panel(_ benchmarks: [Benchmark], framework: Framework, language: Language = .english) -> Chart {
        precondition(!benchmarks.isEmpty && benchmarks.count <= panelMarkers.count, "one marker per region")
        if benchmarks.count == 1 { return panel(benchmarks[0], framework: framework, language: language) }
        let first = benchmarks[0]
        var rows = [BoxplotRow](), rowOfEntry = [Int](), values = [Double]()
        for (i, entry) in first.entries.enumerated() {
            if entry.isComposite {
                rows.append(BoxplotRow(entry.code, detail: entry.name == entry.code ? nil : entry.name, kind: .header))
            }
            rowOfEntry.append(rows.count)
            rows.append(BoxplotRow(entry.code, detail: entry.isComposite ? language.composite : entry.name,
                                   kind: entry.isComposite ? .emphasised : .data, box: entry.box, names: first.regionLabels))
            values += [entry.box.lowerWhisker, entry.box.upperWhisker] + entry.box.outliers + benchmarks.map { $0.entries[i].value }
        }
        let names = benchmarks.map(\.region.label)
        let list = BenchmarkObject.list(names)
        let texts = panelTexts(list, first, language: language)
        var chart = Chart.boxplots(kind: .benchmarkPanel, title: texts.title, caption: texts.caption, rows: rows,
                                   axis: valueAxis(framework, spanning: values, language: language), highlightName: nil, language: language)
        for (b, marker) in zip(benchmarks, panelMarkers) {
            let label = b.region.label
            for (entry, row) in zip(b.entries, rowOfEntry) where !entry.value.isNaN {
                var data: [Datum.Field] = [.init("row", .text(entry.code)), .init("value", .number(entry.value)),
                                           .init("rank", entry.rank.map { .count($0) } ?? .missing),
                                           .init("position", entry.position.map { .text($0.rawValue) } ?? .missing)]
                if let change = entry.change { data.append(.init("change", .number(change))) }
                chart.marks.append(Mark(.point(x: entry.value, y: Double(row)), role: marker.role, symbol: marker.symbol, label: label, data: data))
            }
            if b.entries.contains(where: { !$0.value.isNaN }) {
                chart.legend.append(LegendEntry(.point(marker.symbol), role: marker.role, language.result(of: label)))
            }
        }
        return chart
    }

    /// The panel of a whole portfolio: every dimension's composite and indicators, no region marked.
    static func panel(_ p: Portfolio, type: QuantileType, k: Double) throws(StatsError) -> Chart {
        let names = p.regions.map(\.label)
        let composites = p.composites()
        var rows = [BoxplotRow](), values = [Double]()
        for (d, dimension) in p.framework.dimensions.enumerated() {
            rows.append(BoxplotRow(dimension.code, detail: dimension.name == dimension.code ? nil : dimension.name, kind: .header))
            var columns = [(dimension.code, "composite", Row.Kind.emphasised, composites.map { $0[d] })]
            for indicator in p.framework.indicators(in: dimension.code) {
                columns.append((indicator.id, indicator.name, .data, p.column(indicator.id)!))
            }
            for (code, detail, kind, column) in columns {
                let box = try BoxplotStatistics(column, coefficient: k, type: type)
                rows.append(BoxplotRow(code, detail: detail, kind: kind, box: box, names: names))
                values += column
            }
        }
        return Chart.boxplots(kind: .benchmarkPanel, title: "The portfolio: \(p.regions.count) regions\(p.year.map { " (\($0))" } ?? "")",
                              caption: "Boxplots of \(p.regions.count) regions\(p.year.map { ", \($0)" } ?? ""): quartiles: quantile type \(type.rawValue); whiskers at \(Format.number(k)) IQR; composites: weighted means of the indicators (framework weights).",
                              rows: rows, axis: valueAxis(p.framework, spanning: values), highlightName: nil)
    }

    /// A region's composites as bars against the portfolio's quartile band and median.
    static func bars(_ b: Benchmark, framework: Framework) -> Chart {
        let rows = b.entries.filter(\.isComposite).map { entry in
            BarRow(entry.code, detail: entry.name, value: entry.value, q1: entry.box.q1, median: entry.box.median, q3: entry.box.q3,
                   data: [.init("rank", entry.rank.map { .count($0) } ?? .missing),
                          .init("position", entry.position.map { .text($0.rawValue) } ?? .missing)])
        }
        let axis = valueAxis(framework, spanning: rows.flatMap { [$0.value, $0.q1, $0.q3] } + [0], title: "composite")
        return Chart.bars(title: "\(b.region.label): the dimension composites against the portfolio",
                          caption: "Composites of \(b.region.label) against the portfolio: \(b.conventions).",
                          region: b.region.label, rows: rows, axis: axis)
    }

    /// A region's composites on a radar against the portfolio's medians.
    static func radar(_ b: Benchmark, framework: Framework) -> Chart {
        let composites = b.entries.filter(\.isComposite)
        let all = composites.flatMap { [$0.value, $0.box.median] }
        let axis = valueAxis(framework, spanning: all, divisions: 4, title: "composite")
        return Chart.radar(title: "\(b.region.label): the \(composites.count) dimensions against the portfolio's median",
                           caption: "Composites of \(b.region.label) and the portfolio's medians: \(b.conventions).",
                           spokes: composites.map(\.code), region: b.region.label, values: composites.map(\.value),
                           reference: composites.map(\.box.median), axis: axis)
    }

    /// Every region's value of one column as a dot plot, sorted, the median dashed.
    static func dotPlot(names: [String], values: [Double], column: String, detail: String, highlight: String?, axis: Axis,
                        conventions: String) throws(StatsError) -> Chart {
        let median = try BoxplotStatistics(values).median
        let missing = names.indices.filter { values[$0].isNaN }.map { names[$0] }
        var caption = "\(column)\(detail.isEmpty ? "" : " (\(detail))") of \(values.count - missing.count) regions\(conventions), sorted; the median (quantile type 7) dashed"
        if !missing.isEmpty { caption += "; without a value: " + missing.joined(separator: ", ") }
        return Chart.dotPlot(title: "\(column): every region\(highlight.map { ", \($0) marked" } ?? "")", caption: caption + ".",
                             names: names, values: values, median: median, axis: axis, highlight: highlight)
    }

    /// A region's value of one code (an indicator or a dimension) in every wave, against the
    /// portfolio's quartiles of that wave. The portfolio has waves (a year column).
    static func lines(_ p: Portfolio, region index: Int, code: String) throws(StatsError) -> Chart {
        let framework = p.framework
        let id = p.regions[index].id
        let indicatorIndex = framework.indicators.firstIndex { $0.id == code }
        func value(_ row: [Double]) -> Double {
            if let j = indicatorIndex { return row[j] }
            let byID = Dictionary(uniqueKeysWithValues: zip(framework.indicators.map(\.id), row))
            return framework.composites { byID[$0] ?? .nan }[code] ?? .nan
        }
        var waves = [Wave]()
        for year in p.years {
            let rows: [String: [Double]]
            if year == p.year {
                rows = Dictionary(uniqueKeysWithValues: zip(p.regions.map(\.id), p.values))
            } else {
                rows = p.otherWaves[year] ?? [:]
            }
            let column = rows.keys.sorted().map { value(rows[$0]!) }
            guard !column.isEmpty else { continue }
            let box = try BoxplotStatistics(column)
            waves.append(Wave(year: year, value: rows[id].map(value) ?? .nan, q1: box.q1, median: box.median, q3: box.q3))
        }
        let name = framework.indicator(code)?.name ?? framework.dimension(code)?.name ?? code
        let axis = valueAxis(framework, spanning: waves.flatMap { [$0.value, $0.q1, $0.q3] }, divisions: 4)
        return Chart.lines(title: "\(p.regions[index].label): \(code) over the waves", caption: "\(code) (\(name)) of \(p.regions[index].label) in each wave against the portfolio of that wave (\(waves.map { "\($0.year)" }.joined(separator: ", "))): quartiles of quantile type 7.",
                           region: p.regions[index].label, waves: waves, y: axis)
    }
}
