/// The nine sample quantile definitions of Hyndman & Fan (1996), "Sample quantiles in statistical
/// packages", The American Statistician 50(4), numbered as R's `quantile(type =)` numbers them and
/// named as numpy's `quantile(method =)` names them.
public enum QuantileType: Int, CaseIterable, Sendable, CustomStringConvertible {
    /// Type 1, numpy `inverted_cdf`: the inverse of the empirical distribution function.
    case invertedCDF = 1
    /// Type 2, numpy `averaged_inverted_cdf`: as type 1, averaging at discontinuities.
    case averagedInvertedCDF = 2
    /// Type 3, numpy `closest_observation`: the nearest even order statistic (SAS definition).
    case closestObservation = 3
    /// Type 4, numpy `interpolated_inverted_cdf`: linear interpolation of the empirical CDF.
    case interpolatedInvertedCDF = 4
    /// Type 5, numpy `hazen`: piecewise linear, knots at (k - 0.5) / n.
    case hazen = 5
    /// Type 6, numpy `weibull`: p(k) = k / (n + 1) (Minitab, SPSS, Excel's QUARTILE.EXC).
    case weibull = 6
    /// Type 7, numpy `linear`: p(k) = (k - 1) / (n - 1); the default of R, numpy and Excel's
    /// QUARTILE.INC, and of this toolkit.
    case linear = 7
    /// Type 8, numpy `median_unbiased`: approximately median-unbiased whatever the distribution.
    case medianUnbiased = 8
    /// Type 9, numpy `normal_unbiased`: approximately unbiased for normally distributed data.
    case normalUnbiased = 9

    /// The toolkit's default, type 7.
    public static let `default` = QuantileType.linear

    /// numpy's name of the method.
    public var numpyName: String {
        switch self {
        case .invertedCDF: "inverted_cdf"
        case .averagedInvertedCDF: "averaged_inverted_cdf"
        case .closestObservation: "closest_observation"
        case .interpolatedInvertedCDF: "interpolated_inverted_cdf"
        case .hazen: "hazen"
        case .weibull: "weibull"
        case .linear: "linear"
        case .medianUnbiased: "median_unbiased"
        case .normalUnbiased: "normal_unbiased"
        }
    }

    public var description: String { "type \(rawValue) (\(numpyName))" }
}
