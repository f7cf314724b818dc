import CRankKernels
import Testing
@testable import Stats

@Suite("Window rank kernels (scalar, AVX2, AVX-512) give the same counts")
struct RankKernelsTests {
    /// Scores in nearly descending order (with exact ties), the tightest valid windows, widened at
    /// random (still valid: positions before a window score more, after it less).
    func sample(_ n: Int, seed: UInt64) -> (scores: [Double], lower: [Int32], upper: [Int32]) {
        var rng = SplitMix64(seed: seed)
        let scores = (0..<n).map { k in (Double(n - k) + 3 * rng.unit()).rounded() / 2 }
        let tolerance = 1e-12 * max(1, scores.map(abs).max()!)
        var lower = [Int32](), upper = [Int32]()
        for k in 0..<n {
            var l = 0
            while l < k && scores[l] > scores[k] + tolerance { l += 1 }
            var u = n - 1
            while u > k && scores[u] + tolerance < scores[k] && !(scores[u] > scores[k] + tolerance) { u -= 1 }
            l = max(0, l - Int(rng.next() % 3))
            u = min(n - 1, u + Int(rng.next() % 3))
            lower.append(Int32(l))
            upper.append(Int32(u))
        }
        return (scores, lower, upper)
    }

    @Test("Every kernel the CPU has agrees with the scalar one and with 1 + the number scoring more", arguments: [1, 7, 8, 9, 31, 246])
    func kernelsAgree(n: Int) throws {
        for seed in 0..<20 {
            let (scores, lower, upper) = sample(n, seed: UInt64(seed))
            let unit = (0..<n).map { Int32($0) }
            let tolerance = 1e-12 * max(1, scores.map(abs).max()!)
            var expected = [UInt16](repeating: 0, count: n * n)
            for k in 0..<n { expected[k * n + scores.count { $0 > scores[k] + tolerance }] += 1 }
            for kernel in 0...2 {
                var counts = [UInt16](repeating: 0, count: n * n)
                let status = stresstest_count_window_ranks_with(Int32(kernel), scores, lower, upper, unit, Int32(n), tolerance, &counts)
                guard status == 0 else { continue }  // the CPU lacks these instructions
                #expect(counts == expected, "kernel \(kernel), n \(n), seed \(seed)")
            }
        }
        #expect(["avx512", "avx2", "scalar"].contains(String(cString: stresstest_rank_kernel_name())))
    }
}
