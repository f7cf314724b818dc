import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Column-wise work of the composite-indicator pipeline (imputation, outlier treatment,
/// normalisation): each column is independent, so a data set is split into fixed contiguous
/// chunks of columns (eight per core, for balance), run by `DispatchQueue.concurrentPerform`.
/// Results do not depend on the number of threads (no shared accumulation; each column is
/// computed by the same sequential code).
enum ColumnParallel {
    /// Below this many cells a data set is processed on the calling thread (threads would cost
    /// more than the work: COINr's ASEM example has 51 x 49 cells).
    static let parallelThreshold = 1 << 16

    /// The number of online cores (at least 1).
    static var cores: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }

    /// `transform` applied to every column, in order.
    static func map<Result: Sendable>(
        _ columns: [[Double]], _ transform: @Sendable ([Double]) -> Result
    ) -> [Result] {
        mapIndexed(columns) { _, column in transform(column) }
    }

    /// `transform(index, column)` applied to every column, in order.
    static func mapIndexed<Result: Sendable>(
        _ columns: [[Double]], _ transform: @Sendable (Int, [Double]) -> Result
    ) -> [Result] {
        let cells = columns.reduce(0) { $0 + $1.count }
        let blocks = min(cores, columns.count)
        guard blocks > 1, cells >= parallelThreshold else {
            return columns.indices.map { transform($0, columns[$0]) }
        }
        // A few chunks per core balance columns of unequal cost (outlier treatment).
        let chunks = min(columns.count, blocks * 8)
        return [Result](unsafeUninitializedCapacity: columns.count) { buffer, initialized in
            let base = SendablePointer(buffer.baseAddress!)
            columns.withUnsafeBufferPointer { source in
                let input = SendableColumns(source)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let start = chunk * input.buffer.count / chunks
                    let end = (chunk + 1) * input.buffer.count / chunks
                    for index in start..<end {
                        (base.pointer + index).initialize(to: transform(index, input.buffer[index]))
                    }
                }
            }
            initialized = columns.count
        }
    }

    /// Throws `StatsError.shapeMismatch` naming the first column whose length differs from the
    /// first column's.
    static func checkLengths(_ columns: [[Double]], of step: String) throws(StatsError) {
        guard let rows = columns.first?.count else { return }
        for (index, column) in columns.enumerated() where column.count != rows {
            throw .shapeMismatch("\(step): column \(index + 1) has \(column.count) values but column 1 has "
                + "\(rows) (every column needs one value per row)")
        }
    }
}

/// A pointer handed to the blocks of `concurrentPerform`, each writing its own disjoint range.
private struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// The columns, read-only, shared by the blocks of `concurrentPerform`.
private struct SendableColumns: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<[Double]>
    init(_ buffer: UnsafeBufferPointer<[Double]>) { self.buffer = buffer }
}
