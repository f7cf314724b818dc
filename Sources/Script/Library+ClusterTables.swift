import Stats
import StressTest

/// The tables of peers, good practice and silhouette widths.
extension Library {
    static func peersTable(_ peers: PeerRegions) -> Table {
        let regions = peers.regions
        var title = "the \(peers.peers.count) regions nearest to \(regions[peers.region].label) by \(peers.settings.caption) on \(peers.basis)"
        if !peers.sameCountry.isEmpty { title += "; \(peers.sameCountry.count) regions of its country left out" }
        if !peers.unmeasured.isEmpty {
            title += "; no distance (too few variables in common): " + peers.unmeasured.map { regions[$0].label }.joined(separator: ", ")
        }
        var columns: [(name: String, values: [Value])] = [
            ("rank", peers.peers.indices.map { .number(Double($0 + 1)) }),
            ("region", peers.peers.map { .string(regions[$0.region].id) }),
        ]
        if regions.contains(where: { $0.name != nil }) { columns.append(("name", peers.peers.map { .string(regions[$0.region].name ?? "") })) }
        if regions.contains(where: { $0.country != nil }) { columns.append(("country", peers.peers.map { .string(regions[$0.region].country ?? "") })) }
        columns.append(("distance", peers.peers.map { .number($0.distance) }))
        columns.append(("shared", peers.peers.map { .number(Double($0.shared)) }))
        return Table(title: title, columns)
    }

    static func goodPracticeTable(_ practice: GoodPractice) -> Table {
        let regions = practice.regions
        let weak = practice.weakDimensions
        var title = "good practice for \(regions[practice.region].label): in each dimension where it is below the portfolio's median, the most similar regions (\(practice.settings.caption) on \(practice.basis)) in the top quartile (at least Q3; quantile type 7); gap = their composite minus its own"
        let strong = practice.dimensions.filter { !$0.lowerHalf && !$0.value.isNaN }.map(\.code)
        if !strong.isEmpty { title += "\nat or above the median: " + strong.joined(separator: ", ") }
        let absent = practice.dimensions.filter { $0.value.isNaN }.map(\.code)
        if !absent.isEmpty { title += "\nno composite: " + absent.joined(separator: ", ") }
        var rows = [(dimension: GoodPractice.Dimension, case: GoodPractice.Case?)]()
        for dimension in weak {
            if dimension.cases.isEmpty { rows.append((dimension, nil)) }
            for c in dimension.cases { rows.append((dimension, c)) }
            if !dimension.unmeasured.isEmpty {
                title += "\n\(dimension.code): no distance to the top-quartile region\(dimension.unmeasured.count == 1 ? "" : "s") " + dimension.unmeasured.map { regions[$0].label }.joined(separator: ", ")
            }
        }
        return Table(title: title, [
            ("dimension", rows.map { .string($0.dimension.code) }),
            ("value", rows.map { .number($0.dimension.value) }),
            ("median", rows.map { .number($0.dimension.median) }),
            ("q3", rows.map { .number($0.dimension.q3) }),
            ("peer", rows.map { $0.case.map { .string(regions[$0.region].label) } ?? .missing }),
            ("peer_value", rows.map { .number($0.case?.value ?? .nan) }),
            ("gap", rows.map { .number($0.case?.gap ?? .nan) }),
            ("distance", rows.map { .number($0.case?.distance ?? .nan) }),
        ])
    }
}
