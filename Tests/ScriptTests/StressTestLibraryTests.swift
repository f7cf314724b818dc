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

    // MARK: saving a portfolio

    /// A fresh folder for saved files, removed by the caller.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("script-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The JSON of `expression` for the portfolio `p` and the one `q` read back from `path`.
    static func same(_ expression: String, setup: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let p = try json(setup + "; " + expression.replacingOccurrences(of: "P", with: "p"))
        let q = try json(setup + "; " + expression.replacingOccurrences(of: "P", with: "q"))
        #expect(p == q, "\(expression)", sourceLocation: sourceLocation)
    }

    @Test func theSavedDemoReadsBackWithEveryWaveAndTheSameChange() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.csv").path
        let saved = Format.display(try evaluate("save(portfolio(\"demo\"), \"\(path)\")"))
        #expect(saved == "saved 26 regions in 2 waves (2024, 2026; 2026 shown) to \(path)")
        let setup = "p = portfolio(\"demo\"); q = portfolio(\"\(path)\")"
        for expression in ["P.years", "P.year", "P.regions", "P.I02", "P.MON", "P.population", "P.variables",
                           "benchmark(P, \"Nordtal\").table.change", "benchmark(P, \"Südmark\").table.value", "region(P, \"Almgau\")"] {
            try Self.same(expression, setup: setup)
        }
        // Every value is on the 0..4 scale the reader checks, and the earlier wave is there.
        try Self.same("P.I05", setup: "p = portfolio(\"demo\", year: 2024); q = portfolio(\"\(path)\", year: 2024)")
    }

    @Test func aPortfolioShowingAnEarlierWaveSaysHowToReadItBack() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("2024.csv").path
        let text = Format.display(try evaluate("save(portfolio(\"demo\", year: 2024), \"\(path)\")"))
        #expect(text == "saved 26 regions in 2 waves (2024, 2026; 2024 shown) to \(path)\nnote: the file's latest wave is 2026: read it back with year: 2024 to show the 2024 wave")
        try Self.same("benchmark(P, \"Nordtal\").table", setup: "p = portfolio(\"demo\", year: 2024); q = portfolio(\"\(path)\", year: 2024)")
    }

    @Test func aPortfolioWithScoresReadsBackAndSaysTheCautionsAreNotSaved() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("with.csv").path
        let survey = try #require(ShippedData.url("survey_valdelora.csv"))
        let setup = "p = with(portfolio(\"demo\"), score(survey(\"\(survey.path)\"), bootstrap: 0))"
        let text = Format.display(try evaluate(setup + "; save(p, \"\(path)\")"))
        #expect(text.hasPrefix("saved 26 regions in 2 waves (2024, 2026; 2026 shown) to \(path)\nnote: the cautions of Valdelora"), "\(text)")
        let both = setup + "; q = portfolio(\"\(path)\")"
        for expression in ["P.regions", "P.I01", "P.DEV", "region(P, \"Valdelora\").indicators", "benchmark(P, \"Valdelora\").table"] {
            try Self.same(expression, setup: both)
        }
        #expect(try json(both + "; benchmark(q, \"Valdelora\").cautions") == "[]")
    }

    @Test func aNormalisedPortfolioIsNotSavedAndTheErrorSaysWhy() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("normalised.csv").path
        let text = try #require(diagnostic("p = normalise(portfolio(\"demo\"))\nsave(p, \"\(path)\")"))
        #expect(text.contains("the portfolio's values have been changed by normalisation (min-max to 0..100)"), "\(text)")
        #expect(text.contains("help: save the portfolio before the normalisation, and repeat the step after reading it back"), "\(text)")
        #expect(text.contains("2 | save(p,") && text.contains("  |      ^"), "the caret points at the portfolio: \(text)")
        #expect(!FileManager.default.fileExists(atPath: path))
        // Imputed values are on the scale: they are saved, and the reply says what is not.
        let imputed = Format.display(try evaluate("save(impute(portfolio(\"demo\")), \"\(path)\")"))
        #expect(imputed.hasPrefix("saved 26 regions (2026) to \(path)\n"), "\(imputed)")
        #expect(imputed.contains("\nnote: the wave 2024 is not saved: the pipeline step dropped it"), "\(imputed)")
        try Self.same("P.I03", setup: "p = impute(portfolio(\"demo\")); q = portfolio(\"\(path)\")")
    }

    // MARK: benchmarks of several regions

    @Test func severalRegionsAreBenchmarkedTogether() throws {
        let setup = "p = portfolio(\"demo\"); b = benchmark(p, [\"Nordtal\", \"Valdelora\"]); one = benchmark(p, \"Valdelora\")"
        #expect(try json(setup + "; length(b.table)") == "54")
        #expect(try json(setup + "; b.table[1]").hasPrefix(#"{"region":"Nordtal","code":"DEV","value":"#))
        #expect(try json(setup + "; b.table[2]").hasPrefix(#"{"region":"Valdelora","code":"DEV","value":"#))
        // table(b) is b.table, for one region and for several.
        #expect(try json(setup + "; table(b)") == json(setup + "; b.table"))
        #expect(try json(setup + "; table(one)") == json(setup + "; one.table"))
        #expect(try json(setup + "; length(table(b))") == "54")
        #expect(try json(setup + "; b.regions") == #"["Nordtal","Valdelora"]"#)
        // Each region's rows are its own benchmark's.
        guard case .object(let b as BenchmarkObject) = try evaluate(setup + "; b"),
              case .object(let one as BenchmarkObject) = try evaluate(setup + "; one") else { Issue.record("not benchmarks"); return }
        let values = try #require(b.table.columns.first { $0.name == "value" }?.values).map(Format.json)
        let oneValues = try #require(one.table.columns.first { $0.name == "value" }?.values).map(Format.json)
        #expect(stride(from: 1, to: values.count, by: 2).map { values[$0] } == oneValues)
        #expect(try json(setup + "; b.strengths.Valdelora") == json(setup + "; one.strengths"))
        #expect(try json(setup + "; b.weaknesses[\"Nordtal\"]") == json("benchmark(portfolio(\"demo\"), \"Nordtal\").weaknesses"))
        let text = Format.display(try evaluate(setup + "; b"))
        #expect(text.hasPrefix("benchmark of Nordtal and Valdelora (quartiles: quantile type 7;"), "\(text)")
        #expect(text.contains("strengths of Nordtal (top quartile): ") && text.contains("weaknesses of Valdelora (bottom quartile): "))
        // A region named twice, or not a name, is an error at the argument.
        #expect(diagnostic("benchmark(portfolio(\"demo\"), [\"Nordtal\", \"nordtal\"])")?.contains("names Nordtal a second time") == true)
        #expect(diagnostic("benchmark(portfolio(\"demo\"), [\"Nordtal\", \"Valdelor\"])")?.contains("did you mean `Valdelora`?") == true)
        #expect(diagnostic("benchmark(portfolio(\"demo\"), [])")?.contains("benchmark needs at least one region") == true)
    }

    @Test func thePanelOfSeveralRegionsMarksEachWithItsOwnMarker() throws {
        let setup = "p = portfolio(\"demo\"); b = benchmark(p, [\"Nordtal\", \"Valdelora\"])"
        let chart = try evaluate(setup + "; plot(b)")
        guard case .object(let object as ChartObject) = chart else { Issue.record("plot(b) is not a chart"); return }
        let c = object.chart
        #expect(c.title == "Nordtal and Valdelora benchmarked against 26 regions (2026)")
        let markers = c.marks.filter { $0.label == "Nordtal" || $0.label == "Valdelora" }.filter { if case .point = $0.geometry { true } else { false } }
        let nordtal = markers.filter { $0.label == "Nordtal" }, valdelora = markers.filter { $0.label == "Valdelora" }
        #expect(nordtal.count == 27 && valdelora.count == 27)
        #expect(Set(nordtal.map(\.symbol)) == [.diamond] && Set(valdelora.map(\.symbol)) == [.triangle])
        #expect(nordtal.allSatisfy { $0.role == .region } && valdelora.allSatisfy { $0.role == .series(0) })
        #expect(c.legend.map(\.text).suffix(2) == ["Nordtal's result", "Valdelora's result"])
        // The markers stand at the regions' values on their rows.
        guard case .rows(let rows, _) = c.frame else { Issue.record("no rows"); return }
        guard case .object(let one as BenchmarkObject) = try evaluate("benchmark(portfolio(\"demo\"), \"Valdelora\")") else { return }
        for (mark, entry) in zip(valdelora, one.benchmark.entries) {
            guard case .point(let x, let y) = mark.geometry else { continue }
            #expect(x == entry.value && rows[Int(y)].label == entry.code)
        }
        // Drawn in the terminal, both markers show; bars and radar draw one region, picked with region:.
        let drawing = Format.display(try evaluate(setup + "; plot(b, width: 100)"))
        #expect(drawing.contains("◆") && drawing.contains("▲"), "\(drawing)")
        #expect(diagnostic(setup + "; bars(b)")?.contains("bars draws one region, and the benchmark has 2: Nordtal and Valdelora") == true)
        #expect(try json(setup + "; bars(b, region: \"Valdelora\")") == json(setup + "; bars(p, region: \"Valdelora\")"))
        // One region draws as it always has.
        #expect(try json("plot(benchmark(portfolio(\"demo\"), [\"Nordtal\"]))") == json("plot(benchmark(portfolio(\"demo\"), \"Nordtal\"))"))
    }
}
