import Foundation
import Stats
import StressTest
import Testing

/// Hierarchical clustering of the RIS 2023 regions (246 x 21, the matrix of Benchmarks/compare.py's
/// `ris2023_matrix`) against scipy's linkage: Fixtures/ris_linkage.json, written by
/// Fixtures/make_ris_linkage.py from the same CSV file.
@Suite("Real portfolios: clustering RIS 2023")
struct ClusteringReferenceTests {
    struct Linkage: Decodable {
        var left: [Int]
        var right: [Int]
        var heights: [Double]
        var sizes: [Int]
        var cophenetic: Double
    }
    struct Fixture: Decodable {
        var regions: Int
        var indicators: [String]
        var methods: [String: Linkage]
    }

    static let fixtureURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ris_linkage.json")

    /// The rows with Year 2023 and the indicator columns 1.1.2 ... 4.3.2, as compare.py reads them.
    static func risMatrix(_ url: URL) throws -> (Matrix, [String]) {
        let table = try CSVReader.read(path: url.path)
        let year = try #require(table.column(named: "Year"))
        let first = try #require(table.column(named: "1.1.2"))
        let last = try #require(table.column(named: "4.3.2"))
        var values: [Double] = []
        var rows = 0
        for row in table.rows where row[year] == "2023" {
            for column in first...last {
                values.append(try #require(Double(row[column].trimmingCharacters(in: .whitespaces)),
                                           "cell \(row[column]) of \(table.header[column])"))
            }
            rows += 1
        }
        return (Matrix(rows: rows, columns: last - first + 1, elements: values), Array(table.header[first...last]))
    }

    /// Euclidean distances between rows (scipy `pdist(X)`), for this test only.
    static func distances(_ x: Matrix) -> DistanceMatrix {
        let n = x.rows, p = x.columns
        var values: [Double] = []
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                var s = 0.0
                for k in 0..<p {
                    let d = x[i, k] - x[j, k]
                    s += d * d
                }
                values.append(s.squareRoot())
            }
        }
        return DistanceMatrix(count: n, values: values, variables: p)
    }

    static func close(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test(.referenceData("ris/ris2023_regions.csv"))
    func heightsOfAllFourMethodsEqualScipys() throws {
        guard let url = ReferenceData.url("ris/ris2023_regions.csv") else { return }
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Self.fixtureURL))
        let (x, indicators) = try Self.risMatrix(url)
        #expect(x.rows == fixture.regions && indicators == fixture.indicators)
        let d = Self.distances(x)
        for method in LinkageMethod.allCases {
            let expected = try #require(fixture.methods[method.rawValue])
            let tree = try HierarchicalClustering.linkage(d, method: method)
            #expect(Self.close(tree.heights, expected.heights, 1e-9), "\(method): heights differ from scipy's")
            #expect(tree.left == expected.left && tree.right == expected.right && tree.sizes == expected.sizes,
                    "\(method): the linkage matrix differs from scipy's")
            let r = try tree.copheneticCorrelation(with: d)
            #expect(abs(r - expected.cophenetic) <= 1e-9, "\(method): cophenetic correlation \(r) vs \(expected.cophenetic)")
        }
        let ward = try HierarchicalClustering.ward(rows: x)
        let expected = try #require(fixture.methods["ward"])
        #expect(Self.close(ward.heights, expected.heights, 1e-9), "Ward from data: heights differ from scipy's")
        #expect(ward.left == expected.left && ward.right == expected.right, "Ward from data: the tree differs from scipy's")
    }
}
