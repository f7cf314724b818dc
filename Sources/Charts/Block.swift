import Stats

/// What a result shows, in one model for every output: the REPL draws it in the terminal
/// (`TerminalRenderer`), notebooks and reports write it as HTML (`HTMLRenderer`), charts also
/// stand alone as SVG (`SVGRenderer`), and its data is JSON.
public indirect enum Block: Sendable {
    /// Text for reading, shown as it is (line breaks kept).
    case text(String)
    /// Prose written in Markdown (`md("...")` in a notebook): rendered as prose in HTML,
    /// shown as its source text in a terminal.
    case markdown(String)
    case table(DataTable)
    case fields(FieldList)
    case chart(Chart)
    /// Several blocks, one after the other.
    case stack([Block])
}

/// Named columns of cells under an optional title that states what they are and by which
/// conventions they were computed. Numbers keep their values until they are drawn, so that
/// every renderer applies the one number policy (`NumberFormat`): a numeric column shows all
/// its values with the same decimals.
public struct DataTable: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        /// NaN = missing.
        case number(Double)
        /// A confidence or percentile interval, written `[low, high]`.
        case interval(Double, Double)
    }

    public struct Column: Sendable {
        public var name: String
        public var cells: [Cell]
        /// Fixed decimals for the column's numbers; nil: `NumberFormat.columnDecimals`.
        public var decimals: Int?

        public init(_ name: String, _ cells: [Cell], decimals: Int? = nil) {
            self.name = name
            self.cells = cells
            self.decimals = decimals
        }

        /// Numbers and intervals only: aligned right.
        public var isNumeric: Bool {
            cells.allSatisfy { if case .text = $0 { false } else { true } }
        }

        /// The decimals its numbers are shown with.
        public var shownDecimals: Int {
            decimals ?? NumberFormat.columnDecimals(cells.flatMap { cell -> [Double] in
                switch cell {
                case .number(let x): [x]
                case .interval(let a, let b): [a, b]
                case .text: []
                }
            })
        }

        /// Each cell as text under `numbers`.
        public func texts(_ numbers: NumberFormat) -> [String] {
            let d = shownDecimals
            return cells.map { cell in
                switch cell {
                case .text(let s): s
                case .number(let x): numbers.fixed(x, decimals: d)
                case .interval(let a, let b):
                    "[" + numbers.fixed(a, decimals: d) + (numbers.decimalSeparator == "," ? "; " : ", ") + numbers.fixed(b, decimals: d) + "]"
                }
            }
        }
    }

    public var title: String?
    public var columns: [Column]
    /// False for a table of name-value pairs that needs no header line.
    public var showsHeader: Bool

    public init(title: String? = nil, _ columns: [Column], showsHeader: Bool = true) {
        precondition(Set(columns.map(\.cells.count)).count <= 1, "columns of equal length")
        self.title = title
        self.columns = columns
        self.showsHeader = showsHeader
    }

    public var rowCount: Int { columns.first?.cells.count ?? 0 }
}

/// Named values under an optional title (a record: `boxstats`, `describe`), a value either
/// written out already or a nested list.
public struct FieldList: Sendable {
    public enum Value: Sendable {
        case text(String)
        case nested(FieldList)
    }

    public var title: String?
    public var fields: [(name: String, value: Value)]

    public init(title: String? = nil, _ fields: [(name: String, value: Value)]) {
        self.title = title
        self.fields = fields
    }
}
