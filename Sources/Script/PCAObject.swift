import Charts
import Stats
import StressTest

/// A principal component analysis in a script: `p.explained` (standard deviation, share of
/// variance and cumulative share per component), `p.loadings`, `p.coordinates` (PC1 and PC2
/// per region, for a map), `p.scores` (every component).
struct PCAObject: ScriptObject {
    let data: RegionVariables
    let scaled: Bool
    let result: PrincipalComponents

    var kind: String { "a principal component analysis" }

    var components: Int { result.standardDeviations.count }

    var labels: [String] { data.regions.map(\.label) }

    var excluded: [Int] {
        let used = Set(result.rowsUsed)
        return data.regions.indices.filter { !used.contains($0) }
    }

    var header: String {
        var text = "principal components of \(data.description) (\(scaled ? "z-scored, as prcomp(x, scale. = TRUE)" : "centred, as prcomp(x)")), \(result.rowsUsed.count) regions"
        if !excluded.isEmpty {
            text += "; left out for missing cells (no coordinates): " + excluded.map { labels[$0] }.joined(separator: ", ")
        }
        return text
    }

    var explained: Table {
        var cumulative = 0.0
        return Table(title: "variance explained", [
            ("component", (0..<components).map { .string("PC\($0 + 1)") }),
            ("sd", result.standardDeviations.map(Value.number)),
            ("share", result.explainedVariance.map(Value.number)),
            ("cumulative", result.explainedVariance.map { cumulative += $0; return .number(cumulative) }),
        ])
    }

    func loadings(upTo count: Int) -> Table {
        Table(title: "loadings (each component's largest is positive)",
              [("variable", data.names.map(Value.string))] + (0..<min(count, components)).map { c in
                  ("PC\(c + 1)", data.names.indices.map { .number(result.loadings[$0, c]) })
              })
    }

    func scores(upTo count: Int) -> Table {
        Table(title: "coordinates", [("region", labels.map(Value.string))] + (0..<min(count, components)).map { c in
            ("PC\(c + 1)", labels.indices.map { .number(result.scores[$0, c]) })
        })
    }

    var presentation: Block {
        let shown = Table(title: explained.title, explained.columns.map { ($0.name, Array($0.values.prefix(6))) })
        return .stack([.text(header), .table(shown.presentation), .table(loadings(upTo: 2).presentation),
                       .text("p.coordinates: PC1 and PC2 of every region, for a map")])
    }

    var datum: Datum {
        Value.record(Record([
            ("sdev", .vector(result.standardDeviations)),
            ("explained", .vector(result.explainedVariance)),
            ("variables", .list(data.names.map(Value.string))),
            ("loadings", .table(loadings(upTo: components))),
            ("coordinates", .table(scores(upTo: 2))),
        ])).datum
    }

    var fieldNames: [String] { ["explained", "loadings", "coordinates", "scores", "sdev", "center", "scale"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "explained": .table(explained)
        case "loadings": .table(loadings(upTo: components))
        case "coordinates": .table(scores(upTo: 2))
        case "scores": .table(scores(upTo: components))
        case "sdev": .vector(result.standardDeviations)
        case "center": .named(NamedVector(names: data.names, values: result.center))
        case "scale": result.scale.map { .named(NamedVector(names: data.names, values: $0)) } ?? .missing
        default: nil
        }
    }
}
