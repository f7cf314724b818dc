import Testing
@testable import Script

@Suite("User functions: definitions, defaults, bodies, recursion, scopes, anonymous functions")
struct UserFunctionTests {
    @Test func oneLineDefinition() throws {
        #expect(try json("fn gap(x) = max(x) - min(x)\ngap([3, 9, 4])") == "6")
    }

    @Test func namedParametersWithDefaults() throws {
        let code = "fn top(x, k: 2) = sort(x, descending: true)[seq(1, k)]"
        #expect(try json(code + "\ntop([5, 1, 9, 7])") == "[9,7]")
        #expect(try json(code + "\ntop([5, 1, 9, 7], k: 3)") == "[9,7,5]")
        #expect(try json(code + "\ntop([5, 1, 9, 7], 1)") == "[9]")
    }

    @Test func aDefaultMayUseAnEarlierParameter() throws {
        #expect(try json("fn scale(x, by: max(x)) = x / by\nscale([1, 2, 4])") == "[0.25,0.5,1]")
    }

    @Test func bodyOfSeveralLinesGivesItsLastExpression() throws {
        let code = """
        fn spread(x) {
            q = quantile(x, [0.25, 0.75])
            q[2] - q[1]
        }
        spread([1, 2, 3, 4, 5])
        """
        #expect(try json(code) == "2")
    }

    @Test func recursion() throws {
        let code = """
        fn fib(n) = if n <= 2 { 1 } else { fib(n - 1) + fib(n - 2) }
        fib(20)
        """
        #expect(try json(code) == "6765")
    }

    @Test func aFunctionCannotChangeItsCallersVariables() throws {
        let code = """
        x = 1
        fn f(y) {
            x = 100
            x + y
        }
        [f(1), x]
        """
        #expect(try json(code) == "[101,1]")
    }

    @Test func functionsSeeTheScopeTheyWereDefinedIn() throws {
        #expect(try json("k = 10\nfn add(x) = x + k\nadd(5)") == "15")
        #expect(try json("fn adder(k) = fn(x) = x + k\nplus3 = adder(3)\nplus3(4)") == "7")
    }

    @Test func anonymousFunctionsInPipes() throws {
        #expect(try json("[1, 2, 3] |> map(fn(v) = v * 2)") == "[2,4,6]")
        #expect(try json("double = fn(v) = v * 2\ndouble(21)") == "42")
        #expect(try json("(fn(a, b) { a * b })(6, 7)") == "42")
    }

    @Test func aFunctionIsExplainedByHelp() throws {
        guard case .text(let text) = try evaluate("fn gap(x, k: 2) = x\nhelp(gap)") else {
            Issue.record("help gives text")
            return
        }
        #expect(text.hasPrefix("gap(x, k: 2)"))
        #expect(text.contains("defined at input:1:1"))
    }

    @Test("errors: arity, unknown argument, missing argument, calling a non-function", arguments: [
        ("fn f(x) = x\nf(1, 2)", "f takes at most 1 arguments"),
        ("fn f(x) = x\nf(1, y: 2)", "f has no argument `y`"),
        ("fn f(x, k: 1) = x\nf(k: 2)", "f needs the argument `x`"),
        ("x = 3\nx(1)", "a number cannot be called"),
        ("fn f(x, x) = x", "the parameter `x` appears twice"),
        ("fn f(x: 1, y) = x", "the parameter `y` needs a default"),
        ("fn mean(x) = x", "`mean` is a function of the standard library"),
    ])
    func errors(code: String, message: String) throws {
        let text = try #require(diagnostic(code))
        #expect(text.contains(message), "\(text)")
    }

    @Test func runawayRecursionIsAnErrorNotACrash() throws {
        let text = try #require(diagnostic("fn f(n) = f(n + 1)\nf(1)"))
        #expect(text.contains("functions call one another more than \(Interpreter.maximumCalls) deep"))
        #expect(text.contains("`f` may call itself without end"))
    }

    @Test func deepButBoundedRecursionWorks() throws {
        #expect(try json("fn count(n) = if n == 0 { 0 } else { 1 + count(n - 1) }\ncount(1500)") == "1500")
    }

    @Test func anErrorInsideAFunctionPointsIntoItsBodyAndNamesTheCall() throws {
        let text = try #require(diagnostic("fn f(x) = x + \"a\"\nf(1)"))
        #expect(text.contains("--> input:1:13"))
        #expect(text.contains("note: in `f`, called at input:2:1"))
    }

    @Test func anErrorInAFunctionFromAnEarlierInputShowsThatInput() throws {
        let interpreter = Interpreter()
        try interpreter.run(Source(name: "In[1]", text: "fn f(x) = log(x) + y"))
        let second = Source(name: "In[2]", text: "f(2)")
        do {
            try interpreter.run(second)
            Issue.record("expected an error")
        } catch {
            let text = error.rendered(in: second)
            #expect(text.contains("--> In[1]:1:20"), "\(text)")
            #expect(text.contains("1 | fn f(x) = log(x) + y"))
            #expect(text.contains("in `f`, called at In[2]:1:1"))
        }
    }

    @Test("an interpreter whose script defined functions is freed with them (no reference cycle)")
    func interpreterIsFreed() throws {
        weak var freed: Interpreter?
        do {
            let interpreter = Interpreter()
            try interpreter.run(Source(name: "input", text: "p = [1, 2]\nfn f(x) = if x > 0 { f(x - 1) } else { p }\ng = f\nf(3)"))
            freed = interpreter
        }
        #expect(freed == nil)
    }
}
