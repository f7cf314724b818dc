import Stats

extension Framework {
    /// Composites need their present indicators to carry at least this share of the dimension's
    /// weight; otherwise the composite is missing (`Aggregation.defaultThreshold`, 2/3).
    public static let minimumWeightShare = Aggregation.defaultThreshold

    /// The composite of each dimension (code -> value): the weighted arithmetic mean of its
    /// indicators that have a value (NaN = missing), with the framework's weights, provided those
    /// indicators carry at least `minimumWeightShare` of the dimension's total weight; otherwise
    /// NaN (`Aggregation.weightedMean`, the rule of every level of `CompositeIndicator`). With
    /// equal weights and no missing value this is the plain mean (FRAMEWORK.md, scoring rule 4).
    /// O(number of indicators).
    public func composites(_ value: (String) -> Double) -> [String: Double] {
        var result = [String: Double]()
        for dimension in dimensions {
            let members = indicators(in: dimension.code)
            let values = members.map { value($0.id) }, weights = members.map(\.weight)
            let mean = values.withUnsafeBufferPointer { v in
                weights.withUnsafeBufferPointer { w in
                    Aggregation.weightedMean(v, weights: w, method: .arithmetic, threshold: Self.minimumWeightShare)
                }
            }
            guard case .success(let composite) = mean else { preconditionFailure("an arithmetic mean accepts every value") }
            result[dimension.code] = composite
        }
        return result
    }
}
