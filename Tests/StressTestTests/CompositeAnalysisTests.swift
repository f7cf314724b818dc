import Stats
import Testing
@testable import StressTest

@Suite("Uncertainty and Sobol' analyses of a portfolio's composite")
struct CompositeAnalysisTests {
    /// Six regions, one dimension of four indicators (so the index is the dimension).
    func flatPortfolio() throws -> Portfolio {
        let framework = Framework(dimensions: [.init(code: "D", name: "D")],
                                  indicators: (1...4).map { .init(id: "X\($0)", name: "X\($0)", dimension: "D") })
        let values: [[Double]] = [[3, 1, 2, 0.5], [1, 2, 3, 2], [2, 2, 2, 2], [0.5, 3, 1, 3.5], [2.5, 0.2, 3.8, 1], [1.5, 1.5, 0.5, 2.5]]
        return Portfolio(framework: framework, source: "test", year: nil, years: [], regions: (1...6).map { .init(id: "R\($0)") },
                         values: values, otherWaves: [:], previousYear: nil, variables: [], variableValues: values.map { _ in [] },
                         attributes: [], attributeValues: values.map { _ in [] })
    }

    @Test("One region's score with weights W_j ~ U(w_j (1 ± f)), not renormalised: S_j = S_Tj = (x_j w_j)² / Σ (x_k w_k)²")
    func linearScore() throws {
        let p = try flatPortfolio()
        let analysis = try CompositeAnalysis(p, perturbation: .uniform(fraction: 0.25, renormalised: false))
        let s = try analysis.sobol(target: .score(region: 0), fraction: 0.25, renormalised: false, byDimension: false, samples: 8192, seed: 7)
        let x = p.values[0], w = 0.25
        let total = x.reduce(0) { $0 + ($1 * w) * ($1 * w) }
        #expect(s.names == ["X1", "X2", "X3", "X4"])
        for j in 0..<4 {
            let expected = (x[j] * w) * (x[j] * w) / total
            #expect(abs(s.firstOrder[j] - expected) < 0.02, "S1 of X\(j + 1): \(s.firstOrder[j]) vs \(expected)")
            #expect(abs(s.totalOrder[j] - expected) < 0.02, "ST of X\(j + 1): \(s.totalOrder[j]) vs \(expected)")
        }
    }

    @Test("Grouping by dimension: one group per dimension with its own weight and its indicators' weights")
    func groups() throws {
        let p = try Portfolio.demo()
        let analysis = try CompositeAnalysis(p, perturbation: .uniform(fraction: 0.25, renormalised: true))
        let (names, groups) = analysis.sobolInputs(byDimension: true)
        #expect(names.count == 27)
        let g = try #require(groups)
        #expect(g.map(\.name) == p.framework.dimensions.map(\.code))
        #expect(g[0].columns.map { names[$0] } == ["I01", "I02", "I03", "DEV"])
        #expect(Set(g.flatMap(\.columns)).count == 27)
    }

    @Test("Uncertainty: no perturbation keeps every region at its nominal rank; the result does not depend on threads")
    func uncertainty() throws {
        let p = try Portfolio.demo()
        let still = try CompositeAnalysis(p, perturbation: .uniform(fraction: 0, renormalised: true)).uncertainty(samples: 500, seed: 3)
        #expect(still.medianRank == still.nominalRank)
        #expect(still.p05Rank == still.nominalRank && still.p95Rank == still.nominalRank)
        let analysis = try CompositeAnalysis(p, methods: [[.arithmetic], [.geometric]], normalisations: [nil, .minMax(lower: 0, upper: 100)],
                                             perturbation: .dirichlet(concentration: 50), shift: 1)
        let one = try analysis.uncertainty(samples: 3000, seed: 11, threads: 1)
        let two = try analysis.uncertainty(samples: 3000, seed: 11, threads: 2)
        #expect(one == two)
        for r in p.regions.indices {
            #expect(one.p05Rank[r] <= one.medianRank[r] && one.medianRank[r] <= one.p95Rank[r])
            #expect(one.rankCounts.ranked(r) + one.unranked[r] == 3000)
        }
        // The nominal ranks are the composite's.
        #expect(one.nominalRank == (try CompositeIndicator(p)).ranks(of: "Index")!)
    }

    @Test("Mean absolute rank shift is 0 without perturbation, so its variance is 0 and the indices undefined")
    func rankShiftTarget() throws {
        let p = try flatPortfolio()
        let analysis = try CompositeAnalysis(p, perturbation: .uniform(fraction: 0.3, renormalised: true))
        let s = try analysis.sobol(target: .meanRankShift, fraction: 0.3, renormalised: true, byDimension: false, samples: 256, seed: 1, resamples: 100)
        #expect(s.firstOrder.count == 4)
        #expect(s.totalOrder.allSatisfy { $0 >= -0.05 })
        let rank = try analysis.sobol(target: .rank(region: 2), fraction: 0, renormalised: true, byDimension: false, samples: 64, seed: 1, resamples: 10)
        #expect(rank.variance == 0)
    }
}
