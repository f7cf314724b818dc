import Charts
import Stats
import StressTest

/// A k-means clustering in a script: `k.clusters` (cluster numbers from 1, named by region),
/// `k.profiles` (members and the mean of each variable in its own units), `k.objective`,
/// `k.restarts` (every restart's objective), `k.sizes`; `silhouette(k)` its silhouette widths.
struct KMeansObject: ScriptObject {
    /// The variables as given (profiles are in their units).
    let data: RegionVariables
    /// The variables clustered (z-scored when `scaled`).
    let used: RegionVariables
    let scaled: Bool
    let result: KMeansResult
    let seed: Int

    var kind: String { "a k-means clustering" }

    var labels: [String] { data.regions.map(\.label) }

    var k: Int { result.sizes.count }

    var caption: String {
        "k-means of \(labels.count) regions into \(k) clusters on \(data.description)\(scaled ? " (z-scored)" : ""): k-means++ seeding, \(result.restartObjectives.count) restarts, seed \(seed); best restart \(result.bestRestart + 1), total within-cluster sum of squares \(Format.number(result.objective))\(result.converged ? "" : " (not converged)")"
    }

    var clusters: Value { .named(NamedVector(names: labels, values: result.clusters.map { Double($0 + 1) })) }

    /// Per cluster: size, members, and the mean of each variable over the members that have it.
    var profiles: Table {
        var columns: [(name: String, values: [Value])] = [
            ("cluster", (0..<k).map { .number(Double($0 + 1)) }),
            ("size", result.sizes.map { .number(Double($0)) }),
            ("members", (0..<k).map { c in .string(labels.indices.filter { result.clusters[$0] == c }.map { labels[$0] }.joined(separator: ", ")) }),
        ]
        for (j, name) in data.names.enumerated() {
            columns.append((name, (0..<k).map { c in
                let values = labels.indices.filter { result.clusters[$0] == c }.map { data.data[$0, j] }.filter { !$0.isNaN }
                return .number(values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count))
            }))
        }
        return Table(title: "cluster profiles: members and the mean of each variable", columns)
    }

    /// The Euclidean distances of the clustered variables, on which the silhouette is taken.
    var distances: DistanceMatrix {
        get throws(StatsError) { try DistanceMatrix.between(rows: used.data, metric: .euclidean) }
    }

    /// The silhouette widths on `distances` (computed when not given).
    func silhouette(_ distances: DistanceMatrix? = nil) throws(StatsError) -> SilhouetteWidths {
        let d: DistanceMatrix
        if let distances { d = distances } else { d = try self.distances }
        return try Silhouette.widths(d, clusters: result.clusters.map { $0 + 1 })
    }

    func silhouetteObject(_ widths: SilhouetteWidths) -> SilhouetteObject {
        SilhouetteObject(widths: widths, clusters: result.clusters.map { $0 + 1 }, labels: labels,
                         caption: "Euclidean distance on \(data.description)\(scaled ? " (z-scored)" : "")")
    }

    /// The profiles' numbers as a table, then each cluster's members on a line.
    var presentation: Block {
        let table = profiles
        let numbers = Table(title: table.title, table.columns.filter { $0.name != "members" })
        let members = (0..<k).map { c in
            "cluster \(c + 1): " + labels.indices.filter { result.clusters[$0] == c }.map { labels[$0] }.joined(separator: ", ")
        }
        return .stack([.text(caption), .table(numbers.presentation), .text(members.joined(separator: "\n"))])
    }

    var datum: Datum {
        Value.record(Record([
            ("k", .number(Double(k))),
            ("clusters", clusters),
            ("sizes", .vector(result.sizes.map(Double.init))),
            ("objective", .number(result.objective)),
            ("within", .vector(result.withinSumOfSquares)),
            ("restarts", .vector(result.restartObjectives)),
            ("best_restart", .number(Double(result.bestRestart + 1))),
            ("seed", .number(Double(seed))),
            ("profiles", .table(profiles)),
        ])).datum
    }

    var fieldNames: [String] { ["clusters", "profiles", "sizes", "objective", "within", "restarts", "best_restart", "centers"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "clusters": clusters
        case "profiles": .table(profiles)
        case "sizes": .vector(result.sizes.map(Double.init))
        case "objective": .number(result.objective)
        case "within": .vector(result.withinSumOfSquares)
        case "restarts": .vector(result.restartObjectives)
        case "best_restart": .number(Double(result.bestRestart + 1))
        case "centers": .list((0..<k).map { .vector(result.centers.row($0)) })
        default: nil
        }
    }
}
