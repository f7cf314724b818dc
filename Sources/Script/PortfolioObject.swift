import Charts
import StressTest

/// A portfolio in a script. `p.I02` is an indicator over the regions, `p.DEV` a dimension
/// composite, both vectors named by region; `p.regions`, `p.year`, `p.years` describe it.
struct PortfolioObject: ScriptObject, CustomStringConvertible {
    let portfolio: Portfolio

    var kind: String { "a portfolio" }

    private var names: [String] { portfolio.regions.map(\.label) }

    var description: String { summary }

    var summary: String {
        let p = portfolio
        let waves = p.years.count > 1 ? " (waves \(p.years.map(String.init).joined(separator: ", ")))" : ""
        return "portfolio \(p.source): \(p.regions.count) regions x \(p.framework.indicators.count) indicators in \(p.framework.dimensions.count) dimensions"
            + (p.year.map { ", \($0)\(waves)" } ?? "")
            + p.steps.map { "\n" + $0.summary + $0.notes.prefix(8).map { "\n  " + $0 }.joined() + ($0.notes.count > 8 ? "\n  ... (p.changes lists every change)" : "") }.joined()
    }

    var presentation: Block {
        var columns: [(name: String, values: [Value])] = [("region", names.map(Value.string))]
        let composites = portfolio.composites()
        for (d, dimension) in portfolio.framework.dimensions.enumerated() {
            columns.append((dimension.code, composites.map { .number($0[d]) }))
        }
        return .table(Table(title: summary + "\ncomposites (weighted means of the indicators); p.\(portfolio.framework.indicators.first?.id ?? "") or p[\"\(portfolio.framework.indicators.first?.id ?? "")\"] for an indicator", columns).presentation)
    }

    /// Every cell the last pipeline step changed.
    var changes: Table {
        let changes = portfolio.steps.last?.changes ?? []
        let codes = portfolio.framework.indicators.map(\.id)
        return Table(title: portfolio.steps.last.map { "changes of the last step: " + $0.summary } ?? "no pipeline step has changed this portfolio", [
            ("region", changes.map { .string(names[$0.region]) }), ("indicator", changes.map { .string(codes[$0.indicator]) }),
            ("before", changes.map { .number($0.before) }), ("after", changes.map { .number($0.after) }), ("note", changes.map { .string($0.note) }),
        ])
    }

    var datum: Datum {
        let ids = portfolio.framework.indicators.map(\.id)
        let rows = portfolio.regions.indices.map { r in
            Value.record(Record([("region", .string(portfolio.regions[r].id))]
                + zip(ids, portfolio.values[r]).map { ($0, Value.number($1)) }))
        }
        return Value.record(Record([
            ("source", .string(portfolio.source)),
            ("year", portfolio.year.map { .number(Double($0)) } ?? .missing),
            ("regions", .list(rows)),
        ])).datum
    }

    var fieldNames: [String] {
        ["regions", "year", "years", "variables", "steps", "changes"] + portfolio.framework.indicators.map(\.id)
            + portfolio.framework.dimensions.map(\.code) + portfolio.variables
    }

    func field(_ name: String) -> Value? {
        let p = portfolio
        switch name {
        case "regions": return .list(names.map(Value.string))
        case "year": return p.year.map { .number(Double($0)) } ?? .missing
        case "years": return .vector(p.years.map(Double.init))
        case "variables": return .list(p.variables.map(Value.string))
        case "steps": return .list(p.steps.map { .string($0.summary) })
        case "changes": return .table(changes)
        default: break
        }
        if let column = p.column(name) { return .named(NamedVector(names: names, values: column)) }
        if let d = p.framework.dimensions.firstIndex(where: { $0.code == name }) {
            return .named(NamedVector(names: names, values: p.composites().map { $0[d] }))
        }
        if let v = p.variables.firstIndex(of: name) {
            return .named(NamedVector(names: names, values: p.variableValues.map { $0[v] }))
        }
        return nil
    }
}
