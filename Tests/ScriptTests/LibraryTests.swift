import Stats
import Testing
@testable import Script

@Suite("The standard library")
struct LibraryTests {
    @Test func formatWritesFixedDecimalsForProse() throws {
        #expect(try json("format(1.8)") == #""1.80""#)
        #expect(try json("format(-0.001, digits: 2)") == #""0.00""#)
        #expect(try json("format([1.25, missing, 3], digits: 1)") == #"["1.2","missing","3.0"]"#)
        #expect(try json("\"rank {format(2, digits: 0)}\"") == #""rank 2""#)
        #expect(throws: ScriptError.self) { try evaluate("format(1, digits: 16)") }
    }

    @Test func boxstatsHasTheDocumentedFieldsInOrder() throws {
        let expected = #"{"n":11,"missing":0,"q1":3.5,"median":6,"q3":8.5,"iqr":5,"lower_fence":-4,"upper_fence":16,"lower_whisker":1,"upper_whisker":10,"outliers":[30],"outlier_positions":[11]}"#
        #expect(try json("boxstats([1,2,3,4,5,6,7,8,9,10,30])") == expected)
    }

    @Test func boxstatsCountsPositionsFromOneIncludingMissingCells() throws {
        #expect(try json("boxstats([missing, 1, 2, 3, 4, 100]).outlier_positions") == "[6]")
        #expect(try json("boxstats([missing, 1, 2, 3, 4, 100]).missing") == "1")
        #expect(try json("boxstats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30], type: 6).q3") == "9")
        #expect(try json("boxstats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30], k: 3).outliers") == "[30]")
        #expect(try json("boxstats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30], k: 5).outliers") == "[]")
    }

    @Test func quantileGivesANumberForANumberAndAVectorForAVector() throws {
        #expect(try json("quantile([1,2,3,4,5,6,7,8,9,10], 0.25)") == "3.25")
        #expect(try json("quantile([1,2,3,4,5,6,7,8,9,10], [0.25, 0.5, 0.75])") == "[3.25,5.5,7.75]")
        #expect(try json("quantile([1,2,3,4,5,6,7,8,9,10], [0.25, 0.5, 0.75], type: 6)") == "[2.75,5.5,8.25]")
        #expect(try json("quantile([1,2,3,4,5,6,7,8,9,10,30], [0.25, 0.5, 0.75], type: 6)") == "[3,6,9]")
        #expect(try json("quantile([missing, missing], 0.5)") == "null")
    }

    @Test func fivenumMatchesR() throws {
        #expect(try json("fivenum([1,2,3,4,5,6,7,8,9,10,30])") == "[1,3.5,6,8.5,30]")
        #expect(try json("fivenum([1,2,3,4,5,6,7,8,9,10])") == "[1,3,5.5,8,10]")
    }

    @Test func describeCountsMissingValues() throws {
        let text = try json("moments([2, 4, missing, 4, 5, 5, 7, 9])")
        #expect(text.hasPrefix(#"{"n":7,"missing":1,"mean":5.142857142857143,"median":5,"#))
        #expect(text.contains(#""min":2,"max":9,"#))
    }

    @Test("summaries remove missing values", arguments: [
        ("mean([1, 2, missing, 5])", "2.6666666666666665"), ("median([1, missing, 3, 2])", "2"),
        ("sd([2, 4, 4, 4, 5, 5, 7, 9])", "2.138089935299395"), ("var([1, 2, 3, 4])", "1.6666666666666667"),
        ("min([3, missing, 1])", "1"), ("max([3, missing, 1], 7)", "7"), ("min(4, 2, 9)", "2"),
        ("sum([1, missing, 2])", "3"), ("sum([])", "0"), ("mean([])", "null"), ("sd([1])", "null"),
        ("length([1, missing, 3])", "3"), ("length({a: 1, b: 2})", "2"),
    ])
    func summaries(code: String, expected: String) throws {
        #expect(try json(code) == expected)
    }

    @Test func rankDefaultsToOneIsBestWithSportTies() throws {
        #expect(try json("rank([3, 1, 2, 3])") == "[1,4,3,1]")
        #expect(try json("rank([3, 1, 2, 3], descending: false)") == "[3,1,2,3]")
        #expect(try json("rank([3, 1, 2, 3], ties: \"average\", descending: false)") == "[3.5,1,2,3.5]")
        #expect(try json("rank([3, 1, 2, 3], ties: \"max\", descending: false)") == "[4,1,2,4]")
        #expect(try json("rank([3, 1, 2, 3], ties: \"first\", descending: false)") == "[3,1,2,4]")
        #expect(try json("rank([3, missing, 2])") == "[1,null,2]")
    }

    @Test func rankAndZscoreOfANamedVectorKeepItsNamesInItsOrder() throws {
        let setup = "p = portfolio(\"demo\"); "
        guard case .named(let x) = try evaluate(setup + "p.I02") else { Issue.record("p.I02 is not named"); return }
        for (code, expected) in [("rank(p.I02)", ranks(x.values, descending: true)), ("rank(p.I02, ties: \"average\", descending: false)", ranks(x.values, ties: .average, descending: false)),
                                 ("zscore(p.I02)", zScores(x.values))] {
            guard case .named(let result) = try evaluate(setup + code) else { Issue.record("\(code) is not named"); continue }
            #expect(result.names == x.names, "\(code)")
            #expect(result.values == expected, "\(code)")
        }
        // As sort keeps the names, so does rank: a region's rank is read by its name.
        let nordtal = try #require(x.names.firstIndex(of: "Nordtal"))
        #expect(try json(setup + "r = rank(p.I02); r[\"Nordtal\"]") == Format.json(.number(ranks(x.values, descending: true)[nordtal])))
        #expect(try json(setup + "rank(p.I02)").hasPrefix(#"{"Almgau":"#))
        // Plain vectors stay plain.
        #expect(try json("rank([3, 1])") == "[1,2]" && json("zscore([1, 2, 3])") == "[-1,0,1]")
    }

    @Test func correlationPearsonAndSpearman() throws {
        #expect(try json("cor([1, 2, 3, 4], [2, 4, 6, 8])") == "1")
        #expect(try json("cor([1, 2, 3, 4], [1, 4, 9, 16], method: \"spearman\")") == "1")
        // R: cor(c(1,2,3,4,5), c(2,1,4,3,5)) = 0.8
        #expect(try json("cor([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])") == "0.8")
        #expect(try json("cor([1, 2, missing, 4], [1, 2, 3, 5])").hasPrefix("0.99"))
    }

    @Test func seqFollowsR() throws {
        #expect(try json("seq(1, 5)") == "[1,2,3,4,5]")
        #expect(try json("seq(5, 1)") == "[5,4,3,2,1]")
        #expect(try json("seq(0, 1, by: 0.25)") == "[0,0.25,0.5,0.75,1]")
        #expect(try json("length(seq(0, 1, by: 0.1))") == "11")
        #expect(try json("seq(1, 2, by: 0.4)") == "[1,1.4,1.8]")
    }

    @Test func sortKeepsMissingAtTheEnd() throws {
        #expect(try json("sort([3, missing, 1, 2])") == "[1,2,3,null]")
        #expect(try json("sort([3, 1, 2], descending: true)") == "[3,2,1]")
        #expect(try json("sort([\"b\", \"a\"])") == #"["a","b"]"#)
    }

    @Test func zscoreUsesTheSampleStandardDeviation() throws {
        #expect(try json("zscore([1, 2, 3])") == "[-1,0,1]")
        #expect(try json("zscore([2, 2])") == "[null,null]")
    }

    @Test func helpListsAndExplains() throws {
        let all = Format.display(try evaluate("help()"))
        for name in ["quantile", "fivenum", "boxstats", "describe", "mean", "median", "sd", "var", "min", "max",
                     "sum", "length", "sort", "rank", "cor", "seq", "help"] {
            #expect(all.contains("  \(name)("), "help() lists \(name)")
        }
        #expect(Format.display(try evaluate("help(quantile)")).hasPrefix("quantile(x, p, type: 7)"))
        #expect(Format.display(try evaluate("help(\"boxstats\")")).hasPrefix("boxstats(x, k: 1.5, type: 7)"))
    }
}
