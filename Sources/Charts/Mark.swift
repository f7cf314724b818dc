import Stats

/// One graphical mark in data coordinates, with the role that sets its look and, for a mark that
/// stands for data, its label and the values it stands for (shown on hover, read by screen
/// readers, written to JSON with the field names of the statistics functions).
public struct Mark: Sendable {
    public var geometry: Geometry
    public var role: Role
    /// The shape of a point.
    public var symbol: Symbol
    /// What the mark is ("I02", "Nordtal"); nil for a mark that only guides the eye.
    public var label: String?
    /// The values it stands for, by name (`q1`, `median`, `value`, `p05`, ...).
    public var data: [Datum.Field]
    /// True for a mark that shows the data of another mark again (a rank interval's median
    /// point): it has the same hover text, and the JSON lists the data once.
    public var repeatsData: Bool

    public init(_ geometry: Geometry, role: Role, symbol: Symbol = .circle, label: String? = nil, data: [Datum.Field] = [],
                repeatsData: Bool = false) {
        self.geometry = geometry
        self.role = role
        self.symbol = symbol
        self.label = label
        self.data = data
        self.repeatsData = repeatsData
    }

    /// Whether the mark stands for data (and gets a tooltip and a place in the JSON).
    public var isData: Bool { label != nil }
}

/// Where and what a mark draws, in the frame's coordinates (in a `rows` frame y is a row index,
/// in a `radar` frame x is a spoke index and y the value, in a `matrix` frame cells are indexed).
public enum Geometry: Sendable {
    /// A horizontal box and whiskers on row `row`, from the statistics as they are: the box
    /// from Q1 to Q3, the median, the whiskers to `lowerWhisker` and `upperWhisker`. Outliers
    /// are point marks of their own, so each can carry its region's name.
    case box(row: Double, BoxplotStatistics)
    case point(x: Double, y: Double)
    case segment(x1: Double, y1: Double, x2: Double, y2: Double)
    /// A filled rectangle: a bar, a band.
    case rect(x1: Double, y1: Double, x2: Double, y2: Double)
    /// A line through the points; closed, a polygon.
    case path([Point], closed: Bool)
    /// A text placed at a point (a region's name on a map); renderers leave it out where it
    /// would overlap another.
    case text(x: Double, y: Double, String)
    /// A cell of a `matrix` frame.
    case cell(row: Int, column: Int, value: Double)
}

/// A point in data coordinates.
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// What a mark means, which sets how it looks in every renderer: colour where there is colour,
/// and always a shape, line style or fill pattern, so that a chart reads in black and white.
public enum Role: Sendable, Hashable {
    /// The portfolio: its boxes, its regions' dots and bars.
    case portfolio
    /// A summary of the rows under it: a dimension composite's box.
    case composite
    /// The region being looked at: its marker, line, polygon.
    case region
    /// A reference: the portfolio's median line, the nominal rank, a mean.
    case reference
    /// A range: the quartile band, an interval.
    case band
    /// A value beyond the whiskers.
    case outlier
    /// One of several groups (clusters, first-order and total indices), numbered from 0.
    case series(Int)
    /// A confidence or percentile interval drawn as whiskers with end caps.
    case interval
    /// A line that only guides the eye: a dendrogram's joins above the cut, a radar's spokes.
    case guide

    /// The name in JSON.
    public var name: String {
        switch self {
        case .portfolio: "portfolio"
        case .composite: "composite"
        case .region: "region"
        case .reference: "reference"
        case .band: "band"
        case .outlier: "outlier"
        case .series(let i): "series \(i + 1)"
        case .interval: "interval"
        case .guide: "guide"
        }
    }
}

/// The shape of a point mark.
public enum Symbol: String, Sendable, CaseIterable {
    case circle, openCircle = "open circle", diamond, square, triangle, cross, star, tick

    /// The shape of series `i`: distinct shapes for the first seven, then again.
    public static func series(_ i: Int) -> Symbol {
        let shapes: [Symbol] = [.circle, .triangle, .square, .diamond, .cross, .star, .openCircle]
        return shapes[i % shapes.count]
    }
}

/// An entry of a legend: a sample drawn as the marks of `role` are, and what it means.
public struct LegendEntry: Sendable {
    public enum Sample: Sendable {
        case box
        case whiskers
        case point(Symbol)
        case line
        case bar
    }

    public var sample: Sample
    public var role: Role
    public var text: String

    public init(_ sample: Sample, role: Role, _ text: String) {
        self.sample = sample
        self.role = role
        self.text = text
    }
}
