extension Portfolio {
    /// The pipeline steps whose values cannot be saved so that they read back: a treatment that
    /// changed values and any normalisation (their values leave the indicators' scale, and a
    /// normalisation also reverses the indicators of direction -1). Imputed values are on the
    /// indicators' scale and can be saved.
    public var unsavableSteps: [StepReport] {
        steps.filter { !($0.step == "imputation" || ($0.step == "treatment" && $0.changes.isEmpty)) }
    }

    /// What `csv()` leaves out or changes, one sentence each, for the user to read: the cautions
    /// of scored regions (`with`), the marks of imputed cells, waves a pipeline step dropped, and
    /// the wave a plain `portfolio(PATH)` would show instead of this one.
    public var unsavedState: [String] {
        var notes = [String]()
        let cautioned = regions.filter { cautions[$0.id] != nil }.map(\.label)
        if !cautioned.isEmpty {
            notes.append("the cautions of \(cautioned.joined(separator: ", ")) (small survey groups, unanswered indicators) are not saved: a portfolio file has no place for them; benchmark the scores with with(p, scores) again to see them")
        }
        let imputations = steps.filter { $0.step == "imputation" }
        if imputations.contains(where: { !$0.changes.isEmpty }) {
            let cells = imputations.reduce(0) { $0 + $1.changes.count }
            notes.append("the \(cells) imputed cell\(cells == 1 ? " is" : "s are") saved as plain values: read back, nothing marks \(cells == 1 ? "it" : "them") imputed and p.steps is empty")
        }
        let savedYears = Set(otherWaves.keys).union(year.map { [$0] } ?? [])
        let dropped = years.filter { !savedYears.contains($0) }
        if !dropped.isEmpty {
            notes.append("the wave\(dropped.count == 1 ? "" : "s") \(dropped.map(String.init).joined(separator: ", ")) \(dropped.count == 1 ? "is" : "are") not saved: the pipeline step dropped \(dropped.count == 1 ? "it" : "them")")
        }
        if let year, let latest = savedYears.max(), year != latest {
            notes.append("the file's latest wave is \(latest): read it back with year: \(year) to show the \(year) wave")
        }
        return notes
    }

    /// The portfolio as CSV in the format `parse` reads, every wave of it: `region`, `name` and
    /// `country` when any region has one, `year` when the portfolio has waves, the structural
    /// variables, the indicators (the values as read, on the indicators' scale), the attributes.
    /// The wave shown has one row per region (with the regions added by `with`); every other wave
    /// (`otherWaves`) one row per region of that wave, as read (`otherWaveRows`: the file's order,
    /// names, countries, structural variables and attributes of that wave). A portfolio made
    /// otherwise, without those rows, writes the regions of the wave shown first, then the
    /// others by id, with empty structural variables and attributes. Rows go by year, ascending. Numbers in shortest round-trip form, so that
    /// reading the file back gives the same values; missing values as empty cells; LF line ends.
    ///
    /// The values of a treated or normalised portfolio (`unsavableSteps`) are not on the
    /// indicators' scale and would not read back: `csv()` writes them all the same, `save`
    /// refuses them.
    public func csv() -> String {
        let hasName = regions.contains { $0.name != nil }, hasCountry = regions.contains { $0.country != nil }
        var header = ["region"]
        if hasName { header.append("name") }
        if hasCountry { header.append("country") }
        if year != nil { header.append("year") }
        header += variables + framework.indicators.map(\.id) + attributes
        func cells(_ region: Region, year: Int?, variables: [Double], values: [Double], attributes: [String]) -> [String] {
            var cells = [region.id]
            if hasName { cells.append(region.name ?? "") }
            if hasCountry { cells.append(region.country ?? "") }
            if let year { cells.append(String(year)) }
            return cells + variables.map(CSVWriter.number) + values.map(CSVWriter.number) + attributes
        }
        var rows = [[String]]()
        let waves = Set(otherWaves.keys).union(year.map { [$0] } ?? []).sorted()
        for wave in waves.isEmpty ? [nil] : waves.map(Optional.some) {
            if wave == year {
                for (r, region) in regions.enumerated() {
                    rows.append(cells(region, year: wave, variables: variableValues[r], values: values[r], attributes: attributeValues[r]))
                }
                continue
            }
            guard let wave, let rowsOfWave = otherWaves[wave] else { continue }
            // The rows as read, in the file's order; then any row without them (by id).
            let read = (otherWaveRows[wave] ?? []).filter {
                rowsOfWave[$0.region.id] != nil && $0.variables.count == variables.count && $0.attributes.count == attributes.count
            }
            for row in read {
                rows.append(cells(row.region, year: wave, variables: row.variables, values: rowsOfWave[row.region.id]!, attributes: row.attributes))
            }
            let written = Set(read.map(\.region.id))
            let known = regions.map(\.id).filter { rowsOfWave[$0] != nil && !written.contains($0) }
            let others = rowsOfWave.keys.filter { id in !written.contains(id) && !regions.contains { $0.id == id } }.sorted()
            for id in known + others {
                let region = regions.first { $0.id == id } ?? Region(id: id)
                rows.append(cells(region, year: wave, variables: variables.map { _ in .nan }, values: rowsOfWave[id]!,
                                  attributes: attributes.map { _ in "" }))
            }
        }
        return CSVWriter.document(header: header, rows: rows)
    }

    /// Writes `csv()` to `path` atomically (a temporary file in the same folder, then a rename),
    /// so that `load(path:framework:year:)` with this portfolio's framework and year reads the
    /// same portfolio back: every wave, the same values, the same change since the previous
    /// wave. Returns `unsavedState`, what the file leaves out. A treated or normalised
    /// portfolio (`unsavableSteps`) is an error: save the portfolio before those steps. An
    /// existing file is replaced only when `replace` is true.
    @discardableResult
    public func save(to path: String, replace: Bool = false) throws(PortfolioError) -> [String] {
        let unsavable = unsavableSteps
        if !unsavable.isEmpty {
            throw PortfolioError("the portfolio's values have been changed by \(unsavable.map { $0.summary }.joined(separator: "; ")): they are off the indicators' scale and would not read back as a portfolio",
                                 about: .data, help: "save the portfolio before the \(unsavable.map(\.step).joined(separator: " and ")), and repeat the step after reading it back")
        }
        try CSVWriter.write(csv(), to: path, replace: replace)
        return unsavedState
    }
}
