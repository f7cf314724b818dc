/// A chart as a value: what it shows (kind, title, caption), its frame of coordinates with its
/// scales, the marks that stand for the data, and the legend that explains them. Charts compute
/// no statistics: whoever builds one passes the numbers a statistics function returned (a box
/// draws a `BoxplotStatistics`), so the picture and the numbers cannot disagree. The terminal
/// and the SVG renderer read the same value; its JSON (`datum`) is the model itself.
public struct Chart: Sendable {
    /// The kinds of chart the toolkit draws.
    public enum Kind: String, Sendable, CaseIterable {
        case benchmarkPanel = "benchmark panel"
        case boxplot
        case dotPlot = "dot plot"
        case bars
        case radar
        case histogram
        case lines
        case rankIntervals = "rank intervals"
        case sobolIndices = "Sobol' indices"
        case dendrogram
        case pcaMap = "PCA map"
        case heatmap
        case silhouette
    }

    public var kind: Kind
    public var title: String
    /// The conventions drawn (quantile type, whisker rule, number of regions, year, seed).
    public var caption: String
    public var frame: Frame
    /// In drawing order: later marks lie on top.
    public var marks: [Mark]
    public var legend: [LegendEntry]
    /// The columns to draw in, in a terminal; nil: the terminal's width.
    public var columns: Int?

    public init(kind: Kind, title: String, caption: String, frame: Frame, marks: [Mark], legend: [LegendEntry] = []) {
        self.kind = kind
        self.title = title
        self.caption = caption
        self.frame = frame
        self.marks = marks
        self.legend = legend
    }
}

/// The coordinate system of a chart and its scales.
public enum Frame: Sendable {
    /// Categories down the page, one row each (y = the row's index from 0; marks may sit
    /// between rows, as a dendrogram's joins), a linear scale across.
    case rows([Row], x: Axis)
    /// Two linear scales.
    case plane(x: Axis, y: Axis)
    /// One spoke per category around a circle, clockwise from the top, with a common radial
    /// scale (x = the spoke's index, y = the value).
    case radar(spokes: [String], r: Axis)
    /// A matrix of cells, its values coloured on `colours`.
    case matrix(rows: [String], columns: [String], colours: ColourScale)
}

/// A row of a `rows` frame.
public struct Row: Sendable {
    public enum Kind: String, Sendable {
        /// A row of marks.
        case data
        /// A row of marks that summarises the rows under it (a dimension's composite).
        case emphasised
        /// The heading of the rows that follow; it holds no marks.
        case header
    }

    /// The short label (a code, a region's name).
    public var label: String
    /// A longer description shown where there is room (an indicator's full name).
    public var detail: String?
    public var kind: Kind
    /// A value written at the row's right end (the highlighted region's value).
    public var annotation: Double?

    public init(_ label: String, detail: String? = nil, kind: Kind = .data, annotation: Double? = nil) {
        self.label = label
        self.detail = detail
        self.kind = kind
        self.annotation = annotation
    }
}

/// A linear scale with its ticks and title.
public struct Axis: Sendable {
    public var title: String
    public var domain: ClosedRange<Double>
    public var ticks: [Double]
    /// Larger values to the left (or down): a rank axis with 1 = best on the right is not
    /// reversed; one with the best at the top of a plane is.
    public var reversed: Bool

    public init(_ title: String, domain: ClosedRange<Double>, ticks: [Double], reversed: Bool = false) {
        self.title = title
        self.domain = domain
        self.ticks = ticks
        self.reversed = reversed
    }

    /// The position of `x` from 0 (start) to 1 (end).
    public func fraction(_ x: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let f = span > 0 ? (x - domain.lowerBound) / span : 0.5
        return reversed ? 1 - f : f
    }
}

/// How a matrix's values map to colours: `diverging` around a centre (correlations: -1 blue,
/// 0 white, 1 red), `sequential` from light to dark (distances).
public enum ColourScale: Sendable {
    case diverging(ClosedRange<Double>, centre: Double)
    case sequential(ClosedRange<Double>)

    public var domain: ClosedRange<Double> {
        switch self {
        case .diverging(let d, _), .sequential(let d): d
        }
    }

    /// -1...1 for diverging scales (the sign is the side of the centre), 0...1 for sequential.
    public func position(_ value: Double) -> Double {
        switch self {
        case .diverging(let d, let centre):
            if value >= centre {
                let span = d.upperBound - centre
                return span > 0 ? min(1, (value - centre) / span) : 0
            }
            let span = centre - d.lowerBound
            return span > 0 ? -min(1, (centre - value) / span) : 0
        case .sequential(let d):
            let span = d.upperBound - d.lowerBound
            return span > 0 ? max(0, min(1, (value - d.lowerBound) / span)) : 0
        }
    }
}
