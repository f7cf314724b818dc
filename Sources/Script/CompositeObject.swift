import Charts
import Stats
import StressTest

/// A composite indicator in a script: prints the index and the aggregates of every region with
/// the index's rank; `c.Index`, `c.DEV` (any code) are named vectors by region; `c.ranks`,
/// `c.scores`, `c.weights`, `c.alpha`, `c.correlations` are tables; `c.steps` says what the
/// pipeline did before aggregating.
struct CompositeObject: ScriptObject {
    let composite: CompositeIndicator
    /// What the pipeline's earlier steps changed (imputation, treatment, normalisation).
    var steps: [String] = []

    var kind: String { "a composite indicator" }

    private var names: [String] { composite.regions.map(\.label) }

    var conventions: String {
        let methods = Set(composite.methods).count == 1 ? composite.methods[0].description
            : composite.methods.map(\.description).joined(separator: ", ") + " (by level)"
        let weights = switch composite.weighting {
        case .framework: "framework weights"
        case .equal: "equal weights"
        case .pca: "PCA weights (first principal component within each aggregate)"
        case .explicit: "explicit weights"
        }
        let share = abs(composite.threshold - 2.0 / 3) < 1e-12 ? "2/3" : Format.number(composite.threshold * 100) + "%"
        let shift = composite.shift > 0 ? "; shift \(Format.number(composite.shift))" : ""
        return "\(methods) means, \(weights); an aggregate needs children carrying \(share) of its weight\(shift); rank 1 = best"
    }

    /// Aggregates only (no indicators): level by level, the index first.
    private var aggregateCodes: [String] {
        composite.structure.levels.reversed().flatMap { $0.map(\.code) }
    }

    var presentation: Block {
        let index = composite.indexCode
        var columns: [(name: String, values: [Value])] = [
            ("region", names.map(Value.string)),
            (index, composite.scores(of: index)!.map(Value.number)),
            ("rank", composite.ranks(of: index)!.map(Value.number)),
        ]
        for code in aggregateCodes.dropFirst() { columns.append((code, composite.scores(of: code)!.map(Value.number))) }
        let order = composite.ranks(of: index)!.enumerated().sorted { ($0.element.isNaN ? .infinity : $0.element, $0.offset) < ($1.element.isNaN ? .infinity : $1.element, $1.offset) }.map(\.offset)
        let sorted = columns.map { column in (column.name, order.map { column.values[$0] }) }
        let title = (steps.isEmpty ? "" : steps.joined(separator: "\n") + "\n") + "composite indicator (\(conventions)), by rank"
        return .table(Table(title: title, sorted).presentation)
    }

    var scoresTable: Table {
        var columns: [(name: String, values: [Value])] = [("region", composite.regions.map { .string($0.id) })]
        for code in composite.codes { columns.append((code, composite.scores(of: code)!.map(Value.number))) }
        return Table(title: "scores at every level (indicators, then aggregates level by level)", columns)
    }

    var ranksTable: Table {
        var columns: [(name: String, values: [Value])] = [("region", names.map(Value.string))]
        for code in aggregateCodes { columns.append((code, composite.ranks(of: code)!.map(Value.number))) }
        return Table(title: "ranks of every aggregate (1 = best, ties share the lowest rank)", columns)
    }

    var weightsTable: Table {
        let codes = composite.codes.filter { $0 != composite.indexCode }
        let weights = composite.weights, parents = composite.parents
        var effective = [String: Double]()
        for (code, w) in zip(composite.structure.indicators, composite.effectiveWeights) { effective[code] = w }
        // Effective weight of an aggregate: the sum over its indicators.
        for (k, level) in composite.structure.levels.enumerated() {
            let below = composite.structure.codes(ofLevel: k)
            for node in level { effective[node.code] = node.children.reduce(0) { $0 + (effective[below[$1]] ?? 0) } }
        }
        return Table(title: "weights: within the parent (summing to 1) and effective in the index", [
            ("code", codes.map(Value.string)),
            ("parent", codes.map { .string(parents[$0] ?? "") }),
            ("weight", codes.map { .number(weights[$0] ?? .nan) }),
            ("effective", codes.map { .number(effective[$0] ?? .nan) }),
            ("name", codes.map { .string(composite.framework.name(of: $0)) }),
        ])
    }

    var alphaTable: Table {
        let codes = composite.structure.levels.flatMap { $0.map(\.code) }
        return Table(title: "Cronbach's alpha of each aggregate's children (complete rows)", [
            ("code", codes.map(Value.string)),
            ("children", codes.map { code in .number(Double(composite.childCorrelations(of: code).count)) }),
            ("alpha", codes.map { .number(composite.cronbachAlpha(of: $0)) }),
        ])
    }

    var correlationsTable: Table {
        var aggregate = [Value](), child = [Value](), r = [Value]()
        for code in composite.structure.levels.flatMap({ $0.map(\.code) }) {
            for (c, value) in composite.childCorrelations(of: code) {
                aggregate.append(.string(code)); child.append(.string(c)); r.append(.number(value))
            }
        }
        return Table(title: "Pearson correlation of each aggregate with each of its children", [("aggregate", aggregate), ("child", child), ("r", r)])
    }

    var datum: Datum {
        let rows = composite.regions.indices.map { r in
            Value.record(Record([("region", .string(composite.regions[r].id))]
                + composite.codes.map { ($0, Value.number(composite.scores(of: $0)![r])) }))
        }
        return Value.record(Record([
            ("index", .string(composite.indexCode)),
            ("method", .list(composite.methods.map { .string($0.description) })),
            ("regions", .list(rows)),
            ("ranks", .table(ranksTable)),
            ("weights", .table(weightsTable)),
            ("steps", .list(steps.map(Value.string))),
        ])).datum
    }

    var fieldNames: [String] { ["scores", "ranks", "weights", "alpha", "correlations", "steps", "index"] + composite.codes }

    func field(_ name: String) -> Value? {
        switch name {
        case "scores": return .table(scoresTable)
        case "ranks": return .table(ranksTable)
        case "weights": return .table(weightsTable)
        case "alpha": return .table(alphaTable)
        case "correlations": return .table(correlationsTable)
        case "steps": return .list(steps.map(Value.string))
        case "index": return .named(NamedVector(names: names, values: composite.scores(of: composite.indexCode)!))
        default: return composite.scores(of: name).map { .named(NamedVector(names: names, values: $0)) }
        }
    }
}
