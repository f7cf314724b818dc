import Foundation
import Testing
@testable import Stats

// The interrupt flag and the progress observer are process-wide, and the other suites run in
// parallel in this process: every test that requests an interrupt or installs an observer runs
// in a child process (an exit test), so that it cannot stop or observe another suite's work.
// The child prints what it measured (the time from the request to the throw) on standard error;
// the parent shows it.

/// A failed check inside a child process (its message goes to standard error).
private struct ScenarioFailure: Error, CustomStringConvertible {
    var description: String
}

private func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    guard condition else {
        let text = message()
        FileHandle.standardError.write(Data("FAILED: \(text)\n".utf8))
        throw ScenarioFailure(description: text)
    }
}

private func note(_ text: String) {
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}

/// Seconds from `start` to `end`.
private func seconds(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Double {
    let d = end - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

/// Requests an interrupt from another thread after `delay` seconds and remembers when.
private final class DelayedInterrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var requested: ContinuousClock.Instant?

    init(after delay: Double) {
        let thread = Thread { [self] in
            Thread.sleep(forTimeInterval: delay)
            let now = ContinuousClock.now
            WorkProgress.requestInterrupt()
            lock.lock()
            requested = now
            lock.unlock()
        }
        thread.start()
    }

    /// When the interrupt was requested (nil if not yet).
    var requestedAt: ContinuousClock.Instant? {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }
}

/// Runs `body` with an interrupt requested `delay` seconds into it; requires that it throws
/// `StatsError.interrupted` and returns the seconds from the request to the throw.
private func interruptDuring(_ name: String, after delay: Double = 0.1, _ body: () throws(StatsError) -> Void) throws -> Double {
    WorkProgress.clearInterrupt()
    let interrupt = DelayedInterrupt(after: delay)
    var thrown: StatsError?
    do throws(StatsError) { try body() } catch { thrown = error }
    let end = ContinuousClock.now
    try require(thrown == .interrupted, "\(name): expected .interrupted, got \(thrown.map { "\($0)" } ?? "a result")")
    guard let requested = interrupt.requestedAt else { throw ScenarioFailure(description: "\(name): finished before the request") }
    let latency = seconds(from: requested, to: end)
    note("\(name): interrupted \(String(format: "%.1f", latency * 1000)) ms after the request")
    WorkProgress.clearInterrupt()
    return latency
}

/// Requires that `body` throws `StatsError.interrupted` while an interrupt is pending, then
/// clears it.
private func interruptBefore<T>(_ name: String, _ body: () throws(StatsError) -> T) throws {
    WorkProgress.requestInterrupt()
    defer { WorkProgress.clearInterrupt() }
    var thrown: StatsError?
    do throws(StatsError) { _ = try body() } catch { thrown = error }
    try require(thrown == .interrupted, "\(name): expected .interrupted before the work, got \(thrown.map { "\($0)" } ?? "a result")")
}

/// Collects the updates an observer receives.
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [WorkProgress.Update] = []
    func record(_ update: WorkProgress.Update) {
        lock.lock()
        received.append(update)
        lock.unlock()
    }
    var updates: [WorkProgress.Update] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }
    func reset() {
        lock.lock()
        received = []
        lock.unlock()
    }
}

/// The updates of one work: starts at 0 (running), fractions never decrease, at most one
/// running update per `WorkProgress.interval` (plus slack for the clock), and the end as given.
private func checkUpdates(_ updates: [WorkProgress.Update], label: String, end: WorkProgress.Update.State) throws {
    try require(updates.count >= 2, "\(label): \(updates.count) updates")
    try require(updates.allSatisfy { $0.label == label }, "labels \(Set(updates.map(\.label))) instead of \(label)")
    try require(updates.first!.state == .running && updates.first!.fraction == 0, "first update \(updates.first!)")
    try require(updates.dropLast().allSatisfy { $0.state == .running }, "an end before the last update")
    try require(updates.last!.state == end, "last update \(updates.last!), expected \(end)")
    if end == .finished { try require(updates.last!.fraction == 1, "finished at \(updates.last!.fraction)") }
    for (a, b) in zip(updates, updates.dropFirst()) {
        try require(b.fraction >= a.fraction, "fraction fell from \(a.fraction) to \(b.fraction)")
        try require(b.elapsed >= a.elapsed, "elapsed fell from \(a.elapsed) to \(b.elapsed)")
    }
    try require(updates.allSatisfy { $0.fraction >= 0 && $0.fraction <= 1 }, "a fraction outside [0, 1]")
    let running = updates.filter { $0.state == .running }
    let limit = Int(updates.last!.elapsed / WorkProgress.interval) + 2
    try require(running.count <= limit, "\(running.count) running updates in \(updates.last!.elapsed) s (at most \(limit))")
}

// MARK: - Workloads

private enum Workload {
    /// Three pillars of 8, 7 and 5 indicators over `units` units, uniform data, seeded.
    static func uncertainty(units: Int = 120) throws(StatsError) -> UncertaintyAnalysis {
        let indicators = (1...20).map { "i\($0)" }
        let structure = try CompositeStructure(indicators: indicators, levels: [
            [.init(code: "P1", children: Array(0..<8)), .init(code: "P2", children: Array(8..<15)),
             .init(code: "P3", children: Array(15..<20))],
            [.init(code: "Index", children: [0, 1, 2], weights: [2, 1, 1])],
        ])
        var g = SplitMix64(seed: 2024)
        let data = (0..<20).map { _ in (0..<units).map { _ in g.openUnit() } }
        return try UncertaintyAnalysis(structure: structure, data: [data], perturbation: .uniform(fraction: 0.3, renormalised: true))
    }

    /// `rows` x `columns` points around 12 centres, seeded.
    static func points(rows: Int, columns: Int = 10) -> Matrix {
        var g = SplitMix64(seed: 77)
        let centres = (0..<12).map { _ in (0..<columns).map { _ in 10 * g.unit() } }
        var elements = [Double]()
        elements.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for c in 0..<columns { elements.append(centres[i % 12][c] + g.unit() - 0.5) }
        }
        return Matrix(rows: rows, columns: columns, elements: elements)
    }

    /// A Sobol' model of `d` inputs whose evaluation costs about `cost` multiply-adds.
    static func sobolModel(d: Int, cost: Int) -> SobolModel {
        { points, count, outputs in
            for row in 0..<count {
                var y = 0.0
                for j in 0..<d { y += Double(j + 1) * points[row * d + j] * points[row * d + j] }
                var spin = 0.0
                for t in 0..<cost { spin += Double(t & 7) * 1e-300 }
                outputs[row] = y + spin
            }
        }
    }
}

// MARK: - Scenarios (each run in a child process)

private enum Scenario {
    static func uncertainty() throws {
        let analysis = try Workload.uncertainty()
        let reference = try analysis.run(samples: 20_000, seed: 7)
        try interruptBefore("uncertainty") { () throws(StatsError) in try analysis.run(samples: 20_000, seed: 7) }
        try require(try analysis.run(samples: 20_000, seed: 7) == reference, "uncertainty after a cleared interrupt differs")
        for threads in [nil, 1] as [Int?] {
            _ = try interruptDuring("uncertainty, 20,000,000 samples, threads \(threads.map(String.init) ?? "all")") { () throws(StatsError) in
                _ = try analysis.run(samples: 20_000_000, seed: 7, threads: threads)
            }
            try require(try analysis.run(samples: 20_000, seed: 7) == reference, "uncertainty after an interrupt differs")
        }
    }

    static func kMeans() throws {
        let data = Workload.points(rows: 5_000)
        let reference = try KMeans.fit(rows: data, k: 12, restarts: 4, seed: 3)
        try interruptBefore("k-means") { () throws(StatsError) in try KMeans.fit(rows: data, k: 12, restarts: 4, seed: 3) }
        let again = try KMeans.fit(rows: data, k: 12, restarts: 4, seed: 3)
        try require(again.clusters == reference.clusters && again.restartObjectives == reference.restartObjectives,
                    "k-means after a cleared interrupt differs")
        let big = Workload.points(rows: 400_000, columns: 20)
        _ = try interruptDuring("k-means, 400,000 rows, 500 restarts") { () throws(StatsError) in
            _ = try KMeans.fit(rows: big, k: 40, restarts: 500, seed: 3)
        }
        let after = try KMeans.fit(rows: data, k: 12, restarts: 4, seed: 3)
        try require(after.clusters == reference.clusters && after.restartObjectives == reference.restartObjectives,
                    "k-means after an interrupt differs")
    }

    static func sobol() throws {
        let model = Workload.sobolModel(d: 6, cost: 0)
        let reference = try SobolSensitivity(dimensions: 6, samples: 1024, seed: 5, resamples: 100, model: model)
        try interruptBefore("sobol") { () throws(StatsError) in
            try SobolSensitivity(dimensions: 6, samples: 1024, seed: 5, resamples: 100, model: model)
        }
        let slow = Workload.sobolModel(d: 6, cost: 5_000)
        _ = try interruptDuring("sobol, 2^20 rows of a slow model") { () throws(StatsError) in
            _ = try SobolSensitivity(dimensions: 6, samples: 1 << 20, seed: 5, resamples: 100, model: slow)
        }
        _ = try interruptDuring("sobol bootstrap, 2^17 rows, 20,000 resamples", after: 0.4) { () throws(StatsError) in
            _ = try SobolSensitivity(dimensions: 6, samples: 1 << 17, seed: 5, resamples: 20_000, model: model)
        }
        let again = try SobolSensitivity(dimensions: 6, samples: 1024, seed: 5, resamples: 100, model: model)
        try require(again.convergence == reference.convergence, "sobol after an interrupt differs")
    }

    static func clustering() throws {
        let small = Workload.points(rows: 600, columns: 5)
        let distances = try DistanceMatrix.between(rows: small)
        let tree = try HierarchicalClustering.linkage(distances, method: .average)
        let ward = try HierarchicalClustering.ward(rows: small)
        let single = try HierarchicalClustering.linkage(distances, method: .single)
        let clusters = try tree.cut(clusters: 12)
        let widths = try Silhouette.widths(distances, clusters: clusters)
        try interruptBefore("distances") { () throws(StatsError) in try DistanceMatrix.between(rows: small) }
        try interruptBefore("balanced distances") { () throws(StatsError) in
            try DistanceMatrix.balanced(rows: small, groups: [[0, 1], [2, 3, 4]])
        }
        try interruptBefore("hclust") { () throws(StatsError) in try HierarchicalClustering.linkage(distances, method: .average) }
        try interruptBefore("single linkage") { () throws(StatsError) in try HierarchicalClustering.linkage(distances, method: .single) }
        try interruptBefore("ward") { () throws(StatsError) in try HierarchicalClustering.ward(rows: small) }
        try interruptBefore("silhouette") { () throws(StatsError) in try Silhouette.widths(distances, clusters: clusters) }
        try interruptBefore("tipping points") { () throws(StatsError) in
            try TippingPoints.pairwise(scores: small, weights: [Double](repeating: 0.2, count: 5), region: 3)
        }
        try require(try DistanceMatrix.between(rows: small) == distances, "distances after an interrupt differ")
        try require(try HierarchicalClustering.linkage(distances, method: .average) == tree, "hclust after an interrupt differs")
        try require(try HierarchicalClustering.linkage(distances, method: .single) == single, "single linkage after an interrupt differs")
        try require(try HierarchicalClustering.ward(rows: small) == ward, "ward after an interrupt differs")
        try require(try Silhouette.widths(distances, clusters: clusters).widths == widths.widths, "silhouette after an interrupt differs")

        let large = Workload.points(rows: 9000, columns: 40)
        _ = try interruptDuring("distances, 9,000 rows x 40 (40 million pairs)", after: 0.05) { () throws(StatsError) in
            _ = try DistanceMatrix.between(rows: large)
        }
        var cells = large.elements
        cells[5] = .nan
        let missing = Matrix(rows: large.rows, columns: large.columns, elements: cells)
        _ = try interruptDuring("distances with a missing cell", after: 0.05) { () throws(StatsError) in
            _ = try DistanceMatrix.between(rows: missing)
        }
        _ = try interruptDuring("ward, 9,000 rows", after: 0.2) { () throws(StatsError) in
            _ = try HierarchicalClustering.ward(rows: large)
        }
        let medium = try DistanceMatrix.between(rows: Workload.points(rows: 4000, columns: 5))
        _ = try interruptDuring("hclust average, 4,000 items", after: 0.05) { () throws(StatsError) in
            _ = try HierarchicalClustering.linkage(medium, method: .average)
        }
        try require(try HierarchicalClustering.linkage(distances, method: .average) == tree, "hclust after an interrupt differs")
    }

    static func progress() throws {
        let recorder = Recorder()
        WorkProgress.setObserver { recorder.record($0) }
        defer { WorkProgress.setObserver(nil) }
        let analysis = try Workload.uncertainty()

        // A completed work: 0 ... 1, monotone, throttled, ending .finished.
        let result = try analysis.run(samples: 100_000, seed: 1)
        try checkUpdates(recorder.updates, label: "uncertainty: 100,000 samples", end: .finished)
        note("uncertainty, 100,000 samples: \(recorder.updates.count) updates in \(String(format: "%.2f", recorder.updates.last!.elapsed)) s")

        // The same with the observer: the same result (the reports change nothing).
        WorkProgress.setObserver(nil)
        try require(try analysis.run(samples: 100_000, seed: 1) == result, "the result depends on the observer")
        WorkProgress.setObserver { recorder.record($0) }

        // An interrupted work ends .stopped, below 1.
        recorder.reset()
        _ = try interruptDuring("uncertainty with an observer", after: 0.3) { () throws(StatsError) in
            _ = try analysis.run(samples: 20_000_000, seed: 1)
        }
        try checkUpdates(recorder.updates, label: "uncertainty: 20,000,000 samples", end: .stopped)
        try require(recorder.updates.last!.fraction < 1, "an interrupted work ended at 1")

        // Nested work reports only the outermost; k-means and clustering report too.
        recorder.reset()
        let data = Workload.points(rows: 5_000)
        try WorkProgress.track("outer", total: 2) { (work: WorkProgress.Work) throws in
            try require(work.isReporting, "the outer work does not report")
            _ = try KMeans.fit(rows: data, k: 12, restarts: 2, seed: 1)
            work.advance()
            _ = try analysis.run(samples: 10_000, seed: 1)
            work.advance()
        }
        try checkUpdates(recorder.updates, label: "outer", end: .finished)

        recorder.reset()
        _ = try KMeans.fit(rows: data, k: 12, restarts: 6, seed: 1)
        try checkUpdates(recorder.updates, label: "k-means: 6 restarts on 5,000 rows", end: .finished)
        recorder.reset()
        let distances = try DistanceMatrix.between(rows: Workload.points(rows: 3000, columns: 8))
        try checkUpdates(recorder.updates, label: "distances: 4,498,500 pairs", end: .finished)
        recorder.reset()
        _ = try HierarchicalClustering.linkage(distances, method: .complete)
        try checkUpdates(recorder.updates, label: "hierarchical clustering (complete): 3,000 items", end: .finished)
        recorder.reset()
        _ = try SobolSensitivity(dimensions: 4, samples: 4096, seed: 1, resamples: 200, model: Workload.sobolModel(d: 4, cost: 0))
        try checkUpdates(recorder.updates, label: "sobol: 24,576 evaluations, 200 resamples", end: .finished)
    }
}

@Suite("Interrupting long computations and reporting their progress")
struct WorkProgressTests {
    @Test("Labels and the error's text")
    func basics() {
        #expect(StatsError.interrupted.description == "interrupted")
        #expect(WorkProgress.grouped(0) == "0")
        #expect(WorkProgress.grouped(999) == "999")
        #expect(WorkProgress.grouped(1000) == "1,000")
        #expect(WorkProgress.grouped(20_000_000) == "20,000,000")
        #expect(WorkProgress.grouped(-1_234_567) == "-1,234,567")
        // Untracked: a silent work accepts advances and never reports.
        #expect(!WorkProgress.Work.silent.isReporting)
        WorkProgress.Work.silent.advance(by: 5)
    }

    @Test("Uncertainty: an interrupt before or during the run throws .interrupted; cleared, the run gives the same result")
    func uncertainty() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            try Scenario.uncertainty()
        }
        if let result { print(String(decoding: result.standardErrorContent, as: UTF8.self), terminator: "") }
    }

    @Test("k-means: an interrupt before or during the restarts throws .interrupted; cleared, the fit is the same")
    func kMeans() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            try Scenario.kMeans()
        }
        if let result { print(String(decoding: result.standardErrorContent, as: UTF8.self), terminator: "") }
    }

    @Test("Sobol': an interrupt in the design or the bootstrap throws .interrupted; cleared, the indices are the same")
    func sobol() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            try Scenario.sobol()
        }
        if let result { print(String(decoding: result.standardErrorContent, as: UTF8.self), terminator: "") }
    }

    @Test("Distances, hierarchical clustering, Ward, silhouette, tipping points: interrupts throw; cleared, the same results")
    func clustering() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            try Scenario.clustering()
        }
        if let result { print(String(decoding: result.standardErrorContent, as: UTF8.self), terminator: "") }
    }

    @Test("Progress: from 0 to 1, never decreasing, throttled, only the outermost work, .stopped when interrupted")
    func progress() async {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            try Scenario.progress()
        }
        if let result { print(String(decoding: result.standardErrorContent, as: UTF8.self), terminator: "") }
    }
}
