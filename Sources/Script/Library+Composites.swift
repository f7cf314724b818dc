import Stats
import StressTest

/// Composite indicators: weights and aggregation (the pipeline's last steps).
extension Library {
    static let aggregationParameters: [Builtin.Parameter] = [
        .init(name: "weights", defaultValue: "\"framework\""), .init(name: "method", defaultValue: "\"arithmetic\""),
        .init(name: "power", defaultValue: "none"), .init(name: "threshold", defaultValue: "2/3"), .init(name: "shift", defaultValue: "0"),
    ]

    static let aggregationHelp = "weights: \"framework\" (the framework's, equal in the shipped one), \"equal\", \"pca\" (loadings of the first principal component within each aggregate, level by level, as COINr's get_PCA), or a record of weights by code ({DEV: 2, I04: 0.5}; the others keep the framework's) or the table weights() returns; method: \"arithmetic\", \"geometric\", \"harmonic\" or \"generalised\" (with power: p), or a vector with one per level (dimensions first); an aggregate is missing unless its present children carry threshold of its weight; a zero under a geometric or harmonic mean is an error unless shift: c (then M(x + c) - c)."

    static let composites: [Builtin] = [
        Builtin(
            name: "tipping",
            parameters: [.init(name: "p"), .init(name: "name"), .init(name: "level", defaultValue: "\"top\"")] + aggregationParameters,
            help: "Exact weight tipping points of a region (arithmetic aggregation; no other tool has them): for every other region the smallest Euclidean change of the weight vector (weights non-negative, summing to 1) at which the two tie, and for each single weight (the others keeping their proportions) the nearest value below and above its nominal at which the region's rank changes. level: \"top\" moves the weights of the index's children (dimensions), \"indicators\" the effective weights of the indicators. p may be a portfolio (aggregated with the other arguments, as aggregate) or a composite."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let composite: CompositeIndicator
            if case .object(let object as CompositeObject) = args.value("p") {
                composite = object.composite
            } else {
                composite = try compositeObject(try portfolioArgument(args, "p"), args).composite
            }
            let name = try args.string("name"), region: Int
            do throws(PortfolioError) {
                region = try composite.requireRegion(name)
            } catch {
                throw args.error("name", error.message, help: error.help)
            }
            let level = CompositeIndicator.TippingLevel(rawValue: try args.choice("level", default: "top", among: ["top", "indicators"]))!
            do throws(PortfolioError) {
                return .object(TippingObject(composite: composite, region: region, tipping: try composite.tipping(region: region, level: level)))
            } catch {
                throw args.failure(error, else: "name", aliases: ["methods": "method", "region": "name"])
            }
        },
        Builtin(
            name: "aggregate",
            parameters: [.init(name: "p")] + aggregationParameters,
            help: "Aggregates a portfolio's values (as they are: after impute, treat, normalise if any) level by level through its framework (indicators -> dimensions -> groups -> index) into a composite indicator: scores and ranks at every level, weights, Cronbach's alpha, correlations with the children. " + aggregationHelp
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let p = try portfolioArgument(args, "p")
            return .object(try compositeObject(p, args))
        },
        Builtin(
            name: "weights",
            parameters: [.init(name: "p"), .init(name: "method", defaultValue: "\"framework\"")],
            help: "The weights of a portfolio's framework: each code's weight within its parent (summing to 1) and its effective weight in the index (the product along its path). method: \"framework\", \"equal\" or \"pca\" (first principal component within each aggregate). The table can be edited and given to composite(p, weights: w)."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let p = try portfolioArgument(args, "p")
            let method = try args.choice("method", default: "framework", among: ["framework", "equal", "pca"])
            let weighting: CompositeIndicator.Weighting = method == "pca" ? .pca : method == "equal" ? .equal : .framework
            do throws(PortfolioError) {
                return .table(CompositeObject(composite: try CompositeIndicator(p, weighting: weighting)).weightsTable)
            } catch {
                throw args.error("method", error.message, help: error.help)
            }
        },
    ]

    static func portfolioArgument(_ args: Arguments, _ name: String) throws(ScriptError) -> Portfolio {
        guard case .object(let object) = args.value(name), let p = object as? PortfolioObject else {
            throw args.error(name, "\(args.function) needs a portfolio, as portfolio(\"demo\") makes one, not \(args.value(name)?.kind ?? "nothing")")
        }
        return p.portfolio
    }

    /// The composite of `p` with the aggregation arguments of `args`.
    static func compositeObject(_ p: Portfolio, _ args: Arguments, steps: [String] = []) throws(ScriptError) -> CompositeObject {
        let weighting = try weighting(args)
        let methods = try aggregationMethods(args)
        let threshold = try args.number("threshold", default: Aggregation.defaultThreshold)
        guard threshold >= 0 && threshold <= 1 else {
            throw args.error("threshold", "`threshold` must be a share between 0 and 1, not \(Format.number(threshold))")
        }
        let shift = try args.number("shift", default: 0)
        guard shift >= 0 && shift.isFinite else { throw args.error("shift", "`shift` must be a number of 0 or more, not \(Format.number(shift))") }
        do throws(PortfolioError) {
            let c = try CompositeIndicator(p, weighting: weighting, methods: methods, threshold: threshold, shift: shift)
            return CompositeObject(composite: c, steps: steps)
        } catch {
            throw args.failure(error, else: "p", aliases: ["methods": "method"])
        }
    }

    static func weighting(_ args: Arguments) throws(ScriptError) -> CompositeIndicator.Weighting {
        switch args.value("weights") {
        case nil: return .framework
        case .string:
            let name = try args.choice("weights", default: "framework", among: ["framework", "equal", "pca"])
            return name == "pca" ? .pca : name == "equal" ? .equal : .framework
        case .record(let record):
            var weights = [String: Double]()
            for (code, value) in record.fields {
                guard case .number(let w) = value, w.isFinite, w >= 0 else {
                    throw args.error("weights", "the weight of \(code) must be a number of 0 or more, not \(value.kind)")
                }
                weights[code] = w
            }
            return .explicit(weights)
        case .table(let table):
            guard let codes = table.columns.first(where: { $0.name == "code" })?.values,
                  let values = table.columns.first(where: { $0.name == "weight" })?.values else {
                throw args.error("weights", "a table of weights needs the columns code and weight, as weights(p) returns")
            }
            var weights = [String: Double]()
            for (code, value) in zip(codes, values) {
                guard case .string(let c) = code, case .number(let w) = value, w.isFinite, w >= 0 else {
                    throw args.error("weights", "each row of the weights table needs a code and a weight of 0 or more")
                }
                weights[c] = w
            }
            return .explicit(weights)
        case let other?:
            throw args.error("weights", "`weights` must be \"framework\", \"equal\", \"pca\", a record such as {DEV: 2} or a table of weights, not \(other.kind)")
        }
    }

    static func aggregationMethods(_ args: Arguments) throws(ScriptError) -> [AggregationMethod] {
        let names: [String]
        switch args.value("method") {
        case nil: names = ["arithmetic"]
        case .string: names = [try args.choice("method", default: "arithmetic", among: AggregationMethod.names)]
        case .list(let values):
            names = try values.map { (value: Value) throws(ScriptError) -> String in
                guard case .string(let s) = value else { throw args.error("method", "each method must be a string, not \(value.kind)") }
                guard AggregationMethod.names.contains(s) else {
                    throw args.error("method", "`method` cannot be \"\(s)\"", help: NameSuggestion.help(for: s, among: AggregationMethod.names)
                                     ?? "allowed: " + AggregationMethod.names.joined(separator: ", "))
                }
                return s
            }
        case let other?: throw args.error("method", "`method` must be a string or a vector of strings, not \(other.kind)")
        }
        var power: Double?
        if args.has("power") {
            power = try args.number("power")
            guard power != 0 && power!.isFinite else {
                throw args.error("power", "`power` must be a finite number other than 0", help: "use method: \"geometric\" for the limit p -> 0")
            }
        }
        return try names.map { (name: String) throws(ScriptError) -> AggregationMethod in
            switch name {
            case "geometric": return .geometric
            case "harmonic": return .harmonic
            case "generalised":
                guard let power else { throw args.error("method", "the generalised mean needs `power: p`", help: "p = 2 is the quadratic mean; p = 1 the arithmetic") }
                return .generalised(power: power)
            default: return .arithmetic
            }
        }
    }
}

extension Library {
    static let comparison = Builtin(
        name: "compare",
        parameters: [.init(name: "x"), .init(name: "y")],
        help: "Compares two portfolios or composite indicators (for example ours against a published stage of COINr): for every column both have (indicators, aggregates, numeric columns), over the regions both have (matched by id), the number of cells compared, the largest absolute difference and the region where it occurs, and the cells missing in one but not the other."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let x = try columnsByCode(args, "x"), y = try columnsByCode(args, "y")
        var codes = [Value](), counts = [Value](), largest = [Value](), regions = [Value](), mismatched = [Value]()
        for (code, a) in x.columns {
            guard let b = y.columns.first(where: { $0.code == code })?.values else { continue }
            var count = 0, worst = 0.0, worstRegion = "", missingInOne = 0
            for (r, id) in x.ids.enumerated() {
                guard let s = y.index[id] else { continue }
                let u = a[r], v = b[s]
                if u.isNaN != v.isNaN { missingInOne += 1; continue }
                guard !u.isNaN else { continue }
                count += 1
                if abs(u - v) > worst || worstRegion.isEmpty { worst = max(worst, abs(u - v)); worstRegion = id }
            }
            codes.append(.string(code)); counts.append(.number(Double(count))); largest.append(.number(worst))
            regions.append(.string(worstRegion)); mismatched.append(.number(Double(missingInOne)))
        }
        guard !codes.isEmpty else { throw args.error("y", "the two have no column in common") }
        let common = x.ids.filter { y.index[$0] != nil }.count
        return .table(Table(title: "comparison over \(common) common regions: largest absolute difference per column", [
            ("column", codes), ("cells", counts), ("largest", largest), ("at", regions), ("missing_in_one", mismatched),
        ]))
    }

    /// The numeric columns of a portfolio (indicators, then numeric columns) or a composite (every
    /// code), with the region ids.
    private static func columnsByCode(_ args: Arguments, _ name: String) throws(ScriptError)
        -> (ids: [String], index: [String: Int], columns: [(code: String, values: [Double])]) {
        switch args.value(name) {
        case .object(let object as PortfolioObject):
            let p = object.portfolio
            let ids = p.regions.map(\.id)
            let columns = p.framework.indicators.indices.map { j in (p.framework.indicators[j].id, p.values.map { $0[j] }) }
                + p.variables.indices.map { v in (p.variables[v], p.variableValues.map { $0[v] }) }
            return (ids, Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }), columns)
        case .object(let object as CompositeObject):
            let c = object.composite
            let ids = c.regions.map(\.id)
            return (ids, Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }), c.codes.map { ($0, c.scores(of: $0)!) })
        case let other:
            throw args.error(name, "compare needs portfolios or composite indicators, not \(other?.kind ?? "nothing")")
        }
    }
}
