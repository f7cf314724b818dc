import SnapshotTesting
import Stats
import Testing
@testable import Charts

@Suite("The display model: tables, fields, text and charts in the terminal, HTML and JSON")
struct PresentationTests {
    static let table = DataTable(title: "scores (quantile type 7)", [
        .init("region", [.text("Nordtal"), .text("A<b>&\"c'")]),
        .init("value", [.number(1.5), .number(.nan)]),
        .init("90%", [.interval(1.25, 1.75), .number(.nan)], decimals: 2),
        .init("n", [.number(12), .number(3)]),
    ])

    static let block = Block.stack([
        .text("a note"),
        .table(table),
        .fields(FieldList(title: "boxplot statistics", [("n", .text("11")), ("inner", .nested(FieldList([("q1", .text("3.5"))])))])),
        .chart(Chart.bars(title: "Bars", caption: "A caption.", region: "Nordtal",
                          rows: [BarRow("DEV", value: 1.5, q1: 1, median: 2, q3: 2.5), BarRow("COA", value: .nan, q1: 1.2, median: 1.8, q3: 2.2)],
                          axis: .fixed("composite", 0...4, step: 0.5))),
    ])

    @Test func tablesAlignTextLeftAndNumbersRightWithTheColumnsDecimals() {
        let text = TerminalRenderer().render(Self.table)
        #expect(text == """
            scores (quantile type 7)
            region      value           90%   n
            Nordtal      1.50  [1.25, 1.75]  12
            A<b>&"c'  missing       missing   3
            """)
        let german = TerminalRenderer(numbers: NumberFormat(decimalSeparator: ",", missing: "fehlt")).render(Self.table)
        #expect(german.contains("Nordtal    1,50  [1,25; 1,75]  12\nA<b>&\"c'  fehlt         fehlt   3"))
    }

    @Test func htmlOfEveryBlock() {
        let renderer = HTMLRenderer()
        let html = renderer.page(title: "A <test>", body: renderer.render(Self.block))
        assertSnapshot(of: html, as: Snapshotting(pathExtension: "html", diffing: .lines), named: "page")
        #expect(html.contains("<td class=\"num\">1.50</td>"))
        #expect(html.contains("A&lt;b&gt;&amp;&quot;c&apos;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<figcaption>A caption.</figcaption>"))
    }

    @Test func terminalOfEveryBlock() {
        assertSnapshot(of: TerminalRenderer(width: 60).render(Self.block), as: .lines, named: "stack")
    }

    @Test func barsFillEighthsOfACell() {
        var cells = [Int: Character]()
        TerminalChart.bar(from: 0, to: 2.5, fill: "█", eighths: TerminalStyle.leftEighths) { cells[$0] = $1 }
        #expect(cells == [0: "█", 1: "█", 2: "▌"])
        cells = [:]
        TerminalChart.bar(from: 0.5, to: 1.125, fill: "█", eighths: TerminalStyle.leftEighths) { cells[$0] = $1 }
        #expect(cells == [0: "▐", 1: "▏"])
        cells = [:]
        TerminalChart.bar(from: 0, to: 1.9, fill: "░", eighths: TerminalStyle.leftEighths) { cells[$0] = $1 }
        #expect(cells == [0: "░", 1: "░"])
    }

    @Test func axesSpanTheDataWithRsPrettyTicks() {
        let axis = Axis.spanning("x", [0.3, 3.7, .nan])
        #expect(axis.ticks == [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4])  // R: pretty(c(0.3, 3.7))
        #expect(axis.domain == 0...4)
        #expect(Axis.spanning("x", [5, 5]).ticks == [0, 5])  // R: pretty(5)
        #expect(Axis.fixed("v", 0...4, step: 0.5).ticks.count == 9)
        #expect(Axis("r", domain: 1...26, ticks: [], reversed: true).fraction(1) == 1)
    }

    @Test func colourScalesKeepTheSignAndOrder() {
        let diverging = ColourScale.diverging(-1...1, centre: 0)
        #expect(diverging.position(-0.5) == -0.5 && diverging.position(2) == 1)
        let sequential = ColourScale.sequential(0...8)
        #expect(sequential.position(2) == 0.25)
        #expect(SVGStyle.colour(1, on: diverging) == "#67001f" && SVGStyle.colour(0, on: diverging) == "#f7f7f7")
    }

    @Test func textIsMeasuredAndCutToFit() {
        let long = "Involvement of cluster initiatives during the development phase"
        let cut = TextMetrics.truncated(long, to: 150, size: 12)
        #expect(cut.hasSuffix("…") && TextMetrics.width(cut, size: 12) <= 150)
        #expect(TextMetrics.width("Île-de-France", size: 12) > TextMetrics.width("Ile", size: 12))
        #expect(TextMetrics.width("W", size: 12, bold: true) > TextMetrics.width("W", size: 12))
        #expect(TerminalText.truncated("Ostösterreich", to: 6) == "Ostös…")
        #expect(TerminalText.width("東京") == 4)
    }

    @Test func svgNumbersAndEscapes() {
        #expect(SVGDocument.number(12.345) == "12.35" || SVGDocument.number(12.345) == "12.34")
        #expect(SVGDocument.number(-0.001) == "0" && SVGDocument.number(3) == "3" && SVGDocument.number(-2.5) == "-2.5")
        #expect(SVGDocument.escaped("<a href=\"x\">'&'</a>\u{1}") == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\u{FFFD}")
    }
}
