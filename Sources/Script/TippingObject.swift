import Charts
import Stats
import StressTest

/// The tipping points of a region in a script: the neighbours in the ranking with the nearest
/// weights that swap them, and each weight's tipping values. `t.pairs` lists every region,
/// `t.weights` the single-weight table, `t.neighbours` the regions directly above and below.
struct TippingObject: ScriptObject {
    let composite: CompositeIndicator
    let region: Int
    let tipping: CompositeIndicator.Tipping

    var kind: String { "tipping points" }

    private func name(_ row: Int) -> String { composite.regions[tipping.included[row]].label }

    private func weightsText(_ w: [Double]?) -> String {
        guard let w else { return "" }
        return zip(tipping.components, w).map { "\($0) \(Format.number(($1 * 1000).rounded() / 1000))" }.joined(separator: ", ")
    }

    func pairsTable(_ points: [RegionTippingPoint], title: String) -> Table {
        Table(title: title, [
            ("region", points.map { .string(name($0.other)) }),
            ("rank", points.map { .number(Double($0.otherRank)) }),
            ("position", points.map { .string($0.position.rawValue) }),
            ("kind", points.map { .string(Self.kindName($0.tipping.kind)) }),
            ("distance", points.map { .number($0.tipping.distance ?? .nan) }),
            ("weights", points.map { .string(weightsText($0.tipping.weights)) }),
        ])
    }

    static func kindName(_ kind: PairTippingPoint.Kind) -> String {
        switch kind {
        case .tiedAtNominal: "tied"
        case .swap: "swap"
        case .tieOnly: "tie only"
        case .impossible: "impossible"
        }
    }

    var singleTable: Table {
        let s = tipping.single
        return Table(title: "single weights: the nearest value below and above the nominal at which the rank changes (the other weights keep their proportions), and the rank beyond it", [
            ("component", s.map { .string(tipping.components[$0.component]) }),
            ("weight", s.map { .number($0.nominalWeight) }),
            ("down_to", s.map { .number($0.decrease?.weight ?? .nan) }),
            ("rank_below", s.map { $0.decrease.map { .number(Double($0.rank)) } ?? .missing }),
            ("up_to", s.map { .number($0.increase?.weight ?? .nan) }),
            ("rank_above", s.map { $0.increase.map { .number(Double($0.rank)) } ?? .missing }),
        ])
    }

    var header: String {
        let levelText = tipping.level == .top ? "the weights of \(composite.indexCode)'s children" : "the effective weights of the indicators"
        var text = "tipping points of \(composite.regions[region].label): rank \(tipping.pairwise.rank) of \(tipping.included.count), moving \(levelText) (non-negative, summing to 1); distance = Euclidean change of the weight vector"
        if !tipping.excluded.isEmpty {
            text += "\nleft out (a missing component): " + tipping.excluded.map { composite.regions[$0].label }.joined(separator: ", ")
        }
        return text
    }

    var presentation: Block {
        let neighbours = pairsTable(tipping.pairwise.neighbours, title: "neighbours in the ranking and the nearest weights at which they tie")
        let nearest = pairsTable(Array(tipping.pairwise.points.prefix(5)), title: "the five nearest tipping points (t.pairs lists every region)")
        return .stack([.text(header), .table(neighbours.presentation), .table(nearest.presentation), .table(singleTable.presentation)])
    }

    var datum: Datum {
        Value.record(Record([
            ("region", .string(composite.regions[region].id)),
            ("rank", .number(Double(tipping.pairwise.rank))),
            ("components", .list(tipping.components.map(Value.string))),
            ("nominal", .vector(tipping.weights)),
            ("pairs", .table(pairsTable(tipping.pairwise.points, title: ""))),
            ("weights", .table(singleTable)),
        ])).datum
    }

    var fieldNames: [String] { ["pairs", "neighbours", "weights", "rank", "components", "nominal"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "pairs": .table(pairsTable(tipping.pairwise.points, title: "every other region, nearest tipping point first"))
        case "neighbours": .table(pairsTable(tipping.pairwise.neighbours, title: "neighbours in the ranking"))
        case "weights": .table(singleTable)
        case "rank": .number(Double(tipping.pairwise.rank))
        case "components": .list(tipping.components.map(Value.string))
        case "nominal": .named(NamedVector(names: tipping.components, values: tipping.weights))
        default: nil
        }
    }
}
