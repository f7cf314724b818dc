import Charts
import Stats

/// Silhouette widths in a script, as R's cluster::silhouette: `s.mean`, `s.clusters` (size and
/// mean width per cluster), `s.widths` (each region's cluster, nearest other cluster and width).
struct SilhouetteObject: ScriptObject {
    let widths: SilhouetteWidths
    /// Each region's cluster label.
    let clusters: [Int]
    let labels: [String]
    /// The distance the widths were computed on.
    let caption: String

    var kind: String { "silhouette widths" }

    var title: String {
        "silhouette widths (\(caption)): mean \(Format.number((widths.mean * 10000).rounded() / 10000)); 1 = well inside its cluster, 0 = between two, below 0 = nearer another cluster"
    }

    var clustersTable: Table {
        Table(title: "per cluster", [
            ("cluster", widths.labels.map { .number(Double($0)) }),
            ("size", widths.labels.map { label in .number(Double(clusters.filter { $0 == label }.count)) }),
            ("mean", widths.clusterMeans.map(Value.number)),
        ])
    }

    /// In the regions' order, or by cluster and then decreasing width (as R plots them).
    func widthsTable(sorted: Bool) -> Table {
        var order = Array(labels.indices)
        if sorted { order.sort { (clusters[$0], -widths.widths[$0], $0) < (clusters[$1], -widths.widths[$1], $1) } }
        return Table(title: "per region, by cluster and width", [
            ("region", order.map { .string(labels[$0]) }),
            ("cluster", order.map { .number(Double(clusters[$0])) }),
            ("neighbour", order.map { .number(Double(widths.neighbours[$0])) }),
            ("width", order.map { .number(widths.widths[$0]) }),
        ])
    }

    var presentation: Block {
        .stack([.text(title), .table(clustersTable.presentation), .table(widthsTable(sorted: true).presentation)])
    }

    var datum: Datum {
        Value.record(Record([
            ("mean", .number(widths.mean)),
            ("clusters", .table(clustersTable)),
            ("widths", .table(widthsTable(sorted: false))),
        ])).datum
    }

    var fieldNames: [String] { ["mean", "clusters", "widths"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "mean": .number(widths.mean)
        case "clusters": .table(clustersTable)
        case "widths": .table(widthsTable(sorted: false))
        default: nil
        }
    }
}
