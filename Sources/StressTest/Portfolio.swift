/// A portfolio: regions x indicators of a framework for one wave (year), with the previous wave's
/// values for progress, and the other columns of the file: numeric ones as structural variables
/// (population, GDP per capita, ...), text ones as attributes.
///
/// Missing values are NaN. Regions keep the file's order.
public struct Portfolio: Sendable {
    public struct Region: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var country: String?

        public init(id: String, name: String? = nil, country: String? = nil) {
            self.id = id
            self.name = name
            self.country = country
        }

        /// The name if there is one, else the id.
        public var label: String { name ?? id }
    }

    /// A row of a wave other than the one shown, apart from its indicator values (`otherWaves`).
    public struct WaveRow: Sendable {
        public var region: Region
        /// In the order of `variables`.
        public var variables: [Double]
        /// In the order of `attributes`.
        public var attributes: [String]

        public init(region: Region, variables: [Double], attributes: [String]) {
            self.region = region
            self.variables = variables
            self.attributes = attributes
        }
    }

    public var framework: Framework
    /// Where the portfolio came from ("demo", a file's path).
    public var source: String
    /// The wave shown; nil when the file has no year column.
    public var year: Int?
    /// Every wave of the file, ascending.
    public var years: [Int]
    public var regions: [Region]
    /// regions x `framework.indicators`.
    public var values: [[Double]]
    /// The indicator values of every other wave of the file, by year and region id (regions
    /// x `framework.indicators`), for progress over time.
    public var otherWaves: [Int: [String: [Double]]]
    /// The previous wave's indicator values by region id, for regions present in it.
    public var previousValues: [String: [Double]] { previousYear.flatMap { otherWaves[$0] } ?? [:] }
    /// The previous wave's year, if any.
    public var previousYear: Int?
    /// Names of the numeric non-indicator columns (structural variables).
    public var variables: [String]
    /// regions x `variables`.
    public var variableValues: [[Double]]
    /// Names of the text columns that are neither id, name, country nor year.
    public var attributes: [String]
    /// regions x `attributes`.
    public var attributeValues: [[String]]
    /// Cautions about a region's row by region id, such as the small stakeholder groups of the
    /// survey that `with` took its values from; a benchmark repeats them.
    public var cautions: [String: [String]] = [:]
    /// The pipeline steps that made these values from the file's (imputation, treatment,
    /// normalisation), in order; empty for values as read.
    public var steps: [StepReport] = []
    /// The rest of the rows of every other wave, by year, in the file's order: each region as
    /// that row names it, its structural variables (`variables`) and attributes (`attributes`),
    /// so that a saved portfolio (`csv()`) writes every wave as it was read.
    public var otherWaveRows: [Int: [WaveRow]] = [:]

    /// The index of the region whose id or name is `name` (case-insensitive).
    public func regionIndex(_ name: String) -> Int? { Self.regionIndex(name, in: regions) }

    /// The index of a region, or an error with the nearest name as a suggestion.
    public func requireRegion(_ name: String) throws(PortfolioError) -> Int { try Self.requireRegion(name, in: regions) }

    /// `regionIndex` over any list of regions (a portfolio's, a composite's).
    static func regionIndex(_ name: String, in regions: [Region]) -> Int? {
        let key = name.lowercased()
        return regions.firstIndex { $0.id.lowercased() == key || $0.name?.lowercased() == key }
    }

    /// `requireRegion` over any list of regions.
    static func requireRegion(_ name: String, in regions: [Region]) throws(PortfolioError) -> Int {
        if let index = regionIndex(name, in: regions) { return index }
        let names = regions.map(\.id) + regions.compactMap(\.name)
        throw PortfolioError("the portfolio has no region `\(name)`",
                             about: .region(name), help: NameSuggestion.help(for: name, among: names)
                                 ?? "its regions: \(regions.prefix(8).map(\.label).joined(separator: ", "))\(regions.count > 8 ? ", ..." : "")")
    }

    /// The values of one indicator over all regions.
    public func column(_ indicator: String) -> [Double]? {
        guard let j = framework.indicators.firstIndex(where: { $0.id == indicator }) else { return nil }
        return values.map { $0[j] }
    }

    /// The dimension composites of every region (`Framework.composites`): regions x dimensions.
    public func composites() -> [[Double]] {
        values.map { row in
            let byID = Dictionary(uniqueKeysWithValues: zip(framework.indicators.map(\.id), row))
            let composites = framework.composites { byID[$0] ?? .nan }
            return framework.dimensions.map { composites[$0.code]! }
        }
    }

    /// A copy in which each scored region replaces the row of the region with its id or name, or
    /// is added as a new region (structural variables missing, attributes empty). Small groups
    /// and unanswered indicators of the scores become the region's `cautions`. The scores
    /// must use this portfolio's indicators. Files are not touched.
    public func with(_ scores: [RegionScore]) throws(PortfolioError) -> Portfolio {
        var copy = self
        let ids = framework.indicators.map(\.id)
        var replaced = [Int: String]()
        for score in scores {
            guard Set(score.indicatorIDs) == Set(ids) else {
                throw PortfolioError("the scores of \(score.region) have other indicators than the portfolio",
                                     about: .data, help: "score the survey with the portfolio's framework")
            }
            let row = ids.map { score.indicators[$0]?.value ?? .nan }
            var cautions = [String]()
            if !score.smallGroups.isEmpty {
                let groups = score.smallGroups.map { "\($0.rawValue) (\(score.respondents[$0, default: 0]))" }
                cautions.append("its survey has fewer than \(SurveyScoring.minimumGroupSize) respondents in " + groups.joined(separator: ", "))
            }
            if !score.unansweredIndicators.isEmpty {
                cautions.append("nobody answered " + score.unansweredIndicators.joined(separator: ", "))
            }
            if let year, let latest = years.last, year != latest {
                cautions.append("its survey scores were put into the \(year) wave, not the latest (\(latest))")
            }
            if let index = copy.regionIndex(score.region) {
                if let earlier = replaced[index] {
                    throw PortfolioError("the scores of \(earlier) and \(score.region) would both replace \(copy.regions[index].label)",
                                         about: .region(score.region), help: "give each region one spelling in the survey")
                }
                replaced[index] = score.region
                copy.values[index] = row
                copy.cautions[copy.regions[index].id] = cautions.isEmpty ? nil : cautions
            } else {
                replaced[copy.regions.count] = score.region
                copy.regions.append(Region(id: score.region))
                copy.cautions[score.region] = cautions.isEmpty ? nil : cautions
                copy.values.append(row)
                copy.variableValues.append(copy.variables.map { _ in .nan })
                copy.attributeValues.append(copy.attributes.map { _ in "" })
            }
        }
        return copy
    }
}
