/// A request a portfolio, its framework or a pipeline step cannot answer: an unknown region, a
/// setting out of range, data that do not allow the computation. `subject` says what to blame, as
/// a typed case carrying the region, variable, dimension, parameter or wave, so that a caller
/// points at the input that caused it (the script at the argument, a command at its option)
/// without reading the English of `message`.
public struct PortfolioError: Error, Sendable, CustomStringConvertible {
    public var subject: ErrorSubject
    public var message: String
    public var help: String?

    public init(_ message: String, about subject: ErrorSubject, help: String? = nil) {
        self.subject = subject
        self.message = message
        self.help = help
    }

    /// An interrupted computation (`WorkProgress.requestInterrupt()`, e.g. Ctrl-C).
    public static var interrupted: PortfolioError { PortfolioError("interrupted", about: .interrupted) }

    /// True when the computation was interrupted rather than wrong.
    public var isInterrupted: Bool { subject == .interrupted }

    public var description: String { message + (help.map { " (\($0))" } ?? "") }
}
