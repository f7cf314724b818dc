/// The text of an SVG document, element by element: attribute values and text escaped for XML
/// (`&`, `<`, `>`, quotes), characters XML 1.0 forbids (control characters) replaced by U+FFFD,
/// coordinates to 0.01 pixel.
struct SVGDocument {
    private(set) var text = ""

    /// XML text or attribute value with every markup character escaped.
    static func escaped(_ string: String) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case let c where c.value < 0x20 || (0xFFFE...0xFFFF).contains(c.value) || (0x7F...0x9F).contains(c.value):
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate or length: rounded to 0.01, no trailing zeros.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let hundredths = Int((x * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, fraction = abs(hundredths) % 100
        if fraction == 0 { return hundredths == 0 ? "0" : sign + String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(whole) + "." + digits
    }

    /// Attributes as written: numbers as coordinates, strings escaped.
    enum Attribute {
        case number(Double)
        case text(String)
    }

    private static func attributes(_ pairs: KeyValuePairs<String, Attribute>) -> String {
        pairs.map { name, value in
            switch value {
            case .number(let x): " \(name)=\"\(number(x))\""
            case .text(let s): " \(name)=\"\(escaped(s))\""
            }
        }.joined()
    }

    /// `<name attributes/>`, or with a `<title>` child when `title` is given (a tooltip).
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, Attribute>, title: String? = nil) {
        text += "<" + name + Self.attributes(attributes)
        if let title {
            text += "><title>" + Self.escaped(title) + "</title></" + name + ">\n"
        } else {
            text += "/>\n"
        }
    }

    /// `<name attributes>` … `</name>` around what `content` writes.
    mutating func group(_ attributes: KeyValuePairs<String, Attribute> = [:], name: String = "g", title: String? = nil,
                        _ content: (inout SVGDocument) -> Void) {
        text += "<" + name + Self.attributes(attributes) + ">"
        if let title { text += "<title>" + Self.escaped(title) + "</title>" }
        text += "\n"
        content(&self)
        text += "</" + name + ">\n"
    }

    /// A text element: the string escaped, with an optional tooltip.
    mutating func label(_ string: String, x: Double, y: Double, size: Double, anchor: String = "start", bold: Bool = false,
                        colour: String = "#222", rotate: Double? = nil, title: String? = nil) {
        var attributes = " x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if colour != "#222" { attributes += " fill=\"\(colour)\"" }
        if let rotate { attributes += " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\"" }
        text += "<text" + attributes + ">"
        if let title { text += "<title>" + Self.escaped(title) + "</title>" }
        text += Self.escaped(string) + "</text>\n"
    }
}
