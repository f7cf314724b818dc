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

    /// The RIS 2023 portfolio's indicators (the 2023 wave, the 21 indicators in the framework's
    /// order), as a user's `hclust(p)` sees them; the rows and columns of compare.py's matrix.
    static func risMatrix() throws -> (Matrix, [String])? {
        guard let regions = ReferenceData.url("ris/ris2023_regions.csv"),
              let indicators = ReferenceData.url("ris/ris2023_indicators.csv") else { return nil }
        let p = try Portfolio.load(path: regions.path, framework: try Framework.load(path: indicators.path), year: 2023)
        let data = try p.regionVariables(.indicators)
        return (data.data, data.names)
    }

    static func close(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test(.referenceData("ris/ris2023_regions.csv", "ris/ris2023_indicators.csv"))
    func heightsOfAllFourMethodsEqualScipys() throws {
        guard let (x, indicators) = try Self.risMatrix() else { return }
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: Self.fixtureURL))
        #expect(x.rows == fixture.regions && indicators == fixture.indicators)
        let d = try DistanceMatrix.between(rows: x)
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
