import Stats
import StressTest

/// A region's benchmark in a script: prints as a table with its conventions; `b.strengths` and
/// `b.weaknesses` list codes; `b.table` is the whole table.
struct BenchmarkObject: ScriptObject {
    let benchmark: Benchmark

    var kind: String { "a benchmark" }

    var table: Table { table(indented: false) }

    /// One row per composite and indicator; `indented` sets the indicators under their composite
    /// for reading.
    func table(indented: Bool) -> Table {
        let e = benchmark.entries
        var columns: [(name: String, values: [Value])] = [
            ("code", e.map { .string($0.isComposite || !indented ? $0.code : "  " + $0.code) }),
            ("value", e.map { .number($0.value) }),
            ("q1", e.map { .number($0.box.q1) }),
            ("median", e.map { .number($0.box.median) }),
            ("q3", e.map { .number($0.box.q3) }),
            ("rank", e.map { $0.rank.map { .number(Double($0)) } ?? .missing }),
            ("position", e.map { .string($0.position?.rawValue ?? "missing") }),
        ]
        if benchmark.previousYear != nil {
            columns.append(("change", e.map { .number($0.change ?? .nan) }))
        }
        columns.append(("name", e.map { .string($0.name) }))
        let since = benchmark.previousYear.map { "; change since \($0)" } ?? ""
        return Table(title: "benchmark of \(benchmark.region.label) (\(benchmark.conventions)\(since))", columns)
    }

    var display: String {
        var text = Format.displayTable(table(indented: true))
        text += "\nstrengths (top quartile): " + list(benchmark.strengths)
        text += "\nweaknesses (bottom quartile): " + list(benchmark.weaknesses)
        return text
    }

    private func list(_ entries: [Benchmark.Entry]) -> String {
        entries.isEmpty ? "none" : entries.map(\.code).joined(separator: ", ")
    }

    var json: String {
        Format.json(.record(Record([
            ("region", .string(benchmark.region.id)),
            ("year", benchmark.year.map { .number(Double($0)) } ?? .missing),
            ("entries", .table(table)),
            ("strengths", .list(benchmark.strengths.map { .string($0.code) })),
            ("weaknesses", .list(benchmark.weaknesses.map { .string($0.code) })),
        ])))
    }

    var fieldNames: [String] { ["strengths", "weaknesses", "table", "region", "year"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "strengths": .list(benchmark.strengths.map { .string($0.code) })
        case "weaknesses": .list(benchmark.weaknesses.map { .string($0.code) })
        case "table": .table(table)
        case "region": .string(benchmark.region.label)
        case "year": benchmark.year.map { .number(Double($0)) } ?? .missing
        default: nil
        }
    }
}
