/// What a user reads when `work` fails on bad input: the errors' description, or "" if it succeeds.
func errorText(_ work: () throws -> Void) -> String {
    do {
        try work()
        return ""
    } catch {
        return "\(error)"
    }
}
