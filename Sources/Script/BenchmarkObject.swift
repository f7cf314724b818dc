import Charts
import Stats
import StressTest

/// The benchmark of one or several regions in a script: prints as a table with its conventions;
/// `b.strengths` and `b.weaknesses` list codes; `b.table` is the whole table. With several regions
/// (`benchmark(p, ["Nordtal", "Tirol"])`) the table has a `region` column (first, the ids) and one
/// row per region and entry, the entries' rows of the regions together; strengths, weaknesses and cautions are
/// records by region; `plot(b)` marks every region on one panel.
struct BenchmarkObject: ScriptObject {
    /// One per region, in the order asked; all of the same portfolio and conventions.
    let benchmarks: [Benchmark]
    /// The portfolio's framework (its scale sets the charts' axis).
    let framework: Framework

    init(benchmark: Benchmark, framework: Framework) {
        self.init(benchmarks: [benchmark], framework: framework)
    }

    init(benchmarks: [Benchmark], framework: Framework) {
        precondition(!benchmarks.isEmpty, "a benchmark of at least one region")
        self.benchmarks = benchmarks
        self.framework = framework
    }

    /// The first region's benchmark (the only one's, usually).
    var benchmark: Benchmark { benchmarks[0] }

    var isOfSeveralRegions: Bool { benchmarks.count > 1 }

    /// The regions' labels, in order.
    var regionLabels: [String] { benchmarks.map(\.region.label) }

    var kind: String { "a benchmark" }

    /// "Nordtal", "Nordtal and Tirol", "Nordtal, Tirol and Wien".
    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// One row per composite and indicator (per region and entry with several regions, the
    /// regions' rows of an entry together); `indented` sets the indicators under their
    /// composite and leaves out the columns only machines need (the outliers' names).
    func table(indented: Bool) -> Table {
        // (benchmark, entry) pairs: entry by entry, region by region within an entry.
        let pairs = benchmark.entries.indices.flatMap { i in benchmarks.map { ($0, $0.entries[i]) } }
        let e = pairs.map(\.1)
        var columns: [(name: String, values: [Value])] = [
            ("code", e.map { .string($0.isComposite || !indented ? $0.code : "  " + $0.code) }),
        ]
        if isOfSeveralRegions {
            // The machine table names regions by id first (as `table` of any result, to join);
            // the printed one by label after the code, to read down the codes.
            if indented {
                columns.append(("region", pairs.map { .string($0.0.region.label) }))
            } else {
                columns.insert(("region", pairs.map { .string($0.0.region.id) }), at: 0)
            }
        }
        columns += [
            ("value", e.map { .number($0.value) }),
            ("n", e.map { .number(Double($0.box.count)) }),
            ("low", e.map { .number($0.box.lowerWhisker) }),
            ("q1", e.map { .number($0.box.q1) }),
            ("median", e.map { .number($0.box.median) }),
            ("q3", e.map { .number($0.box.q3) }),
            ("high", e.map { .number($0.box.upperWhisker) }),
            ("rank", e.map { $0.rank.map { .number(Double($0)) } ?? .missing }),
            ("position", e.map { $0.position.map { .string($0.rawValue) } ?? .missing }),
        ]
        let previousYears = Array(Set(benchmarks.compactMap(\.previousYear))).sorted()
        if !indented || !previousYears.isEmpty {
            columns.append(("change", e.map { .number($0.change ?? .nan) }))
        }
        if !indented {
            let names = benchmark.regionLabels
            columns.append(("outliers", e.map { .list($0.box.outlierPositions.map { .string(names[$0]) }) }))
        }
        columns.append(("name", e.map { .string($0.name) }))
        let since = previousYears.isEmpty ? "" : "; change since \(previousYears.map(String.init).joined(separator: ", "))"
        return Table(title: "benchmark of \(Self.list(regionLabels)) (\(benchmark.conventions); low and high: whiskers\(since))", columns)
    }

    var presentation: Block {
        var lines = [String]()
        for b in benchmarks {
            let of = isOfSeveralRegions ? " of \(b.region.label)" : ""
            lines += ["strengths\(of) (top quartile): " + list(b.strengths), "weaknesses\(of) (bottom quartile): " + list(b.weaknesses)]
        }
        for b in benchmarks {
            for caution in b.cautions { lines.append("caution: \(b.region.label): \(caution)") }
        }
        return .stack([.table(table(indented: true).presentation), .text(lines.joined(separator: "\n"))])
    }

    private func list(_ entries: [Benchmark.Entry]) -> String {
        entries.isEmpty ? "none" : entries.map(\.code).joined(separator: ", ")
    }

    /// One value per region: the value itself for one region, a record by region for several.
    private func byRegion(_ value: (Benchmark) -> Value) -> Value {
        guard isOfSeveralRegions else { return value(benchmark) }
        return .record(Record(benchmarks.map { ($0.region.label, value($0)) }))
    }

    private func codes(_ entries: [Benchmark.Entry]) -> Value { .list(entries.map { .string($0.code) }) }

    var datum: Datum {
        Value.record(Record([
            isOfSeveralRegions ? ("regions", .list(benchmarks.map { .string($0.region.id) })) : ("region", .string(benchmark.region.id)),
            ("year", benchmark.year.map { .number(Double($0)) } ?? .missing),
            ("entries", .table(table)),
            ("strengths", byRegion { codes($0.strengths) }),
            ("weaknesses", byRegion { codes($0.weaknesses) }),
            ("cautions", byRegion { .list($0.cautions.map(Value.string)) }),
        ])).datum
    }

    var fieldNames: [String] { ["strengths", "weaknesses", "cautions", "table", "region", "regions", "year", "previous_year", "n"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "strengths": byRegion { codes($0.strengths) }
        case "weaknesses": byRegion { codes($0.weaknesses) }
        case "cautions": byRegion { .list($0.cautions.map(Value.string)) }
        case "table": .table(table)
        case "region": isOfSeveralRegions ? .list(regionLabels.map(Value.string)) : .string(benchmark.region.label)
        case "regions": .list(regionLabels.map(Value.string))
        case "year": benchmark.year.map { .number(Double($0)) } ?? .missing
        case "previous_year": benchmark.previousYear.map { .number(Double($0)) } ?? .missing
        case "n": .number(Double(benchmark.regionCount))
        default: nil
        }
    }
}

/// One row per composite and indicator (per region and entry for several regions, `region`
/// the id, first): value, boxplot statistics, rank, position, change, outliers' names, name.
/// `table(b)` and `b.table` are the same table.
extension BenchmarkObject: Tabular {
    var table: Table { table(indented: false) }
}
