import Foundation
import Testing
@testable import Stats

@Suite("KMeans: Lloyd's algorithm as R, k-means++ restarts, fixed points")
struct KMeansTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var maxIterations: Int
            var x: [[Double]]
            var start: [[Double]]
            var cluster: [Int]
            var centers: [[Double]]
            var withinss: [Double]
            var totWithinss: Double
            var iter: Int
        }
        var r: String
        var cases: [Case]

        static func load() throws -> Reference { try fixture("KMeans_reference", as: Reference.self) }
    }

    /// Random rows around `blobs` well-separated centres; returns the data and each row's blob.
    static func blobs(_ count: Int, columns: Int, blobs: Int, spread: Double, seed: UInt64) -> (Matrix, [Int]) {
        var g = SplitMix64(seed: seed)
        let centres = (0..<blobs).map { _ in (0..<columns).map { _ in (g.unit() - 0.5) * 100 } }
        var elements: [Double] = [], truth: [Int] = []
        for _ in 0..<count {
            let b = g.int(0...(blobs - 1))
            truth.append(b)
            elements += centres[b].map { $0 + (g.unit() - 0.5) * spread }
        }
        return (Matrix(rows: count, columns: columns, elements: elements), truth)
    }

    static func random(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var g = SplitMix64(seed: seed)
        return Matrix(rows: rows, columns: columns, elements: (0..<(rows * columns)).map { _ in g.unit() * 10 })
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    /// Every row is nearest to its own centre, every centre is its members' mean, and sizes, sums
    /// of squares and objective agree with the clusters.
    static func expectFixedPoint(_ result: KMeansResult, _ data: Matrix, sourceLocation: SourceLocation = #_sourceLocation) {
        let k = result.centers.rows
        var mismatches = Mismatches()
        var sizes = [Int](repeating: 0, count: k)
        var sums = [[Double]](repeating: [Double](repeating: 0, count: data.columns), count: k)
        var within = [Double](repeating: 0, count: k)
        for i in 0..<data.rows {
            let row = data.row(i), own = result.clusters[i]
            sizes[own] += 1
            for c in 0..<data.columns { sums[own][c] += row[c] }
            let d = squaredDistance(row, result.centers.row(own))
            within[own] += d
            for j in 0..<k where j != own {
                let other = squaredDistance(row, result.centers.row(j))
                mismatches.check(d <= other, "row \(i + 1) is in cluster \(own) at \(d) but \(other) from centre \(j)")
            }
        }
        for j in 0..<k {
            for c in 0..<data.columns {
                let mean = sums[j][c] / Double(sizes[j])
                mismatches.check(isClose(result.centers[j, c], mean, tolerance: 1e-12),
                                 "centre \(j), column \(c): \(result.centers[j, c]) vs mean \(mean)")
            }
        }
        mismatches.report("fixed-point conditions", sourceLocation: sourceLocation)
        #expect(result.sizes == sizes, sourceLocation: sourceLocation)
        #expect(sizes.allSatisfy { $0 > 0 }, sourceLocation: sourceLocation)
        #expect(isClose(result.withinSumOfSquares, within, tolerance: 1e-10), sourceLocation: sourceLocation)
        #expect(isClose(result.objective, within.reduce(0, +), tolerance: 1e-10), sourceLocation: sourceLocation)
    }

    static func expectSame(_ a: KMeansResult, _ b: KMeansResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.clusters == b.clusters, sourceLocation: sourceLocation)
        #expect(a.centers == b.centers, sourceLocation: sourceLocation)
        #expect(a.sizes == b.sizes, sourceLocation: sourceLocation)
        #expect(a.withinSumOfSquares == b.withinSumOfSquares, sourceLocation: sourceLocation)
        #expect(a.objective == b.objective, sourceLocation: sourceLocation)
        #expect(a.restartObjectives == b.restartObjectives, sourceLocation: sourceLocation)
        #expect(a.bestRestart == b.bestRestart, sourceLocation: sourceLocation)
        #expect(a.iterations == b.iterations, sourceLocation: sourceLocation)
        #expect(a.converged == b.converged, sourceLocation: sourceLocation)
    }

    @Test("Lloyd from given centres equals R kmeans(x, centers = C, algorithm = \"Lloyd\")")
    func matchesR() throws {
        let reference = try Reference.load()
        #expect(reference.cases.count == 7)
        for (index, item) in reference.cases.enumerated() {
            let result = try KMeans.lloyd(rows: Matrix(item.x), centers: Matrix(item.start),
                                          maxIterations: item.maxIterations)
            #expect(result.clusters == item.cluster, "case \(index)")
            #expect(isClose(result.centers.elements, try Matrix(item.centers).elements, tolerance: 1e-12), "case \(index)")
            #expect(isClose(result.withinSumOfSquares, item.withinss, tolerance: 1e-10), "case \(index)")
            #expect(isClose(result.objective, item.totWithinss, tolerance: 1e-10), "case \(index)")
            // R counts the pass that changed nothing; when it stops at iter.max it reports iter.max + 1.
            if result.converged {
                #expect(result.iterations == item.iter, "case \(index)")
                KMeansTests.expectFixedPoint(result, try Matrix(item.x))
            } else {
                #expect(result.iterations == item.maxIterations && item.iter == item.maxIterations + 1, "case \(index)")
            }
        }
        #expect(reference.cases.last.map { $0.iter > $0.maxIterations } == true, "one case stops before converging")
    }

    @Test("The same seed gives the same result on 1, 2 or 3 threads; another seed other starts")
    func reproducible() throws {
        let data = KMeansTests.random(300, 4, seed: 7)
        let one = try KMeans.fit(rows: data, k: 5, restarts: 7, seed: 42, maxIterations: 100, threads: 1)
        let two = try KMeans.fit(rows: data, k: 5, restarts: 7, seed: 42, maxIterations: 100, threads: 2)
        let three = try KMeans.fit(rows: data, k: 5, restarts: 7, seed: 42, maxIterations: 100, threads: 3)
        let again = try KMeans.fit(rows: data, k: 5, restarts: 7, seed: 42)
        KMeansTests.expectSame(one, two)
        KMeansTests.expectSame(one, three)
        KMeansTests.expectSame(one, again)
        let other = try KMeans.fit(rows: data, k: 5, restarts: 7, seed: 43)
        #expect(other.restartObjectives != one.restartObjectives)
        // Restarts differ from each other (their own streams), so the best of them is chosen.
        #expect(Set(one.restartObjectives).count > 1)
    }

    @Test("The objective is the lowest restart's, the first of equals, and the result a fixed point")
    func bestRestart() throws {
        for seed: UInt64 in [1, 2, 3] {
            let data = KMeansTests.random(200, 3, seed: seed)
            let result = try KMeans.fit(rows: data, k: 6, restarts: 10, seed: seed)
            #expect(result.restartObjectives.count == 10)
            #expect(result.objective == result.restartObjectives.min())
            #expect(result.bestRestart == result.restartObjectives.firstIndex(of: result.objective))
            #expect(result.converged)
            #expect(result.iterations >= 1)
            KMeansTests.expectFixedPoint(result, data)
            // Clusters are numbered by their first row.
            var seen: [Int] = []
            for c in result.clusters where !seen.contains(c) { seen.append(c) }
            #expect(seen == Array(0..<6))
        }
    }

    @Test("Well-separated blobs are recovered exactly")
    func blobs() throws {
        let (data, truth) = KMeansTests.blobs(400, columns: 3, blobs: 5, spread: 2, seed: 11)
        let result = try KMeans.fit(rows: data, k: 5, restarts: 10, seed: 3)
        // The truth numbered by first row, as the result is.
        var label: [Int: Int] = [:]
        let expected = truth.map { b -> Int in
            if let l = label[b] { return l }
            label[b] = label.count
            return label[b]!
        }
        #expect(result.clusters == expected)
        #expect(result.converged)
        KMeansTests.expectFixedPoint(result, data)
    }

    @Test("k = 1 is the mean; k = the number of distinct rows puts each distinct row alone")
    func extremes() throws {
        let data = try Matrix([[1, 2], [3, 4], [5, 9], [3, 4]])
        let one = try KMeans.fit(rows: data, k: 1)
        #expect(one.clusters == [0, 0, 0, 0])
        #expect(one.centers.elements == [3, 4.75])
        let total: Double = 8 + 7.5625 + 2 * 0.5625 + 18.0625  // (x - 3)² + (y - 4.75)² summed
        #expect(isClose(one.objective, total, tolerance: 1e-14))
        let three = try KMeans.fit(rows: data, k: 3, restarts: 3)
        #expect(three.clusters == [0, 1, 2, 1])
        #expect(three.objective == 0)
    }

    @Test("An empty cluster takes the row farthest from its centre")
    func emptyCluster() throws {
        let data = try Matrix([[0], [1], [2], [10], [11], [12]])
        let result = try KMeans.lloyd(rows: data, centers: try Matrix([[0], [100], [11]]), maxIterations: 100)
        #expect(result.clusters == [0, 0, 1, 2, 2, 2])
        #expect(result.centers.elements == [0.5, 2, 11])
        #expect(result.converged)
        KMeansTests.expectFixedPoint(result, data)
    }

    @Test("Bad input throws, naming the cell or parameter")
    func errors() throws {
        let data = KMeansTests.random(10, 3, seed: 1)
        var elements = data.elements
        elements[2 * 3 + 1] = .nan
        #expect {
            try KMeans.fit(rows: Matrix(rows: 10, columns: 3, elements: elements), k: 2)
        } throws: { error in
            guard case StatsError.invalidCell(let row, let column, let value, let allowed) = error else { return false }
            return row == 2 && column == 1 && value.isNaN && allowed.contains("impute")
                && (error as! StatsError).description.hasPrefix("the cell in row 3, column 2 is missing")
        }
        elements[2 * 3 + 1] = .infinity
        #expect(throws: StatsError.self) { try KMeans.fit(rows: Matrix(rows: 10, columns: 3, elements: elements), k: 2) }
        for k in [0, 11] {
            #expect { try KMeans.fit(rows: data, k: k) } throws: { error in
                guard case StatsError.invalidParameter(let name, _, _) = error else { return false }
                return name == "k"
            }
        }
        // Three distinct rows only.
        let repeated = try Matrix([[1, 1], [2, 2], [1, 1], [3, 3], [2, 2]])
        #expect(try KMeans.fit(rows: repeated, k: 3).objective == 0)
        #expect { try KMeans.fit(rows: repeated, k: 4) } throws: { error in
            guard case StatsError.invalidParameter(_, _, let allowed) = error else { return false }
            return allowed.contains("3 distinct")
        }
        #expect(throws: StatsError.invalidParameter(name: "rows", value: "0", allowed: "k-means needs at least 1 row")) {
            try KMeans.fit(rows: Matrix(rows: 0, columns: 3, elements: []), k: 1)
        }
        #expect(throws: StatsError.invalidParameter(name: "restarts", value: "0", allowed: "k-means needs at least 1 restart")) {
            try KMeans.fit(rows: data, k: 2, restarts: 0)
        }
        #expect(throws: StatsError.invalidParameter(name: "maxIterations", value: "0", allowed: "k-means needs at least 1 iteration")) {
            try KMeans.fit(rows: data, k: 2, maxIterations: 0)
        }
    }
}
