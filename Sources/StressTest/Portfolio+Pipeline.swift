import Foundation
import Stats

/// The steps of a composite-indicator pipeline on a portfolio: imputation, outlier treatment and
/// normalisation (COINr's `Impute`, `Treat`, `Normalise`), each returning a new portfolio and a
/// report of every cell it changed. Nothing is changed on disk. The previous wave is not carried
/// through a step (its values would be on another footing), so a transformed portfolio shows no
/// change since it.
extension Portfolio {
    /// What one step did.
    public struct StepReport: Sendable {
        /// `imputation`, `treatment`, `normalisation`.
        public var step: String
        /// One line: the method and what it changed.
        public var summary: String
        public var changes: [Change]
        /// Per indicator notes (a log transform, cells left missing).
        public var notes: [String]
    }

    /// One changed cell.
    public struct Change: Sendable, Equatable {
        public var region: Int
        public var indicator: Int
        public var before: Double
        public var after: Double
        public var note: String
    }

    /// The indicator columns, one array per indicator.
    public var indicatorColumns: [[Double]] {
        framework.indicators.indices.map { j in values.map { $0[j] } }
    }

    func replacingColumns(_ columns: [[Double]], report: StepReport, keepScale: Bool) -> Portfolio {
        var copy = self
        for r in copy.values.indices { for j in columns.indices { copy.values[r][j] = columns[j][r] } }
        copy.otherWaves = [:]
        copy.previousYear = nil
        if !keepScale { for j in copy.framework.indicators.indices { copy.framework.indicators[j].scale = nil } }
        copy.steps.append(report)
        return copy
    }

    /// Imputation: each missing cell gets the mean or median of its indicator over all regions,
    /// or over the regions with the same value of the attribute `by` (COINr's `i_mean_grp`). A
    /// group without any value of the indicator leaves its cells missing, and the report says so.
    public func imputed(method: ImputationMethod, by attribute: String? = nil) throws(PortfolioError) -> Portfolio {
        let columns = indicatorColumns
        var results: [ImputationResult]
        var groupColumn: Int?
        if let attribute {
            guard let a = attributes.firstIndex(where: { $0.lowercased() == attribute.lowercased() }) else {
                throw PortfolioError("the portfolio has no attribute `\(attribute)` to impute by",
                                     about: .parameter("by"), help: NameSuggestion.help(for: attribute, among: attributes)
                                         ?? "its text columns: \(attributes.isEmpty ? "none" : attributes.joined(separator: ", "))")
            }
            groupColumn = a
        }
        do throws(StatsError) {
            if let a = groupColumn {
                results = try impute(columns: columns, method: method, groups: attributeValues.map { $0[a] })
            } else {
                results = try impute(columns: columns, method: method)
            }
        } catch {
            throw PortfolioError("imputation failed: \(error)", about: .data)
        }
        var changes = [Change](), notes = [String]()
        for (j, result) in results.enumerated() {
            for (row, value) in zip(result.report.imputedRows, result.report.imputedValues) {
                changes.append(Change(region: row, indicator: j, before: .nan, after: value, note: method.rawValue))
            }
            if !result.report.unimputedRows.isEmpty && method != .none {
                notes.append("\(framework.indicators[j].id): \(result.report.unimputedRows.count) cell\(result.report.unimputedRows.count == 1 ? "" : "s") left missing (no value in the group): "
                             + result.report.unimputedRows.map { regions[$0].label }.joined(separator: ", "))
            }
        }
        let missing = columns.reduce(0) { $0 + $1.filter(\.isNaN).count }
        let summary = "imputation (\(method.rawValue)\(attribute.map { " within \($0)" } ?? "")): \(changes.count) of \(missing) missing cells imputed"
        return replacingColumns(results.map(\.values), report: StepReport(step: "imputation", summary: summary, changes: changes, notes: notes), keepScale: true)
    }

    /// Outlier treatment by COINr's rule (`treatOutliers`): winsorising step by step, with the
    /// log transform as fallback; `none` only reports the indicators that fail the thresholds.
    public func treated(method: OutlierTreatmentMethod) throws(PortfolioError) -> Portfolio {
        let columns = indicatorColumns
        let results: [OutlierTreatmentResult]
        do throws(StatsError) {
            results = try treatOutliers(columns: columns, method: method)
        } catch {
            throw PortfolioError("outlier treatment failed: \(error)", about: .data)
        }
        var changes = [Change](), notes = [String](), treatedIndicators = 0
        for (j, result) in results.enumerated() {
            let code = framework.indicators[j].id
            let report = result.report
            if report.logTransformed {
                notes.append("\(code): log-transformed (winsorising did not bring skewness \(NumberFormat.standard.significant(report.skewnessBefore, digits: 4)) and kurtosis \(NumberFormat.standard.significant(report.kurtosisBefore, digits: 4)) under the thresholds)")
            } else if report.winsorisedCount > 0 {
                notes.append("\(code): \(report.winsorisedCount) value\(report.winsorisedCount == 1 ? "" : "s") winsorised (skewness \(NumberFormat.standard.significant(report.skewnessBefore, digits: 4)) -> \(NumberFormat.standard.significant(report.skewnessAfter, digits: 4)), kurtosis \(NumberFormat.standard.significant(report.kurtosisBefore, digits: 4)) -> \(NumberFormat.standard.significant(report.kurtosisAfter, digits: 4)))")
            } else if report.failed && method == .none {
                notes.append("\(code): fails the thresholds (skewness \(NumberFormat.standard.significant(report.skewnessBefore, digits: 4)), kurtosis \(NumberFormat.standard.significant(report.kurtosisBefore, digits: 4))), not treated")
            }
            if report.logTransformed || report.winsorisedCount > 0 { treatedIndicators += 1 }
            let note = report.logTransformed ? "log" : "winsorised"
            for r in columns[j].indices where !(columns[j][r] == result.values[r] || (columns[j][r].isNaN && result.values[r].isNaN)) {
                changes.append(Change(region: r, indicator: j, before: columns[j][r], after: result.values[r], note: note))
            }
        }
        let name = method == .none ? "none" : "COINr's rule"
        let summary = "outlier treatment (\(name)): \(treatedIndicators) indicator\(treatedIndicators == 1 ? "" : "s") treated, \(changes.count) values changed"
        return replacingColumns(results.map(\.values), report: StepReport(step: "treatment", summary: summary, changes: changes, notes: notes),
                                keepScale: treatedIndicators == 0)
    }

    /// Normalisation of every indicator (`normalise`), reversing the indicators of direction -1;
    /// a distance to target takes each indicator's target from the framework (or `targets`).
    /// Afterwards every indicator counts as "more is better" and has no scale.
    public func normalised(method: NormalisationMethod, targets: [String: Double] = [:]) throws(PortfolioError) -> Portfolio {
        let columns = indicatorColumns
        var results = [NormalisationResult]()
        for (j, indicator) in framework.indicators.enumerated() {
            var columnMethod = method
            if case .distanceToTarget(_, let cap) = method {
                guard let target = targets[indicator.id] ?? indicator.target else {
                    throw PortfolioError("\(indicator.id) has no target for the distance-to-target normalisation",
                                         about: .parameter("targets"), help: "give targets in the framework (column target) or as targets: {\(indicator.id): value}")
                }
                columnMethod = .distanceToTarget(target: target, capAtOne: cap)
            }
            do throws(StatsError) {
                results.append(try normalise(columns[j], method: columnMethod, direction: indicator.direction < 0 ? .negative : .positive, index: j))
            } catch {
                // A target the data reach is the targets' fault; a constant column the indicator's.
                let subject: ErrorSubject = if case .invalidParameter(name: "target", _, _) = error { .parameter("targets") } else { .variable(indicator.id) }
                throw PortfolioError("\(indicator.id) cannot be normalised: \(error)", about: subject)
            }
        }
        var changes = [Change]()
        for (j, result) in results.enumerated() {
            for r in result.report.cappedRows {
                changes.append(Change(region: r, indicator: j, before: columns[j][r], after: result.values[r], note: "capped"))
            }
        }
        let reversed = framework.indicators.filter { $0.direction < 0 }.map(\.id)
        let summary = "normalisation (\(Self.describe(method))): \(framework.indicators.count) indicators"
            + (reversed.isEmpty ? "" : ", \(reversed.count) reversed (direction -1)") + (changes.isEmpty ? "" : ", \(changes.count) values capped")
        var copy = replacingColumns(results.map(\.values), report: StepReport(step: "normalisation", summary: summary, changes: changes, notes: []), keepScale: false)
        for j in copy.framework.indicators.indices { copy.framework.indicators[j].direction = 1 }
        return copy
    }

    static func describe(_ method: NormalisationMethod) -> String {
        switch method {
        case .none: "none"
        case .minMax(let l, let u): "min-max to \(NumberFormat.standard.significant(l, digits: 4))..\(NumberFormat.standard.significant(u, digits: 4))"
        case .zScore(let m, let s): "z-score, mean \(NumberFormat.standard.significant(m, digits: 4)), sd \(NumberFormat.standard.significant(s, digits: 4))"
        case .rank: "rank"
        case .percentileRank: "percentile rank"
        case .borda: "Borda score"
        case .distanceToTarget(_, let cap): "distance to target" + (cap ? ", capped at 1" : "")
        case .goalposts(let l, let u, let a, let t): "goalposts \(NumberFormat.standard.significant(l, digits: 4))..\(NumberFormat.standard.significant(u, digits: 4)) x \(NumberFormat.standard.significant(a, digits: 4))" + (t ? ", truncated" : "")
        }
    }
}
