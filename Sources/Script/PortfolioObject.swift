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
    }

    var display: String {
        var columns: [(name: String, values: [Value])] = [("region", names.map(Value.string))]
        let composites = portfolio.composites()
        for (d, dimension) in portfolio.framework.dimensions.enumerated() {
            columns.append((dimension.code, composites.map { .number($0[d]) }))
        }
        return Format.displayTable(Table(title: summary + "\ncomposites (weighted means of the indicators); p.\(portfolio.framework.indicators.first?.id ?? "") or p[\"\(portfolio.framework.indicators.first?.id ?? "")\"] for an indicator", columns))
    }

    var json: String {
        let ids = portfolio.framework.indicators.map(\.id)
        let rows = portfolio.regions.indices.map { r in
            Value.record(Record([("region", .string(portfolio.regions[r].id))]
                + zip(ids, portfolio.values[r]).map { ($0, Value.number($1)) }))
        }
        return Format.json(.record(Record([
            ("source", .string(portfolio.source)),
            ("year", portfolio.year.map { .number(Double($0)) } ?? .missing),
            ("regions", .list(rows)),
        ])))
    }

    var fieldNames: [String] {
        ["regions", "year", "years", "variables"] + portfolio.framework.indicators.map(\.id)
            + portfolio.framework.dimensions.map(\.code) + portfolio.variables
    }

    func field(_ name: String) -> Value? {
        let p = portfolio
        switch name {
        case "regions": return .list(names.map(Value.string))
        case "year": return p.year.map { .number(Double($0)) } ?? .missing
        case "years": return .vector(p.years.map(Double.init))
        case "variables": return .list(p.variables.map(Value.string))
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
