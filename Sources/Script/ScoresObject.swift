import StressTest

/// Scored survey regions in a script: `with(p, scores)` adds them to a portfolio; `sc.I02` is an
/// indicator named by region; JSON has the shape of `stresstest survey score --json`.
struct ScoresObject: ScriptObject {
    let scores: [RegionScore]
    let method: SurveyScoring.Method

    var kind: String { "scores" }

    private var regions: [String] { scores.map(\.region) }

    var display: String {
        guard let first = scores.first else { return "no scored regions" }
        var columns: [(name: String, values: [Value])] = [("indicator", first.indicatorIDs.map(Value.string))]
        for score in scores {
            columns.append((score.region, first.indicatorIDs.map { .number(score.indicators[$0]?.value ?? .nan) }))
        }
        var lines = [Format.displayTable(Table(title: "survey scores (\(method.rawValue) means of the stakeholder groups; 0..4)", columns))]
        var composites: [(name: String, values: [Value])] = [("dimension", first.dimensionCodes.map(Value.string))]
        for score in scores {
            composites.append((score.region, first.dimensionCodes.map { .number(score.composites[$0] ?? .nan) }))
        }
        lines.append(Format.displayTable(Table(composites)))
        for score in scores {
            let counts = StakeholderGroup.allCases.map { "\($0.rawValue) \(score.respondents[$0, default: 0])" }.joined(separator: ", ")
            var line = "\(score.region): respondents \(counts)"
            if !score.smallGroups.isEmpty {
                line += "; fewer than \(SurveyScoring.minimumGroupSize) respondents: " + score.smallGroups.map(\.rawValue).joined(separator: ", ")
            }
            if !score.unansweredIndicators.isEmpty { line += "; unanswered: " + score.unansweredIndicators.joined(separator: ", ") }
            lines.append(line)
        }
        return lines.joined(separator: "\n\n")
    }

    var json: String {
        Format.json(.record(Record([("regions", .list(scores.map { score in
            .record(Record([
                ("region", .string(score.region)),
                ("respondents", .record(Record(StakeholderGroup.allCases.map { ($0.rawValue, .number(Double(score.respondents[$0, default: 0]))) }))),
                ("indicators", .record(Record(score.indicatorIDs.map { ($0, .number(score.indicators[$0]?.value ?? .nan)) }))),
                ("composites", .record(Record(score.dimensionCodes.map { ($0, .number(score.composites[$0] ?? .nan)) }))),
                ("flags", .record(Record([
                    ("small_groups", .list(score.smallGroups.map { .string($0.rawValue) })),
                    ("unanswered", .list(score.unansweredIndicators.map(Value.string))),
                ]))),
                ("intervals", .record(Record(score.indicatorIDs.map { ($0, Self.interval(score.indicators[$0]?.interval)) }
                    + score.dimensionCodes.map { ($0, Self.interval(score.compositeIntervals[$0])) }))),
            ]))
        }))])))
    }

    private static func interval(_ range: ClosedRange<Double>?) -> Value {
        range.map { .vector([$0.lowerBound, $0.upperBound]) } ?? .missing
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
