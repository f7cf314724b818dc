import Stats

extension Framework {
    /// The code of the overall index when the framework does not name one.
    public static let impliedIndexCode = "Index"

    /// The framework as the tree of a composite indicator: dimensions over indicators, the groups
    /// level by level, and an overall index over the top level when that level has more than one
    /// member (`impliedIndexCode`, weights of the top members). With `equalWeights`, every weight
    /// is 1. O(indicators + dimensions + groups).
    public func compositeStructure(equalWeights: Bool = false) -> CompositeStructure {
        func weight(_ w: Double) -> Double { equalWeights ? 1 : w }
        var levels: [[CompositeStructure.Node]] = [dimensions.map { dimension in
            let members = indicators.indices.filter { indicators[$0].dimension == dimension.code }
            return .init(code: dimension.code, children: members, weights: members.map { weight(indicators[$0].weight) })
        }]
        var below: [(code: String, weight: Double, parent: String?)] = dimensions.map { ($0.code, $0.weight, $0.parent) }
        let top = groups.map(\.level).max() ?? 0
        for level in stride(from: 1, through: top, by: 1) {
            let here = groups.filter { $0.level == level }
            levels.append(here.map { group in
                let members = below.indices.filter { below[$0].parent == group.code }
                return .init(code: group.code, children: members, weights: members.map { weight(below[$0].weight) })
            })
            below = here.map { ($0.code, $0.weight, $0.parent) }
        }
        if below.count > 1 {
            let taken = Set(allCodes)
            var code = Self.impliedIndexCode
            while taken.contains(code) { code += "_" }
            levels.append([.init(code: code, children: Array(below.indices), weights: below.map { weight($0.weight) })])
        }
        do {
            return try CompositeStructure(indicators: indicators.map(\.id), levels: levels)
        } catch {
            preconditionFailure("a validated framework makes a valid composite structure: \(error)")
        }
    }

    /// Every code of the framework: indicators, dimensions, groups.
    public var allCodes: [String] { indicators.map(\.id) + dimensions.map(\.code) + groups.map(\.code) }

    /// The name of a code at any level (the code itself for the implied index).
    public func name(of code: String) -> String {
        indicator(code)?.name ?? dimension(code)?.name ?? groups.first { $0.code == code }?.name
            ?? (code.hasPrefix(Self.impliedIndexCode) ? "Overall index" : code)
    }
}
