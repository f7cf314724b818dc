extension Portfolio {
    /// The portfolio's wave as CSV in the format `parse` reads: `region`, `name` and `country`
    /// when any region has one, `year` when the wave has one, the structural variables, the
    /// indicators, the attributes. Numbers in shortest round-trip form, so that reading the file
    /// back gives the same values; missing values as empty cells; LF line ends.
    public func csv() -> String {
        let hasName = regions.contains { $0.name != nil }, hasCountry = regions.contains { $0.country != nil }
        var header = ["region"]
        if hasName { header.append("name") }
        if hasCountry { header.append("country") }
        if year != nil { header.append("year") }
        header += variables + framework.indicators.map(\.id) + attributes
        var rows = [[String]]()
        for (r, region) in regions.enumerated() {
            var cells = [region.id]
            if hasName { cells.append(region.name ?? "") }
            if hasCountry { cells.append(region.country ?? "") }
            if let year { cells.append(String(year)) }
            cells += variableValues[r].map(CSVWriter.number) + values[r].map(CSVWriter.number) + attributeValues[r]
            rows.append(cells)
        }
        return CSVWriter.document(header: header, rows: rows)
    }

    /// Writes `csv()` to `path` atomically (a temporary file in the same folder, then a rename).
    /// An existing file is replaced only when `replace` is true.
    public func save(to path: String, replace: Bool = false) throws(PortfolioError) {
        try CSVWriter.write(csv(), to: path, replace: replace)
    }
}
