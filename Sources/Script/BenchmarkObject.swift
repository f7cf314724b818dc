import Charts
import Stats
import StressTest

/// A region's benchmark in a script: prints as a table with its conventions; `b.strengths` and
/// `b.weaknesses` list codes; `b.table` is the whole table.
struct BenchmarkObject: ScriptObject {
    let benchmark: Benchmark
    /// The portfolio's framework (its scale sets the charts' axis).
    let framework: Framework

    var kind: String { "a benchmark" }

    var table: Table { table(indented: false) }

    /// One row per composite and indicator; `indented` sets the indicators under their composite
    /// and leaves out the columns only machines need (the outliers' names).
    func table(indented: Bool) -> Table {
        let e = benchmark.entries
        let names = benchmark.regionLabels
        var columns: [(name: String, values: [Value])] = [
            ("code", e.map { .string($0.isComposite || !indented ? $0.code : "  " + $0.code) }),
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
        if !indented || benchmark.previousYear != nil {
            columns.append(("change", e.map { .number($0.change ?? .nan) }))
        }
        if !indented {
            columns.append(("outliers", e.map { .list($0.box.outlierPositions.map { .string(names[$0]) }) }))
        }
        columns.append(("name", e.map { .string($0.name) }))
        let since = benchmark.previousYear.map { "; change since \($0)" } ?? ""
        return Table(title: "benchmark of \(benchmark.region.label) (\(benchmark.conventions); low and high: whiskers\(since))", columns)
    }

    var presentation: Block {
        var lines = ["strengths (top quartile): " + list(benchmark.strengths), "weaknesses (bottom quartile): " + list(benchmark.weaknesses)]
        for caution in benchmark.cautions { lines.append("caution: \(benchmark.region.label): \(caution)") }
        return .stack([.table(table(indented: true).presentation), .text(lines.joined(separator: "\n"))])
    }

    private func list(_ entries: [Benchmark.Entry]) -> String {
        entries.isEmpty ? "none" : entries.map(\.code).joined(separator: ", ")
    }

    var datum: Datum {
        Value.record(Record([
            ("region", .string(benchmark.region.id)),
            ("year", benchmark.year.map { .number(Double($0)) } ?? .missing),
            ("entries", .table(table)),
            ("strengths", .list(benchmark.strengths.map { .string($0.code) })),
            ("weaknesses", .list(benchmark.weaknesses.map { .string($0.code) })),
            ("cautions", .list(benchmark.cautions.map(Value.string))),
        ])).datum
    }

    var fieldNames: [String] { ["strengths", "weaknesses", "cautions", "table", "region", "year"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "strengths": .list(benchmark.strengths.map { .string($0.code) })
        case "weaknesses": .list(benchmark.weaknesses.map { .string($0.code) })
        case "cautions": .list(benchmark.cautions.map(Value.string))
        case "table": .table(table)
        case "region": .string(benchmark.region.label)
        case "year": benchmark.year.map { .number(Double($0)) } ?? .missing
        default: nil
        }
    }
}
