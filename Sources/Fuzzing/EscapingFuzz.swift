import Charts
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Notebook

/// Text from the data (a region's name, a title, a table cell) in every markup the toolkit
/// writes: escaped for XML and HTML it holds no markup character and reads back as itself (with
/// the characters XML forbids replaced by U+FFFD); a chart's SVG with it in the title, the axis
/// and the labels is well-formed XML; an HTML table with it is too; as a CSS string it stays one
/// string.
enum EscapingFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let escaped = HTMLRenderer.escaped(text)
        FuzzCheck.require(!escaped.unicodeScalars.contains(where: { "<>\"'".unicodeScalars.contains($0) }), "markup left in \(escaped.debugDescription)")
        FuzzCheck.require(unescaped(escaped).unicodeScalars.elementsEqual(sanitised(text).unicodeScalars),
                          "escaping does not read back: \(escaped.debugDescription)")

        let chart = Chart.dotPlot(title: text, caption: text, names: [text, "b", text + "c"], values: [1, 2, 3], median: 2,
                                  axis: .fixed(text, 0...4, step: 1), highlight: text)
        let svg = SVGRenderer().render(chart)
        FuzzCheck.require(parses(svg), "the SVG is not well-formed XML for \(text.debugDescription)")

        let table = DataTable(title: text, [DataTable.Column(text, [.text(text), .number(1)]),
                                                     DataTable.Column("n", [.number(2), .text(text)])])
        let html = HTMLRenderer().render(.table(table))
        FuzzCheck.require(parses("<div>" + html + "</div>"), "the HTML table is not well-formed for \(text.debugDescription)")

        // Unicode scalars, not characters: a combining mark would join a quote to its neighbour.
        let css = Array(NotebookHTMLRenderer.cssString(text).unicodeScalars)
        FuzzCheck.require(css.count >= 2 && css.first == "\"" && css.last == "\"", "a CSS string without its quotes")
        var escaping = false
        for scalar in css.dropFirst().dropLast() {
            FuzzCheck.require(escaping || !(scalar == "\"" || scalar == "<" || scalar == ">" || scalar == "&" || scalar.value < 0x20),
                              "an unescaped \(scalar.debugDescription) in the CSS string \(String(String.UnicodeScalarView(css)).debugDescription)")
            escaping = !escaping && scalar == "\\"
        }
        FuzzCheck.require(!escaping, "a CSS string ending in a lone backslash")
    }

    /// The text as XML can hold it: forbidden characters (controls but tab and line breaks,
    /// U+FFFE, U+FFFF, C1 controls) replaced by U+FFFD.
    static func sanitised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let forbidden = (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
            out.append(forbidden ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// The five entities the escaping writes, replaced by their characters (scalar by scalar).
    static func unescaped(_ text: String) -> String {
        let entities: [(String, Unicode.Scalar)] = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'")]
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView(), i = 0
        while i < scalars.count {
            guard scalars[i] == "&" else {
                out.append(scalars[i])
                i += 1
                continue
            }
            guard let (entity, character) = entities.first(where: { entity, _ in
                scalars[i...].starts(with: entity.unicodeScalars)
            }) else {
                FuzzCheck.fail("a bare & in \(text.debugDescription)")
            }
            out.append(character)
            i += entity.unicodeScalars.count
        }
        return String(out)
    }

    static func parses(_ xml: String) -> Bool {
        XMLParser(data: Data(xml.utf8)).parse()
    }
}
