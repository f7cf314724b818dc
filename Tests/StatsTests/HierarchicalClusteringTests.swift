import Foundation
import Testing
@testable import Stats

// Hierarchical clustering against scipy's linkage/cophenet and R's hclust/cutree
// (Fixtures/clustering_reference.json, written by Fixtures/make_clustering.py), plus properties.

struct ClusteringReference: Decodable, Sendable {
    struct Linkage: Decodable, Sendable {
        var left: [Int]
        var right: [Int]
        var heights: [Double]
        var sizes: [Int]
        var cophenetic: Double?
    }
    struct Case: Decodable, Sendable {
        var n: Int
        var p: Int
        var x: [Double]
        var methods: [String: Linkage]
        var matrix: Matrix { Matrix(rows: n, columns: p, elements: x) }
    }
    struct Cut: Decodable, Sendable {
        var k: Int?
        var h: Double?
        var clusters: [Int]
    }
    struct RTree: Decodable, Sendable {
        var merge1: [Int]
        var merge2: [Int]
        var order: [Int]
        var height: [Double]
        var cutk: [Cut]
        var cuth: [Cut]
    }
    struct RCase: Decodable, Sendable {
        var n: Int
        var p: Int
        var x: [Double]
        var methods: [String: RTree]
        var matrix: Matrix { Matrix(rows: n, columns: p, elements: x) }
    }
    var cases: [Case]
    var r_cases: [RCase]

    private static let loaded = Result { try fixture("clustering_reference", as: ClusteringReference.self) }

    static func load() throws -> ClusteringReference { try loaded.get() }
}


private func randomMatrix(rows n: Int, columns p: Int, seed: UInt64) -> Matrix {
    var g = SplitMix64(seed: seed)
    return Matrix(rows: n, columns: p, elements: (0..<(n * p)).map { _ in
        (-2 * log(g.openUnit())).squareRoot() * cos(2 * .pi * g.openUnit())
    })
}

@Suite("Hierarchical clustering")
struct HierarchicalClusteringTests {
    @Test func linkageMatchesScipy() throws {
        let reference = try ClusteringReference.load()
        var heights = Mismatches(), trees = Mismatches(), cophenetic = Mismatches()
        for c in reference.cases {
            let d = try DistanceMatrix.between(rows: c.matrix)
            for method in LinkageMethod.allCases {
                let expected = try #require(c.methods[method.rawValue])
                let tree = try HierarchicalClustering.linkage(d, method: method)
                let where_ = "\(c.n) x \(c.p) \(method)"
                heights.check(isClose(tree.heights, expected.heights, tolerance: 1e-9),
                              "\(where_): heights \(tree.heights.prefix(4)) vs \(expected.heights.prefix(4))")
                trees.check(tree.left == expected.left && tree.right == expected.right && tree.sizes == expected.sizes,
                            "\(where_): Z differs")
                let r = try tree.copheneticCorrelation(with: d)
                cophenetic.check(isClose(r, expected.cophenetic ?? .nan, tolerance: 1e-9),
                                 "\(where_): cophenetic correlation \(r) vs \(String(describing: expected.cophenetic))")
            }
        }
        heights.report("linkage heights")
        trees.report("linkage matrices")
        cophenetic.report("cophenetic correlations")
    }

    @Test func wardFromDataMatchesScipyAndTheDistancePath() throws {
        let reference = try ClusteringReference.load()
        var mismatches = Mismatches()
        for c in reference.cases {
            let expected = try #require(c.methods["ward"])
            let tree = try HierarchicalClustering.ward(rows: c.matrix)
            let viaDistances = try HierarchicalClustering.linkage(DistanceMatrix.between(rows: c.matrix), method: .ward)
            mismatches.check(isClose(tree.heights, expected.heights, tolerance: 1e-9),
                             "\(c.n) x \(c.p): heights \(tree.heights.prefix(4)) vs \(expected.heights.prefix(4))")
            mismatches.check(tree.left == expected.left && tree.right == expected.right && tree.sizes == expected.sizes,
                             "\(c.n) x \(c.p): Z differs from scipy")
            mismatches.check(tree.left == viaDistances.left && tree.right == viaDistances.right
                                && isClose(tree.heights, viaDistances.heights, tolerance: 1e-12),
                             "\(c.n) x \(c.p): differs from linkage(distances, .ward)")
        }
        mismatches.report("Ward trees from data")
    }

    @Test func mergeOrderAndCutsMatchR() throws {
        let reference = try ClusteringReference.load()
        var mismatches = Mismatches()
        for c in reference.r_cases {
            let d = try DistanceMatrix.between(rows: c.matrix)
            for method in LinkageMethod.allCases {
                let r = try #require(c.methods[method.rawValue])
                let tree = try HierarchicalClustering.linkage(d, method: method)
                let where_ = "\(c.n) x \(c.p) \(method)"
                mismatches.check(tree.merge.map(\.0) == r.merge1 && tree.merge.map(\.1) == r.merge2,
                                 "\(where_): merge \(tree.merge) vs \(Array(zip(r.merge1, r.merge2)))")
                mismatches.check(tree.order.map { $0 + 1 } == r.order, "\(where_): order \(tree.order.map { $0 + 1 }) vs \(r.order)")
                mismatches.check(isClose(tree.heights, r.height, tolerance: 1e-9), "\(where_): heights")
                for cut in r.cutk {
                    let k = try #require(cut.k)
                    let mine = try tree.cut(clusters: k)
                    mismatches.check(mine == cut.clusters, "\(where_): cutree(k = \(k)) \(mine) vs \(cut.clusters)")
                }
                for cut in r.cuth {
                    let h = try #require(cut.h)
                    let mine = tree.cut(height: h)
                    mismatches.check(mine == cut.clusters, "\(where_): cutree(h = \(h)) \(mine) vs \(cut.clusters)")
                }
            }
        }
        mismatches.report("R hclust/cutree results")
    }

    @Test func propertiesOnRandomData() throws {
        var mismatches = Mismatches()
        for (index, (n, p)) in [(5, 2), (40, 3), (123, 7), (260, 21)].enumerated() {
            let x = randomMatrix(rows: n, columns: p, seed: UInt64(100 + index))
            let d = try DistanceMatrix.between(rows: x)
            // A permutation of the rows.
            var g = SplitMix64(seed: UInt64(7 + index))
            var permutation = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { permutation.swapAt(i, g.int(0...i)) }
            let permuted = Matrix(rows: n, columns: p, elements: permutation.flatMap { x.elements[($0 * p)..<($0 * p + p)] })
            let dp = try DistanceMatrix.between(rows: permuted)
            for method in LinkageMethod.allCases {
                let tree = try HierarchicalClustering.linkage(d, method: method)
                let again = try HierarchicalClustering.linkage(dp, method: method)
                mismatches.check(zip(tree.heights, tree.heights.dropFirst()).allSatisfy { $0 <= $1 }, "\(n) \(method): heights decrease")
                mismatches.check(isClose(tree.heights, again.heights, tolerance: 1e-12), "\(n) \(method): permuting changes heights")
                mismatches.check(tree.sizes.last == n, "\(n) \(method): the root holds \(tree.sizes.last ?? 0) leaves")
                mismatches.check(Set(tree.order) == Set(0..<n) && tree.order.count == n, "\(n) \(method): order is not a permutation")
                for k in [1, 2, 3, n / 2, n] where k >= 1 {
                    let clusters = try tree.cut(clusters: k)
                    // k distinct clusters numbered by first appearance.
                    var seen = 0
                    var ok = true
                    for c in clusters {
                        if c > seen + 1 { ok = false }
                        seen = max(seen, c)
                    }
                    mismatches.check(ok && seen == k && clusters.first == 1, "\(n) \(method): cut(clusters: \(k)) gives \(seen)")
                }
                // Cophenetic distances: the merge height of each pair; an ultrametric at least as
                // large as single linkage's, and the tree's heights are its values.
                let coph = tree.cophenetic()
                mismatches.check(Set(coph.values) == Set(tree.heights), "\(n) \(method): cophenetic values are not the heights")
                if method == .single {
                    // Single linkage's cophenetic distance never exceeds the distance.
                    mismatches.check(zip(coph.values, d.values).allSatisfy { $0 <= $1 }, "\(n): single cophenetic > distance")
                }
            }
            let ward = try HierarchicalClustering.ward(rows: x)
            let wardPermuted = try HierarchicalClustering.ward(rows: permuted)
            mismatches.check(isClose(ward.heights, wardPermuted.heights, tolerance: 1e-12), "\(n): Ward from data, permuted")
            let wardD = try HierarchicalClustering.linkage(d, method: .ward)
            mismatches.check(ward.left == wardD.left && ward.right == wardD.right && isClose(ward.heights, wardD.heights, tolerance: 1e-12),
                             "\(n): Ward from data differs from Ward on distances")
        }
        mismatches.report("clustering properties")
    }

    @Test func largerWardFromDataEqualsTheDistancePath() throws {
        // Large enough for compaction and for the scan split over the cores.
        let x = randomMatrix(rows: 4500, columns: 3, seed: 42)
        let tree = try HierarchicalClustering.ward(rows: x)
        let viaDistances = try HierarchicalClustering.linkage(DistanceMatrix.between(rows: x), method: .ward)
        #expect(tree.left == viaDistances.left && tree.right == viaDistances.right && tree.sizes == viaDistances.sizes)
        #expect(isClose(tree.heights, viaDistances.heights, tolerance: 1e-10))
    }

    @Test func smallTreesAndTies() throws {
        // Two points, one point, no variables.
        let two = try HierarchicalClustering.ward(rows: Matrix([[0, 0], [3, 4]]))
        #expect(two.left == [0] && two.right == [1] && two.heights == [5] && two.sizes == [2])
        #expect(two.merge.map { [$0.0, $0.1] } == [[-1, -2]] && two.order == [0, 1])
        #expect(try two.cut(clusters: 2) == [1, 2])
        #expect(two.cut(height: 4.99) == [1, 2] && two.cut(height: 5) == [1, 1])
        #expect(try two.copheneticCorrelation(with: DistanceMatrix(count: 2, values: [5])).isNaN)
        let one = try HierarchicalClustering.linkage(DistanceMatrix(count: 1, values: []), method: .average)
        #expect(one.count == 1 && one.heights.isEmpty && one.order == [0])
        #expect(try one.cut(clusters: 1) == [1])
        let none = try HierarchicalClustering.ward(rows: Matrix(rows: 3, columns: 0, elements: []))
        #expect(none.heights == [0, 0] && none.sizes == [2, 3])
        // Ties: scipy's tie rules (the chain starts at 0, takes the first nearest in index order
        // and prefers its previous element); the expected rows are scipy 1.17's linkage.
        let equal = DistanceMatrix(count: 4, values: [Double](repeating: 1, count: 6))
        for method in LinkageMethod.allCases {
            let tree = try HierarchicalClustering.linkage(equal, method: method)
            #expect(tree.left == [0, 2, 3] && tree.right == [1, 4, 5] && tree.heights == [1, 1, 1], "\(method)")
        }
        let line = try Matrix([[0], [1], [2], [3]])
        let lineD = try DistanceMatrix(square: (0..<4).map { i in (0..<4).map { j in Double(abs(i - j)) } })
        for method in LinkageMethod.allCases {
            let tree = try HierarchicalClustering.linkage(lineD, method: method)
            let expected = method == .single ? ([0, 2, 3], [1, 4, 5]) : ([0, 2, 4], [1, 3, 5])
            #expect(tree.left == expected.0 && tree.right == expected.1, "\(method)")
        }
        let wardLine = try HierarchicalClustering.ward(rows: line)
        #expect(wardLine.left == [0, 2, 4] && wardLine.right == [1, 3, 5] && isClose(wardLine.heights, [1, 1, 8.0.squareRoot()]))
        let same = try HierarchicalClustering.ward(rows: Matrix(rows: 4, columns: 2, elements: [Double](repeating: 0.5, count: 8)))
        #expect(same.left == [0, 2, 3] && same.right == [1, 4, 5] && same.heights == [0, 0, 0])
    }

    @Test func badInputIsATypedError() throws {
        var d = try DistanceMatrix.between(rows: randomMatrix(rows: 5, columns: 2, seed: 1))
        d.values[d.index(1, 3)] = .nan
        #expect(throws: StatsError.self) { try HierarchicalClustering.linkage(d, method: .average) }
        do {
            _ = try HierarchicalClustering.linkage(d, method: .ward)
            Issue.record("a missing distance was clustered")
        } catch {
            #expect(error.description.contains("items 2 and 4"))
        }
        var x = randomMatrix(rows: 4, columns: 3, seed: 2)
        x[2, 1] = .nan
        do {
            _ = try HierarchicalClustering.ward(rows: x)
            Issue.record("a missing cell was clustered")
        } catch {
            #expect(error.description.contains("row 3, column 2"))
        }
        let tree = try HierarchicalClustering.ward(rows: randomMatrix(rows: 4, columns: 3, seed: 3))
        #expect(throws: StatsError.self) { try tree.cut(clusters: 0) }
        #expect(throws: StatsError.self) { try tree.cut(clusters: 5) }
        #expect(throws: StatsError.self) { try tree.copheneticCorrelation(with: DistanceMatrix(count: 3, values: [1, 2, 3])) }
        #expect(throws: StatsError.self) { try HierarchicalClustering.linkage(DistanceMatrix(count: 3, values: [1, -0.1, 5]), method: .single) }
        #expect(throws: StatsError.self) { try HierarchicalClustering.linkage(DistanceMatrix(count: 3, values: [1, .infinity, 5]), method: .complete) }
        #expect(throws: StatsError.self) { try HierarchicalClustering.linkage(DistanceMatrix(count: 0, values: []), method: .complete) }
        #expect(throws: StatsError.self) { try HierarchicalClustering.ward(rows: Matrix(rows: 0, columns: 2, elements: [])) }
    }
}
