import Stats

/// Scores survey responses by the rules of FRAMEWORK.md "Scoring":
///
/// 1. Respondent: the mean of the respondent's non-missing answers to the indicator's questions;
///    none answered: missing.
/// 2. Group: the mean of the respondent values in the group (missing ignored).
/// 3. Region, group-balanced (the default): the unweighted mean of the group means that exist,
///    so that each stakeholder group counts equally; pooled (an option): the mean of all
///    respondent values.
/// 4. Composite of a dimension: the weighted arithmetic mean of its indicators (framework
///    weights, equal by default) over those with a value, provided their weights make up at least
///    `Framework.minimumWeightShare` (2/3) of the dimension's weight; otherwise missing. (The same rule the
///    composite-indicator pipeline uses for missing children.)
/// 5. Alongside: respondents per group, the standard deviation (n - 1) of the respondent values,
///    and the perception gap (largest minus smallest group mean).
/// 6. Groups with fewer than 3 respondents are flagged (`RegionScore.smallGroups`), never dropped.
///
/// Complexity O(r q) for r respondents and q questions.
public struct SurveyScoring: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case groupBalanced = "group-balanced"
        case pooled
    }

    public static let minimumGroupSize = 3

    public var framework: Framework
    public var questionnaire: Questionnaire
    public var method: Method

    public init(framework: Framework = .stressTest, questionnaire: Questionnaire = .stressTest, method: Method = .groupBalanced) {
        self.framework = framework
        self.questionnaire = questionnaire
        self.method = method
    }

    /// Every region of the survey, in order of first appearance.
    public func score(_ survey: SurveyResponses) -> [RegionScore] {
        let plan = questionPlan(survey)
        return survey.regions.map { region in
            score(region: region, survey.respondents.filter { $0.region == region }, plan)
        }
    }

    /// For each indicator of the framework, the positions of its questions in the answers.
    private func questionPlan(_ survey: SurveyResponses) -> [[Int]] {
        framework.indicators.map { indicator in
            questionnaire.questions(of: indicator.id).compactMap { survey.questionIDs.firstIndex(of: $0.id) }
        }
    }

    private func score(region: String, _ respondents: [SurveyResponses.Respondent], _ plan: [[Int]]) -> RegionScore {
        var counts = [StakeholderGroup: Int]()
        for group in StakeholderGroup.allCases { counts[group] = 0 }
        for respondent in respondents { counts[respondent.group, default: 0] += 1 }
        var indicators = [String: RegionScore.IndicatorScore]()
        for (indicator, questions) in zip(framework.indicators, plan) {
            indicators[indicator.id] = scoreIndicator(respondents, questions)
        }
        return RegionScore(
            region: region, respondents: counts, indicators: indicators,
            indicatorIDs: framework.indicators.map(\.id),
            composites: framework.composites { indicators[$0]?.value ?? .nan },
            dimensionCodes: framework.dimensions.map(\.code))
    }

    /// A respondent's value for an indicator: the mean of the non-missing answers.
    static func respondentValue(_ answers: [Double], _ questions: [Int]) -> Double {
        var sum = 0.0, count = 0
        for q in questions where !answers[q].isNaN {
            sum += answers[q]
            count += 1
        }
        return count == 0 ? .nan : sum / Double(count)
    }

    private func scoreIndicator(_ respondents: [SurveyResponses.Respondent], _ questions: [Int]) -> RegionScore.IndicatorScore {
        var byGroup = [StakeholderGroup: [Double]]()
        var all = [Double]()
        for respondent in respondents {
            let value = Self.respondentValue(respondent.answers, questions)
            guard !value.isNaN else { continue }
            byGroup[respondent.group, default: []].append(value)
            all.append(value)
        }
        let groupMeans = byGroup.mapValues { Moments.mean($0) }
        let means = StakeholderGroup.allCases.compactMap { groupMeans[$0] }
        let value: Double = switch method {
        case .groupBalanced: means.isEmpty ? .nan : means.reduce(0, +) / Double(means.count)
        case .pooled: Moments.mean(all)
        }
        return RegionScore.IndicatorScore(
            value: value, groupMeans: groupMeans, answered: byGroup.mapValues(\.count),
            standardDeviation: Moments.variance(all, mean: Moments.mean(all)).squareRoot(),
            perceptionGap: means.count < 2 ? .nan : means.max()! - means.min()!)
    }
}
