import Stats
import StressTest

/// Tables as a tool: reading and converting (`table`), choosing rows and columns (`filter`,
/// `select`, `head`, `tail`), computing columns (`mutate`, `map`), group summaries
/// (`summarise`), joins (`join`), R's `summary` of every column (`describe`) and CSV files
/// (`write`). `sort` (Library+Vectors) orders a table's rows by columns. The table functions take
/// a table or any domain result that reads as one (`Tabular`).
extension Library {
    static let tables: [Builtin] = [tableFunction, filter, map, select, slice("head", first: true), slice("tail", first: false),
                                    mutate, summarise, join, describeTable, write]

    /// What `table(x)` converts, for help and errors.
    static let convertible = "table(x) converts a CSV file's path, a record of equal-length vectors, a named vector, a vector, and the results of portfolio, composite (and aggregate), uncertainty, sobol, tipping, score, kmeans, pca, silhouette, distance and benchmark; peers and good_practice are tables already"

    static let tableFunction = Builtin(
        name: "table", parameters: [.init(name: "x")],
        help: "A table from x. A string is the path of a CSV file (comma or semicolon delimited): a column is numeric when most of its filled cells are numbers (an empty cell is missing; any other text in it is an error naming row and column), else text; for example t = table(\"rci2022_raw.csv\"), then peers(t, \"AT_C\"). Otherwise x converts: a table stays as it is; a record of equal-length vectors (or single values, giving one row) gives a column per field, with a first column name when every field is a vector named by the same names; a named vector gives the columns name and value; a vector the column value. Domain results give their data with regions by id in a column region, so that they join: a portfolio (region, name, country, the indicators, structural variables and attributes), a composite (the scores at every level), uncertainty (per region the nominal rank and the mean, median, p05 and p95 ranks), sobol (per input S1, ST and their half-widths), tipping (every other region with the distance of the nearest weights that tie them), score (indicators and dimensions per region), kmeans (region, cluster), pca (region and every component's coordinate), silhouette (region by label, cluster, neighbour, width) and distance (long form: one row per pair region_a < region_b, in the order of R's dist, with the distance and, when cells were missing, the number of variables it used; d.matrix is the square form)."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        guard case .string(let path)? = args.value("x") else {
            return .table(try table(from: args.value("x")!, at: args.range("x")))
        }
        let file = try args.pathToRead("x")
        do throws(DataErrors) {
            let csv = try CSVReader.read(path: file, deferringRowProblems: true)
            let columns = try csv.typedColumns()
            let numeric = columns.filter { if case .numbers = $0.column { true } else { false } }.count
            return .table(Table(title: "\(path): \(csv.rows.count) rows, \(columns.count) columns (\(numeric) numeric)", columns.map { column in
                switch column.column {
                case .numbers(let xs): (column.name, xs.map(Value.number))
                case .texts(let texts): (column.name, texts.map(Value.string))
                }
            }))
        } catch {
            throw args.error("x", "the table cannot be read:\n" + error.lines.joined(separator: "\n"))
        }
    }

    static let filter = Builtin(
        name: "filter", parameters: [.init(name: "x"), .init(name: "condition")],
        help: "The rows of a table (or the elements of a vector) for which condition is true, in their order. condition is a function called with each row as a record, filter(t, fn(r) = r.I02 > 2), or with each element of a vector, or a mask: a vector of true/false with one element per row, filter(t, t.I02 > 2) (a single true or false applies to every row). The function must give true or false: missing or anything else is an error naming the row, and so is a missing element of a mask (a comparison with a missing value is missing), so that no row is dropped silently. A named vector keeps its names; a table keeps its title with a note of how many rows were kept."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let x = args.value("x")!
        if isTabular(x) {
            let t = try tableArgument(args, "x")
            let keep = try selection(args, count: t.rowCount, noun: "row", label: { rowLabel(t, $0) }) { row($0, of: t) }
            let kept = keep.indices.filter { keep[$0] }
            return .table(rows(kept, of: t, title: noted(t.title, "filtered: \(kept.count) of \(t.rowCount) rows kept")))
        }
        let elements = try vectorElements(args, "x")
        let names = if case .named(let v) = x { v.names } else { [String]() }
        let keep = try selection(args, count: elements.count, noun: "element", label: { names.isEmpty ? "" : " (\(names[$0]))" }) { elements[$0] }
        return subset(x, keep.indices.filter { keep[$0] }, elements)
    }

    static let map = Builtin(
        name: "map", parameters: [.init(name: "x"), .init(name: "f")],
        help: "f applied to each element of a vector, map([1, 4, 9], sqrt), or to each row of a table as a record, map(t, fn(r) = r.q3 - r.q1). The results form a vector (numeric when every result is a number or missing); a named vector keeps its names when the results are numbers."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let f = try args.function("f")
        let range = args.range("f"), x = args.value("x")!
        var results = [Value]()
        if isTabular(x) {
            let t = try tableArgument(args, "x")
            for i in 0..<t.rowCount { results.append(try f.call([row(i, of: t)], at: range)) }
            return .vector(of: results)
        }
        for element in try vectorElements(args, "x") { results.append(try f.call([element], at: range)) }
        let value = Value.vector(of: results)
        if case .named(let v) = x, case .vector(let ys) = value { return .named(NamedVector(names: v.names, values: ys)) }
        return value
    }

    static let select = Builtin(
        name: "select", parameters: [.init(name: "t"), .variadic("columns")],
        help: "The columns of a table named by the other arguments, in the order given: select(t, \"region\", \"I02\") or select(t, [\"region\", \"I02\"]). An unknown name is an error with the nearest column as a suggestion; a column named twice is an error."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let t = try tableArgument(args, "t")
        guard !args.rest.isEmpty else {
            throw ScriptError("select needs at least one column name", at: args.callRange,
                              help: "for example select(t, \"region\", \"I02\"); columns: " + t.columns.map(\.name).joined(separator: ", "))
        }
        var chosen = [Int]()
        for argument in args.rest {
            for name in try columnNames(argument.value, at: argument.range, of: "select") {
                let j = try columnIndex(name, in: t, at: argument.range)
                guard !chosen.contains(j) else { throw ScriptError("the column `\(name)` is selected twice", at: argument.range) }
                chosen.append(j)
            }
        }
        return .table(Table(title: t.title, chosen.map { t.columns[$0] }))
    }

    /// `head` and `tail`, as R's: n >= 0 keeps the first (last) n, a negative n all but the last
    /// (first) -n.
    static func slice(_ name: String, first: Bool) -> Builtin {
        let end = first ? "first" : "last", other = first ? "last" : "first"
        return Builtin(
            name: name, parameters: [.init(name: "x"), .init(name: "n", defaultValue: "6")],
            help: "The \(end) n rows of a table or elements of a vector (all of them when there are fewer), as R's \(name): a negative n gives all but the \(other) -n. A named vector keeps its names; a table keeps its title with a note of the rows shown."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let n = try args.integer("n", default: 6, in: -1_000_000_000...1_000_000_000)
            let x = args.value("x")!
            func kept(_ count: Int) -> [Int] {
                let k = n >= 0 ? Swift.min(n, count) : Swift.max(count + n, 0)
                return first ? Array(0..<k) : Array((count - k)..<count)
            }
            if isTabular(x) {
                let t = try tableArgument(args, "x")
                let indices = kept(t.rowCount)
                let title = indices.count == t.rowCount ? t.title : noted(t.title, "the \(end) \(indices.count) of \(t.rowCount) rows")
                return .table(rows(indices, of: t, title: title))
            }
            let elements = try vectorElements(args, "x")
            return subset(x, kept(elements.count), elements)
        }
    }

    static let mutate = Builtin(
        name: "mutate", parameters: [.init(name: "t"), .options("columns")],
        help: "The table with columns computed by the named arguments, in the order given: mutate(t, gap: t.q3 - t.q1, level: \"NUTS2\", share: fn(r) = r.I02 / r.I03). Each value is a vector with one element per row (by position: the names of a named vector are not matched), a single value for every row, or a function called with each row as a record (the row as the earlier arguments left it) that gives a single number, string, boolean or missing. A column of the same name is replaced in place; any other is appended."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        var t = try tableArgument(args, "t")
        guard !args.options.isEmpty else {
            throw ScriptError("mutate needs at least one column to compute", at: args.callRange, help: "for example mutate(t, gap: t.q3 - t.q1)")
        }
        let n = t.rowCount
        for option in args.options {
            let name = option.name, range = option.bound.range
            var values = [Value]()
            switch option.bound.value {
            case .function(let f):
                for i in 0..<n {
                    let value = try f.call([row(i, of: t)], at: range)
                    guard isSingle(value) else {
                        throw ScriptError("`\(name)`: the function gave \(value.kind) for row \(i + 1)\(rowLabel(t, i)); a cell holds a single value", at: range)
                    }
                    values.append(value)
                }
            case .number, .string, .bool:
                values = Array(repeating: option.bound.value, count: n)
            case let value:
                guard let elements = value.elements else {
                    throw ScriptError("`\(name)` must be a vector, a single value or a function of the row, not \(value.kind)", at: range)
                }
                guard elements.count == n || elements.count == 1 else {
                    throw ScriptError("`\(name)` has \(elements.count) values; the table has \(n) rows", at: range,
                                      help: "give one value per row, or a single value for every row")
                }
                values = elements.count == n ? elements : Array(repeating: elements[0], count: n)
            }
            if let j = t.columns.firstIndex(where: { $0.name == name }) { t.columns[j].values = values } else { t.columns.append((name, values)) }
        }
        return .table(t)
    }

    /// The statistics `summarise` knows, each of a group's values of one column.
    static let groupStatistics = ["n", "mean", "median", "sd", "var", "min", "max", "sum", "q1", "q3"]

    static let summarise = Builtin(
        name: "summarise", parameters: [.init(name: "t"), .init(name: "by", defaultValue: "none"), .init(name: "na_rm", defaultValue: "false"), .options("statistics")],
        help: "Summaries of the groups of rows with equal values in the columns by (a name or a vector of names; without by, the whole table is one group), one row per group, groups in the order in which they first appear: summarise(t, by: \"country\", mean: \"I02\", median: [\"I02\", \"I03\"], n: true). Statistics, each taking a column name or a vector of names, in the order given: mean, median, q1 and q3 (quantile type 7), sd and var (n - 1), min, max, sum, and n (the number of values present; n: true the number of rows of the group). Output columns are named like mean_I02 (n: true gives n). Missing values: as R's default, a statistic of a group with a missing value is missing; na_rm: true removes them first (a group with none left gives missing, a sum 0) and adds a column missing_I02 counting those removed from each group. A missing key forms a group of its own."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let t = try tableArgument(args, "t")
        let naRm = try args.bool("na_rm", default: false)
        guard !args.options.isEmpty else {
            throw ScriptError("summarise needs at least one statistic", at: args.callRange,
                              help: "for example summarise(t, by: \"country\", mean: \"I02\"); statistics: " + groupStatistics.joined(separator: ", "))
        }
        let keys = try args.value("by").map { by throws(ScriptError) in
            try columnNames(by, at: args.range("by"), of: "by").map { name throws(ScriptError) in try columnIndex(name, in: t, at: args.range("by")) }
        } ?? []
        var groups = [[Int]](), position = [[TableKey]: Int]()
        for i in 0..<t.rowCount {
            var key = [TableKey]()
            for j in keys { key.append(try cell(t, j, i, at: args.range("by"), for: "group")) }
            if let g = position[key] { groups[g].append(i) } else {
                position[key] = groups.count
                groups.append([i])
            }
        }
        if keys.isEmpty && groups.isEmpty { groups = [[]] }
        var columns = keys.map { j in (name: t.columns[j].name, values: groups.map { t.columns[j].values[$0[0]] }) }
        var summarised = [(name: String, values: [Double])]()
        for option in args.options {
            guard groupStatistics.contains(option.name) else {
                throw ScriptError("summarise has no statistic `\(option.name)`", at: option.nameRange,
                                  help: (NameSuggestion.help(for: option.name, among: groupStatistics + ["by", "na_rm"]).map { $0 + " " } ?? "")
                                      + "statistics: " + groupStatistics.joined(separator: ", "))
            }
            if option.name == "n", case .bool(let count) = option.bound.value {
                if count { columns.append((name: "n", values: groups.map { .number(Double($0.count)) })) }
                continue
            }
            for name in try columnNames(option.bound.value, at: option.bound.range, of: option.name) {
                let j = try columnIndex(name, in: t, at: option.bound.range)
                let xs = try numbers(t, j, at: option.bound.range, for: option.name)
                let output = "\(option.name)_\(name)"
                guard !columns.contains(where: { $0.name == output }) else {
                    throw ScriptError("`\(output)` is asked for twice", at: option.bound.range)
                }
                columns.append((name: output, values: groups.map { .number(statistic(option.name, $0.map { xs[$0] }, naRm: naRm)) }))
                if !summarised.contains(where: { $0.name == name }) { summarised.append((name, xs)) }
            }
        }
        if naRm {
            for (name, xs) in summarised {
                columns.append((name: "missing_\(name)", values: groups.map { rows in .number(Double(rows.filter { xs[$0].isNaN }.count)) }))
            }
        }
        let by = keys.isEmpty ? "of the whole table" : "by " + keys.map { t.columns[$0].name }.joined(separator: " and ") + ", groups in order of first appearance"
        let missing = naRm ? "missing values removed and counted in missing_<column>" : "a statistic of a group with a missing value is missing (na_rm: true removes them)"
        return .table(Table(title: "summaries \(by); \(missing); sd and var with n - 1, quantiles of type 7", columns))
    }

    /// One statistic of a group's values (NaN = missing).
    static func statistic(_ name: String, _ xs: [Double], naRm: Bool) -> Double {
        let present = MissingValues.removed(from: xs)
        if name == "n" { return Double(present.count) }
        if !naRm && present.count < xs.count { return .nan }
        switch name {
        case "mean": return Moments.mean(present)
        case "median": return (try? quantile(present, 0.5)) ?? .nan
        case "q1": return (try? quantile(present, 0.25)) ?? .nan
        case "q3": return (try? quantile(present, 0.75)) ?? .nan
        case "sd": return Moments.variance(present, mean: Moments.mean(present)).squareRoot()
        case "var": return Moments.variance(present, mean: Moments.mean(present))
        case "min": return present.min() ?? .nan
        case "max": return present.max() ?? .nan
        default: return present.reduce(0, +)
        }
    }

    static let join = Builtin(
        name: "join", parameters: [.init(name: "a"), .init(name: "b"), .init(name: "by"), .init(name: "how", defaultValue: "\"inner\"")],
        help: "The rows of table a, in their order, each with the columns of the row of table b that has the same key: join(a, b, by: \"region\"). by names the key column that both tables have (or a vector of names, for a key of several columns). how: \"inner\" keeps only the rows of a that have a match; \"left\" keeps every row of a, with missing in b's columns where there is none. A key appearing twice in b is an error naming it (a row of a must match at most one row of b); keys repeated in a are fine. A missing key matches nothing; numbers match numbers, strings strings. The columns of b other than the key follow those of a; a name that a has already gets the suffix _b."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let a = try tableArgument(args, "a"), b = try tableArgument(args, "b")
        let how = try args.choice("how", default: "inner", among: ["inner", "left"])
        let by = args.range("by")
        let names = try columnNames(args.value("by")!, at: by, of: "by")
        guard !names.isEmpty else { throw args.error("by", "by must name at least one key column") }
        var aKeys = [Int](), bKeys = [Int]()
        for name in names {
            aKeys.append(try columnIndex(name, in: a, at: by, which: "a"))
            bKeys.append(try columnIndex(name, in: b, at: by, which: "b"))
        }
        var index = [[TableKey]: Int]()
        for j in 0..<b.rowCount {
            var key = [TableKey]()
            for k in bKeys { key.append(try cell(b, k, j, at: by, for: "join")) }
            if key.contains(.missing) { continue }
            if let earlier = index[key] {
                throw args.error("b", "the key \(shown(key)) appears twice in b (rows \(earlier + 1) and \(j + 1)); a row of a must match at most one row of b",
                                 help: "make b's keys unique first, for example with summarise(b, by: ...) or filter")
            }
            index[key] = j
        }
        var pairs = [(row: Int, match: Int?)]()
        for i in 0..<a.rowCount {
            var key = [TableKey]()
            for k in aKeys { key.append(try cell(a, k, i, at: by, for: "join")) }
            let match = key.contains(.missing) ? nil : index[key]
            if match != nil || how == "left" { pairs.append((i, match)) }
        }
        var columns = a.columns.map { column in (name: column.name, values: pairs.map { column.values[$0.row] }) }
        var taken = Set(a.columns.map(\.name))
        for (k, column) in b.columns.enumerated() where !bKeys.contains(k) {
            var name = column.name
            while taken.contains(name) { name += "_b" }
            taken.insert(name)
            columns.append((name: name, values: pairs.map { $0.match.map { column.values[$0] } ?? .missing }))
        }
        let matched = pairs.filter { $0.match != nil }.count
        let title = noted(a.title, "\(how) join by \(names.joined(separator: ", ")) with \(b.title?.split(separator: "\n").first.map(String.init) ?? "a table"): \(matched) of \(a.rowCount) rows matched")
        return .table(Table(title: title, columns))
    }

    static let describeTable = Builtin(
        name: "describe", parameters: [.init(name: "x")],
        help: "R's summary() of every numeric column of a table, one row per column (text columns are left out and named in the title), or of a vector (one row): min, q1, median, mean, q3, max (quartiles of type 7, as R's summary.default and quantile), n (the values present) and missing (the values left out, R's NA's). A column with no value present gives missing statistics."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let statistics = ["min", "q1", "median", "mean", "q3", "max", "n", "missing"]
        let x = args.value("x")!
        var names = [String](), rows = [[Double]](), skipped = [String]()
        if isTabular(x) {
            let t = try tableArgument(args, "x")
            for column in t.columns {
                var xs = [Double]()
                for value in column.values { if case .number(let v) = value { xs.append(v) } }
                if xs.count < column.values.count { skipped.append(column.name); continue }
                names.append(column.name)
                rows.append(summaryRow(xs))
            }
        } else {
            rows.append(summaryRow(try args.numbers("x")))
        }
        var columns = statistics.indices.map { k in (name: statistics[k], values: rows.map { Value.number($0[k]) }) }
        if isTabular(x) { columns.insert((name: "column", values: names.map(Value.string)), at: 0) }
        let title = "summary of each numeric column as R's summary() (quartiles of type 7; missing values left out and counted)"
            + (skipped.isEmpty ? "" : "; not numeric: " + skipped.joined(separator: ", "))
        return .table(Table(title: title, columns))
    }

    /// Min, 1st quartile, median, mean, 3rd quartile, max, count present, count missing.
    static func summaryRow(_ xs: [Double]) -> [Double] {
        let present = MissingValues.removed(from: xs)
        let q = (try? quantiles(present, [0, 0.25, 0.5, 0.75, 1]).values) ?? [Double](repeating: .nan, count: 5)
        return [q[0], q[1], q[2], Moments.mean(present), q[3], q[4], Double(present.count), Double(xs.count - present.count)]
    }

    static let write = Builtin(
        name: "write", parameters: [.init(name: "x"), .init(name: "path"), .init(name: "replace", defaultValue: "false")],
        help: "Writes a table, or anything table(x) converts (a portfolio, u, b.table, peers, ...), to a CSV file that table(path) reads back with the same values: a header of column names, numbers in shortest round-trip form, missing values as empty cells, text quoted when it holds a comma, semicolon, quote or line break, booleans as true and false. An infinite number is an error (table(path) would not read it back), and so is a cell holding more than one value. An existing file is replaced only with replace: true; the file is written atomically."
    ) { (args: inout Arguments) throws(ScriptError) -> Value in
        let t = try table(from: args.value("x")!, at: args.range("x"))
        let path = try args.string("path")
        let replace = try args.bool("replace", default: false)
        var lines = [[String]]()
        for i in 0..<t.rowCount {
            var cells = [String]()
            for column in t.columns {
                switch column.values[i] {
                case .number(let v) where v.isInfinite:
                    throw args.error("x", "the column `\(column.name)` is \(Format.number(v)) in row \(i + 1); table(path) would not read an infinite number back",
                                     help: "replace infinite values first (log(0) is -inf), or leave the column out with select")
                case .number(let v): cells.append(CSVWriter.number(v))
                case .string(let s): cells.append(s)
                case .bool(let b): cells.append(b ? "true" : "false")
                case let other:
                    throw args.error("x", "the column `\(column.name)` holds \(other.kind) in row \(i + 1); a CSV cell holds a single number, string or boolean")
                }
            }
            lines.append(cells)
        }
        let target = try args.pathToWrite("path")
        do throws(PortfolioError) {
            try CSVWriter.write(CSVWriter.document(header: t.columns.map(\.name), rows: lines), to: target, replace: replace)
        } catch {
            throw args.error("path", error.message, help: error.help)
        }
        return .text("wrote \(t.rowCount) rows x \(t.columns.count) columns to \(path)")
    }
}

// MARK: - Helpers of the table functions

extension Library {
    /// `value` as a table: see `table(x)`.
    static func table(from value: Value, at range: SourceRange) throws(ScriptError) -> Table {
        switch value {
        case .table(let t): return t
        case .object(let object as any Tabular): return object.table
        case .record(let record): return try recordTable(record, at: range)
        case .named(let v): return Table([("name", v.names.map(Value.string)), ("value", v.values.map(Value.number))])
        case .vector, .list: return Table([("value", value.elements!)])
        default: throw ScriptError("\(value.kind) does not convert to a table", at: range, help: convertible)
        }
    }

    /// A record's fields as columns: vectors of one length, or single values (one row). When every
    /// field is a vector named by the same names, they come first as a column `name`.
    private static func recordTable(_ record: Record, at range: SourceRange) throws(ScriptError) -> Table {
        var columns = [(name: String, values: [Value])]()
        for field in record.fields {
            if isSingle(field.value) {
                columns.append((field.name, [field.value]))
            } else if let elements = field.value.elements {
                columns.append((field.name, elements))
            } else {
                throw ScriptError("the field `\(field.name)` is \(field.value.kind); a table's columns are vectors or single values", at: range)
            }
        }
        let lengths = columns.map(\.values.count)
        guard Set(lengths).count <= 1 else {
            throw ScriptError("the fields of the record have different lengths: " + columns.map { "\($0.name) \($0.values.count)" }.joined(separator: ", "), at: range,
                              help: "a table's columns have one length; select fields of equal length, e.g. {a: r.a, b: r.b}")
        }
        var names = [[String]]()
        for field in record.fields { if case .named(let v) = field.value { names.append(v.names) } }
        if !names.isEmpty, names.count == columns.count, Set(names).count == 1, !columns.contains(where: { $0.name == "name" }) {
            columns.insert(("name", names[0].map(Value.string)), at: 0)
        }
        return Table(columns)
    }

    /// Whether the table functions treat `value` as a table.
    static func isTabular(_ value: Value) -> Bool {
        switch value {
        case .table: true
        case .object(let object): object is any Tabular
        default: false
        }
    }

    /// The argument `name` as a table: a table, or a domain result that reads as one.
    static func tableArgument(_ args: Arguments, _ name: String) throws(ScriptError) -> Table {
        switch args.value(name) {
        case .table(let t)?: return t
        case .object(let object as any Tabular)?: return object.table
        case let other?: throw args.error(name, "`\(name)` of \(args.function) must be a table, not \(other.kind)", help: convertible)
        case nil: throw args.error(name, "\(args.function) needs the argument `\(name)`")
        }
    }

    /// The elements of a vector argument (a single number is a vector of one).
    static func vectorElements(_ args: Arguments, _ name: String) throws(ScriptError) -> [Value] {
        let value = args.value(name)!
        if case .number = value { return [value] }
        guard let elements = value.elements else {
            throw args.error(name, "`\(name)` of \(args.function) must be a vector or a table, not \(value.kind)")
        }
        return elements
    }

    /// The elements at `indices` of a vector: a named vector keeps its names.
    static func subset(_ x: Value, _ indices: [Int], _ elements: [Value]) -> Value {
        if case .named(let v) = x {
            return .named(NamedVector(names: indices.map { v.names[$0] }, values: indices.map { v.values[$0] }))
        }
        if case .list = x { return .list(indices.map { elements[$0] }) }
        return .vector(of: indices.map { elements[$0] })
    }

    /// Which of `count` rows or elements `condition` keeps (see `filter`).
    private static func selection(_ args: Arguments, count: Int, noun: String, label: (Int) -> String,
                                  element: (Int) -> Value) throws(ScriptError) -> [Bool] {
        let range = args.range("condition")
        let condition = args.value("condition")!
        if case .function(let f) = condition {
            var keep = [Bool]()
            keep.reserveCapacity(count)
            for i in 0..<count {
                let result = try f.call([element(i)], at: range)
                guard case .bool(let b) = result else {
                    let missing = if case .number(let x) = result, x.isNaN { true } else { false }
                    throw ScriptError("the condition gave \(shown(result)) for \(noun) \(i + 1)\(label(i)); it must give true or false", at: range,
                                      help: missing ? "a comparison with a missing value is missing; decide what a missing value means, for example fn(r) = not is_missing(r.I02) and r.I02 > 2"
                                          : "give a comparison, for example fn(r) = r.I02 > 2")
                }
                keep.append(b)
            }
            return keep
        }
        if case .bool(let b) = condition { return Array(repeating: b, count: count) }
        guard let mask = condition.elements, !isNumbers(condition) || mask.allSatisfy(isMissing) else {
            throw ScriptError("the condition must be a function or a vector of true/false, not \(condition.kind)", at: range,
                              help: "for example filter(t, t.I02 > 2) or filter(t, fn(r) = r.I02 > 2)")
        }
        guard mask.count == count else {
            throw ScriptError("the mask has \(mask.count) element\(mask.count == 1 ? "" : "s"); it needs one per \(noun) (\(count))", at: range,
                              help: "compare a column of this table, for example t.I02 > 2")
        }
        var keep = [Bool]()
        keep.reserveCapacity(count)
        for (i, value) in mask.enumerated() {
            switch value {
            case .bool(let b): keep.append(b)
            case let other where isMissing(other):
                throw ScriptError("the mask is missing for \(noun) \(i + 1)\(label(i)): a comparison with a missing value is missing", at: range,
                                  help: "decide what a missing value means first, for example filter(t, not is_missing(t.I02)) before comparing, or fill the missing values")
            case let other:
                throw ScriptError("the mask holds \(other.kind) for \(noun) \(i + 1)\(label(i)); it must be true or false", at: range)
            }
        }
        return keep
    }

    private static func isMissing(_ value: Value) -> Bool {
        if case .number(let x) = value { x.isNaN } else { false }
    }

    private static func isNumbers(_ value: Value) -> Bool {
        switch value {
        case .vector, .named: true
        default: false
        }
    }

    /// Row `i` as a record.
    static func row(_ i: Int, of t: Table) -> Value {
        .record(Record(t.columns.map { ($0.name, $0.values[i]) }))
    }

    /// " (AT01)" when the table's first column holds a string in row `i`, for errors.
    static func rowLabel(_ t: Table, _ i: Int) -> String {
        if case .string(let s)? = t.columns.first?.values[i] { return " (\(s))" }
        return ""
    }

    /// The rows at `indices`, in that order.
    static func rows(_ indices: [Int], of t: Table, title: String?) -> Table {
        Table(title: title, t.columns.map { column in (column.name, indices.map { column.values[$0] }) })
    }

    /// A title with a note on a line of its own.
    static func noted(_ title: String?, _ note: String) -> String {
        (title.map { $0 + "\n" } ?? "") + note
    }

    /// The index of a column, or an error with the nearest name as a suggestion.
    static func columnIndex(_ name: String, in t: Table, at range: SourceRange, which: String = "the table") throws(ScriptError) -> Int {
        if let j = t.columns.firstIndex(where: { $0.name == name }) { return j }
        let names = t.columns.map(\.name)
        throw ScriptError("\(which) has no column `\(name)`", at: range,
                          help: NameSuggestion.help(for: name, among: names) ?? "columns: " + names.joined(separator: ", "))
    }

    /// Column names: a string or a vector of strings.
    static func columnNames(_ value: Value, at range: SourceRange, of what: String) throws(ScriptError) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .vector([]): return []
        case .list(let values):
            var names = [String]()
            for value in values {
                guard case .string(let s) = value else {
                    throw ScriptError("`\(what)` takes column names, not \(value.kind)", at: range, help: "write names as strings, such as \"I02\"")
                }
                names.append(s)
            }
            return names
        default:
            throw ScriptError("`\(what)` takes a column name or a vector of names, not \(value.kind)", at: range,
                              help: "write names as strings, such as \"I02\" or [\"I02\", \"I03\"]")
        }
    }

    /// A numeric column's values (NaN = missing), or an error naming the first other cell.
    static func numbers(_ t: Table, _ j: Int, at range: SourceRange, for what: String) throws(ScriptError) -> [Double] {
        var xs = [Double]()
        xs.reserveCapacity(t.rowCount)
        for (i, value) in t.columns[j].values.enumerated() {
            guard case .number(let x) = value else {
                throw ScriptError("\(what) needs numbers; the column `\(t.columns[j].name)` holds \(value.kind) in row \(i + 1)", at: range)
            }
            xs.append(x)
        }
        return xs
    }

    /// Whether a value fits in one cell: a number (or missing), a string or a boolean.
    static func isSingle(_ value: Value) -> Bool {
        switch value {
        case .number, .string, .bool: true
        default: false
        }
    }

    /// A value for an error message: `3`, `"AT"`, `missing`, or its kind.
    static func shown(_ value: Value) -> String {
        switch value {
        case .number(let x): x.isNaN ? "missing" : Format.number(x)
        case .string(let s): "\"\(s)\""
        case .bool(let b): b ? "true" : "false"
        default: value.kind
        }
    }

    private static func shown(_ key: [TableKey]) -> String {
        key.map { cell in
            switch cell {
            case .missing: "missing"
            case .number(let x): Format.number(x)
            case .string(let s): "\"\(s)\""
            case .bool(let b): b ? "true" : "false"
            }
        }.joined(separator: ", ")
    }

    /// The cell of column `j` in row `i` as a key.
    static func cell(_ t: Table, _ j: Int, _ i: Int, at range: SourceRange, for what: String) throws(ScriptError) -> TableKey {
        guard let cell = TableKey(t.columns[j].values[i]) else {
            throw ScriptError("the column `\(t.columns[j].name)` holds \(t.columns[j].values[i].kind) in row \(i + 1); \(what) needs single values", at: range)
        }
        return cell
    }

    /// `sort(t, by:, descending:)`: see the help of `sort`.
    static func sortedTable(_ args: Arguments) throws(ScriptError) -> Table {
        let t = try tableArgument(args, "x")
        guard let by = args.value("by") else {
            throw args.error("x", "sorting a table needs by: a column name or a vector of names",
                             help: "for example sort(t, by: \"I02\", descending: true); columns: " + t.columns.map(\.name).joined(separator: ", "))
        }
        let names = try columnNames(by, at: args.range("by"), of: "by")
        guard !names.isEmpty else { throw args.error("by", "by must name at least one column") }
        var keys = [[TableKey]]()
        for name in names {
            let j = try columnIndex(name, in: t, at: args.range("by"))
            var cells = [TableKey]()
            for i in 0..<t.rowCount { cells.append(try cell(t, j, i, at: args.range("by"), for: "sort")) }
            let kinds = Set(cells.compactMap(\.kind))
            guard kinds.count <= 1 else {
                throw args.error("by", "the column `\(name)` mixes \(kinds.sorted().joined(separator: " and ")); sort orders one kind")
            }
            keys.append(cells)
        }
        let descending: [Bool]
        switch args.value("descending") {
        case nil: descending = Array(repeating: false, count: keys.count)
        case .bool(let b)?: descending = Array(repeating: b, count: keys.count)
        case .list(let values)? where values.count == keys.count && values.allSatisfy({ if case .bool = $0 { true } else { false } }):
            descending = values.map { if case .bool(true) = $0 { true } else { false } }
        case let other?:
            throw args.error("descending", "descending must be true or false, or one of them per column of by (\(keys.count)), not \(other.kind)")
        }
        let order = (0..<t.rowCount).sorted { a, b in
            for (k, cells) in keys.enumerated() {
                let x = cells[a], y = cells[b]
                if x == y { continue }
                if x == .missing { return false }
                if y == .missing { return true }
                return descending[k] ? TableKey.less(y, x) : TableKey.less(x, y)
            }
            return a < b
        }
        return rows(order, of: t, title: t.title)
    }
}

/// A table cell as a key for sorting, grouping and joining. Numbers compare by value (0 and -0
/// are one key), strings by Unicode code points (as R's sort in the C locale), false before true.
enum TableKey: Hashable {
    case missing, number(Double), string(String), bool(Bool)

    /// nil for a value that does not fit in a cell (a vector, a record, ...).
    init?(_ value: Value) {
        switch value {
        case .number(let x): self = x.isNaN ? .missing : .number(x)
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        default: return nil
        }
    }

    /// "numbers", "strings", "booleans"; nil for missing.
    var kind: String? {
        switch self {
        case .missing: nil
        case .number: "numbers"
        case .string: "strings"
        case .bool: "booleans"
        }
    }

    /// Order of two present cells of one kind.
    static func less(_ a: TableKey, _ b: TableKey) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x < y
        case (.string(let x), .string(let y)): x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        case (.bool(let x), .bool(let y)): !x && y
        default: false
        }
    }
}
