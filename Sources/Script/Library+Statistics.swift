import Charts
import Stats

/// Statistics of numeric vectors. Missing values are removed, as the help of each says, and
/// counted where the result has room for a count (`describe`, `boxstats`).
extension Library {
    static let statistics: [Builtin] = [
        Builtin(
            name: "quantile",
            parameters: [.init(name: "x"), .init(name: "p"), .init(name: "type", defaultValue: "7")],
            help: "Sample quantiles of x at the probabilities p (a number gives a number, a vector a vector), by Hyndman & Fan's type 1-9 (default 7, as R's quantile, numpy's \"linear\" and Excel's QUARTILE.INC; 6 is Excel's QUARTILE.EXC). Equal to numpy's nine methods. Missing values are removed; none left gives missing. p outside [0, 1] is an error."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let x = try args.numbers("x")
            let type = try quantileType(args)
            let p = try args.numbers("p")
            let result: QuantileResult
            do throws(StatsError) {
                result = try quantiles(x, p, type: type)
            } catch {
                throw args.error("p", error.description, help: "probabilities lie between 0 and 1; for percentiles divide by 100")
            }
            if case .number = args.value("p") { return .number(result.values[0]) }
            return .vector(result.values)
        },
        Builtin(
            name: "fivenum",
            parameters: [.init(name: "x")],
            help: "Tukey's five-number summary: minimum, lower hinge, median, upper hinge, maximum (R's fivenum). Missing values are removed."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            .vector(Stats.fivenum(try args.numbers("x")))
        },
        Builtin(
            name: "boxstats",
            parameters: [.init(name: "x"), .init(name: "k", defaultValue: "1.5"), .init(name: "type", defaultValue: "7")],
            help: "Boxplot statistics of x: n, missing, quartiles (quantile type, default 7), IQR, fences at k * IQR beyond the quartiles (default k = 1.5), whiskers at the most extreme values inside the fences (never inside the box), and the outliers beyond the fences with their positions in x (counted from 1)."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let x = try args.numbers("x")
            let type = try quantileType(args)
            let k = try args.number("k", default: 1.5)
            let box: BoxplotStatistics
            do throws(StatsError) {
                box = try BoxplotStatistics(x, coefficient: k, type: type)
            } catch {
                throw args.error("k", error.description)
            }
            return .record(Record(title: "boxplot statistics (quantile type \(type.rawValue), whiskers at \(Format.number(k)) IQR)",
                                  box.fields.map { ($0.name, Value(datum: $0.value)) }))
        },
        Builtin(
            name: "moments",
            parameters: [.init(name: "x")],
            help: "Descriptive statistics of a numeric vector: n, missing, mean, median, sd and var (n - 1), min, max, skewness and excess kurtosis (with the bias corrections of Excel's SKEW and KURT). Missing values are removed and counted. describe(x) gives R's summary of a vector or of every column of a table."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let d = DescriptiveStatistics(try args.numbers("x"))
            return .record(Record(title: "descriptive statistics (sd and var with n - 1; skewness and kurtosis as Excel's SKEW and KURT)", [
                ("n", .number(Double(d.count))),
                ("missing", .number(Double(d.missing))),
                ("mean", .number(d.mean)),
                ("median", .number(d.median)),
                ("sd", .number(d.standardDeviation)),
                ("var", .number(d.variance)),
                ("min", .number(d.min)),
                ("max", .number(d.max)),
                ("skewness", .number(d.skewness)),
                ("kurtosis", .number(d.kurtosis)),
            ]))
        },
        summary("mean", "The arithmetic mean of x. Missing values are removed; none left gives missing.") {
            Moments.mean($0)
        },
        summary("median", "The median of x (the 0.5 quantile, the same for every quantile type that interpolates: 2, 4-9). Missing values are removed; none left gives missing.") {
            (try? quantile($0, 0.5)) ?? .nan
        },
        summary("sd", "The standard deviation of x with n - 1 (R's sd). Missing values are removed; fewer than two values give missing.") {
            Moments.variance($0, mean: Moments.mean($0)).squareRoot()
        },
        summary("var", "The variance of x with n - 1 (R's var). Missing values are removed; fewer than two values give missing.") {
            Moments.variance($0, mean: Moments.mean($0))
        },
        extreme("min", "The smallest value of the arguments (numbers or vectors). Missing values are removed; none left gives missing.") {
            $0.min()
        },
        extreme("max", "The largest value of the arguments (numbers or vectors). Missing values are removed; none left gives missing.") {
            $0.max()
        },
        summary("sum", "The sum of x. Missing values are removed; the sum of nothing is 0.") {
            $0.reduce(0, +)
        },
        Builtin(
            name: "rank",
            parameters: [.init(name: "x"), .init(name: "ties", defaultValue: "\"min\""), .init(name: "descending", defaultValue: "true")],
            help: "Ranks of x. By default the largest value ranks 1 (1 = best, as regions are ranked) and ties share the lowest rank of the tie (\"min\", sport ranking: 1, 2, 2, 4). ties: \"min\", \"average\", \"max\" or \"first\" (as R's rank ties.method); descending: false ranks the smallest value 1, as R's rank. Missing values keep a missing rank. A named vector (p.I02) gives ranks named as x, in x's order."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let x = try args.numbers("x")
            let ties = try args.choice("ties", default: "min", among: TieMethod.allCases.map(\.rawValue))
            let descending = try args.bool("descending", default: true)
            return elementwise(args, ranks(x, ties: TieMethod(rawValue: ties)!, descending: descending))
        },
        Builtin(
            name: "cor",
            parameters: [.init(name: "x"), .init(name: "y"), .init(name: "method", defaultValue: "\"pearson\"")],
            help: "The correlation of x and y: \"pearson\" (R's cor) or \"spearman\" (Pearson's on average ranks). Pairs with a missing value are left out (R's use = \"complete.obs\"); fewer than two complete pairs or a constant vector give missing."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let x = try args.numbers("x"), y = try args.numbers("y")
            let method = try args.choice("method", default: "pearson", among: CorrelationMethod.allCases.map(\.rawValue))
            do throws(StatsError) {
                return .number(try Correlation(x, y, method: CorrelationMethod(rawValue: method)!).value)
            } catch {
                throw args.error("y", error.description)
            }
        },
        Builtin(
            name: "zscore",
            parameters: [.init(name: "x")],
            help: "Standard scores (x - mean) / sd with the n - 1 sd (R's scale). Missing values stay missing and do not enter mean and sd; a constant x gives missing scores. A named vector gives scores named as x."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            elementwise(args, zScores(try args.numbers("x")))
        },
    ]

    /// The result of a function that maps `x` element by element: named as `x` when `x` is a
    /// named vector (p.I02), so that the regions travel with their values; a plain vector otherwise.
    private static func elementwise(_ args: Arguments, _ values: [Double]) -> Value {
        if case .named(let x)? = args.value("x"), x.names.count == values.count {
            return .named(NamedVector(names: x.names, values: values))
        }
        return .vector(values)
    }

    /// A function of one numeric vector to one number, computed on its non-missing values.
    private static func summary(_ name: String, _ help: String, _ statistic: @escaping @Sendable ([Double]) -> Double) -> Builtin {
        Builtin(name: name, parameters: [.init(name: "x")], help: help) { (args: inout Arguments) throws(ScriptError) -> Value in
            .number(statistic(MissingValues.removed(from: try args.numbers("x"))))
        }
    }

    /// `min` and `max`: over all arguments, numbers or vectors.
    private static func extreme(_ name: String, _ help: String, _ pick: @escaping @Sendable ([Double]) -> Double?) -> Builtin {
        Builtin(name: name, parameters: [.variadic("x")], help: help) { (args: inout Arguments) throws(ScriptError) -> Value in
            var all = [Double]()
            for argument in args.rest {
                switch argument.value {
                case .number(let x): all.append(x)
                case .vector(let xs): all += xs
                case .named(let v): all += v.values
                default: throw ScriptError("\(name) needs numbers, not \(argument.value.kind)", at: argument.range)
                }
            }
            guard !args.rest.isEmpty else {
                throw ScriptError("\(name) needs at least one argument", at: args.callRange, help: "for example \(name)([3, 1, 2])")
            }
            return .number(pick(MissingValues.removed(from: all)) ?? .nan)
        }
    }

    /// The `type:` argument, 1-9.
    static func quantileType(_ args: Arguments) throws(ScriptError) -> QuantileType {
        QuantileType(rawValue: try args.integer("type", default: 7, in: 1...9))!
    }
}
