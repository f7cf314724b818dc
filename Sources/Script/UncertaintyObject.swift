import Charts
import Stats
import StressTest

/// A Monte Carlo uncertainty analysis in a script: per region the nominal rank and the mean,
/// median, 5th and 95th percentile ranks over the samples; `u.regions` is that table,
/// `u.frequencies` the rank counts.
struct UncertaintyObject: ScriptObject {
    let analysis: CompositeAnalysis
    let result: UncertaintyResult
    let perturbation: WeightPerturbation
    /// What is ranked: "the composite index", or "the DEV composite" (`of:`).
    var subject = "the composite index"

    var kind: String { "an uncertainty analysis" }

    private var labels: [String] { analysis.portfolio.regions.map(\.label) }

    var conventions: String {
        var parts = ["\(result.samples) samples, seed \(result.seed)", "weights \(perturbation)"]
        if analysis.methods.count > 1 { parts.append("method among " + analysis.methods.map { $0.map(\.description).joined(separator: "/") }.joined(separator: ", ")) }
        if analysis.normalisations.count > 1 { parts.append("\(analysis.normalisations.count) normalisations") }
        return parts.joined(separator: "; ") + "; ranks 1 = best, percentiles of type 7 from the exact rank counts"
    }

    func regionsTable(sorted: Bool) -> Table {
        var order = Array(labels.indices)
        if sorted {
            order.sort { (result.nominalRank[$0].isNaN ? .infinity : result.nominalRank[$0], $0) < (result.nominalRank[$1].isNaN ? .infinity : result.nominalRank[$1], $1) }
        }
        var columns: [(name: String, values: [Value])] = [
            ("region", order.map { .string(sorted ? labels[$0] : analysis.portfolio.regions[$0].id) }),
            ("nominal", order.map { .number(result.nominalRank[$0]) }),
            ("mean", order.map { .number(result.meanRank[$0]) }),
            ("median", order.map { .number(result.medianRank[$0]) }),
            ("p05", order.map { .number(result.p05Rank[$0]) }),
            ("p95", order.map { .number(result.p95Rank[$0]) }),
        ]
        if result.unranked.contains(where: { $0 > 0 }) { columns.append(("unranked", order.map { .number(Double(result.unranked[$0])) })) }
        return Table(title: "uncertainty of the ranks of \(subject) (\(conventions))", columns)
    }

    var frequencies: Table {
        let n = labels.count
        var columns: [(name: String, values: [Value])] = [("region", labels.map(Value.string))]
        for rank in 0..<n {
            columns.append(("r\(rank + 1)", labels.indices.map { .number(Double(result.rankCounts.frequencies(of: $0)[$0 * n + rank])) }))
        }
        return Table(title: "how often each region took each rank", columns)
    }

    var presentation: Block { .table(regionsTable(sorted: true).presentation) }

    var datum: Datum {
        Value.record(Record([
            ("samples", .number(Double(result.samples))),
            ("seed", .number(Double(result.seed))),
            ("perturbation", .string(perturbation.description)),
            ("regions", .table(regionsTable(sorted: false))),
        ])).datum
    }

    var fieldNames: [String] { ["regions", "frequencies", "samples", "nominal", "mean", "median", "p05", "p95"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "regions": .table(regionsTable(sorted: true))
        case "frequencies": .table(frequencies)
        case "samples": .number(Double(result.samples))
        case "nominal": .named(NamedVector(names: labels, values: result.nominalRank))
        case "mean": .named(NamedVector(names: labels, values: result.meanRank))
        case "median": .named(NamedVector(names: labels, values: result.medianRank))
        case "p05": .named(NamedVector(names: labels, values: result.p05Rank))
        case "p95": .named(NamedVector(names: labels, values: result.p95Rank))
        default: nil
        }
    }
}

/// Sobol' indices of a composite in a script: per input S1, ST and their confidence half-widths;
/// `s.convergence` shows them at N/4, N/2 and N.
struct SobolObject: ScriptObject {
    let sensitivity: SobolSensitivity
    let target: String

    var kind: String { "a Sobol' analysis" }

    var inputs: [String] { sensitivity.groups.isEmpty ? sensitivity.names : sensitivity.groups.map(\.name) }

    var table: Table {
        Table(title: "Sobol' indices of \(target) (N = \(sensitivity.samples), \(sensitivity.evaluations) evaluations; first order: Saltelli 2010, total: Jansen; \(Format.number(sensitivity.confidenceLevel * 100))% bootstrap half-widths from \(sensitivity.resamples) resamples)", [
            ("input", inputs.map(Value.string)),
            ("S1", sensitivity.firstOrder.map(Value.number)),
            ("ST", sensitivity.totalOrder.map(Value.number)),
            ("S1_conf", sensitivity.firstOrderConfidence.map(Value.number)),
            ("ST_conf", sensitivity.totalOrderConfidence.map(Value.number)),
        ])
    }

    var convergence: Table {
        var columns: [(name: String, values: [Value])] = [("input", inputs.map(Value.string))]
        for estimate in sensitivity.convergence { columns.append(("S1@\(estimate.samples)", estimate.firstOrder.map(Value.number))) }
        for estimate in sensitivity.convergence { columns.append(("ST@\(estimate.samples)", estimate.totalOrder.map(Value.number))) }
        return Table(title: "convergence: the indices from the first N/4, N/2 and N rows of the design", columns)
    }

    var presentation: Block { .stack([.table(table.presentation), .table(convergence.presentation)]) }

    var datum: Datum {
        Value.record(Record([
            ("target", .string(target)),
            ("n", .number(Double(sensitivity.samples))),
            ("inputs", .list(inputs.map(Value.string))),
            ("S1", .vector(sensitivity.firstOrder)),
            ("ST", .vector(sensitivity.totalOrder)),
            ("S1_conf", .vector(sensitivity.firstOrderConfidence)),
            ("ST_conf", .vector(sensitivity.totalOrderConfidence)),
            ("convergence", .table(convergence)),
        ])).datum
    }

    var fieldNames: [String] { ["table", "inputs", "S1", "ST", "S1_conf", "ST_conf", "convergence"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "table": .table(table)
        case "inputs": .list(inputs.map(Value.string))
        case "S1": .named(NamedVector(names: inputs, values: sensitivity.firstOrder))
        case "ST": .named(NamedVector(names: inputs, values: sensitivity.totalOrder))
        case "S1_conf": .named(NamedVector(names: inputs, values: sensitivity.firstOrderConfidence))
        case "ST_conf": .named(NamedVector(names: inputs, values: sensitivity.totalOrderConfidence))
        case "convergence": .table(convergence)
        default: nil
        }
    }
}
