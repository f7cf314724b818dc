import CRankKernels
import Testing
@testable import Stats

@Suite("Window rank kernels (scalar, AVX2, AVX-512) give the same counts")
struct RankKernelsTests {
    /// Scores in nearly descending nominal order (with exact ties, far displacements when `spread`
    /// is large), stored for units in a shuffled data order, and the tightest valid windows,
    /// widened at random (still valid: positions before a window score more, after it less).
    func sample(_ n: Int, seed: UInt64, spread: Double) -> (scores: [Double], windows: RankWindows) {
        var rng = SplitMix64(seed: seed)
        let nominal = (0..<n).map { k in (Double(n - k) + spread * rng.unit()).rounded() / 2 }
        let tolerance = 1e-12 * max(1, nominal.map(abs).max()!)
        var lower = [Int32](), upper = [Int32]()
        for k in 0..<n {
            var l = 0
            while l < k && nominal[l] > nominal[k] + tolerance { l += 1 }
            var u = n - 1
            while u > k && nominal[u] + tolerance < nominal[k] && !(nominal[u] > nominal[k] + tolerance) { u -= 1 }
            l = max(0, l - Int(rng.next() % 3))
            u = min(n - 1, u + Int(rng.next() % 3))
            lower.append(Int32(l))
            upper.append(Int32(u))
        }
        var order = (0..<n).map { Int32($0) }
        order.shuffle(using: &rng)
        var scores = [Double](repeating: 0, count: n)
        for k in 0..<n { scores[Int(order[k])] = nominal[k] }
        return (scores, RankWindows(order: order, lower: lower, upper: upper))
    }

    @Test("Every kernel the CPU has agrees with the scalar one and with 1 + the number scoring more",
          arguments: [1, 7, 8, 9, 31, 246, 300])
    func kernelsAgree(n: Int) throws {
        for seed in 0..<20 {
            let (scores, windows) = sample(n, seed: UInt64(seed), spread: seed % 2 == 0 ? 3 : 40)
            let tolerance = 1e-12 * max(1, scores.map(abs).max()!)
            var expected = [Int](repeating: 0, count: n * n)
            for u in 0..<n { expected[u * n + scores.count { $0 > scores[u] + tolerance }] += 1 }
            var scratch = [Double](repeating: .nan, count: Int(stresstest_rank_scratch_count(Int32(n))))
            for kernel in 0...2 {
                var band = [UInt16](repeating: 0, count: windows.bandRows * n)
                let status = withUnsafePointer(to: windows.kernel) {
                    stresstest_count_window_ranks_with(Int32(kernel), scores, $0, &scratch, &band)
                }
                guard status == 0 else { continue }  // the CPU lacks these instructions
                var counts = [Int](repeating: 0, count: n * n)
                windows.flush(&band, into: &counts)
                #expect(counts == expected, "kernel \(kernel), n \(n), seed \(seed)")
                #expect(band.allSatisfy { $0 == 0 }, "flush clears the band")
            }
        }
        #expect(["avx512", "avx2", "scalar"].contains(String(cString: stresstest_rank_kernel_name())))
    }
}
