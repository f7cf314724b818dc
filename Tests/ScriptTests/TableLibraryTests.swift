import Foundation
import StressTest
import Testing
@testable import Script

/// The table functions: table, filter, map, select, head, tail, sort, mutate, summarise, join,
/// describe (against R's summary) and write (round trip through table(path)), and the domain
/// errors of the element-wise functions.
@Suite("Tables")
struct TableLibraryTests {
    let demo = "p = portfolio(\"demo\"); "
    /// Three rows with a missing value; the first column names the rows in errors.
    let small = "t = table({name: [\"x\", \"y\", \"z\"], a: [1, missing, 3], b: [10, 20, 30]}); "

    // MARK: Helpers

    func table(_ code: String) throws -> Table {
        guard case .table(let t) = try evaluate(code) else {
            Issue.record("not a table: \(code)")
            return Table([])
        }
        return t
    }

    func column(_ t: Table, _ name: String) -> [Value] {
        t.columns.first { $0.name == name }?.values ?? []
    }

    func numbers(_ values: [Value]) -> [Double] {
        values.map { if case .number(let x) = $0 { x } else { .infinity } }
    }

    func strings(_ values: [Value]) -> [String] {
        values.map { if case .string(let s) = $0 { s } else { "<\($0.kind)>" } }
    }

    /// A library function called from Swift with a function built in Swift (until scripts
    /// define functions with `fn`).
    func call(_ name: String, _ positional: [Value], _ named: [(String, Value)] = []) throws -> Value {
        try #require(Library.standard.functions[name]).call(positional, named: named, at: SourceRange(0, 0))
    }

    /// The error of a call that must fail.
    func callError(_ name: String, _ positional: [Value]) -> ScriptError? {
        do {
            _ = try call(name, positional)
            Issue.record("\(name) did not fail")
            return nil
        } catch let error as ScriptError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    func function(_ body: @escaping @Sendable (Value) -> Value) -> Value {
        .function(Builtin(name: "f", parameters: [.init(name: "v")], help: "") { (args: inout Arguments) throws(ScriptError) -> Value in
            body(args.value("v")!)
        })
    }

    func field(_ row: Value, _ name: String) -> Value {
        if case .record(let r) = row { return r[name] ?? .nothing }
        return .nothing
    }

    func message(_ code: String) -> String {
        diagnostic(code) ?? "no error"
    }

    /// A seeded stream of numbers in [0, 1) (SplitMix64), for the property tests.
    struct Stream {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    /// A script vector literal of random small whole numbers, some missing.
    func randomVector(_ n: Int, _ stream: inout Stream, levels: Int = 5, missingShare: Double = 0.15) -> String {
        "[" + (0..<n).map { _ in stream.next() < missingShare ? "missing" : String(Int(stream.next() * Double(levels))) }.joined(separator: ", ") + "]"
    }

    // MARK: table

    @Test func tableConvertsRecordsAndNamedVectors() throws {
        let t = try table("table({a: [1, 2], b: [\"x\", \"y\"]})")
        #expect(t.columns.map(\.name) == ["a", "b"] && t.rowCount == 2)
        #expect(try json("table({a: 1, b: \"x\"})") == #"[{"a":1,"b":"x"}]"#)
        #expect(try json(demo + "table(p.I02)[1]") == #"{"name":"Almgau","value":"# + (try json(demo + "p.I02[1]")) + "}")
        let named = try table(demo + "table({I02: p.I02, I03: p.I03})")
        #expect(named.columns.map(\.name) == ["name", "I02", "I03"] && named.rowCount == 26)
        #expect(try json(small + "table(t)") == json(small + "t"))
        #expect(message("table({a: [1, 2], b: [1, 2, 3]})").contains("the fields of the record have different lengths: a 2, b 3"))
        let object = message(demo + "table(hclust(distance(p)))")
        #expect(object.contains("a hierarchical clustering does not convert to a table"))
        #expect(object.contains("kmeans"))
    }

    @Test func domainResultsConvert() throws {
        let portfolio = try table(demo + "table(p)")
        #expect(Array(portfolio.columns.map(\.name).prefix(3)) == ["region", "country", "I01"] && portfolio.rowCount == 26)
        #expect(portfolio.columns.map(\.name).suffix(6) == ["population", "gdp_pps", "manufacturing_share", "rd_intensity", "cluster_organisations", "source"])
        #expect(try json(demo + "sum(abs(table(p).I02 - p.I02))") == "0")
        let expectations: [(code: String, columns: [String], rows: Int)] = [
            ("table(composite(p))", ["region", "I01"], 26),
            ("table(uncertainty(p, samples: 200, seed: 1))", ["region", "nominal", "mean", "median", "p05", "p95"], 26),
            ("table(sobol(p, n: 64, groups: \"dimensions\", seed: 2))", ["input", "S1", "ST", "S1_conf", "ST_conf"], 0),
            ("table(tipping(p, \"Nordtal\"))", ["region", "rank", "position", "kind", "distance", "weights"], 25),
            ("table(kmeans(p, k: 3, seed: 1))", ["region", "cluster"], 26),
            ("table(pca(p))", ["region", "PC1", "PC2"], 26),
            ("table(silhouette(kmeans(p, k: 3, seed: 1)))", ["region", "cluster", "neighbour", "width"], 26),
            ("table(distance(p))", ["region_a", "region_b", "distance"], 325),
            ("peers(p, \"Nordtal\", k: 4)", ["rank", "region"], 4),
        ]
        for e in expectations {
            let t = try table(demo + e.code)
            #expect(Array(t.columns.map(\.name).prefix(e.columns.count)) == e.columns, "\(e.code)")
            if e.rows > 0 { #expect(t.rowCount == e.rows, "\(e.code)") } else { #expect(t.rowCount > 0, "\(e.code)") }
        }
        let survey = try #require(ShippedData.url("survey_nordtal.csv"))
        let scores = try table("table(score(survey(\"\(survey.path)\"), bootstrap: 0))")
        #expect(scores.columns.first?.name == "region" && scores.rowCount == 1 && scores.columns.contains { $0.name == "I05" })
        #expect(try table(demo + "table(aggregate(p))").rowCount == 26)
        // The table holds the object's numbers, regions by id in the portfolio's order.
        let u = demo + "u = uncertainty(p, samples: 200, seed: 1); "
        #expect(try json(u + "sum(abs(table(u).median - u.median))") == "0")
        #expect(try json(u + "table(u).region[5]") == json(demo + "table(p).region[5]"))
        #expect(try json(demo + "d = distance(p); table(d).distance[2] == d.matrix[1][3]") == "true")
        #expect(try json(demo + "k = kmeans(p, k: 3, seed: 1); sum(abs(table(k).cluster - k.clusters))") == "0")
    }

    // MARK: filter

    @Test func filterKeepsExactlyTheTrueRowsOfAMask() throws {
        let t = try table(demo + "table(p)")
        let kept = try table(demo + "t = table(p); filter(t, t.I02 > 2.5)")
        let expected = t.columns[0].values.indices.filter { if case .number(let x) = column(t, "I02")[$0] { x > 2.5 } else { false } }
        #expect(strings(column(kept, "region")) == expected.map { strings(t.columns[0].values)[$0] })
        #expect(kept.columns.map(\.name) == t.columns.map(\.name))
        #expect(kept.title?.hasSuffix("filtered: \(expected.count) of 26 rows kept") == true)
        #expect(try table(demo + "t = table(p); filter(t, true)").rowCount == 26)
    }

    @Test func filterCallsAFunctionWithEachRow() throws {
        let t = try evaluate(demo + "table(p)")
        let austrian = try call("filter", [t, function { .bool(field($0, "country").isString("AT")) }])
        guard case .table(let at) = austrian else { Issue.record("not a table"); return }
        #expect(Set(strings(column(at, "country"))) == ["AT"] && at.rowCount == 2)
        // Vectors: the function gets each element; a named vector keeps its names.
        let positive = try call("filter", [.named(NamedVector(names: ["a", "b", "c"], values: [1, -2, 3])),
                                           function { if case .number(let x) = $0 { .bool(x > 0) } else { .missing } }])
        #expect(Format.json(positive) == #"{"a":1,"c":3}"#)
        #expect(try json("x = [1, 5, 2, 8]; filter(x, x > 2)") == "[5,8]")
        #expect(try json("filter([\"a\", \"b\"], [false, true])") == #"["b"]"#)
    }

    @Test func filterRefusesWhatIsNotTrueOrFalse() throws {
        let wrongLength = message(small + "filter(t, [true, false])")
        #expect(wrongLength.contains("the mask has 2 elements; it needs one per row (3)"))
        let missing = message(small + "filter(t, t.a > 1)")
        #expect(missing.contains("the mask is missing for row 2 (y)"))
        #expect(message(small + "filter(t, t.a)").contains("the condition must be a function or a vector of true/false"))
        let t = try evaluate(small + "t")
        let number = callError("filter", [t, function { field($0, "a") }])
        #expect(number?.message == "the condition gave 1 for row 1 (x); it must give true or false")
        let missing2 = callError("filter", [t, function { if case .number(let a) = field($0, "a"), a.isNaN { .missing } else { .bool(true) } }])
        #expect(missing2?.message == "the condition gave missing for row 2 (y); it must give true or false")
        #expect(missing2?.help?.contains("is_missing") == true)
        let element = callError("filter", [.vector([1, 2]), function { $0 }])
        #expect(element?.message == "the condition gave 1 for element 1; it must give true or false")
        #expect(try json(small + "filter(t, not is_missing(t.a)).name") == #"["x","z"]"#)
    }

    // MARK: map, select, head, tail

    @Test func mapAppliesToElementsAndRows() throws {
        #expect(try json("map([1, 4, 9], sqrt)") == "[1,2,3]")
        #expect(try json(demo + "m = map(p.I02, abs); m[\"Nordtal\"] == abs(p.I02[\"Nordtal\"])") == "true")
        #expect(try json(small + "map(t, length)") == "[3,3,3]")
        let t = try evaluate(small + "t")
        let names = try call("map", [t, function { field($0, "name") }])
        #expect(Format.json(names) == #"["x","y","z"]"#)
        #expect(message("map([1, 2], 3)").contains("must be a function"))
    }

    @Test func selectKeepsTheNamedColumnsInOrder() throws {
        #expect(try table(small + "select(t, \"b\", \"name\")").columns.map(\.name) == ["b", "name"])
        #expect(try table(small + "select(t, [\"b\", \"a\"])").columns.map(\.name) == ["b", "a"])
        #expect(try table(small + "t |> select(\"a\")").columns.map(\.name) == ["a"])
        let unknown = message(demo + "select(table(p), \"region\", \"I2\")")
        #expect(unknown.contains("the table has no column `I2`") && unknown.contains("did you mean"))
        #expect(message(small + "select(t, \"a\", \"a\")").contains("the column `a` is selected twice"))
        #expect(message(small + "select(t)").contains("select needs at least one column name"))
    }

    @Test func headAndTailAsR() throws {
        #expect(try table(demo + "head(table(p))").rowCount == 6)
        #expect(try table(demo + "tail(table(p), n: 3)").columns[0].values.count == 3)
        #expect(try json(demo + "tail(table(p), n: 1).region") == "[" + json(demo + "table(p).region[26]") + "]")
        #expect(try json("head([1, 2, 3, 4, 5, 6, 7, 8])") == "[1,2,3,4,5,6]")
        #expect(try json("head([1, 2, 3], n: 10)") == "[1,2,3]")
        #expect(try json("head([1, 2, 3, 4], n: -1)") == "[1,2,3]")
        #expect(try json("tail([1, 2, 3, 4], n: -1)") == "[2,3,4]")
        #expect(try json("tail([1, 2, 3, 4], n: 2)") == "[3,4]")
        #expect(try json("head([1, 2], n: 0)") == "[]")
        #expect(try json(demo + "length(head(p.I02, n: 3))") == "3")
        #expect(try table(demo + "head(peers(p, \"Nordtal\", k: 5), n: 2)").title?.hasSuffix("the first 2 of 5 rows") == true)
        #expect(message("head([1, 2], n: 1.5)").contains("whole number"))
    }

    // MARK: sort

    @Test func sortIsAStableOrderedPermutationWithMissingLast() throws {
        var stream = Stream(state: 42)
        for trial in 0..<20 {
            let n = 1 + Int(stream.next() * 30)
            let descending = trial % 2 == 1
            let code = "t = table({i: seq(1, \(n)), k: \(randomVector(n, &stream)), s: \(randomVector(n, &stream, levels: 3))}); "
            let original = try table(code + "t")
            let sorted = try table(code + "sort(t, by: \"k\", descending: \(descending))")
            let i = numbers(column(sorted, "i")), k = numbers(column(sorted, "k"))
            #expect(i.sorted() == numbers(column(original, "i")), "a permutation of the rows")
            for r in 1..<max(n, 1) {
                let (a, b) = (k[r - 1], k[r])
                if a.isNaN { #expect(b.isNaN, "missing last") }
                if !a.isNaN && !b.isNaN {
                    #expect(descending ? a >= b : a <= b, "ordered")
                    if a == b { #expect(i[r - 1] < i[r], "stable") }
                }
                if a.isNaN && b.isNaN { #expect(i[r - 1] < i[r], "stable among missing") }
            }
            // Two keys: the second orders the ties of the first.
            let two = try table(code + "sort(t, by: [\"s\", \"k\"], descending: [false, true])")
            let s2 = numbers(column(two, "s")), k2 = numbers(column(two, "k"))
            for r in 1..<max(n, 1) where s2[r - 1] == s2[r] && !k2[r - 1].isNaN && !k2[r].isNaN {
                #expect(k2[r - 1] >= k2[r])
            }
        }
    }

    @Test func sortTablesByStringsAndResults() throws {
        #expect(try json("sort(table({c: [\"b\", \"a\", \"C\"], v: [1, 2, 3]}), by: \"c\").v") == "[3,2,1]")
        let u = demo + "u = uncertainty(p, samples: 200, seed: 1); "
        let medians = numbers(column(try table(u + "sort(u, by: \"median\") |> head(n: 26)"), "median"))
        #expect(medians == medians.sorted())
        #expect(message(small + "sort(t, by: \"c\")").contains("the table has no column `c`"))
        #expect(message("sort(table({m: [1, \"a\"]}), by: \"m\")").contains("mixes numbers and strings"))
        #expect(message(small + "sort(t)").contains("sorting a table needs by:"))
        #expect(message("sort([3, 1], by: \"x\")").contains("by: sorts the rows of a table"))
        #expect(try json("sort([3, missing, 1], descending: true)") == "[3,1,null]")
        #expect(try json("sort([\"b\", missing, \"a\", \"B\"])") == #"["B","a","b",null]"#)
    }

    // MARK: mutate

    @Test func mutateAddsAndReplacesColumns() throws {
        let t = try table(small + "mutate(t, c: t.b * 2, level: \"NUTS2\", b: [1, 2, 3])")
        #expect(t.columns.map(\.name) == ["name", "a", "b", "c", "level"])
        #expect(numbers(column(t, "b")) == [1, 2, 3] && numbers(column(t, "c")) == [20, 40, 60])
        #expect(strings(column(t, "level")) == ["NUTS2", "NUTS2", "NUTS2"])
        let value = try call("mutate", [try evaluate(small + "t")], [("twice", function { field($0, "b") })])
        guard case .table(let computed) = value else { Issue.record("not a table"); return }
        #expect(numbers(column(computed, "twice")) == [10, 20, 30])
        let length = message(small + "mutate(t, c: [1, 2])")
        #expect(length.contains("`c` has 2 values; the table has 3 rows"))
        #expect(message(small + "mutate(t)").contains("mutate needs at least one column"))
        #expect(message(small + "mutate(t, c: {x: 1})").contains("must be a vector, a single value or a function of the row"))
    }

    // MARK: summarise

    @Test func summariseGroupsInOrderOfFirstAppearance() throws {
        let code = "t = table({g: [\"b\", \"a\", \"b\", \"a\", \"c\"], x: [1, 2, 3, missing, 5], y: [1, 2, 3, 4, 5]}); "
        let s = try table(code + "summarise(t, by: \"g\", mean: [\"x\", \"y\"], n: true, max: \"y\")")
        #expect(s.columns.map(\.name) == ["g", "mean_x", "mean_y", "n", "max_y"])
        #expect(strings(column(s, "g")) == ["b", "a", "c"])
        #expect(numbers(column(s, "mean_y")) == [2, 3, 5] && numbers(column(s, "n")) == [2, 2, 1] && numbers(column(s, "max_y")) == [3, 4, 5])
        let meanX = numbers(column(s, "mean_x"))
        #expect(meanX[0] == 2 && meanX[1].isNaN && meanX[2] == 5, "a group with a missing value gives missing")
        let removed = try table(code + "summarise(t, by: \"g\", mean: \"x\", sum: \"x\", na_rm: true)")
        #expect(numbers(column(removed, "mean_x")) == [2, 2, 5] && numbers(column(removed, "missing_x")) == [0, 1, 0])
        let whole = try table(code + "summarise(t, sd: \"y\", median: \"y\", q1: \"y\", n: \"x\")")
        #expect(whole.rowCount == 1 && numbers(column(whole, "median_y")) == [3] && numbers(column(whole, "q1_y")) == [2] && numbers(column(whole, "n_x")) == [4])
        #expect(abs(numbers(column(whole, "sd_y"))[0] - 1.5811388300841898) < 1e-15)
        #expect(message(code + "summarise(t, by: \"g\", meen: \"x\")").contains("summarise has no statistic `meen`"))
        #expect(message(code + "summarise(t, by: \"g\", meen: \"x\")").contains("did you mean `mean`?"))
        #expect(message(code + "summarise(t, mean: \"g\")").contains("mean needs numbers; the column `g` holds a string in row 1"))
        #expect(message(code + "summarise(t, by: \"G\", mean: \"x\")").contains("did you mean `g`?"))
    }

    @Test func summariseMatchesTheStatisticsOfEachCountry() throws {
        let s = try table(demo + "summarise(table(p), by: \"country\", mean: \"I02\", median: \"I02\")")
        let countries = strings(column(s, "country"))
        #expect(countries.first == "AT" && Set(countries).count == countries.count)
        let t = try table(demo + "table(p)")
        for (g, country) in countries.enumerated() {
            let xs = strings(column(t, "country")).indices.filter { strings(column(t, "country"))[$0] == country }.map { numbers(column(t, "I02"))[$0] }
            let mean = xs.contains(where: \.isNaN) ? .nan : xs.reduce(0, +) / Double(xs.count)
            let sorted = xs.sorted(), m = sorted.count
            let median = xs.contains(where: \.isNaN) ? .nan : (sorted[(m - 1) / 2] + sorted[m / 2]) / 2
            let (ourMean, ourMedian) = (numbers(column(s, "mean_I02"))[g], numbers(column(s, "median_I02"))[g])
            #expect(mean.isNaN ? ourMean.isNaN : abs(ourMean - mean) <= 1e-12 * abs(mean), "\(country)")
            #expect(median.isNaN ? ourMedian.isNaN : ourMedian == median, "\(country)")
        }
    }

    // MARK: join

    @Test func joinMatchesRowsByKey() throws {
        let u = demo + "u = uncertainty(p, samples: 200, seed: 1); "
        let joined = try table(u + "join(table(p), table(u), by: \"region\")")
        #expect(joined.rowCount == 26 && joined.columns.map(\.name).suffix(5) == ["nominal", "mean", "median", "p05", "p95"])
        // Row counts: inner keeps the matched rows of a, left all of them.
        var stream = Stream(state: 7)
        for _ in 0..<10 {
            let a = randomVector(12, &stream, levels: 8), b = "[" + (0..<8).filter { _ in stream.next() < 0.5 }.map(String.init).joined(separator: ", ") + "]"
            let code = "a = table({k: \(a), i: seq(1, 12)}); bk = \(b); b = table({k: bk, v: bk * 10}); "
            let keysA = numbers(column(try table(code + "a"), "k"))
            let keysB = Set(numbers(column(try table(code + "b"), "k")))
            let inner = try table(code + "join(a, b, by: \"k\")")
            #expect(inner.rowCount == keysA.filter { keysB.contains($0) }.count)
            #expect(zip(numbers(column(inner, "k")), numbers(column(inner, "v"))).allSatisfy { $0 * 10 == $1 })
            #expect(numbers(column(inner, "i")) == numbers(column(inner, "i")).sorted(), "rows of a in their order")
            let left = try table(code + "join(a, b, by: \"k\", how: \"left\")")
            #expect(left.rowCount == 12 && numbers(column(left, "v")).filter(\.isNaN).count == 12 - inner.rowCount)
        }
        let clash = try table("a = table({k: [1, 2], v: [1, 2]}); b = table({k: [2, 1], v: [20, 10]}); join(a, b, by: \"k\")")
        #expect(clash.columns.map(\.name) == ["k", "v", "v_b"] && numbers(column(clash, "v_b")) == [10, 20])
        let duplicate = message("a = table({k: [1, 2]}); b = table({k: [\"x\", \"y\", \"x\"]}); join(a, b, by: \"k\")")
        #expect(duplicate.contains("the key \"x\" appears twice in b (rows 1 and 3)"))
        #expect(message("a = table({k: [1]}); b = table({key: [1]}); join(a, b, by: \"k\")").contains("b has no column `k`"))
    }

    // MARK: describe

    /// `describe` of Library+Tables (Library+Statistics has the name for a vector's record until
    /// it is removed).
    func describe(_ code: String) throws -> Table {
        guard case .table(let t) = try Library.describeTable.call([try evaluate(code)], at: SourceRange(0, 0)) else {
            Issue.record("describe gave no table")
            return Table([])
        }
        return t
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func describeMatchesRSummary() throws {
        let expected = try table("table(\"\(Self.fixtures.appendingPathComponent("describe_expected.csv").path)\")")
        let statistics = ["min", "q1", "median", "mean", "q3", "max", "missing"]
        var compared = 0
        for name in ["describe_data_1", "describe_data_2"] {
            let got = try describe("table(\"\(Self.fixtures.appendingPathComponent(name + ".csv").path)\")")
            #expect(got.columns.map(\.name) == ["column", "min", "q1", "median", "mean", "q3", "max", "n", "missing"])
            let rows = strings(column(expected, "table")).indices.filter { strings(column(expected, "table"))[$0] == name }
            #expect(strings(column(got, "column")) == rows.map { strings(column(expected, "column"))[$0] })
            #expect(got.title?.contains("not numeric: \(name == "describe_data_1" ? "label" : "region")") == true)
            for (i, row) in rows.enumerated() {
                for statistic in statistics {
                    let r = numbers(column(expected, statistic))[row], ours = numbers(column(got, statistic))[i]
                    let scale = max(abs(r), abs(ours), .leastNormalMagnitude)
                    #expect(abs(r - ours) <= 1e-12 * scale, "\(name) \(strings(column(expected, "column"))[row]) \(statistic): R \(r), ours \(ours)")
                    compared += 1
                }
            }
        }
        #expect(compared == 12 * 7)
        let vector = try describe("[2, 4, missing, 4, 5, 5, 7, 9]")
        #expect(vector.rowCount == 1 && vector.columns.map(\.name) == ["min", "q1", "median", "mean", "q3", "max", "n", "missing"])
        let row = numbers(vector.columns.map { $0.values[0] })
        #expect(zip(row, [2, 4, 5, 36.0 / 7, 6, 9, 7, 1]).allSatisfy { abs($0 - $1) <= 1e-15 * abs($1) }, "\(row)")
        let empty = try describe("[missing, missing]")
        let emptyRow = numbers(empty.columns.map { $0.values[0] })
        #expect(emptyRow.prefix(6).allSatisfy { $0.isNaN })
    }

    // MARK: write

    @Test func writeReadsBackTheSameValues() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("script-tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.csv").path
        let code = #"t = table({name: ["a, b", "say \"hi\"", "x;y", "plain"], x: [0.1 + 0.2, -1e-300, missing, 123456789.125], n: [1, 2, 3, 4]}); "#
        #expect(try json(code + "write(t, \"\(path)\")").contains("wrote 4 rows x 3 columns"))
        let original = try table(code + "t"), read = try table("table(\"\(path)\")")
        #expect(read.columns.map(\.name) == original.columns.map(\.name))
        #expect(strings(column(read, "name")) == strings(column(original, "name")))
        for name in ["x", "n"] {
            let a = numbers(column(original, name)), b = numbers(column(read, name))
            #expect(zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }, "\(name): \(a) vs \(b)")
        }
        // Domain results write as their tables.
        let uPath = folder.appendingPathComponent("u.csv").path
        let u = demo + "u = uncertainty(p, samples: 200, seed: 1); "
        _ = try evaluate(u + "write(u, \"\(uPath)\")")
        #expect(try json(u + "sum(abs(table(\"\(uPath)\").p95 - table(u).p95))") == "0")
        // An existing file is replaced only when asked.
        let again = message(code + "write(t, \"\(path)\")")
        #expect(again.contains("exists already") && again.contains("replace: true"))
        #expect(try json(code + "write(head(t, n: 1), \"\(path)\", replace: true)").contains("wrote 1 rows"))
        #expect(try table("table(\"\(path)\")").rowCount == 1)
        #expect(message("write(table({x: [1, log(0)]}), \"\(folder.appendingPathComponent("inf.csv").path)\")").contains("the column `x` is -inf in row 2"))
        #expect(message("write(hclust(distance([[0, 0], [1, 1]])), \"\(folder.appendingPathComponent("h.csv").path)\")").contains("does not convert to a table"))
    }

    // MARK: element-wise domain errors

    @Test func elementwiseFunctionsRefuseUndefinedElements() throws {
        #expect(message("sqrt(-4)").contains("sqrt of a negative number: -4"))
        #expect(message("sqrt([1, 4, -4])").contains("sqrt of a negative number: element 3 is -4"))
        #expect(message("log([1, -1])").contains("log of a negative number: element 2 is -1"))
        #expect(message(demo + "log(p.I02 - 100)").contains("element 1 (Almgau) is"))
        #expect(try json("log(0) < -1e308") == "true")
        #expect(try json("log([1, missing])") == "[0,null]")
        #expect(try json("sqrt(missing)") == "null")
        #expect(try json("is_missing([1, missing])") == "[false,true]")
    }

    // MARK: functions written in scripts

    static let scriptsDefineFunctions = (try? evaluate("f = fn(v) = v; 1")) != nil

    @Test(.enabled(if: scriptsDefineFunctions)) func scriptFunctions() throws {
        #expect(try json(demo + "t = table(p); length(filter(t, fn(r) = r.country == \"AT\"))") == "2")
        #expect(try json("map([1, 2, 3], fn(v) = v * 2)") == "[2,4,6]")
        #expect(try json(small + "mutate(t, c: fn(r) = r.b + 1).c") == "[11,21,31]")
        #expect(message(small + "filter(t, fn(r) = r.a > 1)").contains("the condition gave missing for row 2 (y)"))
    }
}

private extension Value {
    func isString(_ s: String) -> Bool {
        if case .string(let value) = self { return value == s }
        return false
    }
}
