import Foundation
import Testing
@testable import Script
import StressTest

@Suite("Script functions of the StressTest domain")
struct StressTestLibraryTests {
    @Test func demoPortfolioIndicatorsAreVectorsNamedByRegion() throws {
        #expect(try json("p = portfolio(\"demo\"); length(p.I02)") == "26")
        #expect(try json("p = portfolio(\"demo\"); p.year") == "2026")
        #expect(try json("p = portfolio(\"demo\", year: 2024); p.years") == "[2024,2026]")
        let named = try evaluate("p = portfolio(\"demo\"); p.I02")
        guard case .named(let vector) = named else { Issue.record("not a named vector"); return }
        #expect(vector.names.contains("Nordtal"))
        // Arithmetic keeps the names; statistics read the values.
        #expect(try json("p = portfolio(\"demo\"); x = p.I02 * 2; x[\"Nordtal\"] == p.I02[\"Nordtal\"] * 2") == "true")
        #expect(try json("p = portfolio(\"demo\"); quantile(p.I02, 0.5) == median(p.I02)") == "true")
        #expect(try json("p = portfolio(\"demo\"); boxstats(p.DEV).n") == "26")
        #expect(try json("p = portfolio(\"demo\"); s = sort(p.MON, descending: true); s[1] == max(p.MON)") == "true")
    }

    @Test func regionIndicatorsDimensionsAndComposites() throws {
        #expect(try json("region(portfolio(\"demo\"), \"Nordtal\").id") == "\"Nordtal\"")
        #expect(try json("length(indicators(portfolio(\"demo\")))") == "21")
        let dims = Format.display(try evaluate("dimensions(portfolio(\"demo\"))"))
        #expect(dims.contains("DEV") && dims.contains("Development phase of S3"))
        #expect(try json("p = portfolio(\"demo\"); c = composite(p); c.DEV[\"Nordtal\"] == p.DEV[\"Nordtal\"]") == "true")
    }

    @Test func benchmarkListsStrengthsAndWeaknesses() throws {
        let text = Format.display(try evaluate("benchmark(portfolio(\"demo\"), \"Nordtal\")"))
        #expect(text.hasPrefix("benchmark of Nordtal (quartiles: quantile type 7; whiskers at 1.5 IQR;"))
        #expect(text.contains("strengths (top quartile): ") && text.contains("weaknesses (bottom quartile): "))
        #expect(try json("b = benchmark(portfolio(\"demo\"), \"Nordtal\"); length(b.table)") == "27")
    }

    @Test func unknownRegionSuggestsTheNearest() throws {
        let text = try #require(diagnostic("benchmark(portfolio(\"demo\"), \"Nordtl\")"))
        #expect(text.contains("the portfolio has no region `Nordtl`"))
        #expect(text.contains("did you mean `Nordtal`?"))
        #expect(text.contains("^^^^^^^^"))
        let field = try #require(diagnostic("p = portfolio(\"demo\"); p.I2"))
        #expect(field.contains("a portfolio has no field `I2`"))
    }

    @Test func surveyScoreAndWith() throws {
        let survey = try #require(ShippedData.url("survey_nordtal.csv"))
        let code = "p = portfolio(\"demo\"); s = survey(\"\(survey.path)\"); sc = score(s, bootstrap: 0)"
        #expect(try json(code + "; sc.regions") == #"["Nordtal"]"#)
        // The example responses score to Nordtal's row of the demo portfolio.
        #expect(try json(code + "; sc.I05[\"Nordtal\"] == p.I05[\"Nordtal\"]") == "true")
        #expect(try json(code + "; q = with(p, sc); length(q.regions)") == "26")
        #expect(try json(code + "; sc").hasPrefix(#"{"regions":[{"region":"Nordtal","respondents":{"policy":"#))
        #expect(try json(code + "; sc").hasSuffix(#"],"method":"group-balanced"}"#))
        // Intervals by default (2,000 resamples), reproducible by seed.
        let withIntervals = try json("score(survey(\"\(survey.path)\"), bootstrap: 200, seed: 3)")
        #expect(withIntervals.contains(#""intervals":{"I01":["#))
        #expect(try json("score(survey(\"\(survey.path)\"), bootstrap: 200, seed: 3)") == withIntervals)
        let bad = try #require(diagnostic("survey(\"/nonexistent/s.csv\")"))
        #expect(bad.contains("the survey cannot be read"))
    }

    @Test func benchmarkTablesCarryTheBoxplotAndIndexByRowAndColumn() throws {
        let row = try json("b = benchmark(portfolio(\"demo\"), \"Nordtal\"); b.table[1]")
        #expect(row.hasPrefix(#"{"code":"DEV","value":"#))
        for key in [#""n":26"#, #""low":"#, #""high":"#, #""rank":"#, #""position":"#, #""change":"#, #""outliers":["#] {
            #expect(row.contains(key), "\(key) in \(row)")
        }
        #expect(try json("b = benchmark(portfolio(\"demo\"), \"Nordtal\"); length(b.table.code)") == "27")
        #expect(try json("b = benchmark(portfolio(\"demo\"), \"Nordtal\"); b.table[\"code\"][2]") == #""I01""#)
        // Without a previous wave the change is missing, not absent.
        #expect(try json("b = benchmark(portfolio(\"demo\", year: 2024), \"Nordtal\"); b.table[1].change") == "null")
        let missingColumn = try #require(diagnostic("b = benchmark(portfolio(\"demo\"), \"Nordtal\"); b.table.positon"))
        #expect(missingColumn.contains("did you mean `position`?"))
    }

    @Test func indicatorsReadByNameWhateverTheirCode() throws {
        #expect(try json("p = portfolio(\"demo\"); p[\"I02\"][\"Nordtal\"] == p.I02[\"Nordtal\"]") == "true")
        let demo = try #require(diagnostic("portfolio(\"demo\", year: 2025)"))
        #expect(demo.contains("the demo portfolio: has no wave 2025 (allowed: its years: 2024, 2026)"))
        #expect(!demo.contains(".build"))
    }

    @Test func smallGroupsOfTheSurveyAreRepeatedInTheBenchmark() throws {
        let survey = try #require(ShippedData.url("survey_valdelora.csv"))
        let code = "q = with(portfolio(\"demo\"), score(survey(\"\(survey.path)\"), bootstrap: 0)); b = benchmark(q, \"Valdelora\")"
        #expect(try json(code + "; b.cautions") == #"["its survey has fewer than 3 respondents in policy (2)"]"#)
        #expect(Format.display(try evaluate(code + "; b")).hasSuffix("caution: Valdelora: its survey has fewer than 3 respondents in policy (2)"))
        #expect(try json("b = benchmark(portfolio(\"demo\"), \"Valdelora\"); b.cautions") == "[]")
        let older = "q = with(portfolio(\"demo\", year: 2024), score(survey(\"\(survey.path)\"), bootstrap: 0)); b = benchmark(q, \"Valdelora\")"
        #expect(try json(older + "; b.cautions[2]") == #""its survey scores were put into the 2024 wave, not the latest (2026)""#)
    }
}
