@testable import Script

/// Runs `code` in a fresh interpreter and returns the value of its last statement.
func evaluate(_ code: String) throws -> Value {
    var last = Value.missing
    try Interpreter().run(Source(name: "input", text: code)) { last = $0.value }
    return last
}

/// The JSON of the last value, for compact assertions.
func json(_ code: String) throws -> String {
    Format.json(try evaluate(code))
}

/// The rendered diagnostic of code that must fail.
func diagnostic(_ code: String) -> String? {
    let source = Source(name: "input", text: code)
    do {
        try Interpreter().run(source)
        return nil
    } catch {
        return error.rendered(in: source)
    }
}
