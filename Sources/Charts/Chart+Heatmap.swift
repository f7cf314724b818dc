import Stats

extension Chart {
    /// A heatmap of a matrix (correlations on a diverging scale, distances on a sequential one):
    /// one coloured cell per entry, its value written in it where there is room and given on hover.
    public static func heatmap(title: String, caption: String, rows: [String], columns: [String], values: [[Double]],
                               scale: ColourScale, valueName: String) -> Chart {
        var marks = [Mark]()
        for (r, row) in rows.enumerated() {
            for (c, column) in columns.enumerated() {
                marks.append(Mark(.cell(row: r, column: c, value: values[r][c]), role: .portfolio, label: "\(row) × \(column)",
                                  data: [.init("row", .text(row)), .init("column", .text(column)), .init(valueName, .number(values[r][c]))]))
            }
        }
        return Chart(kind: .heatmap, title: title, caption: caption, frame: .matrix(rows: rows, columns: columns, colours: scale),
                     marks: marks)
    }
}
