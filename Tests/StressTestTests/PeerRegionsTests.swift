import Foundation
import Stats
import Testing
@testable import StressTest

/// Peers and good practice on the shipped demo portfolio (2026 wave), checked against values
/// worked out by hand (numpy, shown in the comments) and against a direct computation in the test.
@Suite("Peer regions and good practice")
struct PeerRegionsTests {
    /// The z-scored structural variables of the demo portfolio, computed here without the library.
    func zScores(_ p: Portfolio) -> [[Double]] {
        let columns = p.variables.indices.map { j in p.variableValues.map { $0[j] } }
        let scaled = columns.map { column -> [Double] in
            let mean = column.reduce(0, +) / Double(column.count)
            let sd = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count - 1)).squareRoot()
            return column.map { ($0 - mean) / sd }
        }
        return p.regions.indices.map { i in scaled.map { $0[i] } }
    }

    func euclidean(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    }

    @Test("Nordtal's five structural peers, as worked out by hand")
    func nordtalPeers() throws {
        let p = try Portfolio.demo()
        let data = try p.regionVariables(.structure)
        #expect(data.names == ["population", "gdp_pps", "manufacturing_share", "rd_intensity", "cluster_organisations"])
        let peers = try PeerRegions(data, region: try p.requireRegion("Nordtal"), k: 5)
        // numpy: z-scores with ddof=1 over the 26 regions, Euclidean distance to Nordtal.
        let expected: [(String, Double)] = [("Montecastro", 1.097873), ("Norrvik", 1.134376), ("Ribaverde", 1.423289),
                                            ("Sjöbacka", 1.507884), ("Zuiderhaven", 1.607603)]
        #expect(peers.peers.map { p.regions[$0.region].id } == expected.map(\.0))
        for (peer, (_, distance)) in zip(peers.peers, expected) {
            #expect(abs(peer.distance - distance) < 1e-6)
            #expect(peer.shared == 5)
        }
        #expect(peers.unmeasured.isEmpty && peers.sameCountry.isEmpty)
    }

    @Test("Peers of every demo region equal a direct computation; excluding the country removes exactly its regions")
    func everyRegion() throws {
        let p = try Portfolio.demo()
        let z = zScores(p)
        let data = try p.regionVariables(.structure)
        let distances = try data.distances()
        for region in p.regions.indices {
            let direct = p.regions.indices.filter { $0 != region }
                .map { ($0, euclidean(z[region], z[$0])) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            let peers = try PeerRegions(data, region: region, k: 4, distances: distances)
            #expect(peers.peers.map(\.region) == direct.prefix(4).map(\.0))
            for (peer, (_, d)) in zip(peers.peers, direct) { #expect(abs(peer.distance - d) < 1e-12) }

            let abroad = try PeerRegions(data, region: region, k: 25, excludeCountry: true, distances: distances)
            let country = p.regions[region].country
            #expect(abroad.peers.allSatisfy { p.regions[$0.region].country != country })
            #expect(Set(abroad.sameCountry) == Set(p.regions.indices.filter { $0 != region && p.regions[$0].country == country }))
            #expect(abroad.peers.count + abroad.sameCountry.count == p.regions.count - 1)
        }
    }

    @Test("A region without enough shared variables is listed as unmeasured, never ranked")
    func missingVariables() throws {
        var p = try Portfolio.demo()
        let target = try p.requireRegion("Norrvik")
        for j in 0..<3 { p.variableValues[target][j] = .nan }  // 2 of 5 left; the default needs 3
        let data = try p.regionVariables(.structure)
        let peers = try PeerRegions(data, region: try p.requireRegion("Nordtal"), k: 25)
        #expect(peers.unmeasured == [target])
        #expect(!peers.peers.contains { $0.region == target })
        #expect(peers.peers.count == p.regions.count - 2)
        // With min_shared 2 it is measured on its 2 variables, rescaled to 5.
        let relaxed = try PeerRegions(data, region: try p.requireRegion("Nordtal"), k: 25, settings: DistanceSettings(minimumShared: 2))
        #expect(relaxed.peers.first { $0.region == target }?.shared == 2)
    }

    @Test("Good practice for Nordtal, as worked out by hand")
    func nordtalGoodPractice() throws {
        let p = try Portfolio.demo()
        let practice = try GoodPractice(p, region: "Nordtal")
        // numpy: dimension composites (equal weights), median and Q3 (type 7), candidates at or
        // above Q3 sorted by the structural distance. Nordtal is below the median everywhere.
        let expected: [(String, Double, Double, Double, [(String, Double)])] = [
            ("DEV", 1.9167, 2.21, 2.5188, [("Hohenfeld", 0.68), ("Borowina", 0.8667), ("Südmark", 1.0667)]),
            ("COA", 2.094, 2.2733, 2.4467, [("Norrvik", 0.5227), ("Horní Lesov", 0.6327), ("Lagodoro", 0.3627)]),
            ("IMP", 1.8044, 2.208, 2.4435, [("Montecastro", 0.6956), ("Zuiderhaven", 0.6416), ("Horní Lesov", 1.4976)]),
            ("IMC", 1.6899, 2.01, 2.3708, [("Zuiderhaven", 0.8434), ("Horní Lesov", 1.2667), ("Tannenstein", 0.7267)]),
            ("MON", 1.7828, 2.3659, 2.575, [("Norrvik", 0.8438), ("Haute-Sorelle", 0.8172), ("Montesol", 1.3838)]),
            ("POR", 1.5601, 2.115, 2.32, [("Sjöbacka", 0.7724), ("Lagodoro", 0.7899), ("Hohenfeld", 0.9024)]),
        ]
        #expect(practice.dimensions.map(\.code) == expected.map(\.0))
        for (dimension, (code, value, median, q3, cases)) in zip(practice.dimensions, expected) {
            #expect(abs(dimension.value - value) < 1e-4, "\(code) value")
            #expect(abs(dimension.median - median) < 1e-4, "\(code) median")
            #expect(abs(dimension.q3 - q3) < 1e-4, "\(code) Q3")
            #expect(dimension.lowerHalf)
            #expect(dimension.cases.map { p.regions[$0.region].id } == cases.map(\.0), "\(code) cases")
            for (c, (_, gap)) in zip(dimension.cases, cases) { #expect(abs(c.gap - gap) < 1e-4, "\(code) gap") }
        }
    }

    @Test("Good practice of every demo region: lower half below the median, cases in the top quartile, nearest first")
    func everyRegionGoodPractice() throws {
        let p = try Portfolio.demo()
        let z = zScores(p)
        let composites = p.composites()
        var upperHalfSeen = false
        for region in p.regions.indices {
            let practice = try GoodPractice(p, region: p.regions[region].id, k: 2)
            for (d, dimension) in practice.dimensions.enumerated() {
                let column = composites.map { $0[d] }.sorted()
                // Type 7 by hand: (n - 1) p, interpolated.
                func q(_ prob: Double) -> Double {
                    let h = Double(column.count - 1) * prob, lo = Int(h.rounded(.down))
                    return column[lo] + (h - Double(lo)) * (column[min(lo + 1, column.count - 1)] - column[lo])
                }
                let value = composites[region][d]
                #expect(abs(dimension.median - q(0.5)) < 1e-12 && abs(dimension.q3 - q(0.75)) < 1e-12)
                #expect(dimension.lowerHalf == (value < q(0.5)))
                upperHalfSeen = upperHalfSeen || !dimension.lowerHalf
                guard dimension.lowerHalf else { #expect(dimension.cases.isEmpty); continue }
                let direct = p.regions.indices.filter { $0 != region && composites[$0][d] >= q(0.75) }
                    .sorted { (euclidean(z[region], z[$0]), $0) < (euclidean(z[region], z[$1]), $1) }
                #expect(dimension.cases.map(\.region) == Array(direct.prefix(2)))
                for c in dimension.cases {
                    #expect(abs(c.gap - (composites[c.region][d] - value)) < 1e-12 && c.gap > 0)
                }
            }
        }
        #expect(upperHalfSeen)
    }

    @Test("Errors: unknown region with a suggestion, structure on a portfolio without it, collinear variables named")
    func errors() throws {
        let p = try Portfolio.demo()
        #expect(throws: PortfolioError.self) { try GoodPractice(p, region: "Nordtall") }
        do {
            _ = try GoodPractice(p, region: "Nordtall")
        } catch {
            #expect(error.help?.contains("Nordtal") == true)
        }
        var bare = p
        bare.variables = []
        bare.variableValues = bare.regions.map { _ in [] }
        #expect(bare.defaultPeerBasis == .indicators)
        #expect(throws: PortfolioError.self) { try bare.regionVariables(.structure) }

        var collinear = p
        collinear.variables.append("gdp_twice")
        for i in collinear.regions.indices { collinear.variableValues[i].append(2 * collinear.variableValues[i][1]) }
        let data = try collinear.regionVariables(.structure)
        do {
            _ = try data.distances(DistanceSettings(metric: .mahalanobis))
            Issue.record("a singular covariance must be an error")
        } catch {
            #expect(error.message.contains("`gdp_pps`") && error.message.contains("`gdp_twice`"))
        }
    }

    @Test("A structural variable that is the same in every region is left out of the structure, and named")
    func constantVariable() throws {
        var p = try Portfolio.demo()
        p.variables.append("level")
        for i in p.regions.indices { p.variableValues[i].append(2) }
        let data = try p.regionVariables(.structure)
        #expect(data.names.count == 5 && !data.names.contains("level"))
        #expect(data.description.contains("left out") && data.description.contains("level"))
        var flat = p
        flat.variables = ["level"]
        flat.variableValues = flat.regions.map { _ in [2] }
        #expect(flat.defaultPeerBasis == .indicators)
        #expect(throws: PortfolioError.self) { try flat.regionVariables(.structure) }
    }

    @Test("Variables: named columns mix indicators and structural variables; indicators are grouped by dimension")
    func variables() throws {
        let p = try Portfolio.demo()
        let chosen = try p.regionVariables(.columns(["gdp_pps", "I01", "I05"]))
        #expect(chosen.names == ["gdp_pps", "I01", "I05"])
        #expect(chosen.groups.map(\.name) == ["DEV", "COA", "structure"])
        #expect(chosen.groups.map(\.columns) == [[1], [2], [0]])
        let nordtal = try p.requireRegion("Nordtal")
        #expect(chosen.data[nordtal, 0] == p.variableValues[nordtal][1] && chosen.data[nordtal, 1] == p.values[nordtal][0])
        let indicators = try p.regionVariables(.indicators)
        #expect(indicators.groups.count == 6 && indicators.groups.map(\.columns.count) == [3, 3, 5, 3, 3, 4])
        #expect(throws: PortfolioError.self) { try p.regionVariables(.columns(["gdp_ppp"])) }
        #expect(throws: PortfolioError.self) { try p.regionVariables(.columns(["I01", "I01"])) }
    }
}
