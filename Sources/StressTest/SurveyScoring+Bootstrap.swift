import Stats

extension SurveyScoring {
    /// The number of bootstrap resamples unless a user asks for another.
    public static let defaultResamples = 2000
    /// More resamples than this would only take time: the intervals are stable long before.
    public static let maximumResamples = 1_000_000

    /// Bootstrap percentile intervals for every indicator and composite of every region:
    /// respondents are resampled with replacement within their group (each group keeps its size,
    /// so the group-balanced design is kept), the region is scored again, and the interval is the
    /// (1 - level)/2 and (1 + level)/2 quantiles (type 7) of the resampled values that are not
    /// missing. An indicator missing in every resample has no interval.
    ///
    /// Reproducible: region r draws from `SplitMix64` seeded with the r-th output of a SplitMix64
    /// seeded with `seed`, so a region's interval does not depend on the other regions.
    /// Complexity O(B r q) for B resamples, r respondents, q questions.
    public func bootstrap(
        _ survey: SurveyResponses, resamples: Int = defaultResamples, level: Double = 0.9, seed: UInt64 = 1
    ) -> [RegionScore] {
        precondition(resamples > 0 && level > 0 && level < 1, "resamples > 0 and 0 < level < 1")
        var seeds = SplitMix64(seed: seed)
        let probabilities = [(1 - level) / 2, (1 + level) / 2]
        return survey.regions.map { region in
            var random = SplitMix64(seed: seeds.next())
            let respondents = survey.respondents.filter { $0.region == region }
            var score = self.score(SurveyResponses(file: survey.file, questionIDs: survey.questionIDs,
                                                   respondents: respondents, ignoredColumns: []))[0]
            let groups = StakeholderGroup.allCases.map { group in respondents.filter { $0.group == group } }
            var indicatorDraws = [String: [Double]](), compositeDraws = [String: [Double]]()
            for _ in 0..<resamples {
                var resample = [SurveyResponses.Respondent]()
                resample.reserveCapacity(respondents.count)
                for members in groups where !members.isEmpty {
                    for _ in members.indices {
                        resample.append(members[Int(random.next(upperBound: UInt64(members.count)))])
                    }
                }
                let again = self.score(SurveyResponses(file: survey.file, questionIDs: survey.questionIDs,
                                                       respondents: resample, ignoredColumns: []))[0]
                for (id, indicator) in again.indicators { indicatorDraws[id, default: []].append(indicator.value) }
                for (code, value) in again.composites { compositeDraws[code, default: []].append(value) }
            }
            func interval(_ draws: [Double]?) -> ClosedRange<Double>? {
                guard let draws, let q = try? quantiles(draws, probabilities), q.count > 0 else { return nil }
                return q.values[0]...q.values[1]
            }
            for id in score.indicatorIDs { score.indicators[id]?.interval = interval(indicatorDraws[id]) }
            for code in score.dimensionCodes { score.compositeIntervals[code] = interval(compositeDraws[code]) }
            return score
        }
    }
}
