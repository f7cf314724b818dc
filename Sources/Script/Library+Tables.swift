import Stats
import StressTest

/// Tables as a tool: reading, converting domain results, reshaping and summarising.
extension Library {
    static let tables: [Builtin] = [
        Builtin(
            name: "table", parameters: [.init(name: "path")],
            help: "Reads a CSV file (comma or semicolon delimited) into a table: a column is numeric when most of its filled cells are numbers (an empty cell is missing; any other text in it is an error naming row and column), else text. For example the RCI 2022 structural indicators: t = table(\"rci2022_raw.csv\"), then peers(t, \"AT_C\")."
        ) { (args: inout Arguments) throws(ScriptError) -> Value in
            let path = try args.string("path")
            do throws(DataErrors) {
                let csv = try CSVReader.read(path: path, deferringRowProblems: true)
                let columns = try csv.typedColumns()
                let numeric = columns.filter { if case .numbers = $0.column { true } else { false } }.count
                return .table(Table(title: "\(path): \(csv.rows.count) rows, \(columns.count) columns (\(numeric) numeric)", columns.map { column in
                    switch column.column {
                    case .numbers(let xs): (column.name, xs.map(Value.number))
                    case .texts(let texts): (column.name, texts.map(Value.string))
                    }
                }))
            } catch {
                throw args.error("path", "the table cannot be read:\n" + error.lines.joined(separator: "\n"))
            }
        },
    ]
}
