import Testing
@testable import Stats

@Suite("Quantiles (Hyndman & Fan types 1-9, numpy's methods)")
struct QuantileTests {
    static let oneToTenAndThirty: [Double] = (1...10).map(Double.init) + [30]
    static let oneToTen: [Double] = (1...10).map(Double.init)

    // MARK: The issue's test vectors

    @Test("1...10 and 30: type 7 quartiles 3.5, 6, 8.5; type 6 quartiles 3, 6, 9")
    func issueVectorWithOutlier() throws {
        let linear = try quantiles(Self.oneToTenAndThirty, [0.25, 0.5, 0.75])
        #expect(linear.values == [3.5, 6, 8.5])
        #expect(linear.count == 11 && linear.missing == 0)
        let weibull = try quantiles(Self.oneToTenAndThirty, [0.25, 0.5, 0.75], type: .weibull)
        #expect(weibull.values == [3, 6, 9])
    }

    @Test("1...10: type 7 quartiles 3.25, 5.5, 7.75; type 6 quartiles 2.75, 5.5, 8.25")
    func issueVectorWithoutOutlier() throws {
        #expect(try quantiles(Self.oneToTen, [0.25, 0.5, 0.75]).values == [3.25, 5.5, 7.75])
        #expect(try quantiles(Self.oneToTen, [0.25, 0.5, 0.75], type: .weibull).values == [2.75, 5.5, 8.25])
    }

    @Test("The default type is 7 (numpy 'linear', R's default)")
    func defaultType() throws {
        #expect(QuantileType.default == .linear)
        #expect(QuantileType.linear.rawValue == 7)
        let x: [Double] = [4, 1, 9, 16, 2.5]
        #expect(try quantiles(x, [0.1, 0.3, 0.9]) == quantiles(x, [0.1, 0.3, 0.9], type: .linear))
    }

    @Test("Types are numbered as R numbers them and named as numpy names them")
    func typeNames() {
        let expected = [
            "inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
            "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased",
        ]
        #expect(QuantileType.allCases.map(\.rawValue) == Array(1...9))
        #expect(QuantileType.allCases.map(\.numpyName) == expected)
        #expect(QuantileType.weibull.description == "type 6 (weibull)")
    }

    /// R 4.x: `quantile(c(1, 2, 3, 4, 5, 10), 0.3, type = t)` for t = 1...9 (hand-checked against
    /// Hyndman & Fan's definitions; numpy agrees).
    @Test("All nine types on a small sample, against R's quantile(type =)")
    func allTypesOnSmallSample() throws {
        let x: [Double] = [10, 1, 5, 3, 2, 4]
        let expected: [QuantileType: Double] = [
            .invertedCDF: 2, .averagedInvertedCDF: 2, .closestObservation: 2,
            .interpolatedInvertedCDF: 1.8, .hazen: 2.3, .weibull: 2.1, .linear: 2.5,
            .medianUnbiased: 2.2333333333333334, .normalUnbiased: 2.25,
        ]
        for type in QuantileType.allCases {
            #expect(isClose(try quantile(x, 0.3, type: type), expected[type]!), "\(type)")
        }
    }

    @Test("quantile(_:_:) is the single-probability form of quantiles(_:_:)")
    func singleProbability() throws {
        let x: [Double] = [3, -1, 4, 1, -5, 9, 2, 6]
        for type in QuantileType.allCases {
            for p in [0, 0.1, 0.25, 0.5, 0.75, 1] {
                #expect(try quantile(x, p, type: type) == quantiles(x, [p], type: type).values[0])
            }
        }
    }

    // MARK: Against numpy

    @Test("Random samples: every type within 1e-12 of numpy's np.quantile(method=)")
    func matchesNumpy() throws {
        let reference = try StatsReference.load()
        #expect(reference.quantile.count >= 60)
        var mismatches = Mismatches()
        for c in reference.quantile {
            for type in QuantileType.allCases {
                let expected = try #require(c.q[type.numpyName], "\(c.name): no \(type.numpyName)")
                let result = try quantiles(c.x, c.p, type: type)
                mismatches.check(result.count == c.x.count && result.missing == 0, "\(c.name): counts \(result.count), \(result.missing)")
                for (j, p) in c.p.enumerated() {
                    mismatches.check(
                        isClose(result.values[j], expected[j]),
                        "\(c.name) \(type) p=\(p): numpy \(expected[j]), got \(result.values[j]) in \(describeSample(c.x))")
                }
            }
        }
        mismatches.report("quantiles")
    }

    /// Quantile.swift's doc comment promises numpy's arithmetic "bit for bit"; this holds it to that.
    @Test("Random samples: every type bit for bit equal to numpy, as documented")
    func matchesNumpyBitForBit() throws {
        let reference = try StatsReference.load()
        var mismatches = Mismatches()
        for c in reference.quantile {
            for type in QuantileType.allCases {
                let result = try quantiles(c.x, c.p, type: type).values
                for (j, expected) in (c.q[type.numpyName] ?? []).enumerated() {
                    mismatches.check(
                        result[j] == expected,
                        "\(c.name) \(type) p=\(c.p[j]): numpy \(expected), got \(result[j])")
                }
            }
        }
        mismatches.report("quantiles (bitwise)")
    }

    @Test("Missing values are removed and counted, as numpy's np.nanquantile")
    func missingValuesMatchNanquantile() throws {
        let reference = try StatsReference.load()
        #expect(reference.quantileMissing.contains { $0.name == "nan-all" })
        var mismatches = Mismatches()
        for c in reference.quantileMissing {
            for type in QuantileType.allCases {
                let result = try quantiles(c.x, c.p, type: type)
                mismatches.check(
                    result.count == c.count && result.missing == c.missing,
                    "\(c.name) \(type): count \(result.count), missing \(result.missing); expected \(c.count ?? -1), \(c.missing ?? -1)")
                let expected = c.q[type.numpyName] ?? []
                mismatches.check(
                    isClose(result.values, expected),
                    "\(c.name) \(type): nanquantile \(expected), got \(result.values)")
            }
        }
        mismatches.report("nanquantile cases")
    }

    /// numpy takes the order statistic itself for the discrete types 1 and 3 (`take`), so an
    /// infinite order statistic stays infinite; for the interpolating types its `_lerp(a, a, g)`
    /// computes inf - inf and gives NaN. The toolkit must do the same ("equal to numpy on any input").
    @Test("Samples with infinite values: as numpy", arguments: QuantileType.allCases)
    func infiniteValuesMatchNumpy(type: QuantileType) throws {
        let reference = try StatsReference.load()
        var mismatches = Mismatches()
        for c in reference.quantileNonFinite {
            let result = try quantiles(c.x, c.p, type: type).values
            for (j, expected) in (c.q[type.numpyName] ?? []).enumerated() {
                mismatches.check(
                    isClose(result[j], expected),
                    "\(c.name) \(describeSample(c.x)) \(type) p=\(c.p[j]): numpy \(expected), got \(result[j])")
            }
        }
        mismatches.report("quantiles of samples with infinite values")
    }

    @Test("Types 1 and 3 return an infinite order statistic itself, as numpy")
    func discreteTypesKeepInfinity() throws {
        // np.quantile([inf, 1, 2], [0, 0.5, 1], method='inverted_cdf') == [1, 2, inf]
        #expect(try quantiles([.infinity, 1, 2], [0, 0.5, 1], type: .invertedCDF).values == [1, 2, .infinity])
        // np.quantile([3, -inf, 1, 2], 0, method='closest_observation') == -inf
        #expect(try quantile([3, -.infinity, 1, 2], 0, type: .closestObservation) == -.infinity)
    }

    // MARK: Edge cases and errors

    @Test("No value present: every quantile is NaN, the missing values are counted")
    func empty() throws {
        for type in QuantileType.allCases {
            let none = try quantiles([Double](), [0, 0.5, 1], type: type)
            #expect(none.values.count == 3 && none.values.allSatisfy { $0.isNaN })
            #expect(none.count == 0 && none.missing == 0)
            let allMissing = try quantiles([.nan, .nan, .nan, .nan], [0.25, 0.75], type: type)
            #expect(allMissing.values.count == 2 && allMissing.values.allSatisfy { $0.isNaN })
            #expect(allMissing.count == 0 && allMissing.missing == 4)
            #expect(try quantile([Double](), 0.5, type: type).isNaN)
        }
    }

    @Test("n = 1: every quantile is the value; n = 2: the ends at p = 0 and 1")
    func tinySamples() throws {
        for type in QuantileType.allCases {
            #expect(try quantiles([4.5], [0, 0.1, 0.5, 0.9, 1], type: type).values == [4.5, 4.5, 4.5, 4.5, 4.5])
            let two = try quantiles([7, -2], [0, 1], type: type).values
            #expect(two == [-2, 7], "\(type)")
        }
        #expect(try quantile([7, -2], 0.5) == 2.5)
    }

    @Test("Missing values are removed, wherever they are")
    func missingRemoved() throws {
        let x: [Double] = [.nan, 3, 1, .nan, 2, 5, 4, .nan]
        let clean: [Double] = [3, 1, 2, 5, 4]
        for type in QuantileType.allCases {
            let result = try quantiles(x, [0, 0.2, 0.5, 0.8, 1], type: type)
            #expect(result.values == (try quantiles(clean, [0, 0.2, 0.5, 0.8, 1], type: type)).values)
            #expect(result.count == 5 && result.missing == 3)
        }
    }

    @Test("A probability outside [0, 1] or NaN is an error that names its position")
    func probabilityOutOfRange() {
        #expect(throws: StatsError.probabilityOutOfRange(1.5, position: 2)) {
            try quantiles([1, 2, 3], [0.5, 1, 1.5])
        }
        #expect(throws: StatsError.probabilityOutOfRange(-0.25, position: 0)) {
            try quantile([1, 2, 3], -0.25, type: .hazen)
        }
        #expect(throws: StatsError.self) { try quantiles([1, 2, 3], [0.5, .nan]) }
        #expect(throws: StatsError.self) { try quantiles([1, 2, 3], [.infinity]) }
        // The probabilities are checked even when no value is present.
        #expect(throws: StatsError.self) { try quantiles([Double](), [2]) }
        do {
            _ = try quantiles([1, 2, 3], [0.5, .nan])
        } catch {
            guard case .probabilityOutOfRange(let p, let position) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(p.isNaN && position == 1)
            #expect(error.description.contains("missing"))
        }
    }

    @Test("An empty list of probabilities gives an empty result (numpy: np.quantile(x, []) == [])")
    func noProbabilities() async throws {
        // Run in a child process: a crash here must fail this test, not the whole test run.
        await #expect(processExitsWith: .success) {
            let result = try quantiles([3.0, 1, 2], [])
            precondition(result.values.isEmpty && result.count == 3 && result.missing == 0)
        }
        #expect(try quantiles([Double](), []).values.isEmpty)
        #expect(try quantiles([1.0], []).values.isEmpty)
    }

    @Test("Any collection of doubles: arrays, slices, non-contiguous collections")
    func collections() throws {
        let x: [Double] = [9, .nan, 2, 7, 7, 1, 3, .nan, 8]
        let p = [0.1, 0.5, 0.9]
        let fromArray = try quantiles(x, p)
        #expect(try quantiles(x[...], p) == fromArray)
        #expect(try quantiles(ContiguousArray(x), p) == fromArray)
        #expect(try quantiles(x.lazy.map { $0 }, p) == fromArray)  // not contiguous
        #expect(try quantiles(x[2...], p).missing == 1)
    }

    @Test("The input is not reordered")
    func inputUntouched() throws {
        var x: [Double] = (0..<200).map { Double(($0 * 37) % 101) }
        let before = x
        _ = try quantiles(x, [0.1, 0.5, 0.9], type: .hazen)
        try x.withUnsafeMutableBufferPointer { buffer in
            _ = try quantiles(buffer, [0.3])
        }
        #expect(x == before)
    }

    // MARK: Properties on random samples

    @Test("Random samples: quantiles are monotone in p, within [min, max], permutation invariant")
    func properties() throws {
        var random = SplitMix64(seed: 0x5EED_0001)
        let grid = (0...40).map { Double($0) / 40 }
        var mismatches = Mismatches()
        for trial in 0..<300 {
            let n = trial < 250 ? random.int(1...60) : random.int(61...2000)
            let x = random.sample(count: n)
            let (lo, hi) = (x.min()!, x.max()!)
            let probabilities = (grid + (0..<10).map { _ in random.unit() }).sorted()
            let permuted = random.shuffled(x)
            for type in QuantileType.allCases {
                let q = try quantiles(x, probabilities, type: type).values
                // Monotone up to rounding: numpy's two-sided lerp may step back by an ulp.
                let scale = max(abs(lo), abs(hi))
                for i in 1..<q.count {
                    mismatches.check(
                        q[i] >= q[i - 1] - 4 * scale.ulp,
                        "\(type) n=\(n): q(\(probabilities[i - 1])) = \(q[i - 1]) > q(\(probabilities[i])) = \(q[i])")
                }
                mismatches.check(q.allSatisfy { $0 >= lo && $0 <= hi }, "\(type) n=\(n): outside [\(lo), \(hi)]: \(q)")
                mismatches.check(q.first == lo && q.last == hi, "\(type) n=\(n): p = 0 or 1 is not the min or max")
                mismatches.check(
                    try quantiles(permuted, probabilities, type: type).values == q,
                    "\(type) n=\(n): a permutation of the input changes the quantiles")
            }
        }
        mismatches.report("random-sample properties")
    }

    /// Selection (not sorting) finds the order statistics: compare with a full sort on large and
    /// adversarial inputs (sorted, reversed, organ pipe, sawtooth, all equal, many duplicates).
    @Test("Order statistics by selection equal those of a full sort")
    func selectionMatchesSort() throws {
        var random = SplitMix64(seed: 0x5EED_0002)
        var inputs: [[Double]] = []
        for n in [25, 26, 33, 49, 100, 1000, 2049, 4097, 20_000] {
            let ramp = (0..<n).map(Double.init)
            inputs.append(ramp)
            inputs.append(ramp.reversed())
            inputs.append(ramp.map { min($0, Double(n - 1) - $0) })  // organ pipe
            inputs.append(ramp.map { Double(Int($0) % 5) })  // sawtooth
            inputs.append(Array(repeating: 1, count: n))
            inputs.append((0..<n).map { _ in Double(random.int(0...2)) })
            inputs.append((0..<n).map { _ in random.unit() })
            inputs.append(ramp.map { Double(Int($0) % 2 == 0 ? Int($0) : n - Int($0)) })  // interleaved
        }
        var mismatches = Mismatches()
        for x in inputs {
            let sorted = x.sorted()
            let n = x.count
            let ks = Array(Set([1, 2, n / 4, n / 3, n / 2, n / 2 + 1, 3 * n / 4, n - 1, n].filter { $0 >= 1 })).sorted()
            // Type 1 at p = k/n is the k-th order statistic.
            let q = try quantiles(x, ks.map { Double($0) / Double(n) }, type: .invertedCDF).values
            mismatches.check(q == ks.map { sorted[$0 - 1] }, "n=\(n) \(describeSample(x)): \(q)")
            // Type 7 against the textbook formula on the sorted sample.
            for p in [0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1] {
                let h = Double(n - 1) * p
                let j = Int(h.rounded(.down))
                let expected = j + 1 < n ? sorted[j] + (h - Double(j)) * (sorted[j + 1] - sorted[j]) : sorted[j]
                mismatches.check(isClose(try quantile(x, p), expected), "type 7 n=\(n) p=\(p)")
            }
        }
        mismatches.report("selections")
    }
}
