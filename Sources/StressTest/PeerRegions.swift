import Stats

/// The regions nearest to one region: its structural twins, from which it can learn.
///
/// Nearest by `DistanceSettings` over `RegionVariables`; ties are broken by the regions' order.
/// Regions whose distance is missing (too few shared variables) are not ranked but listed in
/// `unmeasured`; regions of the same country, when excluded, are counted in `sameCountry`.
public struct PeerRegions: Sendable {
    public struct Peer: Sendable, Equatable {
        /// Index into `regions`.
        public var region: Int
        public var distance: Double
        /// The number of variables the distance used.
        public var shared: Int
    }

    public var regions: [Portfolio.Region]
    /// The region whose peers these are.
    public var region: Int
    /// Nearest first.
    public var peers: [Peer]
    /// Regions without a distance to `region` (too few variables in common).
    public var unmeasured: [Int]
    /// Regions left out because they share `region`'s country.
    public var sameCountry: [Int]
    public var settings: DistanceSettings
    /// What the distance was computed on ("the 5 structural variables").
    public var basis: String
    /// The number of variables.
    public var variables: Int

    /// The `k` regions nearest to `region` (0-based) among `data.regions`.
    ///
    /// - Parameters:
    ///   - distances: the distances of `data` (computed when nil).
    ///   - excludeCountry: leave out the regions of `region`'s own country, to find peers abroad.
    /// - Throws: `k` < 1, or `excludeCountry` when the region has no country.
    /// - Complexity: O(regions² x variables) for the distances, then O(regions log regions).
    public init(_ data: RegionVariables, region: Int, k: Int, settings: DistanceSettings = DistanceSettings(),
                excludeCountry: Bool = false, distances: DistanceMatrix? = nil) throws(PortfolioError) {
        guard k >= 1 else { throw PortfolioError("k must be 1 or more, not \(k)", about: .parameter("k")) }
        let d: DistanceMatrix
        if let distances { d = distances } else { d = try data.distances(settings) }
        var country: String?
        if excludeCountry {
            guard let c = data.regions[region].country else {
                throw PortfolioError("\(data.regions[region].label) has no country, so regions of its country cannot be left out",
                                     about: .parameter("exclude_country"), help: "add a country column, or use exclude_country: false")
            }
            country = c.lowercased()
        }
        var candidates = [Peer](), unmeasured = [Int](), sameCountry = [Int]()
        for other in data.regions.indices where other != region {
            if let country, data.regions[other].country?.lowercased() == country {
                sameCountry.append(other)
                continue
            }
            let distance = d[region, other]
            if distance.isNaN { unmeasured.append(other); continue }
            candidates.append(Peer(region: other, distance: distance, shared: d.sharedCount(region, other)))
        }
        candidates.sort { ($0.distance, $0.region) < ($1.distance, $1.region) }
        self.regions = data.regions
        self.region = region
        self.peers = Array(candidates.prefix(k))
        self.unmeasured = unmeasured
        self.sameCountry = sameCountry
        self.settings = settings
        self.basis = data.description
        self.variables = data.names.count
    }
}
