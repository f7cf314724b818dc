import Foundation

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
        var lines = [header.map(Self.quoted).joined(separator: ",")]
        for (r, region) in regions.enumerated() {
            var cells = [region.id]
            if hasName { cells.append(region.name ?? "") }
            if hasCountry { cells.append(region.country ?? "") }
            if let year { cells.append(String(year)) }
            cells += variableValues[r].map(Self.number) + values[r].map(Self.number) + attributeValues[r]
            lines.append(cells.map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `csv()` to `path` atomically (a temporary file in the same folder, then a rename).
    /// An existing file is replaced only when `replace` is true.
    public func save(to path: String, replace: Bool = false) throws(PortfolioError) {
        if !replace && FileManager.default.fileExists(atPath: path) {
            throw PortfolioError("\(path) exists already", help: "choose another file, or pass replace: true to overwrite it")
        }
        do {
            try Data(csv().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PortfolioError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    private static func number(_ x: Double) -> String {
        if x.isNaN { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
