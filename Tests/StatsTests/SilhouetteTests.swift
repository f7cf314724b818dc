import Foundation
import Testing
@testable import Stats

@Suite("Silhouette: widths as R cluster::silhouette")
struct SilhouetteTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var n: Int
            var method: String
            var distances: [Double]
            var clusters: [Int]
            var widths: [Double]
            var neighbours: [Int]
            var labels: [Int]
            var clusterMeans: [Double]
            var mean: Double
        }
        var r: String
        var cluster: String
        var cases: [Case]

        static func load() throws -> Reference { try fixture("Silhouette_reference", as: Reference.self) }
    }

    /// The silhouette straight from its definition, over the full matrix. O(n²).
    static func direct(_ d: DistanceMatrix, _ clusters: [Int]) -> (widths: [Double], neighbours: [Int]) {
        let labels = Array(Set(clusters)).sorted()
        var widths: [Double] = [], neighbours: [Int] = []
        for i in 0..<d.count {
            var sums = [Int: Double](), counts = [Int: Int]()
            for j in 0..<d.count where j != i {
                sums[clusters[j], default: 0] += d[i, j]
                counts[clusters[j], default: 0] += 1
            }
            var b = Double.infinity, neighbour = 0
            for label in labels where label != clusters[i] {
                let mean = sums[label]! / Double(counts[label]!)
                if mean < b { b = mean; neighbour = label }
            }
            neighbours.append(neighbour)
            guard let own = counts[clusters[i]] else { widths.append(0); continue }
            let a = sums[clusters[i]]! / Double(own)
            widths.append(a == b ? 0 : (b - a) / max(a, b))
        }
        return (widths, neighbours)
    }

    static func euclidean(_ n: Int, columns: Int, seed: UInt64) throws -> DistanceMatrix {
        var g = SplitMix64(seed: seed)
        let x = Matrix(rows: n, columns: columns, elements: (0..<(n * columns)).map { _ in g.unit() })
        return try DistanceMatrix.between(rows: x)
    }

    @Test("Widths, neighbours and means equal R cluster::silhouette (1e-12), singletons included")
    func matchesR() throws {
        let reference = try Reference.load()
        #expect(reference.cases.count == 6)
        var singletons = 0
        for (index, item) in reference.cases.enumerated() {
            let d = DistanceMatrix(count: item.n, values: item.distances)
            let s = try Silhouette.widths(d, clusters: item.clusters)
            #expect(isClose(s.widths, item.widths, tolerance: 1e-12), "case \(index) (\(item.method))")
            #expect(s.neighbours == item.neighbours, "case \(index)")
            #expect(s.labels == item.labels, "case \(index)")
            #expect(isClose(s.clusterMeans, item.clusterMeans, tolerance: 1e-12), "case \(index)")
            #expect(isClose(s.mean, item.mean, tolerance: 1e-12), "case \(index)")
            for label in item.labels where item.clusters.filter({ $0 == label }).count == 1 {
                singletons += 1
                #expect(s.widths[item.clusters.firstIndex(of: label)!] == 0)
            }
        }
        #expect(singletons >= 3)
    }

    @Test("Large inputs (blocked, parallel) equal the direct computation on any number of threads")
    func direct() throws {
        let n = 2100
        #expect(n >= Silhouette.parallelThreshold)
        let d = try SilhouetteTests.euclidean(n, columns: 3, seed: 5)
        var g = SplitMix64(seed: 9)
        let clusters = (0..<n).map { _ in [4, -1, 17][g.int(0...2)] }
        let one = try Silhouette.widths(d, clusters: clusters, threads: 1)
        let two = try Silhouette.widths(d, clusters: clusters, threads: 2)
        let public_ = try Silhouette.widths(d, clusters: clusters)
        #expect(one.widths == two.widths && one.widths == public_.widths)
        #expect(one.neighbours == two.neighbours)
        let expected = SilhouetteTests.direct(d, clusters)
        #expect(isClose(one.widths, expected.widths, tolerance: 1e-12))
        #expect(one.neighbours == expected.neighbours)
        #expect(one.labels == [-1, 4, 17])
        #expect(isClose(one.mean, one.widths.reduce(0, +) / Double(n), tolerance: 1e-14))

        let small = try SilhouetteTests.euclidean(50, columns: 2, seed: 6)
        let labels = (0..<50).map { $0 == 7 ? 99 : $0 % 3 }
        let s = try Silhouette.widths(small, clusters: labels)
        let reference = SilhouetteTests.direct(small, labels)
        #expect(isClose(s.widths, reference.widths, tolerance: 1e-12))
        #expect(s.neighbours == reference.neighbours)
        #expect(s.widths[7] == 0)
    }

    @Test("Bad input throws: lengths, label counts, a missing distance named by its pair")
    func errors() throws {
        let d = try SilhouetteTests.euclidean(5, columns: 2, seed: 1)
        #expect(throws: StatsError.self) { try Silhouette.widths(d, clusters: [0, 1, 0, 1]) }
        for clusters in [[3, 3, 3, 3, 3], [0, 1, 2, 3, 4]] {
            #expect { try Silhouette.widths(d, clusters: clusters) } throws: { error in
                guard case StatsError.invalidParameter(let name, _, _) = error else { return false }
                return name == "clusters"
            }
        }
        #expect(try Silhouette.widths(d, clusters: [0, 1, 2, 3, 3]).widths.count == 5)
        var missing = d
        missing.values[missing.index(1, 3)] = .nan
        #expect { try Silhouette.widths(missing, clusters: [0, 0, 1, 1, 1]) } throws: { error in
            guard case StatsError.invalidParameter(let name, let value, _) = error else { return false }
            return name == "distances" && value == "missing (NaN) between items 2 and 4"
        }
        missing.values[missing.index(1, 3)] = .infinity
        #expect { try Silhouette.widths(missing, clusters: [0, 0, 1, 1, 1]) } throws: { error in
            guard case StatsError.invalidParameter(let name, let value, _) = error else { return false }
            return name == "distances" && value == "inf between items 2 and 4"
        }
        for index in 0..<10 {
            let (i, j) = Silhouette.pair(index, count: 5)
            #expect(d.index(i, j) == index)
        }
    }
}
