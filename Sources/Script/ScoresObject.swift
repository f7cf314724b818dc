import Charts
import StressTest

/// Scored survey regions in a script: `with(p, scores)` adds them to a portfolio; `sc.I02` is an
/// indicator named by region; JSON has the shape of `stresstest survey score --json`.
struct ScoresObject: ScriptObject {
    let scores: [RegionScore]
    let method: SurveyScoring.Method

    var kind: String { "scores" }

    private var regions: [String] { scores.map(\.region) }

    var presentation: Block {
        guard let first = scores.first else { return .text("no scored regions") }
        var columns: [(name: String, values: [Value])] = [("indicator", first.indicatorIDs.map(Value.string))]
        for score in scores {
            columns.append((score.region, first.indicatorIDs.map { .number(score.indicators[$0]?.value ?? .nan) }))
        }
        var blocks: [Block] = [.table(Table(title: "survey scores (\(method.rawValue) means of the stakeholder groups; 0..4)", columns).presentation)]
        var composites: [(name: String, values: [Value])] = [("dimension", first.dimensionCodes.map(Value.string))]
        for score in scores {
            composites.append((score.region, first.dimensionCodes.map { .number(score.composites[$0] ?? .nan) }))
        }
        blocks.append(.text(""))
        blocks.append(.table(Table(composites).presentation))
        for score in scores {
            let counts = StakeholderGroup.allCases.map { "\($0.rawValue) \(score.respondents[$0, default: 0])" }.joined(separator: ", ")
            var line = "\(score.region): respondents \(counts)"
            if !score.smallGroups.isEmpty {
                line += "; fewer than \(SurveyScoring.minimumGroupSize) respondents: " + score.smallGroups.map(\.rawValue).joined(separator: ", ")
            }
            if !score.unansweredIndicators.isEmpty { line += "; unanswered: " + score.unansweredIndicators.joined(separator: ", ") }
            blocks.append(.text("\n" + line))
        }
        return .stack(blocks)
    }

    var datum: Datum {
        ScoresValue.record(scores, method: method, intervals: scores.contains { $0.indicators.values.contains { $0.interval != nil } }).datum
    }

    var fieldNames: [String] { ["regions"] + (scores.first.map { $0.indicatorIDs + $0.dimensionCodes } ?? []) }

    func field(_ name: String) -> Value? {
        if name == "regions" { return .list(regions.map(Value.string)) }
        guard let first = scores.first else { return nil }
        if first.indicatorIDs.contains(name) {
            return .named(NamedVector(names: regions, values: scores.map { $0.indicators[name]?.value ?? .nan }))
        }
        if first.dimensionCodes.contains(name) {
            return .named(NamedVector(names: regions, values: scores.map { $0.composites[name] ?? .nan }))
        }
        return nil
    }
}
