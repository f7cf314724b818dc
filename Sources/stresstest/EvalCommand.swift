import ArgumentParser
import Script

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate code and print the value of its last statement.",
        discussion: """
        With --json the value is printed as JSON: numbers (missing as null), strings, booleans, \
        vectors as arrays, records as objects.
        Example: stresstest eval --json 'boxstats([1,2,3,4,5,6,7,8,9,10,30])'
        """
    )

    @Flag(help: "Print the value as JSON.")
    var json = false

    @Argument(help: "The code, one or more statements separated by newlines or ;.")
    var code: String

    func run() throws {
        ProgressBar.install()
        let source = Source(name: "input", text: code)
        var last: Value?
        do {
            try Interpreter().run(source) { last = $0.value }
        } catch {
            ScriptOutput.printError(error.rendered(in: source))
            throw ExitCode(1)
        }
        guard let last else { return }
        ScriptOutput.print(json ? Format.json(last) : ScriptOutput.display(last))
    }
}
