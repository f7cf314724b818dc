import Script

/// The order cells run in: a cell that uses a name runs after the cell that defines it; among
/// cells that are ready, the one earlier in the file first (Kahn's algorithm with the file
/// order as priority), so that a notebook written top to bottom runs top to bottom.
///
/// Each name is defined once: by one cell or by the front matter's `params`. A name defined
/// twice, or cells that need one another (a cycle), is an error that points at every place
/// involved. O(cells² + names) at most; notebooks have tens of cells.
public struct DependencyGraph: Sendable {
    /// Cell indices (into `notebook.cells`) in the order they run.
    public let order: [Int]
    /// For each cell, the cells whose names it uses, in the order of the file.
    public let upstream: [[Int]]
    /// For each cell, the parameters it uses.
    public let parameters: [[String]]

    public init(_ notebook: Notebook, parameters params: [FrontMatter.Param]) throws(NotebookError) {
        let cells = notebook.cells
        var definer = [String: Int]()
        var definedAt = [String: NotebookError.Location]()
        for param in params {
            definedAt[param.name] = notebook.location(line: param.line, column: param.column, length: param.name.count, label: "a parameter here")
        }
        for (index, cell) in cells.enumerated() {
            for definition in cell.names.definitions {
                let here = Self.location(of: definition, in: cell, notebook, label: "defined here")
                if let earlier = definedAt[definition.name] {
                    throw NotebookError("`\(definition.name)` is defined twice", at: [earlier, here],
                                        help: "a notebook defines each name once, so that its cells can run in any order; rename one, or change it in the cell that defines it")
                }
                definer[definition.name] = index
                definedAt[definition.name] = here
            }
        }
        let paramNames = Set(params.map(\.name))
        var upstream = [[Int]](repeating: [], count: cells.count)
        var parameters = [[String]](repeating: [], count: cells.count)
        for (index, cell) in cells.enumerated() {
            for use in cell.names.uses {
                if let source = definer[use.name], source != index, !upstream[index].contains(source) { upstream[index].append(source) }
                if paramNames.contains(use.name) { parameters[index].append(use.name) }
            }
            upstream[index].sort()
        }
        var downstream = [[Int]](repeating: [], count: cells.count)
        var waiting = upstream.map(\.count)
        for (index, sources) in upstream.enumerated() { for source in sources { downstream[source].append(index) } }
        var ready = Set(cells.indices.filter { waiting[$0] == 0 })
        var order = [Int]()
        while let next = ready.min() {
            ready.remove(next)
            order.append(next)
            for user in downstream[next] {
                waiting[user] -= 1
                if waiting[user] == 0 { ready.insert(user) }
            }
        }
        if order.count < cells.count {
            throw Self.cycleError(among: Set(cells.indices).subtracting(order), upstream: upstream, definer: definer, notebook)
        }
        self.order = order
        self.upstream = upstream
        self.parameters = parameters
    }

    /// Every cell that depends on `cell`, directly or through others.
    public func dependants(of cell: Int) -> Set<Int> {
        var found = Set<Int>(), queue = [cell]
        while let next = queue.popLast() {
            for (index, sources) in upstream.enumerated() where sources.contains(next) && !found.contains(index) {
                found.insert(index)
                queue.append(index)
            }
        }
        return found
    }

    static func location(of occurrence: ScriptNames.Occurrence, in cell: Cell, _ notebook: Notebook, label: String) -> NotebookError.Location {
        let (line, column) = cell.source.lineAndColumn(of: occurrence.range.start)
        return notebook.location(line: line, column: column, length: occurrence.name.count, label: label)
    }

    /// One cycle among the cells left over, each step as the use and the definition it needs.
    private static func cycleError(among left: Set<Int>, upstream: [[Int]], definer: [String: Int], _ notebook: Notebook) -> NotebookError {
        let cells = notebook.cells
        // Walk backwards along edges inside the leftover set until a cell repeats.
        var path = [left.min()!]
        while true {
            let next = upstream[path.last!].first { left.contains($0) }!
            if let start = path.firstIndex(of: next) {
                path = Array(path[start...]).reversed()
                break
            }
            path.append(next)
        }
        var locations = [NotebookError.Location](), steps = [String]()
        for (position, index) in path.enumerated() {
            let user = path[(position + 1) % path.count]
            let use = cells[user].names.uses.first { definer[$0.name] == index }!
            let definition = cells[index].names.definitions.first { $0.name == use.name }!
            locations.append(location(of: definition, in: cells[index], notebook, label: "`\(use.name)` defined in cell `\(cells[index].id)`"))
            locations.append(location(of: use, in: cells[user], notebook, label: "used in cell `\(cells[user].id)`"))
            steps.append("`\(cells[user].id)` uses `\(use.name)` from `\(cells[index].id)`")
        }
        return NotebookError("cells need one another in a cycle, so none of them can run first: " + steps.joined(separator: ", "), at: locations,
                             help: "move the computation that both need into a cell of its own")
    }
}
