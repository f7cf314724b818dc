/// Missing values are NaN in the data. Statistics remove them explicitly and count them.
public enum MissingValues {
    /// The non-missing values of `data`, in order. O(n).
    public static func removed(from data: some Collection<Double>) -> [Double] {
        let count = data.count
        let copied = data.withContiguousStorageIfAvailable { source in
            [Double](unsafeUninitializedCapacity: count) { target, initialized in
                var kept = 0
                for x in source where !x.isNaN {
                    target[kept] = x
                    kept += 1
                }
                initialized = kept
            }
        }
        return copied ?? data.filter { !$0.isNaN }
    }

    /// Number of missing values (NaN) in `data`.
    public static func count(in data: some Sequence<Double>) -> Int {
        data.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
    }
}
