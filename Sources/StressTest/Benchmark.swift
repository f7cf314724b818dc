import Stats

/// A region benchmarked against a portfolio (FRAMEWORK.md "Benchmarking conventions"): for each
/// indicator and each dimension composite, the region's value, the portfolio's boxplot
/// statistics, the region's position and its change since the previous wave.
///
/// Positions: top quartile (value >= Q3), bottom quartile (value <= Q1), otherwise upper middle
/// (>= median) or lower middle. Q3 is tested first, so when Q1 = Q3 a value equal to both is in
/// the top quartile. Strengths are the top-quartile entries, weaknesses the bottom-quartile ones.
/// The region itself is part of the portfolio it is compared with, as in the StressTest report.
/// Missing values of other regions are left out of the boxplot (and counted there); a missing
/// value of the region has no position.
public struct Benchmark: Sendable {
    public enum Position: String, Sendable, CaseIterable {
        case top = "top quartile"
        case upperMiddle = "upper middle"
        case lowerMiddle = "lower middle"
        case bottom = "bottom quartile"

        public init?(value: Double, box: BoxplotStatistics) {
            guard !value.isNaN, box.count > 0 else { return nil }
            if value >= box.q3 { self = .top }
            else if value <= box.q1 { self = .bottom }
            else if value >= box.median { self = .upperMiddle }
            else { self = .lowerMiddle }
        }
    }

    public struct Entry: Sendable {
        /// An indicator id or a dimension code.
        public var code: String
        public var name: String
        public var isComposite: Bool
        /// The dimension the entry belongs to (its own code for a composite).
        public var dimension: String
        public var value: Double
        public var box: BoxplotStatistics
        public var position: Position?
        /// Rank among the regions with a value, 1 = best, ties share the lowest rank.
        public var rank: Int?
        /// The value in the previous wave, and the change since then (NaN when either is missing).
        public var previous: Double?
        public var change: Double?
    }

    public var region: Portfolio.Region
    /// The labels of the portfolio's regions, in order: `box.outlierPositions` index them.
    public var regionLabels: [String]
    public var year: Int?
    public var previousYear: Int?
    public var regionCount: Int
    /// Per dimension in framework order: its composite, then its indicators.
    public var entries: [Entry]
    public var quantileType: QuantileType
    public var coefficient: Double

    /// What a reader must know before trusting the region's values (`Portfolio.cautions`).
    public var cautions: [String]

    public var strengths: [Entry] { entries.filter { $0.position == .top } }
    public var weaknesses: [Entry] { entries.filter { $0.position == .bottom } }

    /// The conventions, for captions.
    public var conventions: String {
        "quartiles: quantile type \(quantileType.rawValue); whiskers at \(NumberFormat.exact(coefficient)) IQR; composites: weighted means of the indicators (framework weights); \(regionCount) regions\(year.map { ", \($0)" } ?? "")"
    }

    public init(_ portfolio: Portfolio, region name: String, type: QuantileType = .default, coefficient: Double = 1.5) throws(PortfolioError) {
        let index = try portfolio.requireRegion(name)
        let framework = portfolio.framework
        let composites = portfolio.composites()
        let previousRow = portfolio.previousValues[portfolio.regions[index].id]
        let previousComposites = previousRow.map { row in
            framework.composites { id in framework.indicators.firstIndex { $0.id == id }.map { row[$0] } ?? .nan }
        }
        func entry(code: String, name: String, dimension: String, composite: Bool, column: [Double], previous: Double?) throws(PortfolioError) -> Entry {
            let box: BoxplotStatistics
            do throws(StatsError) {
                box = try BoxplotStatistics(column, coefficient: coefficient, type: type)
            } catch {
                // The whisker coefficient is the only parameter BoxplotStatistics checks.
                if case .invalidParameter = error { throw PortfolioError(error.description, about: .parameter("k")) }
                throw PortfolioError(error.description, about: .data)
            }
            let value = column[index]
            let better = column.filter { !$0.isNaN && $0 > value }.count
            return Entry(code: code, name: name, isComposite: composite, dimension: dimension, value: value, box: box,
                         position: Position(value: value, box: box), rank: value.isNaN ? nil : better + 1,
                         previous: previous, change: previous.map { value - $0 })
        }
        var entries = [Entry]()
        for (d, dimension) in framework.dimensions.enumerated() {
            entries.append(try entry(code: dimension.code, name: dimension.name, dimension: dimension.code, composite: true,
                                     column: composites.map { $0[d] }, previous: previousComposites?[dimension.code]))
            for (j, indicator) in framework.indicators.enumerated() where indicator.dimension == dimension.code {
                entries.append(try entry(code: indicator.id, name: indicator.name, dimension: dimension.code, composite: false,
                                         column: portfolio.values.map { $0[j] }, previous: previousRow?[j]))
            }
        }
        region = portfolio.regions[index]
        regionLabels = portfolio.regions.map(\.label)
        cautions = portfolio.cautions[portfolio.regions[index].id] ?? []
        year = portfolio.year
        previousYear = previousRow == nil ? nil : portfolio.previousYear
        regionCount = portfolio.regions.count
        self.entries = entries
        quantileType = type
        self.coefficient = coefficient
    }
}
