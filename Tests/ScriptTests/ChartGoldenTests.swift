import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SnapshotTesting
import Testing
@testable import Script
@testable import Charts

/// Every chart kind on the demo portfolio, drawn by both renderers and compared with the golden
/// files in `__Snapshots__` (terminal drawings at 60 and 120 columns, SVG at 720 pixels).
/// Review a changed SVG golden file as a picture, not only as text. To record anew, delete the
/// file and run the tests once (or set SNAPSHOT_TESTING_RECORD=all).
@Suite("Charts: golden files of both renderers")
struct ChartGoldenTests {
    /// One script per chart kind, on the demo portfolio `p`.
    static let charts: [(name: String, code: String)] = [
        ("panel", #"plot(benchmark(p, "Nordtal"))"#),
        ("boxplot", #"box(p, ["DEV", "I01", "I02", "I03"], highlight: "Nordtal")"#),
        ("dotplot", #"strip(p, "I02", highlight: "Nordtal")"#),
        ("bars", #"bars(p, "Nordtal")"#),
        ("radar", #"radar(p, "Nordtal")"#),
        ("histogram", #"hist(p.I02, highlight: "Nordtal")"#),
        ("lines", #"lines(portfolio("demo"), "Nordtal", "DEV")"#),
        ("rankintervals", #"plot(uncertainty(p, samples: 2000, seed: 1))"#),
        ("sobol", #"plot(sobol(p, n: 256, groups: "dimensions", seed: 3))"#),
        ("dendrogram", #"plot(hclust(p, method: "ward"), k: 3)"#),
        ("pcamap", #"plot(pca(p), clusters: kmeans(p, k: 3), highlight: "Nordtal")"#),
        ("heatmap", #"heatmap(p)"#),
        ("distances", #"plot(distance(p, on: "structure", metric: "standardised"))"#),
        ("silhouette", #"plot(kmeans(p, k: 3))"#),
    ]

    static func chart(_ code: String) throws -> Chart {
        guard case .object(let object as ChartObject) = try evaluate("p = portfolio(\"demo\")\n" + code) else {
            throw ChartTestError.notAChart(code)
        }
        return object.chart
    }

    @Test("terminal drawings at 60 and 120 columns", arguments: charts)
    func terminal(name: String, code: String) throws {
        let chart = try Self.chart(code)
        for width in [60, 120] {
            let text = TerminalRenderer(width: width).render(.chart(chart))
            assertSnapshot(of: text, as: .lines, named: "\(name)-\(width)", testName: "terminal")
            for line in text.split(separator: "\n") {
                #expect(TerminalText.width(String(line)) <= width, "\(name) at \(width): \(line)")
            }
            #expect(!text.contains("\u{1B}"), "no colour unless asked")
        }
    }

    @Test("SVG: golden file, valid XML, a title and a description", arguments: charts)
    func svg(name: String, code: String) throws {
        let chart = try Self.chart(code)
        let svg = SVGRenderer().render(chart)
        assertSnapshot(of: svg, as: .svg, named: name, testName: "svg")
        let parsed = try XMLCheck.parse(svg)
        #expect(parsed.root == "svg")
        #expect(parsed.rootAttributes["role"] == "img")
        // The SVG's own title, and one per mark that stands for data (its hover text).
        #expect(parsed.elements["title", default: 0] >= 1 + chart.marks.filter(\.isData).count)
        #expect(parsed.elements["desc"] == 1)
        Self.expectTextFitsAndNeverOverlaps(parsed, name: name)
    }

    /// Every upright text lies within the canvas, and no two overlap (measured as the renderer
    /// measures them, with DejaVu Sans's widths).
    static func expectTextFitsAndNeverOverlaps(_ svg: XMLCheck, name: String) {
        let width = Double(svg.rootAttributes["width"] ?? "") ?? 0
        var boxes = [(x: Double, y: Double, w: Double, h: Double, text: String)]()
        for text in svg.textElements where text.attributes["transform"] == nil {
            guard let x = Double(text.attributes["x"] ?? ""), let y = Double(text.attributes["y"] ?? ""),
                  let size = Double(text.attributes["font-size"] ?? "") else { continue }
            let w = TextMetrics.width(text.content, size: size, bold: text.attributes["font-weight"] == "bold")
            let left = switch text.attributes["text-anchor"] {
            case "middle": x - w / 2
            case "end": x - w
            default: x
            }
            #expect(left >= -0.5 && left + w <= width + 0.5, "\(name): `\(text.content)` leaves the canvas")
            boxes.append((left, y - size * 0.8, w, size * 0.95, text.content))
        }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5 {
                Issue.record("\(name): `\(a.text)` overlaps `\(b.text)`")
            }
        }
    }

    @Test func coloursOnlyWhenAsked() throws {
        let chart = try Self.chart(#"plot(benchmark(p, "Nordtal"))"#)
        let coloured = TerminalRenderer(width: 100, colour: true).render(.chart(chart))
        #expect(coloured.contains("\u{1B}[31;1m"))  // the region in red
        let plain = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(plain == TerminalRenderer(width: 100).render(.chart(chart)))
    }
}

enum ChartTestError: Error {
    case notAChart(String)
}

extension Snapshotting where Value == String, Format == String {
    /// A string stored as an .svg file, so that the golden file opens as a picture.
    static var svg: Snapshotting { Snapshotting(pathExtension: "svg", diffing: .lines) }
}

/// Parses XML with Foundation's parser and counts its elements.
final class XMLCheck: NSObject, XMLParserDelegate {
    var root: String?
    var rootAttributes: [String: String] = [:]
    var elements: [String: Int] = [:]
    var texts: [String] = []
    /// Each `<text>` element's attributes and characters (its `<title>` left out).
    var textElements: [(attributes: [String: String], content: String)] = []
    private var openText: [String: String]?
    private var inTitle = false

    static func parse(_ text: String) throws -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        guard parser.parse() else {
            throw XMLCheckError(message: parser.parserError.map { "\($0)" } ?? "not XML", line: parser.lineNumber)
        }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil {
            root = name
            rootAttributes = attributes
        }
        elements[name, default: 0] += 1
        if name == "text" { textElements.append((attributes, "")) ; openText = attributes }
        if name == "title" { inTitle = true }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { openText = nil }
        if name == "title" { inTitle = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        texts.append(string)
        if openText != nil && !inTitle { textElements[textElements.count - 1].content += string }
    }
}

struct XMLCheckError: Error, CustomStringConvertible {
    var message: String
    var line: Int
    var description: String { "line \(line): \(message)" }
}
