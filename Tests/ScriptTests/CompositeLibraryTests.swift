import Foundation
import Testing
@testable import Script

@Suite("Script functions of the composite-indicator pipeline")
struct CompositeLibraryTests {
    let demo = "p = portfolio(\"demo\"); "

    @Test("composite(p) is the plain weighted mean: the index is the mean of the dimension means")
    func defaults() throws {
        #expect(try json(demo + "c = composite(p); abs(c.Index[\"Nordtal\"] - mean([c.DEV[\"Nordtal\"], c.COA[\"Nordtal\"], c.IMP[\"Nordtal\"], c.IMC[\"Nordtal\"], c.MON[\"Nordtal\"], c.POR[\"Nordtal\"]])) < 1e-12") == "true")
        #expect(try json(demo + "c = composite(p); c.steps") == "[]")
        #expect(try json(demo + "w = weights(p); abs(sum(w.effective) - 2) < 1e-12") == "true")
    }

    @Test("Explicit weights: doubling a dimension's weight gives it 2/7 of the index")
    func explicitWeights() throws {
        #expect(try json(demo + "c = composite(p, weights: {DEV: 2}); w = c.weights; abs(w.weight[22] - 2/7) < 1e-12") == "true")
        let text = try #require(diagnostic(demo + "composite(p, weights: {DEVV: 2})"))
        #expect(text.contains("`DEVV`") && text.contains("did you mean `DEV`?"))
    }

    @Test("Power means are ordered: harmonic <= geometric <= arithmetic for every region")
    func powerMeans() throws {
        #expect(try json(demo + "max(composite(p, method: \"harmonic\").Index - composite(p, method: \"geometric\").Index) <= 1e-12") == "true")
        #expect(try json(demo + "max(composite(p, method: \"geometric\").Index - composite(p).Index) <= 1e-12") == "true")
        #expect(try json(demo + "min(composite(p, method: \"geometric\").Index - composite(p, method: \"harmonic\").Index) >= 0") == "true")
        #expect(diagnostic(demo + "composite(p, method: \"generalised\")")?.contains("needs `power: p`") == true)
        #expect(diagnostic(demo + "composite(p, method: \"geometrik\")")?.contains("did you mean \"geometric\"?") == true)
        #expect(try json(demo + "abs(sum(composite(p, method: \"generalised\", power: 1).Index - composite(p).Index)) < 1e-9") == "true")
    }

    @Test("normalise to 0..100 puts each indicator's minimum at 0 and maximum at 100; impute fills every cell")
    func steps() throws {
        #expect(try json(demo + "n = normalise(p); [min(n.I01), max(n.I01), min(n.I21), max(n.I21)]") == "[0,100,0,100]")
        #expect(try json(demo + "n = normalise(p, method: \"zscore\"); abs(mean(n.I05)) < 1e-12 and abs(sd(n.I05) - 1) < 1e-12") == "true")
        #expect(try json(demo + "i = impute(p, method: \"median\"); moments(i.I03).missing") == "0")
        let steps = try json(demo + "composite(p, impute: \"mean\", treat: \"coinr\", normalise: \"minmax\").steps")
        #expect(steps.contains("imputation (mean)") && steps.contains("outlier treatment") && steps.contains("normalisation (min-max to 0..100)"))
        #expect(diagnostic(demo + "impute(p, by: \"contry\")")?.contains("no attribute `contry`") == true)
    }

    @Test("compare finds no difference between a composite and itself")
    func compareItself() throws {
        #expect(try json(demo + "c = composite(p); max(compare(c, c).largest)") == "0")
    }

    @Test("uncertainty's JSON has a regions table with region, nominal, mean, median, p05, p95")
    func uncertaintyJSON() throws {
        let text = try json(demo + "uncertainty(p, samples: 2000, perturb: 0.25, seed: 1)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let regions = try #require(object["regions"] as? [[String: Any]])
        #expect(regions.count == 26)
        #expect(Set(regions[0].keys) == ["region", "nominal", "mean", "median", "p05", "p95"])
        #expect(object["samples"] as? Int == 2000)
        #expect(try json(demo + "u = uncertainty(p, samples: 500, perturb: 0); u.p95[\"Nordtal\"] == u.nominal[\"Nordtal\"]") == "true")
        #expect(diagnostic(demo + "uncertainty(p, distribution: \"dirichlt\")")?.contains("did you mean \"dirichlet\"?") == true)
    }

    @Test("sobol's JSON has inputs, S1, ST, S1_conf, ST_conf; a rank target needs a region")
    func sobolJSON() throws {
        let text = try json(demo + "sobol(p, n: 64, target: \"score\", region: \"Nordtal\", groups: \"dimensions\", resamples: 50)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["inputs"] as? [String] == ["DEV", "COA", "IMP", "IMC", "MON", "POR"])
        for key in ["S1", "ST", "S1_conf", "ST_conf"] { #expect((object[key] as? [Any])?.count == 6, "\(key)") }
        #expect(diagnostic(demo + "sobol(p, target: \"rank\")")?.contains("needs region") == true)
    }

    @Test("tipping: Nordtal's rank and its neighbours")
    func tipping() throws {
        #expect(try json(demo + "tipping(p, \"Nordtal\").rank") == "24")
        #expect(try json(demo + "length(tipping(p, \"Nordtal\").pairs)") == "25")
        #expect(diagnostic(demo + "tipping(p, \"Nordtal\", method: \"geometric\")")?.contains("exact for arithmetic aggregation") == true)
    }

    @Test("uncertainty(p, of: d) ranks the dimension composite: its nominal ranks are the benchmark's and the rank(p.d) of every region",
          arguments: ["DEV", "COA", "IMP", "IMC", "MON", "POR"])
    func uncertaintyOfOneDimension(dimension: String) throws {
        let code = demo + "u = uncertainty(p, samples: 200, of: \"\(dimension)\"); r = rank(p.\(dimension)); t = table(u); "
        // Regions whose composites tie in exact arithmetic (Järvimaa and Koskiranta on DEV: 7.29 / 3)
        // may differ in the last bit between the two computations; they are left out here.
        let untied = "fn untied(name) = length(filter(p.\(dimension), fn(v) = abs(v - p.\(dimension)[name]) < 1e-9)) == 1; "
        #expect(try json(code + untied + "length(filter(seq(1, length(t.region)), fn(i) = untied(t.region[i]) and t.nominal[i] != r[t.region[i]]))") == "0")
        #expect(try json(code + "length(filter(seq(1, length(t.region)), fn(i) = t.p05[i] > t.p95[i]))") == "0")
        #expect(try json(code + "b = benchmark(p, \"Nordtal\"); filter(table(b), fn(x) = x.code == \"\(dimension)\").rank[1] == filter(t, fn(x) = x.region == \"Nordtal\").nominal[1]") == "true")
    }
}
