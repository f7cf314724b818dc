import Charts
import StressTest

/// Scored survey regions in a script: `with(p, scores)` adds them to a portfolio; `sc.I02` is an
/// indicator named by region; `sc.respondents` the respondents per group, `sc.details` per
/// region and indicator the bootstrap interval, the standard deviation, the perception gap and
/// each group's mean; `sc.small_groups` and `sc.unanswered` the flags (a list for one region,
/// a record by region for several). JSON has the shape of `stresstest survey score --json`.
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

    var fieldNames: [String] {
        ["regions", "respondents", "details", "small_groups", "unanswered"] + (scores.first.map { $0.indicatorIDs + $0.dimensionCodes } ?? [])
    }

    func field(_ name: String) -> Value? {
        switch name {
        case "regions": return .list(regions.map(Value.string))
        case "respondents": return .table(respondents)
        case "details": return .table(details)
        case "small_groups": return byRegion { .list($0.smallGroups.map { .string($0.rawValue) }) }
        case "unanswered": return byRegion { .list($0.unansweredIndicators.map(Value.string)) }
        default: break
        }
        guard let first = scores.first else { return nil }
        if first.indicatorIDs.contains(name) {
            return .named(NamedVector(names: regions, values: scores.map { $0.indicators[name]?.value ?? .nan }))
        }
        if first.dimensionCodes.contains(name) {
            return .named(NamedVector(names: regions, values: scores.map { $0.composites[name] ?? .nan }))
        }
        return nil
    }

    /// One value per region: the value itself for one region, a record by region for several.
    private func byRegion(_ value: (RegionScore) -> Value) -> Value {
        scores.count == 1 ? value(scores[0]) : .record(Record(scores.map { ($0.region, value($0)) }))
    }

    /// Respondents per stakeholder group and in all, one row per region.
    var respondents: Table {
        var columns: [(name: String, values: [Value])] = [("region", scores.map { .string($0.region) })]
        for group in StakeholderGroup.allCases {
            columns.append((group.rawValue, scores.map { .number(Double($0.respondents[group, default: 0])) }))
        }
        columns.append(("total", scores.map { .number(Double($0.respondents.values.reduce(0, +))) }))
        return Table(title: "respondents per stakeholder group (fewer than \(SurveyScoring.minimumGroupSize) are flagged)", columns)
    }

    /// Per region, each indicator then each dimension composite: the value, the bootstrap
    /// interval (missing without a bootstrap), and for indicators the standard deviation (n - 1)
    /// of the respondent values, the perception gap (largest minus smallest group mean) and the
    /// mean of each group (missing where nobody of the group answered).
    var details: Table {
        var region = [Value](), code = [Value](), value = [Value](), low = [Value](), high = [Value](), sd = [Value](), gap = [Value]()
        var means = [[Value]](repeating: [], count: StakeholderGroup.allCases.count)
        for score in scores {
            for id in score.indicatorIDs {
                let indicator = score.indicators[id]
                region.append(.string(score.region)); code.append(.string(id))
                value.append(.number(indicator?.value ?? .nan))
                low.append(.number(indicator?.interval?.lowerBound ?? .nan)); high.append(.number(indicator?.interval?.upperBound ?? .nan))
                sd.append(.number(indicator?.standardDeviation ?? .nan)); gap.append(.number(indicator?.perceptionGap ?? .nan))
                for (g, group) in StakeholderGroup.allCases.enumerated() { means[g].append(.number(indicator?.groupMeans[group] ?? .nan)) }
            }
            for dimension in score.dimensionCodes {
                region.append(.string(score.region)); code.append(.string(dimension))
                value.append(.number(score.composites[dimension] ?? .nan))
                let interval = score.compositeIntervals[dimension]
                low.append(.number(interval?.lowerBound ?? .nan)); high.append(.number(interval?.upperBound ?? .nan))
                sd.append(.number(.nan)); gap.append(.number(.nan))
                for g in means.indices { means[g].append(.number(.nan)) }
            }
        }
        var columns: [(name: String, values: [Value])] = [("region", region), ("code", code), ("value", value), ("low", low), ("high", high),
                                                          ("sd", sd), ("gap", gap)]
        for (g, group) in StakeholderGroup.allCases.enumerated() { columns.append((group.rawValue, means[g])) }
        return Table(title: "survey scores in detail (\(method.rawValue); low and high: 90% bootstrap interval; gap: largest minus smallest group mean)", columns)
    }
}
