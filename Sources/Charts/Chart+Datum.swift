import Stats

extension Chart {
    /// The chart's model as data (its JSON): kind, title, caption, the frame's categories and
    /// scales, the legend, and every mark that stands for data with its role, label and values,
    /// named as the statistics functions name them (`q1`, `median`, `lower_whisker`, `p05`, ...).
    public var datum: Datum {
        var fields: [Datum.Field] = [.init("kind", .text(kind.rawValue)), .init("title", .text(title)), .init("caption", .text(caption))]
        switch frame {
        case .rows(let rows, let x):
            fields.append(.init("rows", .list(rows.map { row in
                var entry: [Datum.Field] = [.init("label", .text(row.label)), .init("kind", .text(row.kind.rawValue))]
                if let detail = row.detail { entry.append(.init("detail", .text(detail))) }
                if let annotation = row.annotation { entry.append(.init("annotation", .number(annotation))) }
                return .record(entry)
            })))
            fields.append(.init("x", x.datum))
        case .plane(let x, let y):
            fields.append(.init("x", x.datum))
            fields.append(.init("y", y.datum))
        case .radar(let spokes, let r):
            fields.append(.init("spokes", .texts(spokes)))
            fields.append(.init("r", r.datum))
        case .matrix(let rows, let columns, let colours):
            fields.append(.init("rows", .texts(rows)))
            fields.append(.init("columns", .texts(columns)))
            let scale: String
            switch colours {
            case .diverging: scale = "diverging"
            case .sequential: scale = "sequential"
            }
            fields.append(.init("colours", .record([.init("scale", .text(scale)),
                                                    .init("domain", .numbers([colours.domain.lowerBound, colours.domain.upperBound]))])))
        }
        fields.append(.init("legend", .list(legend.map { .record([.init("role", .text($0.role.name)), .init("text", .text($0.text))]) })))
        fields.append(.init("marks", .list(marks.filter { $0.isData && !$0.repeatsData }.map { mark in
            .record([.init("mark", .text(mark.geometry.name)), .init("role", .text(mark.role.name)), .init("label", .text(mark.label ?? ""))]
                    + mark.data)
        })))
        return .record(fields)
    }
}

extension Axis {
    var datum: Datum {
        .record([.init("title", .text(title)), .init("domain", .numbers([domain.lowerBound, domain.upperBound])),
                 .init("ticks", .numbers(ticks))])
    }
}

extension Geometry {
    /// The mark's kind in JSON.
    var name: String {
        switch self {
        case .box: "box"
        case .point: "point"
        case .segment: "segment"
        case .rect: "bar"
        case .path(_, let closed): closed ? "polygon" : "line"
        case .text: "text"
        case .cell: "cell"
        }
    }
}
