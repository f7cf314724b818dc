import Stats
import StressTest

/// Peers and clustering: distances, hierarchical clustering, k-means, silhouette widths, PCA,
/// peer regions and good practice. `x` is a portfolio, a table (`table(PATH)`), or a matrix
/// written as a vector of rows.
extension Library {
    static let metricNames = DistanceMetric.allCases.map(\.rawValue)

    static let dataHelp = "x is a portfolio (on: \"indicators\", the default, \"structure\" for its structural variables, or a vector of column names), a table (its numeric columns, or those named by on:; rows are named by its first text column) or a matrix written as a vector of rows ([[1, 2], [3, 4]])."

    static let distanceHelp = "metric: \"euclidean\" (the default, as R's dist and scipy's pdist), \"standardised\" (z-scored variables, for variables in different units), \"manhattan\", \"cosine\" or \"mahalanobis\" (covariance of the complete rows; collinear variables are an error naming them). balanced: true divides each group's distance (the dimensions of a portfolio's indicators, or groups: one name per variable) by its largest value over all pairs and averages the groups (weights: one per group, equal by default), so that a group with many variables does not dominate. Missing cells: each pair uses the variables both have, rescaled to the full count (as R's dist); a pair sharing fewer than min_shared variables (default half) has no distance."

    static let distanceParameters = distanceParameters(metric: "\"euclidean\"", on: "\"indicators\"")

    /// `metric:`, `on:`, `balanced:`, `groups:`, `weights:`, `min_shared:` with the defaults shown.
    static func distanceParameters(metric: String, on: String) -> [Builtin.Parameter] {
        [.init(name: "metric", defaultValue: metric), .init(name: "on", defaultValue: on),
         .init(name: "balanced", defaultValue: "false"), .init(name: "groups", defaultValue: "dimensions"),
         .init(name: "weights", defaultValue: "equal"), .init(name: "min_shared", defaultValue: "half")]
    }

    static let clustering: [Builtin] = [
        Builtin(
            name: "distance", parameters: [.init(name: "x")] + distanceParameters,
            help: "The distances between every pair of regions (rows). " + dataHelp + " " + distanceHelp + " d.matrix is the square matrix, d.shared the number of variables each pair used, d.labels the rows' names."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let input = try clusterInput(args)
            return .object(DistanceObject(data: input.data, settings: input.settings, distances: try input.distances(args)))
        },
        Builtin(
            name: "hclust", parameters: [.init(name: "x"), .init(name: "method", defaultValue: "\"ward\"")] + distanceParameters,
            help: "Hierarchical clustering, as R's hclust and scipy's linkage: method \"ward\" (scipy's ward, R's ward.D2), \"complete\", \"average\" or \"single\"; merge heights equal scipy's. x is a distance (distance(...)) or data. " + dataHelp + " h.merge, h.height and h.order are R's (merge: a negative number is a region, a positive one an earlier merge); h.cophenetic is the cophenetic correlation; cut(h, k: 3) or cut(h, height: 2.5) gives the clusters."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let method = LinkageMethod(rawValue: try args.choice("method", default: "ward", among: LinkageMethod.allCases.map(\.rawValue)))!
            let source: DistanceObject
            if case .object(let d as DistanceObject) = args.value("x") {
                for name in ["metric", "on", "balanced", "groups", "weights", "min_shared"] where args.has(name) {
                    throw args.error(name, "`\(name)` belongs to the distance; x is a distance already")
                }
                source = d
            } else {
                let input = try clusterInput(args)
                source = DistanceObject(data: input.data, settings: input.settings, distances: try input.distances(args))
            }
            do throws(StatsError) {
                let tree: Dendrogram
                if let rows = wardRows(method, source) {
                    tree = try HierarchicalClustering.ward(rows: rows)
                } else {
                    tree = try HierarchicalClustering.linkage(source.distances, method: method)
                }
                return .object(ClusterTreeObject(source: source, method: method, tree: tree,
                                                 cophenetic: try? tree.copheneticCorrelation(with: source.distances)))
            } catch {
                throw args.failure(source.data.explained(error), else: "x")
            }
        },
        Builtin(
            name: "cut", parameters: [.init(name: "tree"), .init(name: "k", defaultValue: "none"), .init(name: "height", defaultValue: "none")],
            help: "Cuts a hierarchical clustering (hclust) into k clusters, or at a height (the merges at or below it are made), as R's cutree: a vector of cluster numbers named by region, numbered in the order the regions come."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            guard case .object(let tree as ClusterTreeObject) = args.value("tree") else {
                throw args.error("tree", "cut needs a hierarchical clustering, as hclust(x) makes one, not \(args.value("tree")?.kind ?? "nothing")")
            }
            let n = tree.tree.count
            let clusters: [Int]
            switch (args.has("k"), args.has("height")) {
            case (true, false):
                let k = try args.integer("k", default: 1, in: 1...max(1, n))
                do throws(StatsError) { clusters = try tree.tree.cut(clusters: k) } catch { throw args.error("k", error.description) }
            case (false, true):
                let h = try args.number("height")
                clusters = tree.tree.cut(height: h)
            default:
                throw args.has("k") ? args.error("height", "cut takes k: or height:, not both")
                    : args.error("tree", "cut needs k: (the number of clusters) or height: (where to cut)")
            }
            return .named(NamedVector(names: tree.source.labels, values: clusters.map(Double.init)))
        },
        Builtin(
            name: "kmeans",
            parameters: [.init(name: "x"), .init(name: "k"), .init(name: "restarts", defaultValue: "10"), .init(name: "seed", defaultValue: "1"),
                         .init(name: "scale", defaultValue: "false"), .init(name: "on", defaultValue: "\"indicators\"")],
            help: "k-means clustering (Lloyd's algorithm) with k-means++ seeding and several restarts, each with its own stream of the seed: the same seed gives the same clusters, and the result is the best restart (its objective, the total within-cluster sum of squares, is the lowest of k.restarts). scale: true z-scores the variables first (by default they are used as they are, as R's kmeans). k.profiles lists each cluster's members and the mean of each variable in its own units; silhouette(k) its silhouette widths. A vector k: [2, 3, 4, 5] fits each and tabulates the objective and the mean silhouette width, to choose k. " + dataHelp
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let input = try clusterInput(args, distances: false)
            let scale = try args.bool("scale", default: false)
            let restarts = try args.integer("restarts", default: 10, in: 1...100_000)
            let seed = try args.seed()
            let ks = try args.numbers("k")
            let n = input.data.regions.count
            guard !ks.isEmpty else { throw args.error("k", "k needs at least one number of clusters") }
            for k in ks where !(k == k.rounded() && k >= 1 && k <= Double(n)) {
                throw args.error("k", "k must be a whole number from 1 to \(n) (the number of rows), not \(Format.number(k))")
            }
            let used: RegionVariables
            do throws(PortfolioError) { used = scale ? try input.data.standardised() : input.data } catch { throw args.failure(error, else: "x") }
            func fit(_ k: Int) throws(ScriptError) -> KMeansObject {
                do throws(StatsError) {
                    let result = try KMeans.fit(rows: used.data, k: k, restarts: restarts, seed: UInt64(seed))
                    return KMeansObject(data: input.data, used: used, scaled: scale, result: result, seed: seed)
                } catch {
                    throw args.failure(used.explained(error), else: "x")
                }
            }
            if ks.count == 1 { return .object(try fit(Int(ks[0]))) }
            var rows = [(k: Int, objective: Double, silhouette: Double)]()
            var distances: DistanceMatrix?  // the same for every k: computed once
            for k in ks.map({ Int($0) }) {
                let object = try fit(k)
                // A failure leaves the width missing, but an interrupt stops the whole call.
                do throws(StatsError) {
                    if distances == nil { distances = try object.distances }
                } catch {
                    if error == .interrupted { throw args.interrupted }
                }
                var width = Double.nan
                if k >= 2 && k < n {
                    do throws(StatsError) { width = try object.silhouette(distances).mean } catch {
                        if error == .interrupted { throw args.interrupted }
                    }
                }
                rows.append((k, object.result.objective, width))
            }
            let best = rows.filter { !$0.silhouette.isNaN }.max { ($0.silhouette, -$0.k) < ($1.silhouette, -$1.k) }
            return .table(Table(title: "k-means for k = \(rows.map { String($0.k) }.joined(separator: ", ")) (\(restarts) restarts, seed \(seed)\(scale ? ", z-scored variables" : "")): total within-cluster sum of squares and mean silhouette width (higher is better)" + (best.map { "; best k = \($0.k)" } ?? ""), [
                ("k", rows.map { .number(Double($0.k)) }),
                ("objective", rows.map { .number($0.objective) }),
                ("silhouette", rows.map { .number($0.silhouette) }),
            ]))
        },
        Builtin(
            name: "silhouette",
            parameters: [.init(name: "x"), .init(name: "clusters", defaultValue: "x's"), .init(name: "metric", defaultValue: "\"euclidean\""), .init(name: "on", defaultValue: "\"indicators\"")],
            help: "Silhouette widths, as R's cluster::silhouette: for each region (b - a) / max(a, b), a = mean distance to its own cluster, b = to the nearest other cluster; 0 for a region alone in its cluster. x is a k-means result (silhouette(k), on the distances it clustered), or data or a distance with clusters: a vector of cluster numbers (as cut returns). Gives the mean width, the mean per cluster and each region's width and nearest other cluster."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            if case .object(let km as KMeansObject) = args.value("x"), !args.has("clusters") {
                do throws(StatsError) { return .object(km.silhouetteObject(try km.silhouette())) } catch { throw args.failure("x", error) }
            }
            let source: DistanceObject
            switch args.value("x") {
            case .object(let d as DistanceObject): source = d
            case .object(let tree as ClusterTreeObject): source = tree.source
            default:
                let input = try clusterInput(args)
                source = DistanceObject(data: input.data, settings: input.settings, distances: try input.distances(args))
            }
            let clusters: [Int]
            switch args.value("clusters") {
            case .object(let km as KMeansObject): clusters = km.result.clusters.map { $0 + 1 }
            case nil: throw args.error("x", "silhouette needs clusters: (a vector of cluster numbers, as cut returns), or a k-means result as x")
            default:
                let numbers = try args.numbers("clusters")
                guard numbers.count == source.labels.count else {
                    throw args.error("clusters", "clusters has \(numbers.count) values but there are \(source.labels.count) regions")
                }
                for (i, c) in numbers.enumerated() where !(c == c.rounded() && abs(c) < 1e9) {
                    throw args.error("clusters", "cluster numbers must be whole numbers, but the one of \(source.labels[i]) (row \(i + 1)) is \(Format.number(c))")
                }
                clusters = numbers.map { Int($0) }
            }
            do throws(StatsError) {
                return .object(SilhouetteObject(widths: try Silhouette.widths(source.distances, clusters: clusters), clusters: clusters,
                                                labels: source.labels, caption: source.caption))
            } catch {
                // A distance the widths cannot use is the data's fault; the labels are clusters'.
                let blamed = if case .invalidParameter(name: "distances", _, _) = error { "x" } else { "clusters" }
                throw args.failure(source.data.explained(error), else: blamed)
            }
        },
        Builtin(
            name: "pca", parameters: [.init(name: "x"), .init(name: "scale", defaultValue: "true"), .init(name: "on", defaultValue: "\"indicators\"")],
            help: "Principal component analysis, as R's prcomp(x, scale. = TRUE) (LAPACK SVD): standard deviations and the share of variance each component explains, loadings, and coordinates for a map (p.coordinates: PC1 and PC2 per region). scale: false keeps the variables' units. Fitted on the regions with complete data; the others are listed and get missing coordinates. Signs: each component's largest loading is positive. " + dataHelp
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let input = try clusterInput(args, distances: false)
            let scale = try args.bool("scale", default: true)
            do throws(StatsError) {
                return .object(PCAObject(data: input.data, scaled: scale, result: try PrincipalComponentAnalysis.fit(rows: input.data.data, scale: scale)))
            } catch {
                throw args.error("x", input.data.explained(error).message)
            }
        },
        Builtin(
            name: "peers",
            parameters: [.init(name: "x"), .init(name: "region"), .init(name: "k", defaultValue: "5"), .init(name: "exclude_country", defaultValue: "false")]
                + distanceParameters(metric: "\"standardised\"", on: "\"structure\""),
            help: "The k regions most similar to a region, nearest first, with their distances and the number of variables each distance used: its structural twins, from which it can learn (the S3 Platform's benchmarking compares regions on structure, not on performance). x is a portfolio (compared on its structural variables that vary, unless on: says \"indicators\" or names columns; without such variables, on its indicators), a table or a matrix, as in distance. The metric defaults to \"standardised\" (z-scored variables, as structural variables come in different units); the other distance arguments are those of distance. exclude_country: true leaves out its own country's regions (the country column, or the first two letters of NUTS codes). Regions without a distance (too few variables in common) are named, never ranked."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let input = try clusterInput(args, peers: true)
            let region = try regionIndex(args, "region", in: input.data)
            let others = input.data.regions.count - 1
            guard others >= 1 else { throw args.error("x", "peers need at least two regions") }
            let k = try args.integer("k", default: min(5, others), in: 1...others)
            let excludeCountry = try args.bool("exclude_country", default: false)
            let distances = try input.distances(args)
            do throws(PortfolioError) {
                let peers = try PeerRegions(input.data, region: region, k: k, settings: input.settings,
                                            excludeCountry: excludeCountry, distances: distances)
                return .table(peersTable(peers))
            } catch {
                throw args.failure(error, else: "x")
            }
        },
        Builtin(
            name: "good_practice",
            parameters: [.init(name: "p"), .init(name: "region"), .init(name: "k", defaultValue: "3"), .init(name: "on", defaultValue: "structure"),
                         .init(name: "metric", defaultValue: "\"standardised\""), .init(name: "balanced", defaultValue: "false"), .init(name: "min_shared", defaultValue: "half")],
            help: "Good-practice cases for the StressTest-Report: for each key dimension where the region's composite is in the lower half of the portfolio (below the median), the k regions most similar to it (by structure, unless on: says otherwise) whose composite is in the top quartile (at least Q3; quartiles of type 7), with the distance and the gap to close (their composite minus the region's)."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let p = try portfolioArgument(args, "p")
            let basis = try peerBasis(args, p, default: p.defaultPeerBasis)
            let settings = try distanceSettings(args, defaultMetric: .standardised, variables: try variableCount(args, p, basis))
            guard p.regions.count >= 2 else { throw args.error("p", "good practice needs at least two regions") }
            let k = try args.integer("k", default: min(3, p.regions.count - 1), in: 1...(p.regions.count - 1))
            let name = try args.string("region")
            do throws(PortfolioError) {
                _ = try p.requireRegion(name)
            } catch {
                throw args.error("region", error.message, help: error.help)
            }
            do throws(PortfolioError) {
                return .table(goodPracticeTable(try GoodPractice(p, region: name, k: k, basis: basis, settings: settings)))
            } catch {
                throw args.failure(error, else: "p")
            }
        },
    ]
}

extension Library {
    /// The rows to cluster by Ward from the data itself (NN-chain on centroids, no copy of the
    /// distances; the same heights as from the distances to rounding): Euclidean or standardised
    /// distances of complete data, not balanced. Nil when the distances must be used.
    static func wardRows(_ method: LinkageMethod, _ source: DistanceObject) -> Matrix? {
        guard method == .ward, !source.settings.balanced, source.data.missingCells == 0 else { return nil }
        switch source.settings.metric {
        case .euclidean: return source.data.data
        case .standardised: return (try? source.data.standardised())?.data
        default: return nil
        }
    }
}
