import Testing
@testable import Stats

@Suite("Weight perturbations for the uncertainty analysis")
struct WeightSamplerTests {
    static func twoLevels() throws -> CompositeStructure {
        try CompositeStructure(
            indicators: ["a", "b", "c", "d", "e"],
            levels: [
                [.init(code: "P", children: [0, 1, 2], weights: [1, 2, 3]), .init(code: "Q", children: [3, 4], weights: [0.5, 0.5])],
                [.init(code: "I", children: [0, 1], weights: [3, 1])],
            ])
    }

    @Test("Dirichlet: the mean of the drawn shares is the nominal share, within 4 standard errors")
    func dirichletMean() throws {
        let structure = try CompositeStructure.flat(indicators: ["a", "b", "c", "d"], weights: [1, 2, 3, 4])
        for c in [1.0, 50, 100] {
            let sampler = try WeightSampler(structure: structure, perturbation: .dirichlet(concentration: c))
            var g = SplitMix64(seed: 17)
            let draws = 20_000
            var sums = [Double](repeating: 0, count: 4), squares = [Double](repeating: 0, count: 4)
            for _ in 0..<draws {
                let w = sampler.draw(using: &g).weights[0][0]
                #expect(isClose(w.reduce(0, +), 10, tolerance: 1e-13))
                for j in 0..<4 {
                    let share = w[j] / 10
                    sums[j] += share
                    squares[j] += share * share
                }
            }
            for j in 0..<4 {
                let p = Double(j + 1) / 10
                let variance = p * (1 - p) / (c + 1)  // Dirichlet marginal: Beta(c p, c (1 - p))
                let mean = sums[j] / Double(draws)
                #expect(abs(mean - p) < 4 * (variance / Double(draws)).squareRoot(), "c = \(c), share \(j): \(mean)")
                let sampleVariance = squares[j] / Double(draws) - mean * mean
                #expect(abs(sampleVariance / variance - 1) < 0.06, "c = \(c), share \(j): variance \(sampleVariance) vs \(variance)")
            }
        }
    }

    @Test("Gamma variates (Marsaglia–Tsang, with the boost below 1): mean and variance equal the shape")
    func gammaMoments() {
        var g = SplitMix64(seed: 3)
        for shape in [0.05, 0.5, 1, 2.5, 30] {
            let n = 40_000
            let x = (0..<n).map { _ in WeightSampler.gamma(shape: shape, using: &g) }
            #expect(x.allSatisfy { $0 >= 0 && $0.isFinite })
            let mean = Moments.mean(x)
            let variance = Moments.variance(x, mean: mean)
            #expect(abs(mean - shape) < 4 * (shape / Double(n)).squareRoot(), "shape \(shape): mean \(mean)")
            #expect(abs(variance / shape - 1) < 0.1 + 2 / shape.squareRoot() * 0.02, "shape \(shape): variance \(variance)")
        }
    }

    @Test("simplex: non-negative weights summing to 1, each share 1/k on average, scale 1")
    func simplex() throws {
        let structure = try CompositeStructure.flat(indicators: ["a", "b", "c"], weights: [0.2, 0.3, 0.5])
        let sampler = try WeightSampler(structure: structure, perturbation: .simplex)
        var g = SplitMix64(seed: 9)
        var sums = [0.0, 0.0, 0.0]
        let draws = 30_000
        for _ in 0..<draws {
            let draw = sampler.draw(using: &g)
            let w = draw.weights[0][0]
            #expect(w.allSatisfy { $0 >= 0 })
            #expect(isClose(w.reduce(0, +), 1, tolerance: 1e-14))
            #expect(draw.scales == [[1]])
            for j in 0..<3 { sums[j] += w[j] }
        }
        // Dirichlet(1, 1, 1): each share has mean 1/3 and variance (1/3)(2/3)/4.
        for j in 0..<3 { #expect(abs(sums[j] / Double(draws) - 1.0 / 3) < 4 * ((2.0 / 9 / 4) / Double(draws)).squareRoot()) }
    }

    @Test("uniform: within w(1 ± f); renormalised sums to the nominal sum; not renormalised carries ΣW / Σw")
    func uniform() throws {
        let structure = try Self.twoLevels()
        let f = 0.25
        let plain = try WeightSampler(structure: structure, perturbation: .uniform(fraction: f, renormalised: false))
        let scaled = try WeightSampler(structure: structure, perturbation: .uniform(fraction: f, renormalised: true))
        var g = SplitMix64(seed: 1), h = SplitMix64(seed: 1)
        for _ in 0..<2000 {
            let a = plain.draw(using: &g), b = scaled.draw(using: &h)
            for (k, level) in structure.levels.enumerated() {
                for (i, node) in level.enumerated() {
                    let total = node.weights.reduce(0, +), drawn = a.weights[k][i].reduce(0, +)
                    for (w, x) in zip(node.weights, a.weights[k][i]) { #expect(x > w * (1 - f) && x < w * (1 + f)) }
                    #expect(isClose(a.scales[k][i], drawn / total, tolerance: 1e-15))
                    #expect(isClose(b.weights[k][i].reduce(0, +), total, tolerance: 1e-14))
                    #expect(b.scales[k][i] == 1)
                    // The same uniforms: renormalised = plain rescaled.
                    for (x, y) in zip(a.weights[k][i], b.weights[k][i]) { #expect(isClose(y, x * total / drawn, tolerance: 1e-14)) }
                }
            }
        }
    }

    @Test("certain levels keep their nominal weights; f = 0 keeps all; the same generator redraws the same weights")
    func levelsAndReproducibility() throws {
        let structure = try Self.twoLevels()
        let top = try WeightSampler(structure: structure, perturbation: .simplex, levels: [2])
        var g = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let draw = top.draw(using: &g)
            #expect(draw.weights[0] == structure.levels[0].map(\.weights))
            #expect(draw.weights[1] != structure.levels[1].map(\.weights))
        }
        let none = try WeightSampler(structure: structure, perturbation: .uniform(fraction: 0, renormalised: false))
        #expect(none.draw(using: &g) == none.nominal)
        var a = SplitMix64(seed: 77), b = SplitMix64(seed: 77)
        let sampler = try WeightSampler(structure: structure, perturbation: .dirichlet(concentration: 3))
        #expect(sampler.draw(using: &a) == sampler.draw(using: &b))
        #expect(sampler.levels == [1, 2])
        #expect(throws: StatsError.self) { try WeightSampler(structure: structure, perturbation: .simplex, levels: [0]) }
        #expect(throws: StatsError.self) { try WeightSampler(structure: structure, perturbation: .dirichlet(concentration: 0)) }
        #expect(throws: StatsError.self) { try WeightSampler(structure: structure, perturbation: .uniform(fraction: -0.1, renormalised: true)) }
    }

    @Test("a nominal weight of 0 stays 0 under uniform and Dirichlet draws")
    func zeroWeights() throws {
        let structure = try CompositeStructure.flat(indicators: ["a", "b", "c"], weights: [0, 1, 1])
        for perturbation in [WeightPerturbation.uniform(fraction: 0.5, renormalised: true), .dirichlet(concentration: 5)] {
            let sampler = try WeightSampler(structure: structure, perturbation: perturbation)
            var g = SplitMix64(seed: 2)
            for _ in 0..<200 { #expect(sampler.draw(using: &g).weights[0][0][0] == 0) }
        }
    }
}
