import Testing
@testable import Stats

@Suite("BoxplotStatistics (Tukey fences, ggplot2 whiskers)")
struct BoxplotStatisticsTests {
    // MARK: The issue's test vectors

    @Test("1...10 and 30: quartiles 3.5/6/8.5, fences -4/16, whiskers 1 and 10, outlier 30 at 10")
    func issueVectorWithOutlier() throws {
        let box = try BoxplotStatistics((1...10).map(Double.init) + [30])
        #expect(box.count == 11 && box.missing == 0)
        #expect((box.q1, box.median, box.q3, box.iqr) == (3.5, 6, 8.5, 5))
        #expect((box.lowerFence, box.upperFence) == (-4, 16))
        #expect((box.lowerWhisker, box.upperWhisker) == (1, 10))
        #expect(box.outliers == [30])
        #expect(box.outlierPositions == [10])
        #expect(box.coefficient == 1.5)
        #expect(box.type == .linear)
    }

    @Test("1...10 and 30 with type 6: quartiles 3, 6, 9, fences -6 and 18")
    func issueVectorWeibull() throws {
        let box = try BoxplotStatistics((1...10).map(Double.init) + [30], type: .weibull)
        #expect((box.q1, box.median, box.q3) == (3, 6, 9))
        #expect((box.lowerFence, box.upperFence) == (-6, 18))
        #expect((box.lowerWhisker, box.upperWhisker) == (1, 10))
        #expect(box.outliers == [30] && box.outlierPositions == [10])
        #expect(box.type == .weibull)
    }

    @Test("1...10: quartiles 3.25/5.5/7.75, no outlier, whiskers at the extremes")
    func issueVectorWithoutOutlier() throws {
        let box = try BoxplotStatistics((1...10).map(Double.init))
        #expect((box.q1, box.median, box.q3) == (3.25, 5.5, 7.75))
        #expect((box.lowerFence, box.upperFence) == (-3.5, 14.5))
        #expect((box.lowerWhisker, box.upperWhisker) == (1, 10))
        #expect(box.outliers.isEmpty && box.outlierPositions.isEmpty)
    }

    // MARK: Edge cases, as documented

    @Test("n = 0: every statistic NaN, count 0, no outliers; all-missing input counts its cells")
    func empty() throws {
        for data in [[Double](), [.nan, .nan, .nan]] {
            let box = try BoxplotStatistics(data)
            #expect(box.count == 0 && box.missing == data.count)
            for value in [box.q1, box.median, box.q3, box.iqr, box.lowerFence, box.upperFence, box.lowerWhisker, box.upperWhisker] {
                #expect(value.isNaN)
            }
            #expect(box.outliers.isEmpty && box.outlierPositions.isEmpty)
        }
    }

    @Test("n = 1: the value for every statistic, no outlier", arguments: QuantileType.allCases)
    func single(type: QuantileType) throws {
        let box = try BoxplotStatistics([.nan, 42.5], type: type)
        #expect(box.count == 1 && box.missing == 1)
        for value in [box.q1, box.median, box.q3, box.lowerFence, box.upperFence, box.lowerWhisker, box.upperWhisker] {
            #expect(value == 42.5)
        }
        #expect(box.iqr == 0)
        #expect(box.outliers.isEmpty)
    }

    @Test("n = 2 and n = 3 (type 7)")
    func twoAndThree() throws {
        let two = try BoxplotStatistics([3, 1])
        #expect((two.q1, two.median, two.q3) == (1.5, 2, 2.5))
        #expect((two.lowerFence, two.upperFence) == (0, 4))
        #expect((two.lowerWhisker, two.upperWhisker) == (1, 3))
        #expect(two.outliers.isEmpty)

        let three = try BoxplotStatistics([1, 2, 10])
        #expect((three.q1, three.median, three.q3) == (1.5, 2, 6))
        #expect((three.lowerFence, three.upperFence) == (-5.25, 12.75))
        #expect((three.lowerWhisker, three.upperWhisker) == (1, 10))
        #expect(three.outliers.isEmpty)
    }

    @Test("k = 0: fences on the box; whiskers at Q1 and Q3 when no value lies in between")
    func zeroCoefficient() throws {
        let box = try BoxplotStatistics([1, 2, 10], coefficient: 0)
        #expect((box.lowerFence, box.upperFence) == (1.5, 6))
        #expect((box.lowerWhisker, box.upperWhisker) == (1.5, 6))
        #expect(box.outliers == [1, 10] && box.outlierPositions == [0, 2])
        #expect(box.coefficient == 0)
    }

    @Test("All values equal: IQR = 0, everything at the value, no outlier")
    func allEqual() throws {
        let box = try BoxplotStatistics([3, 3, 3, 3, 3, 3])
        #expect(box.iqr == 0)
        for value in [box.q1, box.median, box.q3, box.lowerFence, box.upperFence, box.lowerWhisker, box.upperWhisker] {
            #expect(value == 3)
        }
        #expect(box.outliers.isEmpty)
    }

    @Test("IQR = 0: fences on the box, every other value is an outlier")
    func zeroIQR() throws {
        let box = try BoxplotStatistics([1, 5, 5, 5, 5, 5, 9])
        #expect((box.q1, box.median, box.q3, box.iqr) == (5, 5, 5, 0))
        #expect((box.lowerFence, box.upperFence) == (5, 5))
        #expect((box.lowerWhisker, box.upperWhisker) == (5, 5))
        #expect(box.outliers == [1, 9] && box.outlierPositions == [0, 6])
    }

    @Test("0, 100, 100, 100: the lower whisker would fall inside the box, so it is Q1 = 75; 0 is an outlier")
    func whiskerInsideBox() throws {
        let box = try BoxplotStatistics([0, 100, 100, 100])
        #expect((box.q1, box.median, box.q3) == (75, 100, 100))
        #expect((box.lowerFence, box.upperFence) == (37.5, 137.5))
        #expect(box.lowerWhisker == 75)
        #expect(box.upperWhisker == 100)
        #expect(box.outliers == [0] && box.outlierPositions == [0])
    }

    @Test("A value exactly on a fence is not an outlier; just beyond it is")
    func valueOnFence() throws {
        // type 7, n = 6: Q1 = 1.25, Q3 = 3.75, IQR = 2.5, fences -2.5 and 7.5 (all exact in binary)
        let onFences = try BoxplotStatistics([-2.5, 1, 2, 3, 4, 7.5])
        #expect((onFences.q1, onFences.q3) == (1.25, 3.75))
        #expect((onFences.lowerFence, onFences.upperFence) == (-2.5, 7.5))
        #expect(onFences.outliers.isEmpty)
        #expect((onFences.lowerWhisker, onFences.upperWhisker) == (-2.5, 7.5))

        let justBeyond = Double(7.5).nextUp
        let beyond = try BoxplotStatistics([-2.5, 1, 2, 3, 4, justBeyond])
        #expect(beyond.upperFence == 7.5)
        #expect(beyond.outliers == [justBeyond] && beyond.outlierPositions == [5])
        #expect(beyond.upperWhisker == 4)
    }

    @Test("Outlier positions count the input's cells, missing ones included; outliers in input order")
    func positionsCountMissingCells() throws {
        let x: [Double] = [.nan, 30, 1, 2, 3, .nan, 4, 5, 6, 7, 8, 9, 10, .nan, -25]
        let box = try BoxplotStatistics(x)
        #expect(box.count == 12 && box.missing == 3)
        #expect(box.outliers == [30, -25])
        #expect(box.outlierPositions == [1, 14])
        for (value, position) in zip(box.outliers, box.outlierPositions) {
            #expect(x[position] == value)
        }
        #expect((box.lowerWhisker, box.upperWhisker) == (1, 10))
    }

    @Test("A negative, infinite or NaN whisker coefficient is an error")
    func invalidCoefficient() {
        for k in [-1.5, -Double.leastNonzeroMagnitude, .infinity, -.infinity, .nan] {
            #expect(throws: StatsError.self, "k = \(k)") { try BoxplotStatistics([1, 2, 3], coefficient: k) }
        }
        do {
            _ = try BoxplotStatistics([1, 2, 3], coefficient: -1)
            Issue.record("k = -1 did not throw")
        } catch {
            guard case .invalidParameter(let name, _, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(name == "k")
        }
    }

    // MARK: Against a direct numpy computation

    @Test("Random samples: quartiles, fences, whiskers and outliers as computed from np.quantile")
    func matchesNumpy() throws {
        let reference = try StatsReference.load()
        #expect(reference.boxplot.count >= 40)
        var mismatches = Mismatches()
        for c in reference.boxplot {
            let type = try #require(QuantileType(rawValue: c.type))
            let box = try BoxplotStatistics(c.x, coefficient: c.k, type: type)
            let label = "\(c.name) (k = \(c.k), \(type)) \(describeSample(c.x))"
            mismatches.check(box.count == c.count && box.missing == c.missing, "\(label): counts \(box.count), \(box.missing)")
            let pairs: [(String, Double, Double)] = [
                ("q1", box.q1, c.q1), ("median", box.median, c.median), ("q3", box.q3, c.q3),
                ("lower fence", box.lowerFence, c.lowerFence), ("upper fence", box.upperFence, c.upperFence),
                ("lower whisker", box.lowerWhisker, c.lowerWhisker), ("upper whisker", box.upperWhisker, c.upperWhisker),
            ]
            for (what, got, expected) in pairs {
                mismatches.check(isClose(got, expected), "\(label): \(what) \(got), expected \(expected)")
            }
            mismatches.check(box.outliers == c.outliers, "\(label): outliers \(box.outliers), expected \(c.outliers)")
            mismatches.check(
                box.outlierPositions == c.outlierPositions,
                "\(label): positions \(box.outlierPositions), expected \(c.outlierPositions)")
        }
        mismatches.report("boxplots")
    }

    // MARK: Properties on random samples

    @Test("Random samples: whiskers within the fences and outside the box, outliers + the rest = n")
    func properties() throws {
        var random = SplitMix64(seed: 0x5EED_0201)
        var mismatches = Mismatches()
        for trial in 0..<400 {
            var x = random.sample(count: random.int(1...80))
            if trial % 4 == 0 { x.insert(.nan, at: random.int(0...x.count)) }
            let k = [0, 0.5, 1.5, 1.5, 3][trial % 5]
            let type = QuantileType.allCases[trial % 9]
            let box = try BoxplotStatistics(x, coefficient: k, type: type)
            let values = x.filter { !$0.isNaN }
            let label = "trial \(trial) (k = \(k), \(type)) \(describeSample(x))"

            mismatches.check(box.count == values.count && box.missing == x.count - values.count, "\(label): counts")
            mismatches.check(
                box.lowerFence <= box.lowerWhisker && box.lowerWhisker <= box.q1,
                "\(label): lower whisker \(box.lowerWhisker) not in [\(box.lowerFence), \(box.q1)]")
            mismatches.check(
                box.q3 <= box.upperWhisker && box.upperWhisker <= box.upperFence,
                "\(label): upper whisker \(box.upperWhisker) not in [\(box.q3), \(box.upperFence)]")
            mismatches.check(box.q1 <= box.median && box.median <= box.q3, "\(label): box out of order")

            let inside = values.filter { $0 >= box.lowerFence && $0 <= box.upperFence }
            mismatches.check(box.outliers.count + inside.count == box.count, "\(label): outliers + the rest != n")
            mismatches.check(
                box.outliers.allSatisfy { $0 < box.lowerFence || $0 > box.upperFence },
                "\(label): an outlier inside the fences")
            mismatches.check(
                box.outlierPositions == box.outlierPositions.sorted()
                    && zip(box.outlierPositions, box.outliers).allSatisfy { x[$0] == $1 },
                "\(label): outlier positions do not point at the outliers in input order")
            // A whisker is a data value inside the fences, or the box edge itself.
            mismatches.check(
                box.lowerWhisker == box.q1 || inside.contains(box.lowerWhisker),
                "\(label): lower whisker \(box.lowerWhisker) is neither data nor Q1")
            mismatches.check(
                box.upperWhisker == box.q3 || inside.contains(box.upperWhisker),
                "\(label): upper whisker \(box.upperWhisker) is neither data nor Q3")
            mismatches.check(
                inside.allSatisfy { $0 >= box.lowerWhisker && $0 <= box.upperWhisker },
                "\(label): a non-outlier beyond a whisker")
            let quartiles = try quantiles(x, [0.25, 0.5, 0.75], type: type).values
            mismatches.check([box.q1, box.median, box.q3] == quartiles, "\(label): box is not the quantiles")
        }
        mismatches.report("boxplot properties")
    }
}
