import Charts
import Stats
import StressTest

/// Distances between regions in a script: `d.matrix` (square, missing where a pair shares too
/// few variables), `d.shared`, `d.labels`; hclust and silhouette take it as it is.
struct DistanceObject: ScriptObject {
    let data: RegionVariables
    let settings: DistanceSettings
    let distances: DistanceMatrix

    var kind: String { "a distance matrix" }

    var labels: [String] { data.regions.map(\.label) }

    /// "standardised Euclidean distance (z-scored variables) on the 5 structural variables".
    var caption: String { "\(settings.caption) on \(data.description)" }

    /// "1 region", "26 regions".
    static func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    var missingPairs: Int { distances.values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }

    var matrix: Value {
        .list((0..<distances.count).map { i in .vector((0..<distances.count).map { distances[i, $0] }) })
    }

    var sharedMatrix: Value {
        .list((0..<distances.count).map { i in
            .vector((0..<distances.count).map { j in
                // A region shares with itself the variables it has.
                Double(i == j ? data.data.row(i).filter { !$0.isNaN }.count : distances.sharedCount(i, j))
            })
        })
    }

    var header: String {
        var text = "\(caption): \(Self.counted(distances.count, "region")), \(Self.counted(distances.values.count, "pair"))"
        if data.missingCells > 0 {
            text += "; \(data.missingCells) missing cells, so each pair uses the variables both regions have (d.shared)"
        }
        if missingPairs > 0 { text += "; \(Self.counted(missingPairs, "pair")) \(missingPairs == 1 ? "shares" : "share") too few variables and \(missingPairs == 1 ? "has" : "have") no distance" }
        return text
    }

    var presentation: Block {
        let n = distances.count
        guard n > 0 else { return .text(header) }
        let shown = min(n, 8)
        var columns: [(name: String, values: [Value])] = [("", (0..<shown).map { .string(labels[$0]) })]
        for j in 0..<shown {
            columns.append((labels[j], (0..<shown).map { .number(distances[$0, j]) }))
        }
        var blocks: [Block] = [.text(header), .table(Table(columns).presentation)]
        if n > shown { blocks.append(.text("(the first \(shown) of \(n) regions; d.matrix has them all)")) }
        return .stack(blocks)
    }

    var datum: Datum {
        Value.record(Record([
            ("metric", .string(settings.metric.rawValue)),
            ("balanced", .bool(settings.balanced)),
            ("variables", .list(data.names.map(Value.string))),
            ("labels", .list(labels.map(Value.string))),
            ("distances", matrix),
            ("shared", distances.shared == nil ? .missing : sharedMatrix),
        ])).datum
    }

    var fieldNames: [String] { ["matrix", "shared", "labels", "variables", "values"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "matrix": matrix
        case "shared": sharedMatrix
        case "labels": .list(labels.map(Value.string))
        case "variables": .list(data.names.map(Value.string))
        case "values": .vector(distances.values)
        default: nil
        }
    }
}
