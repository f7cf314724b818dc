import Charts
import Foundation
import Testing
@testable import Script
import StressTest

/// A region named `A<b>&"c'` is drawn safely by every renderer: as it is in the terminal, escaped
/// in SVG and HTML (which still parse, and read back the name), quoted in JSON.
@Suite("Charts: strings from the data are escaped")
struct ChartEscapingTests {
    static let name = #"A<b>&"c'"#

    /// The demo portfolio with Veenland (an outlier on several indicators) renamed.
    static func portfolio() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stresstest-escape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let demo = try String(contentsOf: try #require(ShippedData.url("demo_portfolio.csv")), encoding: .utf8)
        let path = folder.appendingPathComponent("portfolio.csv").path
        try demo.replacingOccurrences(of: "Veenland,", with: #""A<b>&""c'","#).write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    @Test func everyRendererKeepsTheNameAndItsMarkupInert() throws {
        let (folder, path) = try Self.portfolio()
        defer { try? FileManager.default.removeItem(at: folder) }
        let code = "p = portfolio(\"\(path)\")\nplot(benchmark(p, \"A<b>&\\\"c'\"))"
        guard case .object(let object as ChartObject) = try evaluate(code) else { Issue.record("no chart"); return }
        let chart = object.chart

        for width in [60, 120] {
            let text = TerminalRenderer(width: width).render(.chart(chart))
            #expect(text.contains(Self.name))
        }

        let svg = SVGRenderer().render(chart)
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("A&lt;b&gt;&amp;&quot;c&apos;"))
        let parsed = try XMLCheck.parse(svg)
        #expect(parsed.texts.joined().contains(Self.name))

        let renderer = HTMLRenderer()
        let page = renderer.page(title: chart.title, body: renderer.render(.chart(chart)))
        #expect(!page.contains("<b>"))
        #expect(page.contains("A&lt;b&gt;&amp;&quot;c&apos;"))

        let json = JSONText.encode(chart.datum)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((decoded?["title"] as? String)?.hasPrefix(Self.name) == true)
    }

    @Test func controlCharactersCannotBreakTheXML() throws {
        let chart = Chart.dotPlot(title: "bell \u{07} and \u{1B}[31m", caption: "tab\tnewline\n", names: ["x\u{0}y", "z"], values: [1, 2],
                                  median: 1.5, axis: .fixed("v", 0...2, step: 1), highlight: nil)
        let parsed = try XMLCheck.parse(SVGRenderer().render(chart))
        #expect(parsed.root == "svg")
    }
}
