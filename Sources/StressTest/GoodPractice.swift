import Stats

/// Good-practice cases for the StressTest-Report: for each key dimension where a region lies in
/// the lower half of the portfolio, the regions most similar to it (by structure, by default)
/// that are in the top quartile of that dimension, with the gap it would have to close.
///
/// Conventions: "lower half" = the region's dimension composite is below the portfolio's median;
/// "top quartile" = a composite of at least Q3 (FRAMEWORK.md); both quantile type 7 over the
/// regions that have the composite. A dimension whose composite the region lacks is listed with
/// no cases, never skipped silently; so is a dimension without a similar top-quartile region
/// (e.g. every top-quartile region has too few variables in common).
public struct GoodPractice: Sendable {
    public struct Case: Sendable, Equatable {
        /// Index into `regions`.
        public var region: Int
        /// Its composite on the dimension.
        public var value: Double
        /// Its composite minus the region's: what the region would have to close.
        public var gap: Double
        /// Its distance to the region, and the variables that distance used.
        public var distance: Double
        public var shared: Int
    }

    public struct Dimension: Sendable {
        public var code: String
        public var name: String
        /// The region's composite (NaN when missing).
        public var value: Double
        public var median: Double
        public var q3: Double
        /// Whether the region is below the median (then `cases` are searched).
        public var lowerHalf: Bool
        /// The most similar top-quartile regions, nearest first.
        public var cases: [Case]
        /// Top-quartile regions without a distance to the region (too few shared variables).
        public var unmeasured: [Int]
    }

    public var regions: [Portfolio.Region]
    public var region: Int
    /// Every dimension of the framework, in its order.
    public var dimensions: [Dimension]
    public var settings: DistanceSettings
    /// What similarity was measured on ("the 5 structural variables").
    public var basis: String

    /// The dimensions needing improvement (lower half), with their cases.
    public var weakDimensions: [Dimension] { dimensions.filter(\.lowerHalf) }

    /// Good practice for the region `name` of `portfolio`.
    ///
    /// - Parameters:
    ///   - k: the number of cases per dimension (nearest first).
    ///   - basis: what similarity is measured on; default `portfolio.defaultPeerBasis`
    ///     (structure when the portfolio has structural variables).
    /// - Complexity: O(regions² x variables) for the distances.
    public init(_ portfolio: Portfolio, region name: String, k: Int = 3, basis: PeerBasis? = nil,
                settings: DistanceSettings = DistanceSettings()) throws(PortfolioError) {
        guard k >= 1 else { throw PortfolioError("k must be 1 or more, not \(k)", about: .parameter("k")) }
        let region = try portfolio.requireRegion(name)
        let data = try portfolio.regionVariables(basis ?? portfolio.defaultPeerBasis)
        let distances = try data.distances(settings)
        let composites = portfolio.composites()
        var dimensions = [Dimension]()
        for (d, dimension) in portfolio.framework.dimensions.enumerated() {
            let column = composites.map { $0[d] }
            let q: [Double]
            do { q = try quantiles(column, [0.5, 0.75]).values } catch { throw PortfolioError(error.description, about: .data) }
            let value = column[region]
            let lowerHalf = !value.isNaN && value < q[0]
            var cases = [Case](), unmeasured = [Int]()
            if lowerHalf {
                for other in portfolio.regions.indices where other != region && column[other] >= q[1] {
                    let distance = distances[region, other]
                    guard !distance.isNaN else { unmeasured.append(other); continue }
                    cases.append(Case(region: other, value: column[other], gap: column[other] - value,
                                      distance: distance, shared: distances.sharedCount(region, other)))
                }
                cases.sort { ($0.distance, $0.region) < ($1.distance, $1.region) }
                cases = Array(cases.prefix(k))
            }
            dimensions.append(Dimension(code: dimension.code, name: dimension.name, value: value, median: q[0], q3: q[1],
                                        lowerHalf: lowerHalf, cases: cases, unmeasured: unmeasured))
        }
        self.regions = portfolio.regions
        self.region = region
        self.dimensions = dimensions
        self.settings = settings
        self.basis = data.description
    }
}
