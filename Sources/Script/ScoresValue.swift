import StressTest

/// Scored regions as a script value, in the shape of `stresstest survey score --json`:
/// `{"regions": [{"region", "respondents", "indicators", "composites", "sd", "gap", "flags",
/// "intervals"?}], "method": ...}`; keys in framework order, missing values null.
public enum ScoresValue {
    public static func record(_ scores: [RegionScore], method: SurveyScoring.Method, intervals: Bool) -> Value {
        let regions = scores.map { score -> Value in
            func byIndicator(_ value: (RegionScore.IndicatorScore) -> Double) -> Value {
                .record(Record(score.indicatorIDs.map { ($0, .number(score.indicators[$0].map(value) ?? .nan)) }))
            }
            var fields: [(name: String, value: Value)] = [
                ("region", .string(score.region)),
                ("respondents", .record(Record(StakeholderGroup.allCases.map {
                    ($0.rawValue, .number(Double(score.respondents[$0, default: 0])))
                }))),
                ("indicators", byIndicator(\.value)),
                ("composites", .record(Record(score.dimensionCodes.map { ($0, .number(score.composites[$0] ?? .nan)) }))),
                ("sd", byIndicator(\.standardDeviation)),
                ("gap", byIndicator(\.perceptionGap)),
                ("flags", .record(Record([
                    ("small_groups", .list(score.smallGroups.map { .string($0.rawValue) })),
                    ("unanswered", .list(score.unansweredIndicators.map(Value.string))),
                ]))),
            ]
            if intervals {
                let all = score.indicatorIDs.map { ($0, score.indicators[$0]?.interval) }
                    + score.dimensionCodes.map { ($0, score.compositeIntervals[$0]) }
                fields.append(("intervals", .record(Record(all.map { code, interval in
                    (code, interval.map { .vector([$0.lowerBound, $0.upperBound]) } ?? .missing)
                }))))
            }
            return .record(Record(fields))
        }
        return .record(Record([("regions", .list(regions)), ("method", .string(method.rawValue))]))
    }
}
