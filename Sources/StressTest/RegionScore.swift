/// A region's scores from its survey responses: the indicators, the dimension composites, who
/// answered, and the flags a reader must see before trusting a number.
public struct RegionScore: Sendable {
    /// One indicator of one region.
    public struct IndicatorScore: Sendable, Equatable {
        /// The region's value (0...4), NaN when nobody answered.
        public var value: Double
        /// The mean of each group's respondent values; a group in which nobody answered is absent.
        public var groupMeans: [StakeholderGroup: Double]
        /// Respondents with a value for this indicator, per group.
        public var answered: [StakeholderGroup: Int]
        /// The standard deviation (n - 1) of all respondent values; NaN for fewer than two.
        public var standardDeviation: Double
        /// The perception gap: largest minus smallest group mean; NaN with fewer than two groups.
        public var perceptionGap: Double
        /// A 90% bootstrap interval (by default), filled in by `SurveyScoring.bootstrap`.
        public var interval: ClosedRange<Double>?
    }

    public var region: String
    /// Respondents per group, every group listed (0 when none answered the survey).
    public var respondents: [StakeholderGroup: Int]
    /// Indicator id -> score, in the framework's order (`indicatorIDs`).
    public var indicators: [String: IndicatorScore]
    public var indicatorIDs: [String]
    /// Dimension code -> composite, in the framework's order (`dimensionCodes`); NaN when too few
    /// of its indicators have values (see `SurveyScoring`).
    public var composites: [String: Double]
    public var dimensionCodes: [String]
    /// Bootstrap intervals of the composites, when computed.
    public var compositeIntervals: [String: ClosedRange<Double>] = [:]

    /// Groups with fewer than `SurveyScoring.minimumGroupSize` respondents: results are not
    /// robust for them (FRAMEWORK.md, success factor).
    public var smallGroups: [StakeholderGroup] {
        StakeholderGroup.allCases.filter { respondents[$0, default: 0] < SurveyScoring.minimumGroupSize }
    }

    /// Indicators nobody answered.
    public var unansweredIndicators: [String] {
        indicatorIDs.filter { indicators[$0]?.value.isNaN ?? true }
    }
}
