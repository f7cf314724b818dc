import Charts
import Foundation
import Testing
@testable import Script

/// The numbers each chart draws (its JSON model) are the statistics functions' own results.
@Suite("Charts: the data drawn equals the statistics")
struct ChartDataTests {
    /// The marks of a chart made by `code` on the demo portfolio `p`, as data.
    static func marks(_ code: String, setup: String = "") throws -> [Datum] {
        guard case .object(let chart as ChartObject) = try evaluate("p = portfolio(\"demo\")\n" + setup + "\n" + code),
              case .list(let marks)? = chart.chart.datum["marks"] else {
            throw ChartTestError.notAChart(code)
        }
        return marks
    }

    static func number(_ datum: Datum?) -> Double? {
        if case .number(let x)? = datum { return x }
        return nil
    }

    static func text(_ datum: Datum?) -> String? {
        if case .text(let s)? = datum { return s }
        return nil
    }

    /// A script value as data (numbers, lists, records), to compare with a mark's fields.
    static func value(_ code: String, setup: String = "") throws -> Datum {
        try evaluate("p = portfolio(\"demo\")\n" + setup + "\n" + code).datum
    }

    /// Equal and present: a field missing on both sides is not a match.
    static func same(_ a: Datum?, _ b: Datum?) -> Bool { a != nil && a == b }

    static func marks(_ all: [Datum], _ kind: String, role: String? = nil) -> [Datum] {
        all.filter { text($0["mark"]) == kind && (role == nil || text($0["role"]) == role) }
    }

    @Test func panelBoxesAreBoxstatsAndTheMarkersTheBenchmark() throws {
        let marks = try Self.marks(#"plot(benchmark(p, "Nordtal"))"#)
        let boxes = Self.marks(marks, "box")
        #expect(boxes.count == 27)
        for box in boxes {
            let code = try #require(Self.text(box["label"]))
            guard case .record(let expected) = try Self.value("boxstats(p.\(code))") else { Issue.record("no record"); continue }
            for field in expected { #expect(Self.same(box[field.name], field.value), "\(code) \(field.name)") }
        }
        let table = try Self.value(#"benchmark(p, "Nordtal").table"#)
        guard case .list(let rows) = table else { Issue.record("no table"); return }
        let markers = Self.marks(marks, "point", role: "region")
        #expect(markers.count == rows.count)
        for (marker, row) in zip(markers, rows) {
            #expect(Self.same(marker["row"], row["code"]))
            #expect(Self.same(marker["value"], row["value"]))
            #expect(Self.same(marker["rank"], row["rank"]))
        }
        // Each outlier is named by its region and is one of boxstats' outliers.
        for outlier in Self.marks(marks, "point", role: "outlier") {
            let code = try #require(Self.text(outlier["row"]))
            let region = try #require(Self.text(outlier["label"]))
            #expect(try Self.value("p.\(code)[\"\(region)\"]") == outlier["value"]!)
        }
    }

    @Test func boxplotsOfChosenColumnsAreBoxstatsWithTheirK() throws {
        let marks = try Self.marks(#"box(p, ["I05", "MON"], k: 1, type: 6)"#)
        for code in ["I05", "MON"] {
            let box = try #require(Self.marks(marks, "box").first { Self.text($0["label"]) == code })
            guard case .record(let expected) = try Self.value("boxstats(p.\(code), k: 1, type: 6)") else { continue }
            for field in expected { #expect(Self.same(box[field.name], field.value), "\(code) \(field.name)") }
        }
    }

    @Test func dotPlotHasEveryRegionsValueAndTheMedian() throws {
        let marks = try Self.marks(#"strip(p, "I07", highlight: "Valdelora")"#)
        let points = Self.marks(marks, "point")
        #expect(points.count == 26)
        for point in points {
            let region = try #require(Self.text(point["region"]))
            #expect(try Self.value("p.I07[\"\(region)\"]") == point["value"]!)
        }
        #expect(Self.same(Self.marks(marks, "segment").first?["median"], try Self.value("median(p.I07)")))
    }

    @Test func barsAndRadarDrawTheBenchmarksComposites() throws {
        let setup = #"b = benchmark(p, "Koskiranta")"#
        let bars = Self.marks(try Self.marks("bars(b)", setup: setup), "bar", role: "region")
        #expect(bars.count == 6)
        for bar in bars {
            let code = try #require(Self.text(bar["label"]))
            #expect(Self.same(bar["value"], try Self.value("p.\(code)[\"Koskiranta\"]")))
            for (field, p) in [("q1", 0.25), ("median", 0.5), ("q3", 0.75)] {
                #expect(Self.same(bar[field], try Self.value("quantile(p.\(code), \(p))")), "\(code) \(field)")
            }
        }
        let radar = try Self.marks("radar(b)", setup: setup)
        for point in Self.marks(radar, "point", role: "reference") {
            let code = try #require(Self.text(point["dimension"]))
            #expect(Self.same(point["median"], try Self.value("median(p.\(code))")))
        }
        #expect(Self.marks(radar, "point", role: "region").count == 6)
    }

    @Test func histogramBinsAreHistogram() throws {
        let bins = Self.marks(try Self.marks(#"hist(p.I11, bins: 8)"#), "bar")
        guard case .record(let h) = try Self.value("histogram(p.I11, bins: 8)"),
              case .list(let breaks) = h.first(where: { $0.name == "breaks" })!.value,
              case .list(let counts) = h.first(where: { $0.name == "counts" })!.value,
              case .list(let density) = h.first(where: { $0.name == "density" })!.value else { Issue.record("no histogram"); return }
        #expect(bins.count == counts.count)
        for (i, bin) in bins.enumerated() {
            #expect(Self.same(bin["low"], breaks[i]) && Self.same(bin["high"], breaks[i + 1]) && Self.same(bin["count"], counts[i])
                    && Self.same(bin["density"], density[i]))
        }
    }

    @Test func linesDrawEachWavesValueAndQuartiles() throws {
        let marks = try Self.marks(#"lines(p, "Nordtal", "I03")"#)
        for (year, setup) in [(2024, #"q = portfolio("demo", year: 2024)"#), (2026, "q = p")] {
            let value = try #require(Self.marks(marks, "point", role: "region").first { Self.number($0["year"]) == Double(year) })
            #expect(Self.same(value["value"], try Self.value(#"q.I03["Nordtal"]"#, setup: setup)))
            let median = try #require(Self.marks(marks, "point", role: "reference").first { Self.number($0["year"]) == Double(year) })
            #expect(Self.same(median["median"], try Self.value("median(q.I03)", setup: setup)))
            #expect(Self.same(median["q1"], try Self.value("quantile(q.I03, 0.25)", setup: setup)))
        }
    }

    @Test func rankIntervalsAreTheUncertaintyTable() throws {
        let setup = "u = uncertainty(p, samples: 500, seed: 4)"
        let intervals = Self.marks(try Self.marks("plot(u)", setup: setup), "segment")
        guard case .list(let rows) = try Self.value("u.regions", setup: setup) else { Issue.record("no table"); return }
        #expect(intervals.count == rows.count)
        for row in rows {
            let mark = try #require(intervals.first { $0["region"] == row["region"] })
            for field in ["nominal", "mean", "median", "p05", "p95"] { #expect(Self.same(mark[field], row[field]), "\(field)") }
        }
    }

    @Test func sobolBarsAreTheIndices() throws {
        let setup = #"s = sobol(p, n: 128, groups: "dimensions")"#
        let bars = Self.marks(try Self.marks("plot(s)", setup: setup), "bar")
        #expect(bars.count == 12)
        for bar in bars {
            let input = try #require(Self.text(bar["input"]))
            let index = bar["S1"] != nil ? "S1" : "ST"
            #expect(Self.same(bar[index], try Self.value("s.\(index)[\"\(input)\"]", setup: setup)))
            #expect(Self.same(bar[index + "_conf"], try Self.value("s.\(index)_conf[\"\(input)\"]", setup: setup)))
        }
    }

    @Test func dendrogramMergesAreHclusts() throws {
        let setup = #"h = hclust(p, method: "average")"#
        let merges = Self.marks(try Self.marks("plot(h, k: 4)", setup: setup), "line")
        guard case .list(let merge) = try Self.value("h.merge", setup: setup),
              case .list(let height) = try Self.value("h.height", setup: setup) else { Issue.record("no tree"); return }
        #expect(merges.count == 25)
        for (t, mark) in merges.enumerated() {
            #expect(Self.same(mark["merge"], merge[t]))
            #expect(Self.same(mark["height"], height[t]))
        }
        let cut = try #require(Self.marks(try Self.marks("plot(h, k: 4)", setup: setup), "segment").first)
        #expect(cut["k"] == .number(4))
    }

    @Test func pcaMapPointsAreTheCoordinates() throws {
        let setup = "x = pca(p, on: \"structure\")"
        let points = Self.marks(try Self.marks("plot(x, clusters: cut(hclust(p), k: 2))", setup: setup), "point")
        guard case .list(let rows) = try Self.value("x.coordinates", setup: setup) else { Issue.record("no table"); return }
        #expect(points.count == rows.count)
        for row in rows {
            let point = try #require(points.first { $0["region"] == row["region"] })
            #expect(Self.same(point["PC1"], row["PC1"]) && Self.same(point["PC2"], row["PC2"]))
        }
    }

    @Test func heatmapCellsAreCorrelationsAndDistances() throws {
        let cells = Self.marks(try Self.marks("heatmap(p, method: \"spearman\")"), "cell")
        #expect(cells.count == 21 * 21)
        for cell in cells.filter({ $0["row"] != $0["column"] }).prefix(40) {
            let (a, b) = (Self.text(cell["row"])!, Self.text(cell["column"])!)
            #expect(Self.same(cell["correlation"], try Self.value("cor(p.\(a), p.\(b), method: \"spearman\")")))
        }
        let setup = "d = distance(p, metric: \"manhattan\")"
        let distances = Self.marks(try Self.marks("plot(d)", setup: setup), "cell")
        guard case .list(let matrix) = try Self.value("d.matrix", setup: setup), case .list(let first) = matrix[0] else { return }
        #expect(distances.prefix(26).map { $0["distance"]! } == first)
    }

    @Test func silhouetteBarsAreTheWidths() throws {
        let setup = "k = kmeans(p, k: 4)"
        let bars = Self.marks(try Self.marks("plot(k)", setup: setup), "bar")
        guard case .list(let rows) = try Self.value("silhouette(k).widths", setup: setup) else { Issue.record("no table"); return }
        #expect(bars.count == rows.count)
        for row in rows {
            let bar = try #require(bars.first { $0["region"] == row["region"] })
            for field in ["cluster", "neighbour", "width"] { #expect(Self.same(bar[field], row[field]), "\(field)") }
        }
    }
}
