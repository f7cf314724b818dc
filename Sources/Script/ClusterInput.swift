import Stats
import StressTest

/// What a clustering function works on, read from its arguments: the regions and variables of
/// `x` (a portfolio, a table or a matrix as a vector of rows), and the distance settings
/// (`metric:`, `balanced:`, `groups:`, `weights:`, `min_shared:`).
struct ClusterInput {
    var data: RegionVariables
    /// The portfolio `x` was, if it was one.
    var portfolio: Portfolio?
    var settings: DistanceSettings

    /// The distances of `data` under `settings`; an error points at `x` (or at `metric:` when
    /// the metric is what failed, as a singular covariance).
    func distances(_ args: Arguments) throws(ScriptError) -> DistanceMatrix {
        do throws(PortfolioError) {
            return try data.distances(settings)
        } catch {
            throw args.failure(error, else: "x")
        }
    }
}

extension Library {
    /// The input of a clustering function from `x`, `on:` and (when `distances`) the distance
    /// arguments. Clustering follows R and scipy: Euclidean distances on a portfolio's
    /// indicators. With `peers`, a portfolio is compared on its structural variables (when it
    /// has them, as the S3 Platform's benchmarking does) and every x by standardised distances,
    /// since structural variables come in different units.
    static func clusterInput(_ args: Arguments, distances: Bool = true, peers: Bool = false) throws(ScriptError) -> ClusterInput {
        var data: RegionVariables
        var portfolio: Portfolio?
        switch args.value("x") {
        case .object(let object as PortfolioObject):
            portfolio = object.portfolio
            let basis = try peerBasis(args, object.portfolio, default: peers ? object.portfolio.defaultPeerBasis : .indicators)
            do throws(PortfolioError) { data = try object.portfolio.regionVariables(basis) } catch { throw args.failure(error, else: "x") }
        case .table(let table):
            data = try tableVariables(args, table)
        case .list(let rows):
            if args.has("on") { throw args.error("on", "a matrix has no column names to choose by; take the columns you want first") }
            var arrays = [[Double]]()
            for (i, row) in rows.enumerated() {
                guard case .vector(let xs) = row else {
                    throw args.error("x", "row \(i + 1) of the matrix must be a vector of numbers, not \(row.kind)")
                }
                arrays.append(xs)
            }
            let matrix: Matrix
            do throws(StatsError) { matrix = try Matrix(arrays) } catch { throw args.error("x", error.description) }
            data = RegionVariables(regions: (1...max(1, rows.count)).prefix(rows.count).map { Portfolio.Region(id: String($0)) },
                                   names: (0..<matrix.columns).map { "V\($0 + 1)" }, data: matrix,
                                   description: matrix.columns == 1 ? "the column" : "the \(matrix.columns) columns")
        case .vector:
            throw args.error("x", "a single vector is one row; write a matrix as a vector of rows, as [[1, 2], [3, 4]]")
        case let other?:
            throw args.error("x", "\(args.function) needs a portfolio, a table or a matrix (a vector of rows), not \(other.kind)")
        case nil:
            throw args.error("x", "\(args.function) needs the argument `x`")
        }
        guard distances else {
            return ClusterInput(data: data, portfolio: portfolio, settings: DistanceSettings())
        }
        if args.has("groups") {
            guard try args.bool("balanced", default: false) else {
                throw args.error("groups", "groups are for a balanced distance; add balanced: true")
            }
            let names = try stringList(args, "groups")
            guard names.count == data.names.count else {
                throw args.error("groups", "groups needs one group name per variable (\(data.names.count)), not \(names.count)")
            }
            var order = [String]()
            for name in names where !order.contains(name) { order.append(name) }
            data.groups = order.map { group in RegionVariables.Group(name: group, columns: names.indices.filter { names[$0] == group }) }
        }
        let settings = try distanceSettings(args, defaultMetric: peers ? .standardised : .euclidean, variables: data.names.count)
        return ClusterInput(data: data, portfolio: portfolio, settings: settings)
    }

    /// `metric:`, `balanced:`, `weights:` and `min_shared:`.
    static func distanceSettings(_ args: Arguments, defaultMetric: DistanceMetric, variables: Int) throws(ScriptError) -> DistanceSettings {
        let metric = DistanceMetric(rawValue: try args.choice("metric", default: defaultMetric.rawValue, among: metricNames))!
        let balanced = try args.bool("balanced", default: false)
        var weights: [Double]?
        if args.has("weights") {
            guard balanced else { throw args.error("weights", "weights are the groups' weights of a balanced distance; add balanced: true") }
            let w = try args.numbers("weights")
            for x in w where !(x.isFinite && x >= 0) {
                throw args.error("weights", "group weights must be numbers of 0 or more, not \(Format.number(x))")
            }
            guard w.contains(where: { $0 > 0 }) else { throw args.error("weights", "at least one group weight must be above 0") }
            weights = w
        }
        var minimumShared: Int?
        if args.has("min_shared") {
            minimumShared = try args.integer("min_shared", default: 1, in: 1...max(1, variables))
        }
        return DistanceSettings(metric: metric, balanced: balanced, groupWeights: weights, minimumShared: minimumShared)
    }

    /// `on:` for a portfolio: "structure", "indicators", a column name or a vector of them.
    static func peerBasis(_ args: Arguments, _ p: Portfolio, default basis: PeerBasis) throws(ScriptError) -> PeerBasis {
        switch args.value("on") {
        case nil: return basis
        case .string("structure"): return .structure
        case .string("indicators"): return .indicators
        default: return .columns(try stringList(args, "on"))
        }
    }

    /// The number of variables `basis` picks (for the range of `min_shared:`).
    static func variableCount(_ args: Arguments, _ p: Portfolio, _ basis: PeerBasis) throws(ScriptError) -> Int {
        do throws(PortfolioError) { return try p.regionVariables(basis).names.count } catch { throw args.failure(error, else: "p") }
    }

    /// A string or a vector of strings.
    static func stringList(_ args: Arguments, _ name: String) throws(ScriptError) -> [String] {
        switch args.value(name) {
        case .string(let s): return [s]
        case .list(let values):
            return try values.map { (value: Value) throws(ScriptError) -> String in
                guard case .string(let s) = value else { throw args.error(name, "`\(name)` must be strings, not \(value.kind)") }
                return s
            }
        case let other?: throw args.error(name, "`\(name)` must be a string or a vector of strings, not \(other.kind)")
        case nil: throw args.error(name, "\(args.function) needs the argument `\(name)`")
        }
    }

    /// A table's rows as regions: named by its first text column (and the second as their
    /// names, when those are unique); the country is a `country` column, or else the first two letters of ids that are
    /// NUTS codes (two capital letters and at least one more letter, digit or `_`). Variables:
    /// the numeric columns, or those named by `on:`.
    static func tableVariables(_ args: Arguments, _ table: Table) throws(ScriptError) -> RegionVariables {
        func texts(_ column: (name: String, values: [Value])) -> [String]? {
            var result = [String]()
            for value in column.values {
                switch value {
                case .string(let s): result.append(s)
                case .number(let x) where x.isNaN: result.append("")
                default: return nil
                }
            }
            return result
        }
        func numbers(_ column: (name: String, values: [Value])) -> [Double]? {
            var result = [Double]()
            for value in column.values {
                guard case .number(let x) = value else { return nil }
                result.append(x)
            }
            return result
        }
        let textColumns = table.columns.filter { texts($0) != nil && !$0.values.allSatisfy { if case .number = $0 { true } else { false } } }
        let countryColumn = textColumns.first { $0.name.lowercased() == "country" }
        let labelColumns = textColumns.filter { $0.name.lowercased() != "country" }
        let ids = labelColumns.first.flatMap(texts) ?? (1...max(1, table.rowCount)).prefix(table.rowCount).map(String.init)
        // A second text column names the rows when its names are unique (else the ids do).
        let names = labelColumns.dropFirst().first.flatMap(texts).flatMap { names in
            Set(names.map { $0.lowercased() }).count == names.count && !names.contains("") ? names : nil
        }
        var countries = countryColumn.flatMap(texts)
        if countries == nil, !ids.isEmpty, ids.allSatisfy(Self.isNUTSCode) {
            countries = ids.map { String($0.prefix(2)) }
        }
        var seen = [String: Int]()
        for (i, id) in ids.enumerated() {
            if id.isEmpty { throw args.error("x", "row \(i + 1) of the table has no name in its column `\(labelColumns.first?.name ?? "")`") }
            if let first = seen[id.lowercased()] {
                throw args.error("x", "rows \(first + 1) and \(i + 1) of the table are both named `\(id)`; regions need unique names")
            }
            seen[id.lowercased()] = i
        }
        let regions = ids.indices.map { i in
            Portfolio.Region(id: ids[i], name: names.map { $0[i] }.flatMap { $0.isEmpty ? nil : $0 },
                             country: countries.map { $0[i] }.flatMap { $0.isEmpty ? nil : $0 })
        }
        let numeric = table.columns.filter { numbers($0) != nil }
        var chosen = numeric
        if args.has("on") {
            chosen = []
            for name in try stringList(args, "on") {
                guard !chosen.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                    throw args.error("on", "the column `\(name)` is chosen twice")
                }
                guard let column = table.columns.first(where: { $0.name == name }) ?? table.columns.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                    throw args.error("on", "the table has no column `\(name)`", help: NameSuggestion.help(for: name, among: numeric.map(\.name)))
                }
                guard numbers(column) != nil else { throw args.error("on", "the column `\(column.name)` is not numeric") }
                chosen.append(column)
            }
        }
        guard !chosen.isEmpty else { throw args.error("x", "the table has no numeric columns to compare the rows on") }
        var elements = [Double]()
        elements.reserveCapacity(table.rowCount * chosen.count)
        let columns = chosen.map { numbers($0)! }
        for i in 0..<table.rowCount {
            for column in columns { elements.append(column[i]) }
        }
        return RegionVariables(regions: regions, names: chosen.map(\.name),
                               data: Matrix(rows: table.rowCount, columns: chosen.count, elements: elements),
                               description: "the \(chosen.count) variable\(chosen.count == 1 ? "" : "s") of the table")
    }

    /// Two capital letters then at least one capital letter, digit or underscore (AT13, AT_C, DE).
    static func isNUTSCode(_ id: String) -> Bool {
        let scalars = Array(id.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= 6 else { return false }
        let capital: (Unicode.Scalar) -> Bool = { $0.value >= 65 && $0.value <= 90 }
        return capital(scalars[0]) && capital(scalars[1])
            && scalars.dropFirst(2).allSatisfy { capital($0) || ($0.value >= 48 && $0.value <= 57) || $0 == "_" }
    }

    /// The region named by argument `name` (id or name).
    static func regionIndex(_ args: Arguments, _ name: String, in data: RegionVariables) throws(ScriptError) -> Int {
        let region = try args.string(name)
        do throws(PortfolioError) { return try data.requireRegion(region) } catch { throw args.error(name, error.message, help: error.help) }
    }
}
