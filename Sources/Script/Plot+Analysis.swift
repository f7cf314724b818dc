import Charts
import Stats
import StressTest

/// Charts of analyses: the ranks of an uncertainty analysis, Sobol' indices, a dendrogram, a
/// PCA map, silhouette widths and heatmaps. Each draws the numbers its analysis returned.
enum AnalysisPlots {
    static func rankIntervals(_ u: UncertaintyObject) -> Chart {
        Chart.rankIntervals(title: "Ranks under uncertain weights: \(u.analysis.portfolio.regions.count) regions",
                            caption: "Ranks of \(u.subject) over \(u.conventions)" + (u.conventions.hasSuffix(".") ? "" : "."),
                            names: u.analysis.portfolio.regions.map(\.label), u.result)
    }

    static func sobol(_ s: SobolObject) -> Chart {
        let sensitivity = s.sensitivity
        return Chart.sobolIndices(title: "Sobol' indices of \(s.target)",
                                  caption: (s.table.title ?? "Sobol' indices").replacingOccurrences(of: "; first order", with: ", seed \(sensitivity.seed); first order") + ".",
                                  inputs: s.inputs, firstOrder: sensitivity.firstOrder, totalOrder: sensitivity.totalOrder,
                                  firstOrderConfidence: sensitivity.firstOrderConfidence,
                                  totalOrderConfidence: sensitivity.totalOrderConfidence, level: sensitivity.confidenceLevel)
    }

    static func dendrogram(_ h: ClusterTreeObject, clusters: [Int]?) -> Chart {
        let k = clusters?.max()
        return Chart.dendrogram(title: "Hierarchical clustering of \(h.tree.count) regions\(k.map { " cut into \($0) clusters" } ?? "")",
                                caption: h.header.prefix(1).uppercased() + h.header.dropFirst()
                                    + (k.map { "; clusters as R's cutree(k = \($0)), numbered in the order the regions come" } ?? "") + ".",
                                names: h.source.labels, h.tree, heightTitle: "height (\(h.methodName))", clusters: clusters)
    }

    static func pcaMap(_ pca: PCAObject, clusters: [Int]?, highlight: String?) -> Chart {
        let r = pca.result
        let n = pca.labels.count
        let pc1 = (0..<n).map { r.scores[$0, 0] }
        let pc2 = (0..<n).map { pca.components > 1 ? r.scores[$0, 1] : 0 }
        var caption = pca.header.prefix(1).uppercased() + pca.header.dropFirst()
        if let clusters { caption += "; \(clusters.max() ?? 0) clusters marked by symbol and colour" }
        return Chart.pcaMap(title: "Map of \(r.rowsUsed.count) regions on the first two principal components", caption: caption + ".",
                            names: pca.labels, pc1: pc1, pc2: pc2,
                            shares: (r.explainedVariance.first ?? .nan, r.explainedVariance.count > 1 ? r.explainedVariance[1] : .nan),
                            clusters: clusters, highlight: highlight)
    }

    /// `clustering` names how the clusters were made (a k-means caption with its seed).
    static func silhouette(_ s: SilhouetteObject, clustering: String? = nil) -> Chart {
        Chart.silhouette(title: "Silhouette widths of \(s.labels.count) regions in \(s.widths.labels.count) clusters",
                         caption: (clustering.map { $0 + ". " } ?? "") + "Silhouette widths as R's cluster::silhouette (\(s.caption)): 1 = well inside its cluster, 0 = between two, below 0 = nearer another cluster.",
                         names: s.labels, clusters: s.clusters, s.widths)
    }

    static func heatmap(_ d: DistanceObject) -> Chart {
        let n = d.distances.count
        let values = (0..<n).map { i in (0..<n).map { d.distances[i, $0] } }
        // The scale ends at a pretty number at or above the largest distance.
        let largest = PrettyBreaks.breaks(low: 0, high: max(values.flatMap { $0 }.filter(\.isFinite).max() ?? 1, 1e-300)).last ?? 1
        return Chart.heatmap(title: "Distances between \(n) regions", caption: d.header.prefix(1).uppercased() + d.header.dropFirst() + ".",
                             rows: d.labels, columns: d.labels, values: values, scale: .sequential(0...largest),
                             valueName: "distance")
    }

    /// The correlation matrix of named columns, each pair on the rows where both have a value.
    static func correlations(names: [String], columns: [[Double]], method: CorrelationMethod, of what: String) throws(StatsError) -> Chart {
        var values = [[Double]](repeating: [Double](repeating: .nan, count: names.count), count: names.count)
        for i in names.indices {
            for j in names.indices {
                values[i][j] = i == j ? 1 : j < i ? values[j][i] : try Correlation(columns[i], columns[j], method: method).value
            }
        }
        let complete = columns.first.map { first in first.indices.filter { r in columns.allSatisfy { !$0[r].isNaN } }.count } ?? 0
        return Chart.heatmap(title: "\(method == .pearson ? "Pearson" : "Spearman") correlations of \(what)",
                             caption: "Correlations (\(method.rawValue)) of \(names.count) variables over \(columns.first?.count ?? 0) regions, each pair on the regions where both have a value (\(complete) have all); blue below 0, red above, hatched below 0.",
                             rows: names, columns: names, values: values, scale: .diverging(-1...1, centre: 0), valueName: "correlation")
    }
}
