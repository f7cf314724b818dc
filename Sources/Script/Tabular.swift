import Stats
import StressTest

/// A domain result that reads as one table: what `table(x)` gives, `write(x, path)` writes and
/// the table functions (`filter`, `sort`, `join`, ...) work on.
///
/// Regions are named by their id in a first column `region` wherever the result knows the id,
/// so that tables of one portfolio join: `join(table(u), table(p), by: "region")`. Silhouette
/// widths know only the regions' labels (the name if there is one, else the id).
protocol Tabular {
    var table: Table { get }
}

/// Per region in the portfolio's order: nominal rank and the mean, median, 5th and 95th
/// percentile ranks over the samples (and `unranked` when some samples left a region out).
extension UncertaintyObject: Tabular {
    var table: Table { regionsTable(sorted: false) }
}

/// Per weight, dimension or indicator: S1, ST and their bootstrap half-widths.
extension SobolObject: Tabular {}

/// Every other region, nearest tipping point first: its rank, position, the kind of tipping
/// point, the distance of the weight change and the weights at which the two tie.
extension TippingObject: Tabular {
    var table: Table {
        let points = tipping.pairwise.points
        var pairs = pairsTable(points, title: "tipping points of \(composite.regions[region].label) against every other region, nearest first (distance = Euclidean change of the weight vector)")
        pairs.columns[0].values = points.map { .string(composite.regions[tipping.included[$0.other]].id) }
        return pairs
    }
}

/// The scores of every region at every level: indicators, then aggregates level by level.
extension CompositeObject: Tabular {
    var table: Table { scoresTable }
}

/// Per region: id, name and country when known, the indicators, the structural variables and
/// the text attributes, for the wave shown.
extension PortfolioObject: Tabular {
    var table: Table {
        let p = portfolio
        var columns: [(name: String, values: [Value])] = [("region", p.regions.map { .string($0.id) })]
        if p.regions.contains(where: { $0.name != nil }) { columns.append(("name", p.regions.map { $0.name.map(Value.string) ?? .missing })) }
        if p.regions.contains(where: { $0.country != nil }) { columns.append(("country", p.regions.map { $0.country.map(Value.string) ?? .missing })) }
        for (j, indicator) in p.framework.indicators.enumerated() { columns.append((indicator.id, p.values.map { .number($0[j]) })) }
        for (j, name) in p.variables.enumerated() { columns.append((name, p.variableValues.map { .number($0[j]) })) }
        for (j, name) in p.attributes.enumerated() { columns.append((name, p.attributeValues.map { .string($0[j]) })) }
        let year = p.year.map { " (\($0))" } ?? ""
        return Table(title: "portfolio \(p.source)\(year): \(p.regions.count) regions; indicators, then structural variables and attributes", columns)
    }
}

/// Per scored region: every indicator, then every dimension composite (survey scale 0..4).
extension ScoresObject: Tabular {
    var table: Table {
        let indicators = scores.first?.indicatorIDs ?? [], dimensions = scores.first?.dimensionCodes ?? []
        var columns: [(name: String, values: [Value])] = [("region", scores.map { .string($0.region) })]
        for id in indicators { columns.append((id, scores.map { .number($0.indicators[id]?.value ?? .nan) })) }
        for code in dimensions { columns.append((code, scores.map { .number($0.composites[code] ?? .nan) })) }
        return Table(title: "survey scores (\(method.rawValue) means of the stakeholder groups; 0..4): indicators, then dimensions", columns)
    }
}

/// Per region: its cluster, numbered from 1.
extension KMeansObject: Tabular {
    var table: Table {
        Table(title: caption, [
            ("region", data.regions.map { .string($0.id) }),
            ("cluster", result.clusters.map { .number(Double($0 + 1)) }),
        ])
    }
}

/// Per region: its coordinates on every component (R's prcomp `x`); missing for a region left
/// out for missing cells.
extension PCAObject: Tabular {
    var table: Table {
        Table(title: header, [("region", data.regions.map { .string($0.id) })] + (0..<components).map { c in
            ("PC\(c + 1)", data.regions.indices.map { .number(result.scores[$0, c]) })
        })
    }
}

/// Per region in the input's order (labels, not ids): cluster, nearest other cluster and width.
extension SilhouetteObject: Tabular {
    var table: Table {
        var widths = widthsTable(sorted: false)
        widths.title = title
        return widths
    }
}

/// Long form, one row per pair of regions (i < j, in the order of R's `dist`): the two regions,
/// their distance (missing when they share too few variables) and, when cells were missing,
/// the number of variables the distance used. `d.matrix` is the square form.
extension DistanceObject: Tabular {
    var table: Table {
        let n = distances.count, ids = data.regions.map(\.id)
        var a = [Value](), b = [Value](), d = [Value](), shared = [Value]()
        for i in 0..<n {
            for j in (i + 1)..<n {
                a.append(.string(ids[i]))
                b.append(.string(ids[j]))
                d.append(.number(distances[i, j]))
                shared.append(.number(Double(distances.sharedCount(i, j))))
            }
        }
        var columns: [(name: String, values: [Value])] = [("region_a", a), ("region_b", b), ("distance", d)]
        if distances.shared != nil { columns.append(("shared", shared)) }
        return Table(title: caption + ": one row per pair", columns)
    }
}
