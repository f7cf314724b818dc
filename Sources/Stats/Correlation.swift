/// Correlation coefficients.
public enum CorrelationMethod: String, CaseIterable, Sendable {
    /// Pearson's product-moment correlation (R's `cor`, numpy's `corrcoef`).
    case pearson
    /// Spearman's rank correlation: Pearson's on average ranks (R's `cor(method = "spearman")`,
    /// scipy's `spearmanr`).
    case spearman
}

/// A correlation coefficient with the number of complete pairs it rests on.
public struct Correlation: Equatable, Sendable {
    public var value: Double
    /// Pairs in which both values are present.
    public var count: Int
    /// Pairs dropped because one or both values are missing.
    public var missing: Int

    /// The correlation of x and y over the pairs where both are present (R's
    /// `use = "complete.obs"`). Fewer than two pairs, or a constant vector: NaN.
    /// Complexity O(n) for Pearson, O(n log n) for Spearman.
    ///
    /// - Throws: `StatsError.lengthMismatch` if x and y differ in length.
    public init(_ x: [Double], _ y: [Double], method: CorrelationMethod = .pearson) throws(StatsError) {
        guard x.count == y.count else { throw .lengthMismatch(x.count, y.count) }
        let complete = x.indices.filter { !x[$0].isNaN && !y[$0].isNaN }
        count = complete.count
        missing = x.count - complete.count
        var a = complete.map { x[$0] }, b = complete.map { y[$0] }
        if method == .spearman {
            a = ranks(a, ties: .average)
            b = ranks(b, ties: .average)
        }
        value = Self.pearson(a, b)
    }

    /// Two-pass Pearson correlation of complete vectors.
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let mx = Moments.mean(x), my = Moments.mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return .nan }
        // Rounding can carry |r| a few ulps past 1; R's `cor` brings it back to the bound too.
        let r = sxy / (sxx * syy).squareRoot()
        return Swift.max(-1, Swift.min(1, r))
    }
}
