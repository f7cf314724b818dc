import Testing
@testable import Stats

@Suite("ranks (R's rank, na.last = \"keep\") and zScores (R's scale)")
struct RankingTests {
    // MARK: ranks

    @Test("The four tie methods on 10, 20, 20, 30", arguments: [
        (TieMethod.min, [1.0, 2, 2, 4]), (.average, [1, 2.5, 2.5, 4]), (.max, [1, 3, 3, 4]), (.first, [1, 2, 3, 4]),
    ])
    func tieMethods(ties: TieMethod, expected: [Double]) {
        #expect(ranks([10, 20, 20, 30], ties: ties) == expected)
    }

    @Test("Descending: the largest value is rank 1 (R: rank(-x))", arguments: [
        (TieMethod.min, [4.0, 2, 2, 1]), (.average, [4, 2.5, 2.5, 1]), (.max, [4, 3, 3, 1]), (.first, [4, 2, 3, 1]),
    ])
    func descending(ties: TieMethod, expected: [Double]) {
        #expect(ranks([10, 20, 20, 30], ties: ties, descending: true) == expected)
    }

    @Test("Defaults: ties get the lowest rank (\"sport\" ranking), ascending")
    func defaults() {
        #expect(ranks([3, 1, 3, 2]) == [3, 1, 3, 2])
        #expect(ranks([5, 9, 9, 1, 5]) == ranks([5, 9, 9, 1, 5], ties: .min, descending: false))
        #expect(ranks([5, 9, 9, 1, 5], descending: true) == [3, 1, 1, 5, 3])
    }

    @Test("Missing values keep a missing rank and do not count")
    func missingKept() {
        let r = ranks([3, .nan, 1, 3], ties: .average)  // R: rank(c(3, NA, 1, 3), na.last = "keep")
        #expect(r[0] == 2.5 && r[1].isNaN && r[2] == 1 && r[3] == 2.5)
        let d = ranks([.nan, 7, .nan, 9], descending: true)
        #expect(d[0].isNaN && d[1] == 2 && d[2].isNaN && d[3] == 1)
        #expect(ranks([Double.nan, .nan]).allSatisfy { $0.isNaN })
        #expect(ranks([]).isEmpty)
    }

    @Test("Zeros of either sign tie; infinities rank at the ends")
    func specialValues() {
        #expect(ranks([0.0, -0.0, 1], ties: .average) == [1.5, 1.5, 3])
        #expect(ranks([1, .infinity, -.infinity, 0]) == [3, 4, 1, 2])
        #expect(ranks([1, .infinity, -.infinity, 0], descending: true) == [2, 1, 4, 3])
    }

    @Test("Random samples: all tie methods, both directions, as scipy.stats.rankdata")
    func matchesScipy() throws {
        let reference = try StatsReference.load()
        #expect(reference.ranks.count >= 20)
        var mismatches = Mismatches()
        for c in reference.ranks {
            let expectations: [(TieMethod, Bool, [Double])] = [
                (.min, false, c.min), (.average, false, c.average), (.max, false, c.max), (.first, false, c.ordinal),
                (.min, true, c.minDescending), (.average, true, c.averageDescending),
                (.max, true, c.maxDescending), (.first, true, c.ordinalDescending),
            ]
            for (ties, descending, expected) in expectations {
                let got = ranks(c.x, ties: ties, descending: descending)
                mismatches.check(
                    isClose(got, expected, tolerance: 0),
                    "\(c.name) \(ties) descending=\(descending) \(describeSample(c.x)): scipy \(expected), got \(got)")
            }
        }
        mismatches.report("rankings")
    }

    @Test("Random samples: average ranks sum to n(n + 1)/2; ordinal ranks are a permutation")
    func properties() {
        var random = SplitMix64(seed: 0x5EED_0401)
        for _ in 0..<200 {
            let x = random.sample(count: random.int(1...60))
            let n = Double(x.count)
            for descending in [false, true] {
                #expect(ranks(x, ties: .average, descending: descending).reduce(0, +) == n * (n + 1) / 2)
                #expect(ranks(x, ties: .first, descending: descending).sorted() == (1...x.count).map(Double.init))
                let low = ranks(x, ties: .min, descending: descending), high = ranks(x, ties: .max, descending: descending)
                #expect(zip(low, high).allSatisfy { $0 <= $1 })
            }
        }
    }

    // MARK: zScores

    @Test("zScores: (x - mean) / sd with the n - 1 sd, as R's scale(x)")
    func zScoresKnown() {
        // R: scale(c(1, 5, 2, 8, 4))[, 1]; scipy.stats.zscore(ddof=1)
        let expected = [-1.0954451150103321, 0.3651483716701107, -0.7302967433402214, 1.4605934866804429, 0]
        #expect(isClose(zScores([1, 5, 2, 8, 4]), expected))
        #expect(zScores([1, 2, 3]) == [-1, 0, 1])
    }

    @Test("zScores: missing values stay missing and do not enter mean or sd")
    func zScoresMissing() {
        let z = zScores([.nan, 1, 2, .nan, 3])
        #expect(z[0].isNaN && z[3].isNaN)
        #expect([z[1], z[2], z[4]] == [-1, 0, 1])
    }

    @Test("zScores: constant data or fewer than two values give NaN everywhere")
    func zScoresUndefined() {
        for data in [[4.0, 4, 4], [4], [], [.nan, 2, .nan], [0.1, 0.1, 0.1, 0.1, .nan]] {
            let z = zScores(data)
            #expect(z.count == data.count && z.allSatisfy { $0.isNaN }, "\(data)")
        }
    }

    @Test("zScores on random samples: mean 0 and sd 1 of the result, as computed from numpy's mean and sd")
    func zScoresMatchNumpy() throws {
        let reference = try StatsReference.load()
        var mismatches = Mismatches()
        for c in reference.describe where c.sd > 0 {
            let z = zScores(c.x)
            let expected = c.x.map { ($0 - c.mean) / c.sd }
            mismatches.check(isClose(z, expected, tolerance: 1e-10), "\(c.name): \(z) vs \(expected)")
            let d = DescriptiveStatistics(z)
            mismatches.check(abs(d.mean) < 1e-12 && isClose(d.standardDeviation, 1), "\(c.name): mean \(d.mean), sd \(d.standardDeviation)")
        }
        mismatches.report("z-scores")
    }
}

@Suite("Ranks of composite scores (ties up to rounding)")
struct ScoreRankTests {
    @Test("Scores equal up to rounding tie; missing stays missing")
    func roundingTies() {
        // The demo's 2.6395 for two regions, once summed level by level and once otherwise.
        let r = scoreRanks([2.6395, 2.6394999999999995, 1, .nan, 3])
        #expect(r[0] == 2 && r[1] == 2 && r[2] == 4 && r[3].isNaN && r[4] == 1)
    }

    @Test("Well separated scores rank as ranks(_:ties: .min, descending: true)")
    func agreesWithRanks() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<50 {
            let x = (0..<40).map { _ in (rng.unit() * 1000).rounded() / 10 }  // ties of equal values too
            #expect(scoreRanks(x) == ranks(x, ties: .min, descending: true))
        }
    }
}
