import Foundation
import Testing
@testable import Stats

@Suite("SobolSequence: Joe & Kuo direction numbers, scrambling")
struct SobolSequenceTests {
    struct Reference: Decodable {
        var count: Int
        var dimensions: [Int]
        var points: [[Double]]
    }

    @Test("Unscrambled points equal scipy.stats.qmc.Sobol(scramble=False) up to the half-cell offset")
    func matchesScipy() throws {
        let reference = try fixture("sobol_reference", as: Reference.self)
        let sequence = try SobolSequence(dimensions: SobolSequence.maxDimensions, seed: nil)
        let points = sequence.points(count: reference.count)
        var mismatches = 0
        for row in 0..<reference.count {
            for (column, dimension) in reference.dimensions.enumerated() {
                let actual = points[row * SobolSequence.maxDimensions + dimension]
                if abs(actual - 0x1p-33 - reference.points[row][column]) > 1e-15 { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("Points from any start index equal the same points generated from 0")
    func startAnywhere() throws {
        let sequence = try SobolSequence(dimensions: 7, seed: 42)
        let all = sequence.points(count: 300)
        for start in [1, 5, 64, 127, 255] {
            let part = sequence.points(from: start, count: 300 - start)
            #expect(part == Array(all[(start * 7)...]))
        }
    }

    @Test("Scrambled: each dimension of the first 2^m points has one point in each of the 2^m cells")
    func scrambledBalance() throws {
        let d = 20, count = 1024
        let points = try SobolSequence(dimensions: d, seed: 7).points(count: count)
        #expect(points.allSatisfy { $0 > 0 && $0 < 1 })
        for dimension in 0..<d {
            let cells = Set((0..<count).map { Int(points[$0 * d + dimension] * Double(count)) })
            #expect(cells.count == count)
        }
        // Two-dimensional projections of the first 2^10 points: each of the 32 x 32 cells once
        // for the first two dimensions ((0, m, 2)-net).
        let pairs = Set((0..<count).map { Int(points[$0 * d] * 32) * 32 + Int(points[$0 * d + 1] * 32) })
        #expect(pairs.count == 1024)
    }

    @Test("Seeds: the same seed gives the same points, another seed other points")
    func seeds() throws {
        let a = try SobolSequence(dimensions: 5, seed: 1).points(count: 16)
        let b = try SobolSequence(dimensions: 5, seed: 1).points(count: 16)
        let c = try SobolSequence(dimensions: 5, seed: 2).points(count: 16)
        #expect(a == b)
        #expect(a != c)
    }

    @Test("Dimensions outside 1...1024 are an error")
    func dimensionLimits() {
        #expect(throws: StatsError.self) { try SobolSequence(dimensions: 0, seed: nil) }
        #expect(throws: StatsError.self) { try SobolSequence(dimensions: 1025, seed: 1) }
    }
}
