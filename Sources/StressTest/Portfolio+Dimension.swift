/// One key dimension of a portfolio as a portfolio of its own.
extension Portfolio {
    /// The portfolio of one dimension: its indicators only (with their weights), under a
    /// framework that holds that dimension alone, so that the overall index of the copy is the
    /// dimension's composite. The uncertainty of a dimension composite's ranks is the
    /// uncertainty analysis of this copy. Regions, waves, structural variables and cautions are
    /// kept. O(regions x indicators of the dimension).
    public func restricted(toDimension code: String) throws(PortfolioError) -> Portfolio {
        var dimension = try framework.requireDimension(code)
        dimension.parent = nil
        dimension.weight = 1
        let columns = framework.indicators.indices.filter { framework.indicators[$0].dimension == code }
        var copy = self
        copy.framework = Framework(dimensions: [dimension], indicators: columns.map { framework.indicators[$0] })
        copy.values = values.map { row in columns.map { row[$0] } }
        copy.otherWaves = otherWaves.mapValues { rows in rows.mapValues { row in columns.map { row[$0] } } }
        return copy
    }
}

extension Framework {
    /// The dimension with `code`, or an error with the nearest code as a suggestion.
    public func requireDimension(_ code: String) throws(PortfolioError) -> Dimension {
        if let dimension = dimension(code) { return dimension }
        let codes = dimensions.map(\.code)
        throw PortfolioError("the framework has no dimension `\(code)`",
                             about: .dimension(code), help: NameSuggestion.help(for: code, among: codes) ?? "its dimensions: " + codes.joined(separator: ", "))
    }
}
