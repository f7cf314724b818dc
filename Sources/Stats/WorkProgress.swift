import CRankKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interruption and progress of long computations (Monte Carlo, Sobol', clustering, distances).
///
/// Interruption: one process-wide flag. A front end sets it with `requestInterrupt()` (from a
/// SIGINT handler: it is async-signal-safe); the long algorithms call `checkpoint()` (or read
/// `isInterruptRequested` in worker threads) once per block of work, about every millisecond, and
/// throw `StatsError.interrupted`, discarding their partial results. Nothing clears the flag but
/// `clearInterrupt()`: a front end clears it before it starts the next command (while it is set,
/// every checkpoint throws).
///
/// Progress: an algorithm wraps its work in `track(_:total:_:)` and advances the `Work` it gets by
/// units of work done (from any thread). Only the outermost work of the process reports (work
/// started while another is running, such as the evaluations inside a Sobol' analysis, or an
/// analysis on another thread, gets a silent `Work`). The one observer a front end installs
/// (`setObserver(_:)`) receives an `Update` when the work starts, at most every `interval`
/// seconds while it runs (throttled here, never in the algorithms), and when it ends (`.finished`
/// at fraction 1, or `.stopped` when it threw); fractions never decrease. The observer is called
/// from whichever thread reports, one call at a time; it must be quick and must not call
/// `WorkProgress`.
///
/// Cost: a checkpoint is one relaxed atomic load; an advance is a call (never inlined: inlined
/// into k-means's loop it cost 1.5 % of its instructions) that tests nil for a silent `Work`, and
/// for the reporting one adds atomically and reads the clock. Algorithms check and advance once
/// per block of work (about a millisecond or less), never per element. Checks and reports never
/// change a result.
public enum WorkProgress {
    // MARK: - Interruption

    /// Asks the running computation to stop. Async-signal-safe (one lock-free atomic store; no
    /// allocation, no lock), so a SIGINT handler may call it.
    public static func requestInterrupt() {
        stresstest_interrupt_request()
    }

    /// Withdraws an interrupt request: computations run again.
    public static func clearInterrupt() {
        stresstest_interrupt_clear()
    }

    /// Whether an interrupt has been requested and not cleared.
    public static var isInterruptRequested: Bool {
        @inline(__always) get { stresstest_interrupt_requested() != 0 }
    }

    /// Throws `StatsError.interrupted` when an interrupt has been requested.
    @inline(__always)
    public static func checkpoint() throws(StatsError) {
        if stresstest_interrupt_requested() != 0 { throw .interrupted }
    }

    // MARK: - Observing

    /// What an observer learns about the outermost work.
    public struct Update: Sendable, Equatable {
        public enum State: Sendable, Equatable {
            /// The work has started (fraction 0) or is under way.
            case running
            /// The work has completed (fraction 1): the last update of this work.
            case finished
            /// The work threw (interrupted, or an error): the last update of this work, with the
            /// fraction reached.
            case stopped
        }

        /// What runs, e.g. "uncertainty: 1,000,000 samples".
        public var label: String
        /// The share done, 0...1, never decreasing during one work.
        public var fraction: Double
        /// Seconds since the work started.
        public var elapsed: Double
        public var state: State

        public init(label: String, fraction: Double, elapsed: Double, state: State) {
            self.label = label
            self.fraction = fraction
            self.elapsed = elapsed
            self.state = state
        }
    }

    /// Receives the updates; see the type's documentation.
    public typealias Observer = @Sendable (Update) -> Void

    /// The least time between two `.running` updates, in seconds (at most 20 a second).
    public static let interval = 0.05

    /// Installs the process's one observer, replacing the previous one (nil removes it).
    public static func setObserver(_ observer: Observer?) {
        shared.lock()
        shared.observer = observer
        shared.unlock()
    }

    // MARK: - Reporting

    /// Runs `body`, reporting its progress as the outermost work labelled `label` (built only
    /// then) with `total` units of work (at least 1 is assumed), unless other work is running,
    /// in which case the `Work` is silent. Ends with a `.finished` update when `body` returns and
    /// a `.stopped` one when it throws.
    public static func track<T, E: Error>(
        _ label: @autoclosure () -> String, total: Int, _ body: (Work) throws(E) -> T
    ) throws(E) -> T {
        let tracker = shared.begin(label, total: total)
        let work = Work(tracker: tracker)
        do {
            let result = try body(work)
            if let tracker { shared.end(tracker, completed: true) }
            return result
        } catch {
            if let tracker { shared.end(tracker, completed: false) }
            throw error
        }
    }

    /// The handle of one tracked work, shared by its threads.
    public struct Work: Sendable {
        let tracker: Tracker?

        /// A work that never reports (for callers that track nothing).
        public static let silent = Work(tracker: nil)

        /// Whether this is the outermost work, whose progress the observer sees.
        public var isReporting: Bool { tracker != nil }

        /// Records `units` more units of work done (from any thread).
        @inline(never)  // an opaque call costs the callers' hot loops nothing (inlined, it did)
        public func advance(by units: Int = 1) {
            guard let tracker else { return }
            tracker.advance(by: units)
        }

        /// Throws `StatsError.interrupted` when an interrupt has been requested.
        @inline(__always)
        public func checkpoint() throws(StatsError) {
            try WorkProgress.checkpoint()
        }
    }

    /// `n` with a comma between groups of three digits (1,000,000), for labels.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var result = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result.append(",") }
            result.append(c)
        }
        return (n < 0 ? "-" : "") + result
    }

    // MARK: - State

    static let shared = State()

    /// One outermost work: its label, total, units done (atomic) and when it may report next.
    final class Tracker: @unchecked Sendable {
        let label: String
        let total: Int64
        let start: Int64
        /// [0]: units done; [1]: the earliest time (ns) of the next `.running` update.
        let cells: UnsafeMutablePointer<Int64>

        init(label: String, total: Int, start: Int64) {
            self.label = label
            self.total = Int64(max(1, total))
            self.start = start
            cells = .allocate(capacity: 2)
            cells.initialize(repeating: 0, count: 2)
        }

        deinit { cells.deallocate() }

        func advance(by units: Int) {
            let done = stresstest_counter_add(cells, Int64(units))
            let now = stresstest_monotonic_nanoseconds()
            guard now >= stresstest_counter_load(cells + 1) else { return }
            WorkProgress.shared.offer(self, done: done, now: now)
        }
    }

    /// The observer and the outermost work, behind a mutex.
    final class State: @unchecked Sendable {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>
        var observer: Observer?
        private var active: Tracker?
        private var lastFraction = 0.0

        init() {
            mutex = .allocate(capacity: 1)
            pthread_mutex_init(mutex, nil)
        }

        func lock() { pthread_mutex_lock(mutex) }
        func unlock() { pthread_mutex_unlock(mutex) }

        func begin(_ label: () -> String, total: Int) -> Tracker? {
            lock()
            defer { unlock() }
            guard active == nil else { return nil }
            let now = stresstest_monotonic_nanoseconds()
            let tracker = Tracker(label: label(), total: total, start: now)
            active = tracker
            lastFraction = 0
            stresstest_counter_store(tracker.cells + 1, now + Int64(WorkProgress.interval * 1e9))
            observer?(Update(label: tracker.label, fraction: 0, elapsed: 0, state: .running))
            return tracker
        }

        /// A `.running` update, unless another thread is reporting (never waits) or the last
        /// update was less than `interval` ago.
        func offer(_ tracker: Tracker, done: Int64, now: Int64) {
            guard pthread_mutex_trylock(mutex) == 0 else { return }
            defer { unlock() }
            guard active === tracker, now >= stresstest_counter_load(tracker.cells + 1) else { return }
            stresstest_counter_store(tracker.cells + 1, now + Int64(WorkProgress.interval * 1e9))
            lastFraction = max(lastFraction, min(1, Double(done) / Double(tracker.total)))
            observer?(Update(label: tracker.label, fraction: lastFraction, elapsed: Double(now - tracker.start) / 1e9,
                             state: .running))
        }

        func end(_ tracker: Tracker, completed: Bool) {
            lock()
            defer { unlock() }
            guard active === tracker else { return }
            active = nil
            let now = stresstest_monotonic_nanoseconds()
            let done = stresstest_counter_load(tracker.cells)
            lastFraction = completed ? 1 : max(lastFraction, min(1, Double(done) / Double(tracker.total)))
            observer?(Update(label: tracker.label, fraction: lastFraction, elapsed: Double(now - tracker.start) / 1e9,
                             state: completed ? .finished : .stopped))
        }
    }
}

/// Whether any worker of one computation saw an interrupt request and skipped work: the
/// computation then throws `StatsError.interrupted` even if the request was withdrawn meanwhile
/// (its partial result must never be returned).
final class InterruptLatch: @unchecked Sendable {
    private let cell: UnsafeMutablePointer<Int64>

    init() {
        cell = .allocate(capacity: 1)
        cell.initialize(to: 0)
    }

    deinit { cell.deallocate() }

    /// True, and remembered, when an interrupt is requested: the caller stops its work.
    @inline(__always)
    func poll() -> Bool {
        guard stresstest_interrupt_requested() != 0 else { return false }
        stresstest_counter_store(cell, 1)
        return true
    }

    /// Whether a poll saw an interrupt request.
    var tripped: Bool { stresstest_counter_load(cell) != 0 }

    /// Throws `StatsError.interrupted` when a poll saw an interrupt request.
    func check() throws(StatsError) {
        if tripped { throw .interrupted }
    }
}
