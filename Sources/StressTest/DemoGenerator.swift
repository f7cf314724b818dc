import Foundation
import Stats

/// The seeded generator of the shipped demo data: a portfolio of 26 fictional regions in two waves
/// (`demo_portfolio.csv`) and example survey responses of three of them (`survey_nordtal.csv`,
/// `survey_valdelora.csv`, `survey_veenland.csv`). All of it is **synthetic**: the regions, their
/// numbers and the respondents are made up; every file says so in its `source` column.
/// `stresstest demo generate` regenerates the files byte for byte from `defaultSeed` (2026).
///
/// ## The model
///
/// Regions r = 1...26, the framework's six dimensions k and 21 indicators i (dimension k(i)).
/// N(m, s) is a normal deviate with mean m and standard deviation s; `limit[a, b]` sets a value
/// below a to a and above b to b: these are the model's bounds (the 0...4 scale, the ranges of
/// the structural variables), part of the model, not a treatment of data.
///
/// Indicators, wave 2024:
///
///     g_r      ~ N(0, 1)                                   latent performance of the region
///     d_rk     = rho g_r + sqrt(1 - rho^2) e_rk            latent level in dimension k, rho = 0.6
///     x_ri     = limit[0, 4](2 + 0.45 d_r,k(i) + 0.22 e'_ri)
///
/// with e, e' ~ N(0, 1), all independent. So corr(d_rk, d_rl) = rho^2 = 0.36 across dimensions,
/// and before the bounds the correlation of two indicators is 0.2025 / 0.2509 = 0.81 within a
/// dimension and 0.81 rho^2 = 0.29 across dimensions; each indicator has sd 0.50 around 2. (The
/// loadings are smaller than a first sketch's 0.7 and 0.35: with sd 0.78 the boxplot fences,
/// Q1 - 1.5 IQR and Q3 + 1.5 IQR, fall near -0.1 and 4.1, so hardly any value on the scale could
/// be an outlier.)
///
/// Outliers: four cells of wave 2024, in four different indicators and regions (never an example
/// survey region), are moved by s = +-U(1.5, 2.0). The indicator is drawn among those not tried
/// yet, the sign at random; the region is, among those not used yet whose moved value stays in
/// 0...4 (if none, the sign is flipped), the one closest to the indicator's median, so that a
/// typical region gets an atypical value. The move is kept if the written (rounded) value then lies
/// beyond the boxplot fences (type 7 quartiles, k = 1.5), otherwise the indicator is passed over
/// and the next one drawn. They are listed in `Output.outliers` and carry over to 2026 (the second
/// wave builds on the first), where most remain outliers. Besides them, a few ordinary values lie
/// beyond the fences by chance, as in real data.
///
/// Wave 2026 (progress over time):
///
///     t_r        ~ N(0.15, 0.15)                           trend of the region
///     x2026_ri   = limit[0, 4](x2024_ri + t_r + N(0, 0.10))
///
/// Both waves are written rounded to 2 decimals, except the 2026 rows of the example survey
/// regions, which hold exactly what `SurveyScoring().score` (group-balanced) gives for their
/// responses, unrounded.
///
/// Structural variables, drawn with the latent performance g_r (u ~ N(0, 1) independent each):
///
///     GDP per capita, PPS (EUR)           limit[18000, 60000](33000 exp(0.28 (0.7 g + 0.714 u)))  to 100
///     R&D intensity (% of GDP)            limit[0.4, 4.5](1.5 exp(0.55 (0.7 g + 0.714 u)))        to 0.01
///     population                          limit[0.3 M, 8 M](1.6 M exp(0.75 u))                  to 1000
///     manufacturing share of employment   limit[8, 30](17 + 5 (0.3 g + 0.954 u))  (percent)       to 0.1
///     cluster organisations               limit[2, 45](8 sqrt(population / 1 M) exp(0.2 g + 0.35 u)), integer
///
/// (0.714 = sqrt(1 - 0.7^2), 0.954 = sqrt(1 - 0.3^2).) They drift slightly from 2024 to 2026:
/// population x (1.004 + N(0, 0.008)), GDP x (1.06 + N(0, 0.02)), manufacturing share
/// + N(-0.2, 0.3), R&D intensity x (1.03 + N(0, 0.05)), cluster organisations + round(N(0, 0.8)),
/// each rounded and bounded as above.
///
/// Example survey responses (three regions; respondents per group in `exampleSurveys`, one region
/// with only 2 policy makers so that the small-group flag shows). The respondents come in random
/// group order, sorted by submission time (2 to 27 March 2026, 07:00 to 22:59), as a survey tool
/// exports them; 15 % answered in English, the others in the region's language; each writes
/// "don't know" as `DK` or as `don't know` (half each). For each question asked of the
/// respondent's group:
///
///     "don't know" with probability 0.07, otherwise
///     answer = limit[0, 4](round(x2026_ri + b_group + N(0, 0.8)))
///
/// with the modelled 2026 value x2026_ri (unrounded) of the question's indicator, group biases
/// b_policy = +0.3 (policy makers see their policy more favourably), b_operational = -0.2,
/// b_intermediate = 0, and `rounded()` to the nearest integer, halves away from zero. Questions
/// not asked of the group are left empty. Extra columns `submitted`, `language` and `source` show
/// that the import ignores columns it does not know.
///
/// ## Randomness and files
///
/// Normal deviates by Box-Muller from `SplitMix64`, one stream per part of the model (see
/// `DemoRandom`), with logarithm, exponential and cosine computed from IEEE-exact operations, so
/// that the files are the same bits on every platform. Files are UTF-8 with LF line ends and a
/// final line break; numbers are written in their shortest round-trip form (integers without
/// ".0"), so that parsing them gives the same `Double`; rows and columns come in fixed orders.
public struct DemoGenerator: Sendable {
    /// The seed of the shipped files.
    public static let defaultSeed: UInt64 = 2026
    /// The years of the two waves.
    public static let waves = [2024, 2026]
    /// The portfolio's file name.
    public static let portfolioFile = "demo_portfolio.csv"

    /// A fictional region.
    public struct Region: Sendable, Equatable {
        public var name: String
        /// A 2-letter EU country code.
        public var country: String
        /// The language code its survey respondents mostly answer in.
        public var language: String
    }

    /// The 26 fictional regions, in file order (by country).
    public static let regions: [Region] = [
        Region(name: "Almgau", country: "AT", language: "de"),
        Region(name: "Tannenstein", country: "AT", language: "de"),
        Region(name: "Horní Lesov", country: "CZ", language: "cs"),
        Region(name: "Dolní Brod", country: "CZ", language: "cs"),
        Region(name: "Nordtal", country: "DE", language: "de"),
        Region(name: "Südmark", country: "DE", language: "de"),
        Region(name: "Hohenfeld", country: "DE", language: "de"),
        Region(name: "Valdelora", country: "ES", language: "es"),
        Region(name: "Montesol", country: "ES", language: "es"),
        Region(name: "Llanoverde", country: "ES", language: "es"),
        Region(name: "Järvimaa", country: "FI", language: "fi"),
        Region(name: "Koskiranta", country: "FI", language: "fi"),
        Region(name: "Val-de-Brume", country: "FR", language: "fr"),
        Region(name: "Haute-Sorelle", country: "FR", language: "fr"),
        Region(name: "Côte-Verlaine", country: "FR", language: "fr"),
        Region(name: "Montecastro", country: "IT", language: "it"),
        Region(name: "Serravento", country: "IT", language: "it"),
        Region(name: "Lagodoro", country: "IT", language: "it"),
        Region(name: "Veenland", country: "NL", language: "nl"),
        Region(name: "Zuiderhaven", country: "NL", language: "nl"),
        Region(name: "Lesnogóra", country: "PL", language: "pl"),
        Region(name: "Borowina", country: "PL", language: "pl"),
        Region(name: "Serra Clara", country: "PT", language: "pt"),
        Region(name: "Ribaverde", country: "PT", language: "pt"),
        Region(name: "Norrvik", country: "SE", language: "sv"),
        Region(name: "Sjöbacka", country: "SE", language: "sv"),
    ]

    /// A region with example survey responses, and its respondents per group.
    public struct ExampleSurvey: Sendable, Equatable {
        public var region: String
        /// Respondents of policy, operational, intermediate, in that order.
        public var respondents: [(group: StakeholderGroup, count: Int)]

        /// `survey_<region>.csv`, the region's name in lowercase ASCII.
        public var file: String { "survey_\(region.lowercased()).csv" }

        public static func == (a: ExampleSurvey, b: ExampleSurvey) -> Bool {
            a.region == b.region && a.respondents.map(\.group) == b.respondents.map(\.group)
                && a.respondents.map(\.count) == b.respondents.map(\.count)
        }
    }

    /// The example surveys: 10 to 40 respondents each, all three groups, Valdelora with only two
    /// policy makers (a small group, flagged by the scoring).
    public static let exampleSurveys: [ExampleSurvey] = [
        ExampleSurvey(region: "Nordtal", respondents: [(.policy, 7), (.operational, 12), (.intermediate, 15)]),
        ExampleSurvey(region: "Valdelora", respondents: [(.policy, 2), (.operational, 7), (.intermediate, 9)]),
        ExampleSurvey(region: "Veenland", respondents: [(.policy, 4), (.operational, 9), (.intermediate, 11)]),
    ]

    // MARK: Model parameters (see the type's documentation)

    /// Correlation of a dimension's latent level with the region's latent performance.
    public static let rho = 0.6
    /// Centre of the indicators on the 0...4 scale.
    public static let centre = 2.0
    /// Loading of an indicator on its dimension's latent level.
    public static let dimensionLoading = 0.45
    /// Standard deviation of an indicator's own noise.
    public static let indicatorNoise = 0.22
    /// Number of outlier cells, and the range of their shift (either sign).
    public static let outlierCount = 4
    public static let outlierShift = 1.5...2.0
    /// Mean and standard deviation of a region's trend from 2024 to 2026, and the cell noise.
    public static let trendMean = 0.15
    public static let trendSD = 0.15
    public static let waveNoise = 0.10
    /// Standard deviation of an answer around the region's value plus the group bias.
    public static let answerNoise = 0.8
    /// Probability of "don't know".
    public static let dontKnowProbability = 0.07
    /// Group biases of the answers.
    public static func bias(_ group: StakeholderGroup) -> Double {
        switch group {
        case .policy: 0.3
        case .operational: -0.2
        case .intermediate: 0
        }
    }

    /// One generated file.
    public struct File: Sendable, Equatable {
        public var name: String
        public var contents: String
    }

    /// A cell moved to make an outlier (in wave 2024; it carries over to 2026).
    public struct Outlier: Sendable, Equatable {
        public var region: String
        public var indicator: String
        /// The shift, +-1.5 to 2.0.
        public var shift: Double
    }

    /// What `generate` makes.
    public struct Output: Sendable {
        /// The portfolio first, then the example surveys in `exampleSurveys` order.
        public var files: [File]
        public var outliers: [Outlier]
    }

    public var seed: UInt64

    public init(seed: UInt64 = DemoGenerator.defaultSeed) {
        self.seed = seed
    }

    /// The label of every row: `synthetic demo data (stresstest demo generate, seed N)`.
    public var sourceLabel: String { "synthetic demo data (stresstest demo generate, seed \(seed))" }

    // MARK: Generation

    /// The stream numbers of the parts of the model (`DemoRandom`).
    private enum Stream: UInt64 {
        case latent = 1, outliers, waves, structural
        static let surveys: UInt64 = 10
    }

    /// Generates the files in memory.
    public func generate() -> Output {
        let framework = Framework.stressTest
        let indicators = framework.indicators
        let dimensionOf = indicators.map { indicator in
            framework.dimensions.firstIndex { $0.code == indicator.dimension }!
        }
        let examples = Set(Self.exampleSurveys.map(\.region))
        let n = Self.regions.count

        // Latent performance, dimension levels and wave 2024.
        var latent = DemoRandom(seed: seed, stream: Stream.latent.rawValue)
        var g = [Double](), first = [[Double]]()
        for _ in Self.regions {
            let performance = latent.normal()
            let levels = framework.dimensions.map { _ in
                Self.rho * performance + (1 - Self.rho * Self.rho).squareRoot() * latent.normal()
            }
            g.append(performance)
            first.append(dimensionOf.map { k in
                Self.limit(Self.centre + Self.dimensionLoading * levels[k] + Self.indicatorNoise * latent.normal(), 0, 4)
            })
        }

        // Outliers.
        var random = DemoRandom(seed: seed, stream: Stream.outliers.rawValue)
        var outliers = [Outlier]()
        var freeIndicators = Array(indicators.indices)
        var freeRegions = Self.regions.indices.filter { !examples.contains(Self.regions[$0].name) }
        while outliers.count < Self.outlierCount {
            precondition(!freeIndicators.isEmpty, "DemoGenerator: no indicator left for an outlier")
            let i = freeIndicators.remove(at: random.index(freeIndicators.count))
            var sign: Double = random.chance(0.5) ? 1 : -1
            let size = random.uniform(Self.outlierShift.lowerBound, Self.outlierShift.upperBound)
            var candidates = freeRegions.filter { (0...4).contains(first[$0][i] + sign * size) }
            if candidates.isEmpty {
                sign = -sign
                candidates = freeRegions.filter { (0...4).contains(first[$0][i] + sign * size) }
            }
            // A typical region gets an atypical value: the candidate closest to the median.
            let median = Self.median(first.map { $0[i] })
            let r = candidates.min { abs(first[$0][i] - median) < abs(first[$1][i] - median) }!
            // Kept only if the written (rounded) value lies beyond the boxplot fences.
            var column = first.map { Self.round($0[i], 2) }
            column[r] = Self.round(first[r][i] + sign * size, 2)
            guard let box = try? BoxplotStatistics(column), box.outlierPositions.contains(r) else { continue }
            freeRegions.removeAll { $0 == r }
            first[r][i] += sign * size
            outliers.append(Outlier(region: Self.regions[r].name, indicator: indicators[i].id, shift: sign * size))
        }

        // Wave 2026.
        random = DemoRandom(seed: seed, stream: Stream.waves.rawValue)
        var second = [[Double]]()
        for r in 0..<n {
            let trend = random.normal(mean: Self.trendMean, sd: Self.trendSD)
            second.append(first[r].map { Self.limit($0 + trend + random.normal(mean: 0, sd: Self.waveNoise), 0, 4) })
        }

        // Structural variables.
        random = DemoRandom(seed: seed, stream: Stream.structural.rawValue)
        var structure = [[Structure]]()
        for r in 0..<n {
            let base = Structure.draw(performance: g[r], &random)
            structure.append([base, base.drifted(&random)])
        }

        // Example surveys, scored into the 2026 rows of their regions.
        var rows = [[[String]]](repeating: [], count: n)
        for r in 0..<n {
            rows[r] = [first[r].map { Self.number(Self.round($0, 2)) },
                       second[r].map { Self.number(Self.round($0, 2)) }]
        }
        var surveyFiles = [File]()
        for (j, example) in Self.exampleSurveys.enumerated() {
            guard let r = Self.regions.firstIndex(where: { $0.name == example.region }) else {
                preconditionFailure("DemoGenerator: the example region \(example.region) is not a demo region")
            }
            var stream = DemoRandom(seed: seed, stream: Stream.surveys + UInt64(j))
            let text = surveyCSV(example, Self.regions[r], targets: second[r], &stream)
            let score: RegionScore
            do {
                let survey = try SurveyResponses.parse(try CSVReader.parse(text, file: example.file))
                score = SurveyScoring().score(survey)[0]
            } catch {
                preconditionFailure("DemoGenerator: the generated \(example.file) does not import:\n\(error)")
            }
            rows[r][1] = indicators.map { score.indicators[$0.id].map { Self.number($0.value) } ?? "" }
            surveyFiles.append(File(name: example.file, contents: text))
        }

        // The portfolio.
        let header = ["region", "country", "year", "population", "gdp_pps", "manufacturing_share",
                      "rd_intensity", "cluster_organisations"] + indicators.map(\.id) + ["source"]
        var lines = [header.joined(separator: ",")]
        for (r, region) in Self.regions.enumerated() {
            for (w, year) in Self.waves.enumerated() {
                let s = structure[r][w]
                let cells = [region.name, region.country, String(year),
                             Self.number(s.population), Self.number(s.gdp), Self.number(s.manufacturing),
                             Self.number(s.researchIntensity), Self.number(s.clusterOrganisations)]
                    + rows[r][w] + [sourceLabel]
                lines.append(CSVWriter.line(cells))
            }
        }
        let portfolio = File(name: Self.portfolioFile, contents: lines.joined(separator: "\n") + "\n")
        return Output(files: [portfolio] + surveyFiles, outliers: outliers)
    }

    /// Writes the files into `directory` (created if needed), each atomically (a temporary file in
    /// the same folder, then a rename), and returns their URLs in `Output.files` order.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try generate().files.map { file in
            let url = directory.appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: url, options: .atomic)
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
            return url
        }
    }

    // MARK: Example survey

    private func surveyCSV(_ example: ExampleSurvey, _ region: Region, targets: [Double],
                           _ random: inout DemoRandom) -> String {
        let questionnaire = Questionnaire.stressTest
        let framework = Framework.stressTest
        let indicatorIndex = questionnaire.questions.map { question in
            framework.indicators.firstIndex { $0.id == question.indicator }!
        }
        let groups = random.shuffled(example.respondents.flatMap { Array(repeating: $0.group, count: $0.count) })
        let prefix = String(region.name.uppercased().prefix(3))
        var lines = [(["respondent", "region", "group"] + questionnaire.questions.map(\.id)
            + ["submitted", "language", "source"]).joined(separator: ",")]
        // Submission times: a day from 2 to 27 March 2026 and a time from 07:00 to 22:59, sorted.
        let times = groups.indices.map { _ in (1 + random.index(26)) * 1440 + 7 * 60 + random.index(16 * 60) }.sorted()
        for (k, group) in groups.enumerated() {
            let language = random.chance(0.15) ? "en" : region.language
            let dontKnow = random.chance(0.5) ? "DK" : "don't know"  // each respondent's survey tool writes one
            var cells = [prefix + "-" + Self.padded(k + 1, 3), region.name, group.rawValue]
            for (q, question) in questionnaire.questions.enumerated() {
                guard question.isAsked(of: group) else {
                    cells.append("")
                    continue
                }
                if random.chance(Self.dontKnowProbability) {
                    cells.append(dontKnow)
                    continue
                }
                let answer = (targets[indicatorIndex[q]] + Self.bias(group)
                              + random.normal(mean: 0, sd: Self.answerNoise)).rounded()
                cells.append(String(Int(Self.limit(answer, 0, 4))))
            }
            cells += [Self.timestamp(times[k]), language, sourceLabel]
            lines.append(CSVWriter.line(cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2026-03-DDTHH:MM:00Z" for minutes after 2026-03-01 00:00 (stays within March).
    private static func timestamp(_ minutes: Int) -> String {
        let day = 1 + minutes / 1440, hour = minutes % 1440 / 60, minute = minutes % 60
        precondition(day <= 31, "DemoGenerator: submission time beyond March")
        return "2026-03-\(padded(day, 2))T\(padded(hour, 2)):\(padded(minute, 2)):00Z"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // MARK: Numbers

    /// The median (the mean of the two middle values for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let m = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
    }

    /// The model's bounds.
    static func limit(_ x: Double, _ low: Double, _ high: Double) -> Double {
        Swift.min(Swift.max(x, low), high)
    }

    /// x rounded to `digits` decimals (halves away from zero); the result is the Double nearest
    /// to the decimal, so that it prints as that decimal.
    static func round(_ x: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (x * scale).rounded() / scale
    }

    /// The shortest text that parses back to x (Swift's description of a Double, which does not
    /// depend on the locale), integers without ".0"; NaN (missing) as an empty cell.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}

/// The structural variables of a region in one wave.
private struct Structure {
    var population: Double
    var gdp: Double
    var manufacturing: Double
    var researchIntensity: Double
    var clusterOrganisations: Double

    static let populationRange = 300_000.0...8_000_000.0
    static let gdpRange = 18_000.0...60_000.0
    static let manufacturingRange = 8.0...30.0
    static let researchRange = 0.4...4.5
    static let clusterRange = 2.0...45.0

    /// Wave 2024, correlated with the latent performance g (see `DemoGenerator`).
    static func draw(performance g: Double, _ random: inout DemoRandom) -> Structure {
        let c7 = (1 - 0.49).squareRoot(), c3 = (1 - 0.09).squareRoot()
        let gdp = 33_000 * PortableMath.exp(0.28 * (0.7 * g + c7 * random.normal()))
        let research = 1.5 * PortableMath.exp(0.55 * (0.7 * g + c7 * random.normal()))
        let population = 1_600_000 * PortableMath.exp(0.75 * random.normal())
        let manufacturing = 17 + 5 * (0.3 * g + c3 * random.normal())
        let bounded = Structure(population: population, gdp: gdp, manufacturing: manufacturing,
                                researchIntensity: research, clusterOrganisations: 0).bounded()
        let clusters = 8 * (bounded.population / 1_000_000).squareRoot()
            * PortableMath.exp(0.2 * g + 0.35 * random.normal())
        var result = bounded
        result.clusterOrganisations = limit(clusters.rounded(), clusterRange)
        return result
    }

    /// Wave 2026: a slight drift.
    func drifted(_ random: inout DemoRandom) -> Structure {
        var next = self
        next.population = population * random.normal(mean: 1.004, sd: 0.008)
        next.gdp = gdp * random.normal(mean: 1.06, sd: 0.02)
        next.manufacturing = manufacturing + random.normal(mean: -0.2, sd: 0.3)
        next.researchIntensity = researchIntensity * random.normal(mean: 1.03, sd: 0.05)
        next.clusterOrganisations = Self.limit(clusterOrganisations + random.normal(mean: 0, sd: 0.8).rounded(), Self.clusterRange)
        return next.bounded()
    }

    /// Rounded to the written precision, within the model's bounds.
    func bounded() -> Structure {
        var result = self
        result.population = Self.limit(DemoGenerator.round(population / 1000, 0) * 1000, Self.populationRange)
        result.gdp = Self.limit(DemoGenerator.round(gdp / 100, 0) * 100, Self.gdpRange)
        result.manufacturing = Self.limit(DemoGenerator.round(manufacturing, 1), Self.manufacturingRange)
        result.researchIntensity = Self.limit(DemoGenerator.round(researchIntensity, 2), Self.researchRange)
        return result
    }

    static func limit(_ x: Double, _ range: ClosedRange<Double>) -> Double {
        DemoGenerator.limit(x, range.lowerBound, range.upperBound)
    }
}
