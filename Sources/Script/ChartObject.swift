import Charts

/// A chart in a script: the REPL draws it in the terminal, `save(c, "c.svg")` writes it as SVG
/// (`.txt` for the terminal drawing, `.html` for a page, `.json` for its model), `--json` gives
/// its model. `c.kind`, `c.title`, `c.caption`; `c.marks` lists the marks that stand for data
/// with their values.
struct ChartObject: ScriptObject {
    var chart: Chart

    var kind: String { "a chart" }

    var presentation: Block { .chart(chart) }

    var datum: Datum { chart.datum }

    var fieldNames: [String] { ["kind", "title", "caption", "marks"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "kind": .string(chart.kind.rawValue)
        case "title": .string(chart.title)
        case "caption": .string(chart.caption)
        case "marks": chart.datum["marks"].map(Value.init(datum:))
        default: nil
        }
    }
}

extension Value {
    /// Data as a script value: records, lists (numeric lists as vectors), numbers, strings.
    init(datum: Datum) {
        switch datum {
        case .number(let x): self = .number(x)
        case .text(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .list(let items): self = .vector(of: items.map(Value.init(datum:)))
        case .record(let fields): self = .record(Record(fields.map { ($0.name, Value(datum: $0.value)) }))
        }
    }
}
