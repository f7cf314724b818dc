extension Framework {
    /// Composites need their present indicators to carry at least this share of the dimension's
    /// weight; otherwise the composite is missing.
    public static let minimumWeightShare = 2.0 / 3.0

    /// The composite of each dimension (code -> value): the weighted arithmetic mean of its
    /// indicators that have a value (NaN = missing), with the framework's weights, provided those
    /// indicators carry at least `minimumWeightShare` of the dimension's total weight; otherwise
    /// NaN. With equal weights and no missing value this is the plain mean (FRAMEWORK.md,
    /// scoring rule 4). O(number of indicators).
    public func composites(_ value: (String) -> Double) -> [String: Double] {
        var result = [String: Double]()
        for dimension in dimensions {
            var weighted = 0.0, presentWeight = 0.0, totalWeight = 0.0
            for indicator in indicators where indicator.dimension == dimension.code {
                totalWeight += indicator.weight
                let x = value(indicator.id)
                guard !x.isNaN else { continue }
                weighted += indicator.weight * x
                presentWeight += indicator.weight
            }
            result[dimension.code] = presentWeight > 0 && presentWeight >= Self.minimumWeightShare * totalWeight
                ? weighted / presentWeight : .nan
        }
        return result
    }
}
