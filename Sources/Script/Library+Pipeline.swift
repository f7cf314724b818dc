import Stats
import StressTest

/// The composite-indicator pipeline's first steps on a portfolio (imputation, outlier treatment,
/// normalisation), and `composite`, the whole pipeline in one call.
extension Library {
    static let normalisationNames = ["none", "minmax", "zscore", "rank", "prank", "borda", "target", "goalposts"]

    static let pipeline: [Builtin] = [
        Builtin(
            name: "impute",
            parameters: [.init(name: "p"), .init(name: "method", defaultValue: "\"mean\""), .init(name: "by", defaultValue: "none")],
            help: "Fills the missing cells of every indicator with its mean or median (method: \"mean\", \"median\", \"none\") over all regions, or over the regions with the same value of the text column `by` (COINr's i_mean_grp). A group without a value of the indicator keeps its cells missing, and the report says so. p.steps and p.changes say what was imputed. p may also be a table (table(PATH)): its numeric columns are filled the same way and the title counts the cells filled per column."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            if case .table(let table) = args.value("p") { return .table(try imputedTable(table, args)) }
            let p = try portfolioArgument(args, "p")
            let method = ImputationMethod(rawValue: try args.choice("method", default: "mean", among: ImputationMethod.allCases.map(\.rawValue)))!
            let by = args.has("by") ? try args.string("by") : nil
            do throws(PortfolioError) {
                return .object(PortfolioObject(portfolio: try p.imputed(method: method, by: by)))
            } catch {
                throw args.failure(error, else: "method")
            }
        },
        Builtin(
            name: "treat",
            parameters: [.init(name: "p"), .init(name: "method", defaultValue: "\"coinr\""), .init(name: "skewness", defaultValue: "2"),
                         .init(name: "kurtosis", defaultValue: "3.5"), .init(name: "limit", defaultValue: "5")],
            help: "Outlier treatment by COINr's rule: an indicator fails when |skewness| >= 2 and kurtosis >= 3.5 (Excel's SKEW and KURT); it is winsorised one step at a time (the most extreme values on the side of the skew set to the next one) while it fails and the last step replaced fewer than `limit` values; if it still fails, log(x - min + 0.01 (max - min)) of its untreated values is used instead. method: \"none\" only reports which indicators fail. p.steps and p.changes say what was changed."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let p = try portfolioArgument(args, "p")
            let name = try args.choice("method", default: "coinr", among: ["coinr", "none"])
            let thresholds = OutlierThresholds(skewness: try args.number("skewness", default: 2), kurtosis: try args.number("kurtosis", default: 3.5),
                                               winsorisationLimit: try args.integer("limit", default: 5, in: 1...1_000_000))
            do throws(PortfolioError) {
                return .object(PortfolioObject(portfolio: try p.treated(method: name == "none" ? .none : .winsoriseThenLog(thresholds))))
            } catch {
                throw args.failure(error, else: args.has("skewness") ? "skewness" : "method")
            }
        },
        Builtin(
            name: "normalise",
            parameters: [.init(name: "p"), .init(name: "method", defaultValue: "\"minmax\""), .init(name: "range", defaultValue: "[0, 100]"),
                         .init(name: "mean", defaultValue: "0"), .init(name: "sd", defaultValue: "1"), .init(name: "goalposts", defaultValue: "the indicator scale"),
                         .init(name: "scale", defaultValue: "1"), .init(name: "truncate", defaultValue: "true"), .init(name: "cap", defaultValue: "false"),
                         .init(name: "targets", defaultValue: "the framework's")],
            help: "Normalises every indicator as COINr's Normalise: \"minmax\" to range (0..100 by default), \"zscore\" to mean and sd, \"rank\" (1 = lowest, ties share the lowest rank), \"prank\" (percentile rank (rank - 1) / (n - 1)), \"borda\" (rank - 1), \"target\" (distance to each indicator's target, (x - min) / (target - min), cap: true caps at 1), \"goalposts\" ((x - l) / (u - l) with goalposts: [l, u], truncated to [0, 1] unless truncate: false, times scale), \"none\". Indicators with direction -1 are reversed first. Missing cells stay missing."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let p = try portfolioArgument(args, "p")
            let method = try normalisationMethod(args, p)
            var targets = [String: Double]()
            if case .record(let record)? = args.value("targets") {
                for (code, value) in record.fields {
                    guard case .number(let t) = value, t.isFinite else { throw args.error("targets", "the target of \(code) must be a number") }
                    targets[code] = t
                }
            }
            do throws(PortfolioError) {
                return .object(PortfolioObject(portfolio: try p.normalised(method: method, targets: targets)))
            } catch {
                throw args.failure(error, else: "method")
            }
        },
        Builtin(
            name: "composite",
            parameters: [.init(name: "p"), .init(name: "impute", defaultValue: "\"none\""), .init(name: "by", defaultValue: "none"),
                         .init(name: "treat", defaultValue: "\"none\""), .init(name: "normalise", defaultValue: "\"none\""),
                         .init(name: "range", defaultValue: "[0, 100]")] + aggregationParameters,
            help: "The whole composite-indicator pipeline in one call: impute (\"mean\", \"median\"; within `by`), treat (\"coinr\"), normalise (a method of normalise, with range for \"minmax\"), then aggregate with weights and method. The defaults are the StressTest's rules: no imputation, no treatment, no normalisation (the 0..4 scale is already comparable), the framework's weights (equal), arithmetic means, so composite(p) of a 0..4 portfolio is the plain weighted mean. " + aggregationHelp
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            var p = try portfolioArgument(args, "p")
            let imputation = try args.choice("impute", default: "none", among: ImputationMethod.allCases.map(\.rawValue))
            let by = args.has("by") ? try args.string("by") : nil
            let treatment = try args.choice("treat", default: "none", among: ["none", "coinr"])
            let normalisation = try args.choice("normalise", default: "none", among: normalisationNames)
            let method = normalisation == "none" ? nil : try normalisationMethod(args, p, name: normalisation, parameter: "normalise")
            var step = "impute"
            do throws(PortfolioError) {
                if imputation != "none" || by != nil { p = try p.imputed(method: ImputationMethod(rawValue: imputation)!, by: by) }
                step = "treat"
                if treatment == "coinr" { p = try p.treated(method: .coinr) }
                step = "normalise"
                if let method { p = try p.normalised(method: method) }
            } catch {
                throw args.failure(error, else: args.has(step) ? step : "p")
            }
            return .object(try compositeObject(p, args, steps: p.steps.map(\.summary)))
        },
    ]

    /// The normalisation of `normalise`'s (or `composite`'s) arguments.
    static func normalisationMethod(_ args: Arguments, _ p: Portfolio, name: String? = nil, parameter: String = "method") throws(ScriptError) -> NormalisationMethod {
        let chosen: String
        if let name { chosen = name } else { chosen = try args.choice(parameter, default: "minmax", among: normalisationNames) }
        func pair(_ argument: String, default value: [Double]) throws(ScriptError) -> (Double, Double) {
            let xs = args.has(argument) ? try args.numbers(argument) : value
            guard xs.count == 2, xs.allSatisfy(\.isFinite), xs[0] < xs[1] else {
                throw args.error(argument, "`\(argument)` must be two numbers, the lower first, such as [0, 100]")
            }
            return (xs[0], xs[1])
        }
        switch chosen {
        case "none": return .none
        case "zscore": return .zScore(mean: try args.number("mean", default: 0), standardDeviation: try args.number("sd", default: 1))
        case "rank": return .rank
        case "prank": return .percentileRank
        case "borda": return .borda
        case "target": return .distanceToTarget(target: .nan, capAtOne: try args.bool("cap", default: false))
        case "goalposts":
            let scales = p.framework.indicators.compactMap(\.scale)
            let common = scales.count == p.framework.indicators.count && Set(scales.map { [$0.lowerBound, $0.upperBound] }).count == 1
            guard args.has("goalposts") || common else {
                throw args.error(parameter, "goalposts need goalposts: [lower, upper] (the indicators have no common scale)")
            }
            let (l, u) = try pair("goalposts", default: common ? [scales[0].lowerBound, scales[0].upperBound] : [])
            return .goalposts(lower: l, upper: u, scale: try args.number("scale", default: 1), truncate: try args.bool("truncate", default: true))
        default:
            let (l, u) = try pair("range", default: [0, 100])
            return .minMax(lower: l, upper: u)
        }
    }
}

extension Library {
    /// `impute` of a table: each numeric column's missing cells get its mean or median, over all
    /// rows or within the groups of the text column `by`; the title counts what was filled.
    static func imputedTable(_ table: Table, _ args: Arguments) throws(ScriptError) -> Table {
        let method = ImputationMethod(rawValue: try args.choice("method", default: "mean", among: ImputationMethod.allCases.map(\.rawValue)))!
        var groups: [String]?
        if args.has("by") {
            let name = try args.string("by")
            guard let column = table.columns.first(where: { $0.name == name }) else {
                throw args.error("by", "the table has no column `\(name)`", help: NameSuggestion.help(for: name, among: table.columns.map(\.name)))
            }
            groups = column.values.map { if case .string(let s) = $0 { s } else { Format.inline($0) } }
        }
        var filled = [String](), left = [String]()
        var columns = table.columns
        for (j, column) in columns.enumerated() {
            var numbers = [Double]()
            for value in column.values {
                guard case .number(let x) = value else { break }
                numbers.append(x)
            }
            guard numbers.count == column.values.count, numbers.contains(where: \.isNaN) else { continue }
            let result: ImputationResult
            if let groups {
                do throws(StatsError) { result = try impute(numbers, method: method, groups: groups) } catch { throw args.error("by", error.description) }
            } else {
                result = impute(numbers, method: method)
            }
            columns[j].values = result.values.map(Value.number)
            if !result.report.imputedRows.isEmpty { filled.append("\(column.name) \(result.report.imputedRows.count)") }
            if !result.report.unimputedRows.isEmpty { left.append("\(column.name) \(result.report.unimputedRows.count)") }
        }
        var title = "imputation (\(method.rawValue)\(args.has("by") ? " within \(try args.string("by"))" : "")): "
        if filled.isEmpty && left.isEmpty {
            title += "no missing cells"
        } else if method == .none {
            title += "missing cells left as they are: " + left.joined(separator: ", ")
        } else {
            title += filled.isEmpty ? "no cell could be filled" : "cells filled per column: " + filled.joined(separator: ", ")
            if !left.isEmpty { title += "; left missing (no value in the group): " + left.joined(separator: ", ") }
        }
        return Table(title: (table.title.map { $0 + "\n" } ?? "") + title, columns)
    }
}
