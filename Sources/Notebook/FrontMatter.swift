import Script

/// The YAML block at the top of a notebook, between `---` lines: `title`, `author`, `date`,
/// `seed` (the seed of every function called without `seed:`) and `params`, names with default
/// values that every cell sees and that `--param name=value` overrides (as Quarto's
/// parameterised reports), so that one notebook serves every region.
public struct FrontMatter: Sendable {
    public var title: String?
    public var author: String?
    /// As written; `today` is the date of the run.
    public var date: String?
    public var seed: Int?
    /// In the order written, each with the line it is on.
    public var params: [Param] = []

    public struct Param: Sendable {
        public var name: String
        public var value: Value
        public var line: Int
        public var column: Int
    }

    public static let keys = ["title", "author", "date", "seed", "params"]

    public init() {}
}
