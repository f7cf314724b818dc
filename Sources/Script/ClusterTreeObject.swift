import Charts
import Stats
import StressTest

/// A hierarchical clustering in a script, read as R's hclust: `h.merge` (a negative number is
/// a region, a positive one an earlier merge), `h.height`, `h.order` (1-based, for drawing),
/// `h.labels`, `h.cophenetic` (the cophenetic correlation); `cut(h, k: 3)` gives clusters.
struct ClusterTreeObject: ScriptObject {
    let source: DistanceObject
    let method: LinkageMethod
    let tree: Dendrogram
    /// The cophenetic correlation, nil when it is undefined (fewer than three regions, or all
    /// distances equal).
    let cophenetic: Double?

    var kind: String { "a hierarchical clustering" }

    var methodName: String {
        switch method {
        case .ward: "Ward (scipy's ward, R's ward.D2)"
        case .complete: "complete linkage"
        case .average: "average linkage (UPGMA)"
        case .single: "single linkage"
        }
    }

    var mergeValue: Value { .list(tree.merge.map { .vector([Double($0.0), Double($0.1)]) }) }

    var header: String {
        "hierarchical clustering of \(tree.count) regions: \(methodName), \(source.caption)"
            + (cophenetic.map { "; cophenetic correlation \(Format.number(($0 * 10000).rounded() / 10000))" } ?? "")
    }

    /// The last merges (the top of the tree), the highest first.
    var topTable: Table {
        let steps = Array((0..<tree.heights.count).reversed().prefix(8))
        func side(_ id: Int) -> String {
            id < tree.count ? source.labels[id] : "merge \(id - tree.count + 1) (\(tree.sizes[id - tree.count]) regions)"
        }
        return Table(title: "the last merges (h.merge, h.height have them all)", [
            ("merge", steps.map { .number(Double($0 + 1)) }),
            ("height", steps.map { .number(tree.heights[$0]) }),
            ("size", steps.map { .number(Double(tree.sizes[$0])) }),
            ("joins", steps.map { .string(side(tree.left[$0]) + " + " + side(tree.right[$0])) }),
        ])
    }

    var presentation: Block {
        var blocks: [Block] = [.text(header)]
        if tree.count > 1 { blocks.append(.table(topTable.presentation)) }
        blocks.append(.text("order: " + tree.order.prefix(30).map { source.labels[$0] }.joined(separator: ", ") + (tree.count > 30 ? ", ..." : "")
            + "\ncut(h, k: 3) or cut(h, height: 2.5) gives clusters"))
        return .stack(blocks)
    }

    var datum: Datum {
        Value.record(Record([
            ("merge", mergeValue),
            ("height", .vector(tree.heights)),
            ("order", .vector(tree.order.map { Double($0 + 1) })),
            ("labels", .list(source.labels.map(Value.string))),
            ("method", .string(method.rawValue)),
            ("metric", .string(source.settings.metric.rawValue)),
            ("cophenetic", .number(cophenetic ?? .nan)),
        ])).datum
    }

    var fieldNames: [String] { ["merge", "height", "order", "labels", "method", "cophenetic", "sizes"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "merge": mergeValue
        case "height": .vector(tree.heights)
        case "order": .vector(tree.order.map { Double($0 + 1) })
        case "labels": .list(source.labels.map(Value.string))
        case "method": .string(method.rawValue)
        case "cophenetic": .number(cophenetic ?? .nan)
        case "sizes": .vector(tree.sizes.map(Double.init))
        default: nil
        }
    }
}
