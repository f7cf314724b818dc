import Foundation
import Stats
import Testing
@testable import StressTest

@Suite("Composite indicators of a portfolio (framework trees, weights, COINr's ASEM aggregation)")
struct CompositeIndicatorTests {
    func asemFramework() throws -> Framework? {
        guard let meta = ReferenceData.url("asem/asem_indmeta.csv"), let aggregates = ReferenceData.url("asem/asem_aggmeta.csv") else { return nil }
        return try Framework.load(path: meta.path, aggregates: aggregates.path)
    }

    @Test("COINr's ASEM metadata: 49 indicators, 8 sub-pillars, 2 pillars, the index", .referenceData("asem/asem_indmeta.csv"))
    func asemMetadata() throws {
        guard let framework = try asemFramework() else { return }
        #expect(framework.indicators.count == 49)
        #expect(framework.dimensions.count == 8)
        #expect(framework.groups.map(\.code) == ["Conn", "Sust", "Index"])
        #expect(framework.groups.map(\.level) == [1, 1, 2])
        #expect(framework.indicators.filter { $0.direction == -1 }.count > 0)
        let structure = framework.compositeStructure()
        #expect(structure.levels.count == 3)
        #expect(structure.levels.last!.map(\.code) == ["Index"])
        #expect(abs(structure.effectiveWeights[0].reduce(0, +) - 1) < 1e-12)
    }

    @Test("Aggregating COINr's normalised ASEM data reproduces asem_aggregated.csv within 1e-9", .referenceData("asem/asem_normalised.csv"))
    func asemAggregation() throws {
        guard let framework = try asemFramework(), let normalised = ReferenceData.url("asem/asem_normalised.csv"),
              let published = ReferenceData.url("asem/asem_aggregated.csv") else { return }
        let portfolio = try Portfolio.load(path: normalised.path, framework: framework)
        let composite = try CompositeIndicator(portfolio)
        let table = try CSVReader.read(path: published.path)
        let idColumn = try #require(table.column(named: "UnitCode"))
        var compared = 0, worst = 0.0
        for code in framework.dimensions.map(\.code) + framework.groups.map(\.code) {
            let column = try #require(table.column(named: code), "\(code) is published")
            let ours = try #require(composite.scores(of: code))
            for (row, cells) in table.rows.enumerated() {
                let region = try #require(portfolio.regionIndex(cells[idColumn]))
                let expected = try #require(Double(cells[column]), "row \(row) of \(code)")
                worst = max(worst, abs(ours[region] - expected))
                compared += 1
            }
        }
        #expect(compared == 51 * 11)
        #expect(worst < 1e-9, "largest difference \(worst)")
    }

    @Test("The shipped framework: six dimensions under an implied index; explicit and PCA weights")
    func stressTestFramework() throws {
        let p = try Portfolio.demo()
        let c = try CompositeIndicator(p)
        #expect(c.indexCode == "Index")
        #expect(c.structure.levels.map(\.count) == [6, 1])
        // With equal weights and no missing value the index is the mean of the dimension means.
        let dims = p.framework.dimensions.map { c.scores(of: $0.code)! }
        let index = c.scores(of: "Index")!
        for r in p.regions.indices where dims.allSatisfy({ !$0[r].isNaN }) {
            #expect(abs(index[r] - dims.map { $0[r] }.reduce(0, +) / 6) < 1e-12)
        }
        // The dimension composites agree with the framework's own rule.
        let composites = p.composites()
        for (d, code) in p.framework.dimensions.map(\.code).enumerated() {
            for r in p.regions.indices { #expect(isSame(c.scores(of: code)![r], composites[r][d])) }
        }
        // Doubling one dimension's weight.
        let first = p.framework.dimensions[0].code
        let weighted = try CompositeIndicator(p, weighting: .explicit([first: 2]))
        #expect(abs(weighted.weights[first]! - 2.0 / 7) < 1e-12)
        #expect(throws: PortfolioError.self) { try CompositeIndicator(p, weighting: .explicit(["DEVV": 2])) }
        let pca = try CompositeIndicator(p, weighting: .pca)
        #expect(pca.explained.count == 7)
        #expect(abs(pca.effectiveWeights.reduce(0, +) - 1) < 1e-12)
    }

    @Test("A zero under the geometric mean names the region and the indicator")
    func geometricZero() throws {
        var p = try Portfolio.demo()
        p.values[3][4] = 0
        #expect(throws: PortfolioError.self) { try CompositeIndicator(p, methods: [.geometric]) }
        do {
            _ = try CompositeIndicator(p, methods: [.geometric])
        } catch {
            #expect(error.message.contains(p.regions[3].label))
            #expect(error.message.contains(p.framework.indicators[4].id))
        }
        #expect(try CompositeIndicator(p, methods: [.geometric], shift: 1).scores(of: "Index")!.allSatisfy { !$0.isNaN })
    }

    @Test("Tipping points: the weights returned tie the two regions when the index is recomputed with them")
    func tippingTiesTheNeighbours() throws {
        let p = try Portfolio.demo()
        let c = try CompositeIndicator(p)
        let region = try #require(p.regionIndex("Nordtal"))
        for level in CompositeIndicator.TippingLevel.allCases {
            let t = try c.tipping(region: region, level: level)
            #expect(t.excluded.isEmpty)
            #expect(abs(t.weights.reduce(0, +) - 1) < 1e-12)
            for point in t.pairwise.neighbours {
                let weights = try #require(point.tipping.weights)
                var explicit = Dictionary(uniqueKeysWithValues: zip(t.components, weights))
                if level == .indicators {  // a dimension weighs what its indicators weigh together
                    for dimension in p.framework.dimensions {
                        explicit[dimension.code] = p.framework.indicators(in: dimension.code).reduce(0) { $0 + explicit[$1.id]! }
                    }
                }
                let tied = try CompositeIndicator(p, weighting: .explicit(explicit)).scores(of: "Index")!
                let other = t.included[point.other]
                #expect(abs(tied[region] - tied[other]) < 1e-9, "\(level): \(p.regions[other].label)")
            }
        }
        // Geometric aggregation has no exact tipping points.
        #expect(throws: PortfolioError.self) { try CompositeIndicator(p, methods: [.geometric]).tipping(region: region) }
    }

    func isSame(_ a: Double, _ b: Double) -> Bool { (a.isNaN && b.isNaN) || abs(a - b) < 1e-12 }
}
