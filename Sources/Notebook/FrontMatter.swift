import Charts
import Script

/// The YAML block at the top of a notebook, between `---` lines: `title`, `subtitle`, `author`,
/// `date`, `seed` (the seed of every function called without `seed:`), `lang` (`en` or `de`:
/// how numbers, dates, the shipped framework's names and chart words read), `layout` and
/// `params`, names with default values that every cell sees and that `--param name=value`
/// overrides (as Quarto's parameterised reports), so that one notebook serves every region.
/// Title and subtitle may hold inline values (`{{ region }}`).
public struct FrontMatter: Sendable {
    public var title: String?
    public var subtitle: String?
    public var author: String?
    /// As written; `today` is the date of the run.
    public var date: String?
    public var seed: Int?
    public var language = Language.english
    public var layout = Layout.article
    /// Where the title and the subtitle are written: the line and column of the text.
    var places: [String: (line: Int, column: Int)] = [:]
    /// In the order written, each with the line it is on.
    public var params: [Param] = []

    public struct Param: Sendable {
        public var name: String
        public var value: Value
        public var line: Int
        public var column: Int
    }

    /// How the page is laid out for print.
    public enum Layout: String, Sendable, CaseIterable {
        /// One flowing A4 page (the default).
        case article
        /// A report: a cover page, each chapter (`##`) on a new page, the title and page numbers
        /// in a running header and footer.
        case report
        /// Slides: landscape A4 pages, each `##` section one slide, a title slide first.
        case slides
    }

    public static let keys = ["title", "subtitle", "author", "date", "seed", "lang", "layout", "params"]

    public init() {}
}
