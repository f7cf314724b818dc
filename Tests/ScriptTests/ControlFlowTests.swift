import Testing
@testable import Script

@Suite("if/else, for loops, string templates, statements and continuation lines")
struct ControlFlowTests {
    @Test func ifElseIsAnExpression() throws {
        #expect(try json("x = 5\nif x > 3 { \"big\" } else { \"small\" }") == "\"big\"")
        #expect(try json("x = 1\ny = if x > 3 { \"big\" } else if x > 0 { \"some\" } else { \"none\" }\ny") == "\"some\"")
    }

    @Test func elseMayStartTheNextLine() throws {
        let code = """
        x = 2
        if x > 3 {
            "big"
        }
        else {
            "small"
        }
        """
        #expect(try json(code) == "\"small\"")
    }

    @Test func ifWithoutElseGivesNothingWhenFalse() throws {
        guard case .nothing = try evaluate("if 1 > 2 { 3 }") else {
            Issue.record("expected nothing")
            return
        }
        let text = try #require(diagnostic("x = if 1 > 2 { 3 }"))
        #expect(text.contains("`x` would have no value"))
    }

    @Test("the condition must be one true or false", arguments: [
        ("if missing > 1 { 1 } else { 2 }", "the condition is missing"),
        ("if [1, 2] > 1 { 1 }", "not a vector of 2"),
        ("if 3 { 1 }", "must be true or false, not a number"),
    ])
    func conditionErrors(code: String, message: String) throws {
        let text = try #require(diagnostic(code))
        #expect(text.contains(message), "\(text)")
    }

    @Test func forLoopsRunInTheEnclosingScope() throws {
        let code = """
        total = 0
        for v in [1, 2, 3, 4] {
            total = total + v
        }
        total
        """
        #expect(try json(code) == "10")
    }

    @Test func forLoopsOverListsNamedVectorsAndTableRows() throws {
        #expect(try json("s = \"\"\nfor w in [\"a\", \"b\"] { s = s + w }\ns") == "\"ab\"")
        #expect(try json("n = 0\nfor r in table({x: [1, 2]}) { n = n + r.x }\nn") == "3")
    }

    @Test func aLoopInsideAFunctionChangesOnlyTheFunctionsScope() throws {
        let code = """
        total = 100
        fn sum_of(xs) {
            total = 0
            for v in xs { total = total + v }
            total
        }
        [sum_of([1, 2, 3]), total]
        """
        #expect(try json(code) == "[6,100]")
    }

    @Test func forNeedsAVectorOrATable() throws {
        let text = try #require(diagnostic("for v in {a: 1} { v }"))
        #expect(text.contains("a for loop runs over a vector or a table, not a record"))
    }

    @Test func stringTemplates() throws {
        #expect(try json("r = 3; n = 21\n\"rank {r} of {n}\"") == "\"rank 3 of 21\"")
        #expect(try json("x = [1.5, 2]\n\"mean {mean(x)}, first {x[1]}, {\"nested\"}\"") == "\"mean 1.75, first 1.5, nested\"")
        #expect(try json("\"braces \\{kept\\}\"") == "\"braces {kept}\"")
        #expect(try json("\"{missing}\"") == "\"missing\"")
    }

    @Test("template errors point into the string", arguments: [
        ("\"a {b} c\"", "unknown name `b`", "input:1:5"),
        ("\"a {} c\"", "empty `{}` in a string", "input:1:4"),
        ("\"a {1 +} c\"", "expected a value", "input:1:8"),
        ("\"a {1 c\"", "`{` in a string has no closing `}`", "input:1:4"),
    ])
    func templateErrors(code: String, message: String, location: String) throws {
        let text = try #require(diagnostic(code))
        #expect(text.contains(message), "\(text)")
        #expect(text.contains(location), "\(text)")
    }

    @Test func semicolonsCommentsAndContinuation() throws {
        let code = """
        a = 1; b = 2  # two statements
        c = max([a,
                 b,   # a comment inside brackets
                 3])
        [a, b, c]
          |> sum
        """
        #expect(try json(code) == "6")
    }

    @Test func unfinishedInputAsksForMore() {
        #expect(Interpreter.needsMoreInput("fn f(x) {"))
        #expect(Interpreter.needsMoreInput("for v in [1, 2] {\n  v"))
        #expect(Interpreter.needsMoreInput("if true {"))
        #expect(!Interpreter.needsMoreInput("if true { 1 }"))
        #expect(!Interpreter.needsMoreInput("fn f(x) = x"))
    }

    @Test func keywordsOutOfPlaceGetClearMessages() throws {
        #expect(try #require(diagnostic("else { 1 }")).contains("`else` without an `if`"))
        #expect(try #require(diagnostic("x = for v in [1] { v }")).contains("a `for` loop is a statement"))
        #expect(try #require(diagnostic("if 1 > 0 2")).contains("expected `{` after the condition of `if`"))
    }

    @Test func domainErrorsAreErrorsNotMissing() throws {
        #expect(try #require(diagnostic("0 / 0")).contains("0 / 0 is not a number"))
        #expect(try #require(diagnostic("[1, 0] / [1, 0]")).contains("element 2: 0 / 0 is not a number"))
        #expect(try json("1 / 0") == "\"inf\"")
        #expect(try json("[1, missing] / 0") == "[\"inf\",null]")
    }

    @Test func nestingTooDeepIsAnError() throws {
        let deep = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
        #expect(try #require(diagnostic(deep)).contains("nested more than 200 deep"))
        let negations = String(repeating: "-", count: 300) + "1"
        #expect(try #require(diagnostic(negations)).contains("nested more than 200 deep"))
        let chain = Array(repeating: "1", count: 12_000).joined(separator: "+")
        #expect(try #require(diagnostic(chain)).contains("more than 10000 operators in a row"))
    }

    @Test func quitEndsARunWithoutAnError() throws {
        for code in ["x = 1\nquit\nx = 2", "x = 1\nquit()\nx = 2", "x = 1\nexit()\nx = 2"] {
            let interpreter = Interpreter()
            try interpreter.run(Source(name: "input", text: code))
            #expect(interpreter.quitRequested)
            guard case .number(1)? = interpreter.variables["x"] else {
                Issue.record("x should stay 1 in \(code)")
                continue
            }
        }
    }
}

@Suite("Strings compare element-wise with a vector of strings")
struct StringComparisonTests {
    @Test func aVectorOfStringsComparesWithAString() throws {
        #expect(try json("[\"AT\", \"DE\", \"AT\"] == \"AT\"") == "[true,false,true]")
        #expect(try json("\"b\" < [\"a\", \"c\"]") == "[false,true]")
        #expect(try json("[\"a\", \"b\"] + \"!\"") == "[\"a!\",\"b!\"]")
        #expect(try #require(diagnostic("[\"a\", 1] == \"a\"")).contains("cannot combine a number in a vector with a string"))
    }
}
