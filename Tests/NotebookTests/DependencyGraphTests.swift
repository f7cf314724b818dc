import Testing
@testable import Notebook
import Script

@Suite("Cells run in dependency order; a name is defined once; no cycles")
struct DependencyGraphTests {
    /// Cells of a small analysis whose dependencies form a DAG.
    static let cells = [
        "p = portfolio(\"demo\")",
        "m = median(p.I02)\nm",
        "fn gap(x) = max(x) - min(x)",
        "g = gap(p.I05)\ng",
        "both = [m, g]\nboth",
        "round(sum(both) * 100)",
        "seq(1, 3)",
    ]

    @Test(arguments: 0..<12)
    func shuffledCellsRunAfterTheCellsTheyUseAndGiveTheSameOutputs(seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed))
        let reference = try NotebookSession().run(try parse(notebookText(Self.cells)))
        let shuffled = Self.cells.shuffled(using: &generator)
        let notebook = try parse(notebookText(shuffled.enumerated().map { "#| id: c\(Self.cells.firstIndex(of: $1)!)\n" + $1 }))
        let run = try NotebookSession().run(notebook)
        #expect(run.errors.isEmpty)
        let position = Dictionary(uniqueKeysWithValues: run.order.enumerated().map { ($1, $0) })
        let graph = try DependencyGraph(notebook, parameters: [])
        for (index, sources) in graph.upstream.enumerated() {
            for source in sources {
                #expect(position[notebook.cells[source].id]! < position[notebook.cells[index].id]!)
            }
        }
        // The same outputs as the notebook in its written order, cell by cell.
        let expected = Dictionary(uniqueKeysWithValues: reference.results.enumerated().map { ("c\($0)", $1.outputs.map { Format.display($0) }) })
        for result in run.results {
            #expect(result.outputs.map { Format.display($0) } == expected[result.cell.id]!)
        }
    }

    @Test func readyCellsRunInTheOrderOfTheFile() throws {
        let run = try NotebookSession().run(try parse(notebookText(["b = a + 1", "c = 5", "a = 1", "d = b + c"])))
        #expect(run.order == ["cell-2", "cell-3", "cell-1", "cell-4"])
    }

    @Test func aNameDefinedInTwoCellsIsAnErrorAtBothPlaces() throws {
        let notebook = try parse(notebookText(["x = 1", "y = 2\n  x = 3"]))
        do {
            _ = try NotebookSession().run(notebook)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "`x` is defined twice")
            #expect(error.locations.map(\.description) == ["NB.md:2:1", "NB.md:9:3"])
            #expect(error.rendered.contains("9 |   x = 3\n  |   ^ defined here"))
        }
    }

    @Test func aCellCannotRedefineAParameter() throws {
        let notebook = try parse(notebookText(["region = \"Almgau\""], frontMatter: "params:\n  region: Nordtal"))
        do {
            _ = try NotebookSession().run(notebook)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "`region` is defined twice")
            #expect(error.locations.map(\.description) == ["NB.md:3:3", "NB.md:6:1"])
        }
    }

    @Test func aCycleIsAnErrorNamingEveryUseAndDefinition() throws {
        let notebook = try parse(notebookText(["#| id: first\na = b + 1", "#| id: second\nb = a * 2", "c = 1"]))
        do {
            _ = try NotebookSession().run(notebook)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("cells need one another in a cycle"))
            #expect(error.message.contains("`first` uses `b` from `second`"))
            #expect(error.message.contains("`second` uses `a` from `first`"))
            // Both definitions and both uses, as NB.md:line:column.
            #expect(Set(error.locations.map(\.description)) == ["NB.md:3:1", "NB.md:3:5", "NB.md:10:1", "NB.md:10:5"])
        }
    }

    @Test func dependantsAreFoundThroughOtherCells() throws {
        let notebook = try parse(notebookText(["a = 1", "b = a", "c = b", "d = 2", "e = d + a"]))
        let graph = try DependencyGraph(notebook, parameters: [])
        #expect(graph.dependants(of: 0) == [1, 2, 4])
        #expect(graph.dependants(of: 3) == [4])
        #expect(graph.dependants(of: 2).isEmpty)
    }
}

/// SplitMix64, for reproducible shuffles in tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
