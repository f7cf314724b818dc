import Stats

/// Regions described by numeric variables: what distances, peers and clusters are computed on.
///
/// Made from a portfolio (`Portfolio.regionVariables(_:)`: its structural variables, its
/// indicators, or named columns) or from any table of numbers. Missing cells are NaN and are
/// handled pairwise by the distances (see `DistanceSettings`).
public struct RegionVariables: Sendable {
    /// A named group of variables (a dimension, a pillar) for dimension-balanced distances.
    public struct Group: Sendable, Equatable {
        public var name: String
        /// 0-based indices into `names`.
        public var columns: [Int]

        public init(name: String, columns: [Int]) {
            self.name = name
            self.columns = columns
        }
    }

    public var regions: [Portfolio.Region]
    /// The variables, in column order.
    public var names: [String]
    /// regions x `names`; NaN = missing.
    public var data: Matrix
    /// The groups for dimension-balanced distances (every indicator's dimension); may be empty.
    public var groups: [Group]
    /// What the variables are, for captions: "the 5 structural variables".
    public var description: String

    /// - Precondition: one row per region, one column per name, groups index existing columns.
    public init(regions: [Portfolio.Region], names: [String], data: Matrix, groups: [Group] = [], description: String) {
        precondition(data.rows == regions.count && data.columns == names.count, "one row per region and one column per variable")
        precondition(groups.allSatisfy { $0.columns.allSatisfy(names.indices.contains) }, "groups index the variables")
        self.regions = regions
        self.names = names
        self.data = data
        self.groups = groups
        self.description = description
    }

    /// The number of missing cells.
    public var missingCells: Int { data.elements.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }

    /// The variables z-scored by `zScores` (R's `scale`: mean 0, standard deviation 1 with
    /// n - 1, over each variable's observed values), for k-means and PCA on variables of
    /// different units. Missing cells stay missing.
    ///
    /// - Throws: a variable with fewer than two distinct observed values (its spread is 0).
    public func standardised() throws(PortfolioError) -> RegionVariables {
        var elements = data.elements
        for j in names.indices {
            let scores = zScores(data.column(j))
            guard scores.contains(where: { !$0.isNaN }) else {
                throw explained(.constantColumn(index: j, method: "standardising"))
            }
            for i in 0..<data.rows { elements[i * data.columns + j] = scores[i] }
        }
        var copy = self
        copy.data = Matrix(rows: data.rows, columns: data.columns, elements: elements)
        return copy
    }

    /// The index of a region by id or name (case-insensitive), or an error with a suggestion.
    public func requireRegion(_ name: String) throws(PortfolioError) -> Int {
        try Portfolio.requireRegion(name, in: regions)
    }

    /// The distances between every pair of regions (`DistanceMatrix.between` or, with
    /// `settings.balanced`, `DistanceMatrix.balanced` over `groups`). Errors of the statistics
    /// (a constant variable, collinear variables, a zero row under cosine) name the variables
    /// and regions instead of column and row numbers. O(regions² x variables).
    public func distances(_ settings: DistanceSettings = DistanceSettings()) throws(PortfolioError) -> DistanceMatrix {
        guard !names.isEmpty else {
            throw PortfolioError("there are no variables to compute distances on", about: .parameter("on"), help: "choose variables with on:")
        }
        if settings.balanced {
            guard !groups.isEmpty else {
                throw PortfolioError("dimension-balanced distances need groups of variables, and \(description) have none",
                                     about: .parameter("balanced"), help: "give each variable a group (groups:), or use balanced: false")
            }
            if let weights = settings.groupWeights, weights.count != groups.count {
                throw PortfolioError("\(groups.count) groups (\(groups.map(\.name).joined(separator: ", "))) need \(groups.count) weights, not \(weights.count)",
                                     about: .parameter("weights"))
            }
        }
        do throws(StatsError) {
            if settings.balanced {
                return try DistanceMatrix.balanced(rows: data, groups: groups.map(\.columns), weights: settings.groupWeights,
                                                   metric: settings.metric, minimumShared: settings.minimumShared)
            }
            return try DistanceMatrix.between(rows: data, metric: settings.metric, minimumShared: settings.minimumShared)
        } catch {
            throw explained(error)
        }
    }

    /// A statistics error in the words of this data, by its case: variable names for column
    /// numbers and region names for row numbers, and the subject to blame.
    public func explained(_ error: StatsError) -> PortfolioError {
        switch error {
        case .interrupted:
            return .interrupted
        case .constantColumn(let index, let method) where data.column(index).filter({ !$0.isNaN }).count < 2:
            let observed = data.column(index).filter { !$0.isNaN }.count
            return PortfolioError("the variable `\(names[index])` has \(observed == 0 ? "no values" : "a value in one region only"), so \(method) would divide by a spread of 0",
                                  about: .variable(names[index]), help: "leave it out with on:, or use another metric")
        case .constantColumn(let index, let method):
            return PortfolioError("the variable `\(names[index])` has the same value in every region, so \(method) would divide by a spread of 0",
                                  about: .variable(names[index]), help: "leave it out with on:, or use another metric")
        case .collinearVariables(let columns):
            return PortfolioError("the variables \(columns.map { "`\(names[$0])`" }.joined(separator: ", ")) are collinear (one is a linear combination of the others), so their covariance matrix is singular and the Mahalanobis distance is undefined",
                                  about: .parameter("metric"),
                                  help: "leave one of them out (on: chooses the variables of a portfolio or table), or use metric \"standardised\"")
        case .invalidCell(let row, let column, let value, let allowed):
            return PortfolioError("\(regions[row].label) has `\(names[column])` = \(value.isNaN ? "missing" : NumberFormat.exact(value)): \(allowed)",
                                  about: .data)
        case .zeroRow(let row, let other):
            let shared = other.map { " on the variables it shares with \(regions[$0].label)" } ?? ""
            return PortfolioError("\(regions[row].label) has only zeros\(shared), and a cosine distance needs a non-zero value",
                                  about: .parameter("metric"), help: "leave the region out, require more shared variables (min_shared), or use another metric")
        case .invalidParameter(let name, _, _):
            return PortfolioError(error.description, about: .parameter(name == "minimumShared" ? "min_shared" : name))
        default:
            return PortfolioError(error.description, about: .data)
        }
    }
}

/// How distances between regions are computed: the metric, dimension balancing and the rule
/// for missing values.
public struct DistanceSettings: Sendable, Equatable {
    /// Default: standardised Euclidean, since structural variables come in different units.
    public var metric: DistanceMetric
    /// Dimension-balanced: each group's distance divided by its largest value over all pairs,
    /// then the weighted mean over the groups.
    public var balanced: Bool
    /// One weight per group when balanced (default equal).
    public var groupWeights: [Double]?
    /// The fewest shared variables a pair needs (default: half of the variables, rounded up).
    public var minimumShared: Int?

    public init(metric: DistanceMetric = .standardised, balanced: Bool = false, groupWeights: [Double]? = nil, minimumShared: Int? = nil) {
        self.metric = metric
        self.balanced = balanced
        self.groupWeights = groupWeights
        self.minimumShared = minimumShared
    }

    /// "standardised Euclidean distance (z-scored variables)" and so on, for captions.
    public var caption: String {
        let name = switch metric {
        case .euclidean: "Euclidean distance"
        case .standardised: "standardised Euclidean distance (z-scored variables)"
        case .manhattan: "Manhattan distance"
        case .cosine: "cosine distance"
        case .mahalanobis: "Mahalanobis distance"
        }
        return balanced ? "dimension-balanced \(name)" : name
    }
}
