import Testing
@testable import Stats

/// Brute force: every sample redrawn from the engine's own streams (block generators, the
/// sampler, the alternative picks), its index computed directly with `Aggregation.aggregate` for
/// the drawn weights (or `scores(weights:)` when the scales are not 1), ranked with `ranks`, and
/// every sample's ranks stored.
private func bruteForceRanks(_ analysis: UncertaintyAnalysis, samples: Int, seed: UInt64, direct: Bool = true) throws -> [[Double]] {
    var result = [[Double]]()
    let blocks = (samples + UncertaintyAnalysis.blockSize - 1) / UncertaintyAnalysis.blockSize
    for block in 0..<blocks {
        var g = UncertaintyAnalysis.generator(seed: seed, block: block)
        let count = min(UncertaintyAnalysis.blockSize, samples - block * UncertaintyAnalysis.blockSize)
        for _ in 0..<count {
            let draw = analysis.sampler.draw(using: &g)
            let a = analysis.data.count > 1 ? UncertaintyAnalysis.pick(analysis.data.count, using: &g) : 0
            let m = analysis.methods.count > 1 ? UncertaintyAnalysis.pick(analysis.methods.count, using: &g) : 0
            let scores: [Double]
            if direct {
                var structure = analysis.structure
                for k in structure.levels.indices {
                    structure = try structure.replacingWeights(ofLevel: k + 1, with: draw.weights[k])
                }
                let all = try Aggregation.aggregate(analysis.data[a], structure: structure, methods: analysis.methods[m],
                                                    threshold: analysis.threshold, shift: analysis.shift)
                scores = all[structure.levels.count][0]
            } else {
                scores = try analysis.scores(weights: draw, dataAlternative: a, methodAlternative: m)
            }
            result.append(ranks(scores, ties: .min, descending: true))
        }
    }
    return result
}

/// `count` units x `indicators` columns of uniform values in (lower, lower + 1), seeded.
private func randomData(units: Int, indicators: Int, seed: UInt64, lower: Double = 0) -> [[Double]] {
    var g = SplitMix64(seed: seed)
    return (0..<indicators).map { _ in (0..<units).map { _ in lower + g.openUnit() } }
}

/// Compares the engine's result with the stored ranks of the brute force.
private func expectMatches(_ result: UncertaintyResult, _ stored: [[Double]], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let n = result.rankCounts.units
    var mismatches = Mismatches()
    for u in 0..<n {
        let column = stored.map { $0[u] }
        let present = column.filter { !$0.isNaN }
        mismatches.check(result.unranked[u] == column.count - present.count,
                         "unit \(u): unranked \(result.unranked[u]) vs \(column.count - present.count)")
        for r in 1...n {
            let expected = present.filter { $0 == Double(r) }.count
            mismatches.check(result.rankCounts.frequencies(of: u)[u * n + r - 1] == expected,
                             "unit \(u) rank \(r): \(result.rankCounts.frequencies(of: u)[u * n + r - 1]) vs \(expected)")
        }
        let q = try quantiles(column, [0.05, 0.5, 0.95])
        mismatches.check(result.p05Rank[u].isNaN ? q.values[0].isNaN : result.p05Rank[u] == q.values[0],
                         "unit \(u) p05 \(result.p05Rank[u]) vs \(q.values[0])")
        mismatches.check(result.medianRank[u].isNaN ? q.values[1].isNaN : result.medianRank[u] == q.values[1],
                         "unit \(u) median \(result.medianRank[u]) vs \(q.values[1])")
        mismatches.check(result.p95Rank[u].isNaN ? q.values[2].isNaN : result.p95Rank[u] == q.values[2],
                         "unit \(u) p95 \(result.p95Rank[u]) vs \(q.values[2])")
        let mean = present.isEmpty ? Double.nan : present.reduce(0, +) / Double(present.count)
        mismatches.check(isClose(result.meanRank[u], mean, tolerance: 1e-12), "unit \(u) mean \(result.meanRank[u]) vs \(mean)")
        // Other probabilities and types, exactly as `quantiles` on the stored ranks.
        let probabilities = [0, 0.1, 0.25, 0.333, 0.75, 0.9, 0.99, 1]
        for type in QuantileType.allCases {
            let fromCounts = try result.rankCounts.rankQuantiles(of: u, probabilities, type: type)
            let reference = try quantiles(column, probabilities, type: type).values
            for (x, y) in zip(fromCounts, reference) {
                mismatches.check(x == y || (x.isNaN && y.isNaN), "unit \(u) \(type): \(x) vs \(y)")
            }
        }
    }
    mismatches.report("rank statistics", sourceLocation: sourceLocation)
}

@Suite("Monte Carlo uncertainty analysis of ranks")
struct UncertaintyAnalysisTests {
    /// A flat composite of 5 indicators over 8 units, the last a copy of the first (a permanent tie).
    static func flatPortfolio() throws -> (CompositeStructure, [[Double]]) {
        var data = randomData(units: 7, indicators: 5, seed: 11)
        for j in data.indices { data[j].append(data[j][0]) }
        return (try CompositeStructure.flat(indicators: ["a", "b", "c", "d", "e"], weights: [1, 2, 1, 1, 3]), data)
    }

    /// Two levels: 6 indicators in 3 pillars (weights 1, 2, 1), one index; missing values, one
    /// unit with too few indicators for its pillars.
    static func hierarchicalPortfolio() throws -> (CompositeStructure, [[Double]]) {
        let structure = try CompositeStructure(
            indicators: ["i1", "i2", "i3", "i4", "i5", "i6"],
            levels: [
                [.init(code: "P1", children: [0, 1], weights: [1, 1]),
                 .init(code: "P2", children: [2, 3, 4], weights: [2, 1, 1]),
                 .init(code: "P3", children: [5])],
                [.init(code: "Index", children: [0, 1, 2], weights: [1, 2, 1])],
            ])
        var data = randomData(units: 9, indicators: 6, seed: 12, lower: 0.5)
        data[0][2] = .nan  // unit 2: i1 missing, P1 present only at share 1/2 < 2/3 -> P1 missing
        data[3][4] = .nan  // unit 4: i4 missing, P2 keeps 3/4 of its weight
        data[5][6] = .nan  // unit 6: P3 missing -> the index keeps 3/4
        for j in 0..<6 { data[j][7] = .nan }  // unit 7: nothing -> the index missing
        return (structure, data)
    }

    @Test("flat portfolio: counts, percentiles and means equal the brute force over stored ranks")
    func flatBruteForce() throws {
        let (structure, data) = try Self.flatPortfolio()
        let analysis = try UncertaintyAnalysis(structure: structure, data: [data], perturbation: .uniform(fraction: 0.4, renormalised: true))
        let samples = 2 * UncertaintyAnalysis.blockSize + 357
        let result = try analysis.run(samples: samples, seed: 42, threads: 2)
        let stored = try bruteForceRanks(analysis, samples: samples, seed: 42)
        try expectMatches(result, stored)
        // The copy of unit 0 ties with it in every sample.
        #expect(result.rankCounts.frequencies(of: 0).elementsEqual(result.rankCounts.frequencies(of: 7)))
        // Some rank actually varies, so the comparison is not trivial.
        #expect(result.p05Rank.indices.contains { result.p05Rank[$0] != result.p95Rank[$0] })
    }

    @Test("two levels with missing values, two data and two method alternatives: ranks as Aggregation.aggregate")
    func hierarchicalBruteForce() throws {
        let (structure, data) = try Self.hierarchicalPortfolio()
        let second = data.map { column in column.map { $0 * $0 + 0.1 } }
        for perturbation in [WeightPerturbation.dirichlet(concentration: 20), .uniform(fraction: 0.5, renormalised: true), .simplex] {
            let analysis = try UncertaintyAnalysis(
                structure: structure, data: [data, second], methods: [[.arithmetic], [.geometric, .arithmetic]],
                perturbation: perturbation)
            let samples = UncertaintyAnalysis.blockSize + 100
            let result = try analysis.run(samples: samples, seed: 7, threads: 2)
            try expectMatches(result, try bruteForceRanks(analysis, samples: samples, seed: 7))
            #expect(result.unranked[7] == samples)
            #expect(result.nominalRank[7].isNaN)
            // Units 2 and 6 lose their index whenever the drawn weights put their missing pillar's share above 1/3.
            #expect(result.unranked[2] > 0 && result.unranked[2] < samples)
        }
    }

    @Test("uniform not renormalised on two levels: the scaled aggregates, with and without dgemm")
    func notRenormalisedHierarchy() throws {
        let (structure, data) = try Self.hierarchicalPortfolio()
        let complete = data.map { column in column.map { $0.isNaN ? 0.75 : $0 } }
        let analysis = try UncertaintyAnalysis(structure: structure, data: [complete, data],
                                               perturbation: .uniform(fraction: 0.6, renormalised: false))
        let samples = 1500
        let result = try analysis.run(samples: samples, seed: 3, threads: 2)
        try expectMatches(result, try bruteForceRanks(analysis, samples: samples, seed: 3, direct: false))
        // The scale matters here: ranks differ from the renormalised analysis.
        let renormalised = try UncertaintyAnalysis(structure: structure, data: [complete, data],
                                                   perturbation: .uniform(fraction: 0.6, renormalised: true)).run(samples: samples, seed: 3)
        #expect(renormalised.rankCounts != result.rankCounts)
    }

    @Test("complete data, two levels, uniform and renormalised, only some levels uncertain: the windowed ranks equal the brute force")
    func windowedRanksOnTwoLevels() throws {
        let (structure, data) = try Self.hierarchicalPortfolio()
        let complete = data.map { column in column.map { $0.isNaN ? 0.75 : $0 } }
        for levels in [[1, 2], [1], [2]] {
            for f in [0.1, 0.5] {
                let analysis = try UncertaintyAnalysis(structure: structure, data: [complete],
                                                       perturbation: .uniform(fraction: f, renormalised: true), uncertainLevels: levels)
                let samples = 1200
                let result = try analysis.run(samples: samples, seed: 5, threads: 2)
                try expectMatches(result, try bruteForceRanks(analysis, samples: samples, seed: 5, direct: false))
            }
        }
    }

    @Test("windows: a unit before a window always scores more, after it less, for every draw")
    func windowsAreSafe() throws {
        let (structure, data) = try Self.flatPortfolio()
        let flat = FlatComposite(structure)
        let sampler = try WeightSampler(structure: structure, perturbation: .uniform(fraction: 0.4, renormalised: true))
        let analysis = try UncertaintyAnalysis(structure: structure, data: [data], perturbation: .uniform(fraction: 0.4, renormalised: true))
        let nominal = try analysis.scores(weights: sampler.nominal)
        let windows = try #require(RankWindows(flat: flat, uncertainLevels: [1], perturbation: sampler.perturbation, data: data, nominalScores: nominal))
        #expect(windows.lower.enumerated().allSatisfy { Int($0.element) <= $0.offset })
        #expect(windows.upper.enumerated().allSatisfy { Int($0.element) >= $0.offset })
        #expect(windows.lower.contains { $0 > 0 }, "some pairs are fixed, so the check below is not empty")
        var generator = SplitMix64(seed: 9)
        for _ in 0..<2000 {
            let s = try analysis.scores(weights: sampler.draw(using: &generator))
            for k in windows.order.indices {
                let unit = Int(windows.order[k])
                for j in 0..<Int(windows.lower[k]) { #expect(s[Int(windows.order[j])] > s[unit]) }
                for j in (Int(windows.upper[k]) + 1)..<windows.order.count { #expect(s[Int(windows.order[j])] < s[unit]) }
            }
        }
        #expect(RankWindows(flat: flat, uncertainLevels: [1], perturbation: .simplex, data: data, nominalScores: nominal) == nil)
    }

    @Test("the same result for 1, 2 and 4 threads")
    func threadsDoNotMatter() throws {
        let (structure, data) = try Self.hierarchicalPortfolio()
        let complete = data.map { column in column.map { $0.isNaN ? 0.6 : $0 } }
        let analysis = try UncertaintyAnalysis(
            structure: structure, data: [complete, data], methods: [[.arithmetic], [.harmonic]],
            perturbation: .uniform(fraction: 0.3, renormalised: false))
        let samples = 5 * UncertaintyAnalysis.blockSize + 17
        let one = try analysis.run(samples: samples, seed: 99, threads: 1)
        for threads in [2, 4] {
            let other = try analysis.run(samples: samples, seed: 99, threads: threads)
            #expect(other == one, "\(threads) threads")
        }
        #expect(try analysis.run(samples: samples, seed: 100, threads: 1) != one)
    }

    @Test("bounds: p05 ≤ median ≤ p95, mean within [1, n], frequencies sum to the samples")
    func bounds() throws {
        let data = randomData(units: 40, indicators: 6, seed: 5)
        let structure = try CompositeStructure.flat(indicators: (1...6).map { "x\($0)" })
        let samples = 3000
        let result = try UncertaintyAnalysis(structure: structure, data: [data], perturbation: .simplex).run(samples: samples, seed: 1)
        for u in 0..<40 {
            #expect(result.p05Rank[u] <= result.medianRank[u] && result.medianRank[u] <= result.p95Rank[u])
            #expect(result.meanRank[u] >= 1 && result.meanRank[u] <= 40)
            #expect(result.rankCounts.frequencies(of: u).reduce(0, +) + result.unranked[u] == samples)
            #expect(result.sdScore[u] > 0)
        }
        // Each rank is taken by exactly one unit in each sample when there are no ties.
        for r in 0..<40 {
            #expect((0..<40).map { result.rankCounts.counts[$0 * 40 + r] }.reduce(0, +) == samples)
        }
    }

    @Test("f = 0: every sample has the nominal ranks and scores")
    func zeroPerturbation() throws {
        let (structure, data) = try Self.hierarchicalPortfolio()
        let complete = data.map { column in column.map { $0.isNaN ? 0.9 : $0 } }
        for d in [complete, data] {
            let samples = 2100
            let result = try UncertaintyAnalysis(structure: structure, data: [d], perturbation: .uniform(fraction: 0, renormalised: false))
                .run(samples: samples, seed: 8)
            let n = result.rankCounts.units
            for u in 0..<n {
                if result.nominalRank[u].isNaN {
                    #expect(result.unranked[u] == samples)
                } else {
                    #expect(result.rankCounts.counts[u * n + Int(result.nominalRank[u]) - 1] == samples)
                    #expect(result.medianRank[u] == result.nominalRank[u] && result.p05Rank[u] == result.nominalRank[u])
                    #expect(isClose(result.meanScore[u], result.nominalScore[u], tolerance: 1e-12))
                    #expect(result.sdScore[u] < 1e-7)
                }
            }
        }
    }

    @Test("a region better on every indicator always ranks 1")
    func dominantRegion() throws {
        var data = randomData(units: 12, indicators: 4, seed: 21)
        for j in data.indices { data[j][5] = 2 }
        let structure = try CompositeStructure.flat(indicators: ["a", "b", "c", "d"])
        for perturbation in [WeightPerturbation.simplex, .uniform(fraction: 1, renormalised: false), .dirichlet(concentration: 1)] {
            let result = try UncertaintyAnalysis(structure: structure, data: [data], perturbation: perturbation).run(samples: 2000, seed: 2)
            #expect(result.rankCounts.counts[5 * 12] == 2000, "\(perturbation)")
            #expect(result.p95Rank[5] == 1)
        }
    }

    @Test("one region, weights not renormalised: the score is the weighted sum Σ W_j x_j, its variance f²/3 Σ (x_j w_j)²")
    func weightedSumDefinition() throws {
        let x = [0.9, 0.2, 0.5, 0.7]
        let w = [0.1, 0.4, 0.3, 0.2]
        let f = 0.5
        let structure = try CompositeStructure.flat(indicators: ["a", "b", "c", "d"], weights: w)
        let columns: [[Double]] = x.map { [$0] }
        let analysis = try UncertaintyAnalysis(structure: structure, data: [columns],
                                               perturbation: .uniform(fraction: f, renormalised: false))
        var g = SplitMix64(seed: 4)
        for _ in 0..<100 {
            let draw = analysis.sampler.draw(using: &g)
            let sum = zip(draw.weights[0][0], x).map { $0 * $1 }.reduce(0, +)
            #expect(isClose(try analysis.scores(weights: draw)[0], sum, tolerance: 1e-14))
        }
        // The streamed variance against Σ (x_j w_j)² f² / 3 (the first-order shares S_j sum to 1).
        let samples = 200_000
        let result = try analysis.run(samples: samples, seed: 5)
        let variance = zip(x, w).map { ($0 * $1) * ($0 * $1) }.reduce(0, +) * f * f / 3
        let nominal = zip(x, w).map { $0 * $1 }.reduce(0, +)
        #expect(isClose(result.nominalScore[0], nominal, tolerance: 1e-14))
        // The sample variance of a sum of uniforms: relative standard error about sqrt(0.8 / samples).
        let relativeError: Double = result.sdScore[0] * result.sdScore[0] / variance - 1
        let allowed: Double = 5 * (0.8 / Double(samples)).squareRoot()
        #expect(abs(relativeError) < allowed)
        #expect(abs(result.meanScore[0] - nominal) < 5 * (variance / Double(samples)).squareRoot())
        #expect(result.rankCounts.counts == [samples])
    }

    @Test("streamed score mean and sd equal the brute force")
    func scoreMoments() throws {
        let (structure, data) = try Self.hierarchicalPortfolio()
        let analysis = try UncertaintyAnalysis(structure: structure, data: [data], perturbation: .dirichlet(concentration: 10))
        let samples = 1100
        let result = try analysis.run(samples: samples, seed: 13, threads: 3)
        var g = UncertaintyAnalysis.generator(seed: 13, block: 0)
        var all = [[Double]]()
        for s in 0..<samples {
            if s == UncertaintyAnalysis.blockSize { g = UncertaintyAnalysis.generator(seed: 13, block: 1) }
            all.append(try analysis.scores(weights: analysis.sampler.draw(using: &g)))
        }
        for u in 0..<result.rankCounts.units where u != 7 {
            let scores = all.map { $0[u] }.filter { !$0.isNaN }  // units 2 and 6 miss their index in some samples
            #expect(scores.count == samples - result.unranked[u])
            #expect(isClose(result.meanScore[u], Moments.mean(scores), tolerance: 1e-12))
            #expect(isClose(result.sdScore[u], Moments.variance(scores, mean: Moments.mean(scores)).squareRoot(), tolerance: 1e-8))
        }
        #expect(result.meanScore[7].isNaN && result.sdScore[7].isNaN)
    }

    @Test("bad input throws what and where")
    func badInput() throws {
        let (structure, data) = try Self.flatPortfolio()
        let analysis = try UncertaintyAnalysis(structure: structure, data: [data], perturbation: .simplex)
        #expect(throws: StatsError.self) { try analysis.run(samples: 0, seed: 1) }
        #expect(throws: StatsError.self) { try analysis.run(samples: 10, seed: 1, threads: 0) }
        #expect(throws: StatsError.self) {
            try UncertaintyAnalysis(structure: structure, data: [data], perturbation: .uniform(fraction: 1.5, renormalised: true))
        }
        #expect(throws: StatsError.self) {
            try UncertaintyAnalysis(structure: structure, data: [data], perturbation: .simplex, uncertainLevels: [2])
        }
        #expect(throws: StatsError.self) { try UncertaintyAnalysis(structure: structure, data: [], perturbation: .simplex) }
        var infinite = data
        infinite[2][3] = .infinity
        #expect(throws: StatsError.self) { try UncertaintyAnalysis(structure: structure, data: [infinite], perturbation: .simplex) }
        var short = data
        short[1].removeLast()
        #expect(throws: StatsError.self) { try UncertaintyAnalysis(structure: structure, data: [data, short], perturbation: .simplex) }
        var zero = data
        zero[4][2] = 0
        let geometric = try UncertaintyAnalysis(structure: structure, data: [data, zero], methods: [[.geometric]], perturbation: .simplex)
        #expect(throws: StatsError.aggregationDomain(unit: 2, member: "e", value: 0, method: "geometric", allowed: "values above 0")) {
            try geometric.run(samples: 500, seed: 1)
        }
    }
}
