import Testing
@testable import Stats

@Suite("DescriptiveStatistics (n - 1 variance, Excel SKEW and KURT)")
struct DescriptiveStatisticsTests {
    @Test("A textbook sample: mean 5, variance 32/7, Excel SKEW 0.8184875534, KURT 0.940625")
    func textbookSample() {
        let d = DescriptiveStatistics([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(d.count == 8 && d.missing == 0)
        #expect(d.mean == 5)
        #expect(isClose(d.variance, 32.0 / 7))
        #expect(isClose(d.standardDeviation, (32.0 / 7).squareRoot()))
        #expect(isClose(d.skewness, 0.8184875533567996))  // Excel: 0.818487553
        #expect(isClose(d.kurtosis, 0.9406249999999998))  // Excel: 0.940625
        #expect((d.min, d.max, d.median) == (2, 9, 4.5))
    }

    @Test("Random samples: mean, var (ddof=1), sd, scipy skew/kurtosis (bias=False), min, max, median")
    func matchesNumpyAndScipy() throws {
        let reference = try StatsReference.load()
        #expect(reference.describe.count >= 25)
        var mismatches = Mismatches()
        for c in reference.describe {
            let d = DescriptiveStatistics(c.x)
            let label = "\(c.name) \(describeSample(c.x))"
            mismatches.check(d.count == c.count && d.missing == c.missing, "\(label): count \(d.count), missing \(d.missing)")
            let pairs: [(String, Double, Double, Double)] = [
                ("mean", d.mean, c.mean, 1e-12), ("variance", d.variance, c.variance, 1e-12),
                ("sd", d.standardDeviation, c.sd, 1e-12),
                // The third and fourth moments amplify rounding a little more.
                ("skewness", d.skewness, c.skewness, 1e-10), ("kurtosis", d.kurtosis, c.kurtosis, 1e-10),
                ("min", d.min, c.min, 0), ("max", d.max, c.max, 0), ("median", d.median, c.median, 1e-12),
            ]
            for (what, got, expected, tolerance) in pairs {
                mismatches.check(isClose(got, expected, tolerance: tolerance), "\(label): \(what) \(got), expected \(expected)")
            }
        }
        mismatches.report("descriptive statistics")
    }

    @Test("Missing values are removed and counted")
    func missingValues() {
        let d = DescriptiveStatistics([.nan, 2, 4, 4, .nan, 4, 5, 5, 7, 9, .nan])
        #expect(d.count == 8 && d.missing == 3)
        #expect(d == DescriptiveStatistics([2, 4, 4, 4, 5, 5, 7, 9]).with(missing: 3))
    }

    @Test("n = 0: everything NaN, count 0")
    func empty() {
        for data in [[Double](), [.nan, .nan]] {
            let d = DescriptiveStatistics(data)
            #expect(d.count == 0 && d.missing == data.count)
            for value in [d.mean, d.median, d.variance, d.standardDeviation, d.min, d.max, d.skewness, d.kurtosis] {
                #expect(value.isNaN)
            }
        }
    }

    @Test("n = 1: mean, median, min and max are the value; variance, sd, skewness, kurtosis NaN")
    func single() {
        let d = DescriptiveStatistics([3.75])
        #expect((d.count, d.mean, d.median, d.min, d.max) == (1, 3.75, 3.75, 3.75, 3.75))
        #expect(d.variance.isNaN && d.standardDeviation.isNaN && d.skewness.isNaN && d.kurtosis.isNaN)
    }

    @Test("n = 2: variance defined; skewness (n < 3) and kurtosis (n < 4) NaN")
    func two() {
        let d = DescriptiveStatistics([1, 4])
        #expect(d.mean == 2.5 && d.variance == 4.5 && isClose(d.standardDeviation, 4.5.squareRoot()))
        #expect(d.skewness.isNaN && d.kurtosis.isNaN)
    }

    @Test("n = 3: skewness defined, kurtosis (n < 4) NaN")
    func three() {
        let d = DescriptiveStatistics([1, 2, 10])
        #expect(isClose(d.skewness, 1.6523167403329908))  // scipy.stats.skew(bias=False), Excel SKEW
        #expect(d.kurtosis.isNaN)
    }

    @Test("n = 4: skewness and kurtosis defined")
    func four() {
        // scipy.stats.skew/kurtosis([1, 2, 3, 10], bias=False)
        let d = DescriptiveStatistics([1, 2, 3, 10])
        #expect(isClose(d.skewness, 1.763632614803888, tolerance: 1e-10))
        #expect(isClose(d.kurtosis, 3.2280000000000015, tolerance: 1e-10))
    }

    @Test("Constant data: variance 0, skewness and kurtosis NaN (sd = 0)")
    func constant() {
        for value in [0.1, 1.0 / 3, -2.2, 123.456, 1e10 + 0.1, 7] {
            for n in [2, 3, 4, 5, 10, 33] {
                let d = DescriptiveStatistics(Array(repeating: value, count: n))
                #expect(d.mean == value, "\(value) x \(n)")
                #expect(d.variance == 0 && d.standardDeviation == 0, "\(value) x \(n)")
                #expect(d.skewness.isNaN && d.kurtosis.isNaN, "\(value) x \(n)")
            }
        }
    }

    @Test("Symmetric data: skewness 0; shifting and scaling keep skewness and kurtosis")
    func invariances() throws {
        var random = SplitMix64(seed: 0x5EED_0301)
        let symmetric = DescriptiveStatistics([-3, -1, 0, 1, 3])
        #expect(symmetric.skewness == 0)
        for _ in 0..<100 {
            let x = (0..<random.int(4...50)).map { _ in random.unit() * 10 }
            let base = DescriptiveStatistics(x)
            guard base.standardDeviation > 0 else { continue }
            let moved = DescriptiveStatistics(x.map { 3 * $0 - 7 })
            #expect(isClose(moved.mean, 3 * base.mean - 7, tolerance: 1e-10))
            #expect(isClose(moved.variance, 9 * base.variance, tolerance: 1e-10))
            #expect(isClose(moved.skewness, base.skewness, tolerance: 1e-8))
            #expect(isClose(moved.kurtosis, base.kurtosis, tolerance: 1e-8))
            let mirrored = DescriptiveStatistics(x.map { -$0 })
            #expect(isClose(mirrored.skewness, -base.skewness, tolerance: 1e-10))
        }
    }
}

extension DescriptiveStatistics {
    fileprivate func with(missing: Int) -> DescriptiveStatistics {
        var copy = self
        copy.missing = missing
        return copy
    }
}
