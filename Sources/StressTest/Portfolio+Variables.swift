import Stats

/// Which of a portfolio's columns describe a region for peers and clusters.
public enum PeerBasis: Sendable, Equatable {
    /// The structural variables (population, GDP per head, sector shares, ...): the S3
    /// Platform's regional benchmarking compares regions on structure, not on performance.
    case structure
    /// The framework's indicators (performance), grouped by dimension.
    case indicators
    /// Named structural variables or indicators, in the order given.
    case columns([String])
}

extension Portfolio {
    /// `.structure` when the portfolio has a structural variable that varies, else `.indicators`.
    public var defaultPeerBasis: PeerBasis { informativeVariables.isEmpty ? .indicators : .structure }

    /// The indices of the structural variables with at least two distinct observed values (a
    /// variable that is the same in every region, such as the NUTS level of a scoreboard, says
    /// nothing about similarity).
    var informativeVariables: [Int] {
        variables.indices.filter { j in
            let observed = variableValues.lazy.map { $0[j] }.filter { !$0.isNaN }
            guard let first = observed.first else { return false }
            return observed.contains { $0 != first }
        }
    }

    /// The regions described by the chosen columns. Indicators are grouped by their dimension,
    /// structural variables form one group "structure" (for dimension-balanced distances).
    /// `.structure` takes the structural variables that vary and names those left out.
    ///
    /// - Throws: a name that is neither an indicator nor a structural variable (with the nearest
    ///   as a suggestion), a name given twice, no columns, or `.structure` on a portfolio
    ///   without structural variables.
    public func regionVariables(_ basis: PeerBasis) throws(PortfolioError) -> RegionVariables {
        let indicatorIDs = framework.indicators.map(\.id)
        var chosen: [(name: String, indicator: Int?, variable: Int?)] = []
        var description: String
        switch basis {
        case .structure:
            let informative = informativeVariables
            guard !informative.isEmpty else {
                throw PortfolioError(variables.isEmpty ? "the portfolio has no structural variables (numeric columns besides the indicators)"
                                     : "the portfolio's structural variables (\(variables.joined(separator: ", "))) are each the same in every region",
                                     about: .parameter("on"), help: "compare regions on their indicators with on: \"indicators\", or add structural columns to the file")
            }
            chosen = informative.map { (variables[$0], nil, $0) }
            let left = variables.indices.filter { !informative.contains($0) }.map { variables[$0] }
            description = informative.count == 1 ? "the structural variable \(variables[informative[0]])" : "the \(informative.count) structural variables"
            if !left.isEmpty { description += " (left out, the same in every region: \(left.joined(separator: ", ")))" }
        case .indicators:
            chosen = indicatorIDs.indices.map { (indicatorIDs[$0], $0, nil) }
            description = "the \(indicatorIDs.count) indicators"
        case .columns(let names):
            var seen = Set<String>()
            for name in names {
                guard seen.insert(name).inserted else { throw PortfolioError("the column `\(name)` is chosen twice", about: .variable(name)) }
                if let i = indicatorIDs.firstIndex(of: name) {
                    chosen.append((name, i, nil))
                } else if let v = variables.firstIndex(of: name) {
                    chosen.append((name, nil, v))
                } else {
                    throw PortfolioError("the portfolio has no indicator or structural variable `\(name)`",
                                         about: .variable(name), help: NameSuggestion.help(for: name, among: indicatorIDs + variables)
                                             ?? "its structural variables: \(variables.isEmpty ? "none" : variables.joined(separator: ", "))")
                }
            }
            guard !chosen.isEmpty else { throw PortfolioError("no columns are chosen", about: .parameter("on"), help: "name at least one indicator or structural variable") }
            description = chosen.count == 1 ? "the variable \(chosen[0].name)" : "the \(chosen.count) chosen variables"
        }
        var elements = [Double]()
        elements.reserveCapacity(regions.count * chosen.count)
        for r in regions.indices {
            for column in chosen {
                elements.append(column.indicator.map { values[r][$0] } ?? variableValues[r][column.variable!])
            }
        }
        // Groups: each indicator's dimension, in the framework's order; structural variables together.
        var groups = [RegionVariables.Group]()
        for dimension in framework.dimensions {
            let columns = chosen.indices.filter { chosen[$0].indicator.map { framework.indicators[$0].dimension == dimension.code } ?? false }
            if !columns.isEmpty { groups.append(.init(name: dimension.code, columns: columns)) }
        }
        let structural = chosen.indices.filter { chosen[$0].variable != nil }
        if !structural.isEmpty { groups.append(.init(name: "structure", columns: structural)) }
        return RegionVariables(regions: regions, names: chosen.map(\.name),
                               data: Matrix(rows: regions.count, columns: chosen.count, elements: elements),
                               groups: groups, description: description)
    }
}
