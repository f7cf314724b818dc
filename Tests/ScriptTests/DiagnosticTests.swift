import Testing
@testable import Script
import StressTest

@Suite("Errors say what, where (input:line:column with a caret) and how to fix it")
struct DiagnosticTests {
    @Test func unknownNameGetsCaretAndSuggestion() {
        let expected = """
        error: unknown name `meadian`
         --> input:2:1
          |
        2 | meadian(x)
          | ^^^^^^^
          = help: did you mean `median`?
        """
        #expect(diagnostic("x = [1, 2]\nmeadian(x)") == expected)
    }

    @Test func unknownVariableSuggestsAVariable() {
        #expect(diagnostic("values = [1]\nmean(valeus)")?.contains("did you mean `values`?") == true)
    }

    @Test func unknownArgumentLabelSuggestsTheParameter() throws {
        let text = try #require(diagnostic("quantile([1, 2, 3], 0.5, tpye: 6)"))
        #expect(text.contains("quantile has no argument `tpye`"))
        #expect(text.contains(" --> input:1:26"))
        #expect(text.contains("did you mean `type`?"))
    }

    @Test func caretCoversTheOffendingArgument() throws {
        let text = try #require(diagnostic("quantile([1, 2], 1.5)"))
        #expect(text.contains("probability 1.5 is outside [0, 1]"))
        #expect(text.hasSuffix("  | ^^^\n  = help: probabilities lie between 0 and 1; for percentiles divide by 100")
                || text.contains("                 ^^^"))
    }

    @Test("errors of every kind carry a location", arguments: [
        ("[1, 2] + [1, 2, 3]", "needs vectors of the same length, not 2 and 3"),
        ("x = [1, 2]; x[3]", "index 3 is out of range: the vector has 2 elements"),
        ("x = [1, 2]; x[0]", "index 0 is out of range"),
        ("quantile([1, 2], 0.5, type: 10)", "must be a whole number from 1 to 9"),
        ("boxstats([1, 2], k: -1)", "k = -1 is not allowed"),
        ("rank([1, 2], ties: \"mni\")", "did you mean \"min\"?"),
        ("cor([1, 2], [1, 2, 3])", "different lengths (2 and 3)"),
        ("\"a\" * 2", "cannot combine a string and a number"),
        ("mean(\"a\")", "must be numbers, not a string"),
        ("seq(1, 10, by: -1)", "does not lead from 1 to 10"),
        ("{a: 1}.b", "the record has no field `b`"),
        ("x = 1 2", "expected the end of the statement"),
        ("1 < 2 < 3", "comparisons cannot be chained"),
        ("quantile(p: 0.5)", "quantile needs the argument `x`"),
        ("mean = 3", "cannot be assigned to"),
        ("\"abc", "this string has no closing quote"),
        ("3 $ 4", "unexpected character `$`"),
        ("x = [1, 2] |> 3", "the right side of `|>` must be a function or a call"),
        ("help(meen)", "did you mean `mean`?"),
    ])
    func located(code: String, message: String) throws {
        let text = try #require(diagnostic(code))
        #expect(text.contains(message), "\(text)")
        #expect(text.contains(" --> input:1:"))
        #expect(text.contains("^"))
    }

    @Test func suggestionsUseEditDistanceWithTranspositions() {
        #expect(NameSuggestion.distance("meadian", "median") == 1)
        #expect(NameSuggestion.distance("mena", "mean") == 1)
        #expect(NameSuggestion.distance("", "abc") == 3)
        #expect(NameSuggestion.nearest(to: "quantiel", among: ["quantile", "fivenum"]) == "quantile")
        #expect(NameSuggestion.nearest(to: "zzz", among: ["quantile", "fivenum"]) == nil)
    }

    @Test func aNameTypedHalfWaySuggestsTheNamesItBegins() {
        let names = ["box", "boxstats", "boxplot", "bars", "mean"]
        // Within the distance, the nearest comes first, then the completions, shortest first.
        #expect(NameSuggestion.suggestions(for: "boxs", among: names) == ["box", "boxstats"])
        #expect(NameSuggestion.help(for: "boxs", among: names) == "did you mean `box` or `boxstats`?")
        // None within the distance: the completions alone, any case; nearest is the shortest.
        #expect(NameSuggestion.nearest(to: "BOXST", among: names) == "boxstats")
        #expect(NameSuggestion.suggestions(for: "boxp", among: ["boxplots", "boxplot", "boxpa"]) == ["boxpa", "boxplot", "boxplots"])
        #expect(NameSuggestion.help(for: "abc", among: ["abcd2", "abcd1", "abcdef", "abcde"]) == "did you mean `abcd1`, `abcd2` or `abcde`?")
        // Too short a name completes nothing; a whole name is not its own completion.
        #expect(NameSuggestion.nearest(to: "bo", among: ["boxstats"]) == nil)
        #expect(NameSuggestion.suggestions(for: "mean", among: ["mean", "means"]) == ["mean", "means"])
        #expect(NameSuggestion.nearest(to: "quantiel", among: ["quantile", "quantiles"]) == "quantile")
    }

    @Test func unknownFunctionsAndFieldsSuggestTheirCompletions() throws {
        let boxs = try #require(diagnostic("boxs([1, 2, 3])"))
        #expect(boxs.contains("unknown name `boxs`"), "\(boxs)")
        #expect(boxs.contains("did you mean `box` or `boxstats`?"), "\(boxs)")
        let boxst = try #require(diagnostic("boxst([1, 2, 3])"))
        #expect(boxst.contains("did you mean `boxstats`?"), "\(boxst)")
        let field = try #require(diagnostic("b = benchmark(portfolio(\"demo\"), \"Nordtal\"); b.weak"))
        #expect(field.contains("did you mean `weaknesses`?"), "\(field)")
        let region = try #require(diagnostic("benchmark(portfolio(\"demo\"), \"Valde\")"))
        #expect(region.contains("did you mean `Valdelora`?"), "\(region)")
    }
}
