import Foundation
import Testing

/// Charts through the executable: drawn to the width of `$COLUMNS` (or 80) without colour when
/// the output is not a terminal, their model as JSON, saved as SVG, text, HTML and JSON files.
@Suite("Charts from the command line")
struct ChartCommandTests {
    static let panel = #"plot(benchmark(portfolio("demo"), "Nordtal"))"#

    @Test func drawingsFitColumnsAndHaveNoColourInAPipe() throws {
        for (environment, width) in [(["COLUMNS": "64"], 64), ([:], 80)] {
            let result = try Executable.run(["eval", Self.panel], environment: environment.merging(["COLUMNS": environment["COLUMNS"] ?? ""]) { $1 })
            #expect(result.status == 0)
            #expect(!result.output.contains("\u{1B}"))
            let lines = result.output.split(separator: "\n")
            #expect(lines.first == "Nordtal benchmarked against 26 regions (2026)")
            #expect(lines.allSatisfy { $0.count <= width }, "\(width)")
            #expect(lines.contains { $0.count > width - 4 }, "uses the width \(width)")
        }
        let narrow = try Executable.run(["eval", #"bars(portfolio("demo"), "Nordtal", width: 50)"#])
        #expect(narrow.output.split(separator: "\n").allSatisfy { $0.count <= 50 })
    }

    @Test func jsonIsTheChartsModel() throws {
        let result = try Executable.run(["eval", "--json", Self.panel])
        let model = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(model["kind"] as? String == "benchmark panel")
        let marks = try #require(model["marks"] as? [[String: Any]])
        let box = try #require(marks.first { $0["mark"] as? String == "box" && $0["label"] as? String == "I02" })
        let boxstats = try #require(try JSONSerialization.jsonObject(with: Data(try Executable.run(
            ["eval", "--json", #"boxstats(portfolio("demo").I02)"#]).output.utf8)) as? [String: Any])
        for (name, value) in boxstats { #expect("\(box[name] ?? "absent")" == "\(value)", "\(name)") }
    }

    @Test func saveWritesEachFormatAtomicallyAndNeverOverwritesUnasked() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for suffix in ["svg", "txt", "html", "json"] {
            let path = folder.appendingPathComponent("panel.\(suffix)").path
            let code = "c = \(Self.panel)\nsave(c, \"\(path)\")"
            #expect(try Executable.run(["eval", code]).status == 0)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            switch suffix {
            case "svg": #expect(text.hasPrefix("<?xml") && text.contains("<svg") && text.hasSuffix("</svg>\n"))
            case "txt": #expect(text.hasPrefix("Nordtal benchmarked") && !text.contains("\u{1B}"))
            case "html": #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("<figure class=\"st-chart\">"))
            default: #expect(text.hasPrefix("{\"kind\":\"benchmark panel\""))
            }
            let again = try Executable.run(["eval", code])
            #expect(again.status == 1 && again.error.contains("exists already"))
            #expect(try Executable.run(["eval", "c = \(Self.panel)\nsave(c, \"\(path)\", replace: true)"]).status == 0)
        }
        let wrong = try Executable.run(["eval", "save(\(Self.panel), \"\(folder.path)/panel.png\")"])
        #expect(wrong.status == 1 && wrong.error.contains(".svg, .html, .txt or .json"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.sorted() == ["panel.html", "panel.json", "panel.svg", "panel.txt"])  // no temporary files left
    }

    @Test("the RIS 2023 panel: an axis that spans the data, every dimension's composite and indicators",
          .enabled(if: ExampleScriptTests.has("ris/ris2023_regions.csv"), "the RIS 2023 data (../shared/data/ris) is absent"))
    func risPanel() throws {
        let folder = ExampleScriptTests.referenceData.appendingPathComponent("ris").path
        let code = "p = portfolio(\"\(folder)/ris2023_regions.csv\", framework: \"\(folder)/ris2023_indicators.csv\")\n"
            + "plot(benchmark(p, \"Ostösterreich\"))"
        let result = try Executable.run(["eval", "--json", code])
        #expect(result.status == 0, "\(result.error)")
        let model = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let rows = try #require(model["rows"] as? [[String: Any]])
        #expect(rows.filter { $0["kind"] as? String == "header" }.count == 12)
        #expect(rows.filter { $0["kind"] as? String != "header" }.count == 33)
        let marks = try #require(model["marks"] as? [[String: Any]])
        let values = marks.flatMap { mark -> [Double] in
            ["lower_whisker", "upper_whisker", "value"].compactMap { mark[$0] as? Double } + ((mark["outliers"] as? [Double]) ?? [])
        }
        let domain = try #require((model["x"] as? [String: Any])?["domain"] as? [Double])
        #expect(domain[0] <= values.min()! && values.max()! <= domain[1])
        #expect(domain[1] > 4, "RIS values are relative to the EU average (100), not on 0..4")
        #expect(model["title"] as? String == "Ostösterreich benchmarked against 246 regions (2023)")
    }
}
