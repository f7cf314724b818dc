import Foundation
import Testing
@testable import Stats

// Shared by the Stats test files: the numpy/scipy reference fixture, tolerant comparison, a seeded
// random generator and a way to report many mismatches as one readable issue.

// MARK: - The reference fixture (Fixtures/reference.json, written by Fixtures/make_reference.py)

struct QuantileReferenceCase: Decodable, Sendable {
    var name: String
    var x: [Double]
    var p: [Double]
    /// numpy's result per method name (`QuantileType.numpyName`), one value per probability.
    var q: [String: [Double]]
    /// Only for the cases with missing values (np.nanquantile).
    var count: Int?
    var missing: Int?
}

struct BoxplotReferenceCase: Decodable, Sendable {
    var name: String
    var x: [Double]
    var k: Double
    var type: Int
    var count: Int
    var missing: Int
    var q1: Double
    var median: Double
    var q3: Double
    var lowerFence: Double
    var upperFence: Double
    var lowerWhisker: Double
    var upperWhisker: Double
    var outliers: [Double]
    var outlierPositions: [Int]
}

struct FivenumReferenceCase: Decodable, Sendable {
    var name: String
    var x: [Double]
    var expected: [Double]
}

struct DescribeReferenceCase: Decodable, Sendable {
    var name: String
    var x: [Double]
    var count: Int
    var missing: Int
    var mean: Double
    var variance: Double
    var sd: Double
    var skewness: Double
    var kurtosis: Double
    var min: Double
    var max: Double
    var median: Double
}

struct RanksReferenceCase: Decodable, Sendable {
    var name: String
    var x: [Double]
    var min: [Double]
    var average: [Double]
    var max: [Double]
    var ordinal: [Double]
    var minDescending: [Double]
    var averageDescending: [Double]
    var maxDescending: [Double]
    var ordinalDescending: [Double]
}

struct CorrelationReferenceCase: Decodable, Sendable {
    var name: String
    var x: [Double]
    var y: [Double]
    var count: Int
    var missing: Int
    var pearson: Double
    var spearman: Double
}

struct StatsReference: Decodable, Sendable {
    var numpy: String
    var scipy: String
    var seed: Int
    var methods: [String]
    var quantile: [QuantileReferenceCase]
    var quantileMissing: [QuantileReferenceCase]
    var quantileNonFinite: [QuantileReferenceCase]
    var boxplot: [BoxplotReferenceCase]
    var fivenum: [FivenumReferenceCase]
    var describe: [DescribeReferenceCase]
    var ranks: [RanksReferenceCase]
    var correlation: [CorrelationReferenceCase]

    /// Decoded once per test process.
    private static let loaded = Result { try fixture("reference", as: StatsReference.self) }

    static func load() throws -> StatsReference { try loaded.get() }
}

// MARK: - Fixtures

/// A fixture the test bundle lacks, naming it and where it comes from.
struct MissingFixture: Error, CustomStringConvertible {
    var name: String
    var description: String {
        "Fixtures/\(name).json is not in the test bundle; regenerate it with the script beside it in Tests/StatsTests/Fixtures"
    }
}

/// The JSON fixture `Fixtures/NAME.json`, decoded. NaN, Infinity and -Infinity may be bare
/// tokens (JSON5), as the Python and R scripts that write the fixtures produce them.
func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        throw MissingFixture(name: name)
    }
    let decoder = JSONDecoder()
    decoder.allowsJSON5 = true
    return try decoder.decode(T.self, from: Data(contentsOf: url))
}

// MARK: - Comparison

/// |actual - expected| <= tolerance * max(1, |expected|); NaN matches only NaN, and infinities
/// match only themselves.
func isClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
    if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
    if actual == expected { return true }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

func isClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-12) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}

/// Collects mismatches over many cases and records one issue listing the first few, so that a
/// systematic error does not flood the output.
struct Mismatches {
    private(set) var checked = 0
    private(set) var messages: [String] = []
    private(set) var total = 0

    mutating func check(_ ok: Bool, _ message: @autoclosure () -> String) {
        checked += 1
        guard !ok else { return }
        total += 1
        if messages.count < 12 { messages.append(message()) }
    }

    func report(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(checked > 0, "no \(what) was checked", sourceLocation: sourceLocation)
        guard total > 0 else { return }
        let summary = "\(total) of \(checked) \(what) differ; first \(messages.count):\n" + messages.joined(separator: "\n")
        Issue.record(Comment(rawValue: summary), sourceLocation: sourceLocation)
    }
}

// MARK: - Seeded randomness

/// Helpers for property tests on the toolkit's seeded generator, so that they see the same samples
/// on every run and platform.
extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A random sample of `n` values of a randomly chosen shape: continuous, heavy ties, negative,
    /// sorted, reversed, constant, or with far outliers.
    mutating func sample(count n: Int) -> [Double] {
        let shape = int(0...6)
        var x = (0..<n).map { _ -> Double in
            switch shape {
            case 0: (unit() - 0.5) * 200
            case 1: Double(int(0...4))  // heavy ties
            case 2: -unit() * 1e-3  // small negative values
            case 3, 4: (unit() * 1000).rounded() / 10
            case 5: 7.25  // constant: IQR = 0
            default: unit() < 0.1 ? (unit() - 0.5) * 1e4 : unit() * 10  // far outliers
            }
        }
        if shape == 3 { x.sort() }
        if shape == 4 { x.sort(by: >) }
        return x
    }

    /// A Fisher–Yates shuffle driven by this generator.
    mutating func shuffled(_ x: [Double]) -> [Double] {
        var y = x
        for i in stride(from: y.count - 1, to: 0, by: -1) { y.swapAt(i, int(0...i)) }
        return y
    }
}

/// A compact rendering of a sample for failure messages.
func describeSample(_ x: [Double], limit: Int = 12) -> String {
    let shown = x.prefix(limit).map { String($0) }.joined(separator: ", ")
    return "[\(shown)\(x.count > limit ? ", ... (\(x.count) values)" : "")]"
}
