import Foundation
import Testing
@testable import StressTest

@Suite("Framework")
struct FrameworkTests {
    /// FRAMEWORK.md "Dimensions, determinants and indicators", typed by hand.
    static let dimensions: [(code: String, name: String)] = [
        ("DEV", "Development phase of S3"),
        ("COA", "Coordination & alignment"),
        ("IMP", "Implementation: clusters as a tool"),
        ("IMC", "Impact of S3 on cluster organisations"),
        ("MON", "Monitoring & evaluation"),
        ("POR", "Regional cluster portfolio"),
    ]

    static let indicators: [(id: String, dimension: String, name: String)] = [
        ("I01", "DEV", "Involvement of cluster initiatives during the development phase"),
        ("I02", "DEV", "Alignment of cluster strategies with S3"),
        ("I03", "DEV", "Clarity of roles and tasks of clusters given in S3"),
        ("I04", "COA", "Alignment of S3 implementation with national policy instruments"),
        ("I05", "COA", "Alignment of S3 implementation with neighbouring regions"),
        ("I06", "COA", "Cross-regional collaboration of clusters to gain critical mass"),
        ("I07", "IMP", "Use of cluster organisations as a tool to implement S3"),
        ("I08", "IMP", "Recognition of clusters as central stakeholders by policy makers"),
        ("I09", "IMP", "Availability of cluster support schemes aligned with S3"),
        ("I10", "IMP", "Continuity of funding for cluster organisations"),
        ("I11", "IMP", "Match between instruments demanded by clusters and instruments available"),
        ("I12", "IMC", "Adaptation of cluster activities to S3 priorities"),
        ("I13", "IMC", "New value chains and Transformative Activities initiated through clusters"),
        ("I14", "IMC", "Change in the innovation activities of cluster members attributed to S3"),
        ("I15", "MON", "Monitoring system covering the contribution of clusters to S3"),
        ("I16", "MON", "Use of monitoring results to adjust policy"),
        ("I17", "MON", "Evaluation of cluster organisations (benchmarking, labelling)"),
        ("I18", "POR", "Professionalism of cluster management"),
        ("I19", "POR", "Coverage of the S3 priority domains by the cluster portfolio"),
        ("I20", "POR", "Capability of cluster organisations to drive transformation"),
        ("I21", "POR", "Cooperation among the cluster organisations of the region"),
    ]

    static func parse(_ text: String) throws -> Framework {
        try Framework.parse(try CSVReader.parse(text, file: "framework.csv"))
    }

    /// The description of the errors of bad input ("" if it parses).
    static func errors(_ text: String) -> String {
        errorText { _ = try parse(text) }
    }

    /// A valid two-dimension framework; the tests break one row or column at a time.
    static let header = "level,code,name,parent,weight,determinant"
    static let valid = """
        \(header)
        dimension,A,Alpha,,1,
        dimension,B,Beta,,1,
        indicator,X1,First,A,1,Why
        indicator,X2,Second,A,0.5,"Why, again"
        indicator,Y1,Third,B,2,
        """

    // MARK: The shipped framework

    @Test func shippedFrameworkHasTheSixDimensionsOfFrameworkMD() {
        let framework = Framework.stressTest
        #expect(framework.dimensions.map(\.code) == Self.dimensions.map(\.code))
        #expect(framework.dimensions.map(\.name) == Self.dimensions.map(\.name))
        #expect(framework.dimensions.allSatisfy { $0.weight == 1 })
    }

    @Test func shippedFrameworkHasThe21IndicatorsInTheirDimensions() {
        let framework = Framework.stressTest
        #expect(framework.indicators.count == 21)
        #expect(framework.indicators.map(\.id) == Self.indicators.map(\.id))
        for expected in Self.indicators {
            let indicator = framework.indicator(expected.id)
            #expect(indicator?.dimension == expected.dimension, "\(expected.id)")
            #expect(indicator?.name == expected.name, "\(expected.id)")
            #expect(indicator?.weight == 1, "\(expected.id)")
            #expect(indicator?.determinant.isEmpty == false, "\(expected.id)")
        }
        #expect(Self.dimensions.map { framework.indicators(in: $0.code).count } == [3, 3, 5, 3, 3, 4])
        #expect(framework.indicator("I01")?.determinant == "Role of cluster organisations during development and design of S3")
        #expect(framework.indicator("I11")?.determinant == "Alignment of demand and availability of policy instruments")
        #expect(framework.indicator("I22") == nil)
        #expect(framework.indicators(in: "XYZ").isEmpty)
        #expect(framework.dimension("MON")?.name == "Monitoring & evaluation")
    }

    @Test func shippedFileIsFoundThroughDataFolder() throws {
        let url = try #require(ShippedData.url("framework.csv"))
        #expect(try Framework.load(path: url.path) == Framework.stressTest)
    }

    // MARK: Reading other frameworks

    @Test func readsAValidFrameworkWithWeightsAndDeterminants() throws {
        let framework = try Self.parse(Self.valid)
        #expect(framework.dimensions == [.init(code: "A", name: "Alpha"), .init(code: "B", name: "Beta")])
        #expect(framework.indicators == [
            .init(id: "X1", name: "First", dimension: "A", determinant: "Why", weight: 1),
            .init(id: "X2", name: "Second", dimension: "A", determinant: "Why, again", weight: 0.5),
            .init(id: "Y1", name: "Third", dimension: "B", determinant: "", weight: 2),
        ])
    }

    @Test func headersAreCaseInsensitiveInAnyOrderOptionalColumnsMayBeMissingAndOthersAreIgnored() throws {
        let framework = try Self.parse("""
            Name , PARENT,Code,Level,Notes
            First,A,X1,Indicator,some note
            Alpha,,A,DIMENSION,

            Second , A , X2 , indicator ,
            """)
        #expect(framework.dimensions.map(\.code) == ["A"])
        #expect(framework.indicators.map(\.id) == ["X1", "X2"])
        #expect(framework.indicators.map(\.name) == ["First", "Second"])
        #expect(framework.indicators.allSatisfy { $0.weight == 1 && $0.determinant.isEmpty && $0.dimension == "A" })
    }

    @Test func loadsFromAFileAndNamesTheFileInErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("FrameworkTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("mine.csv"), bad = folder.appendingPathComponent("bad.csv")
        try Self.valid.write(to: good, atomically: true, encoding: .utf8)
        try Self.valid.replacingOccurrences(of: "Third,B", with: "Third,C").write(to: bad, atomically: true, encoding: .utf8)
        #expect(try Framework.load(path: good.path).indicators.count == 3)
        #expect(throws: DataErrors.self) { try Framework.load(path: bad.path) }
        do {
            _ = try Framework.load(path: bad.path)
        } catch {
            #expect("\(error)".contains("bad.csv, row 6, column parent: \"C\""))
        }
    }

    // MARK: Located errors

    @Test func unknownLevelIsLocatedWithTheLevelsAllowed() {
        let text = Self.errors(Self.valid.replacingOccurrences(of: "indicator,Y1", with: "group,Y1"))
        // An unknown level name is a group above the dimensions; this one has no members.
        #expect(text.contains("framework.csv, row 6, column code: \"Y1\" is a group without members (its level is \"group\"; levels are indicator, dimension"))
        // The dimension B lost its only indicator, which is reported too.
        #expect(text.contains("row 3, column code: \"B\" is a dimension without indicators"))
        #expect(Self.errors(Self.valid.replacingOccurrences(of: "indicator,Y1", with: ",Y1")).contains("row 6, column level: has no level"))
    }

    @Test func missingAndMalformedCodesAreLocated() {
        #expect(Self.errors(Self.valid.replacingOccurrences(of: "X2,", with: ",")).contains("row 5, column code: has no code"))
        let text = Self.errors(Self.valid.replacingOccurrences(of: "X2,", with: "X 2,"))
        #expect(text.contains("row 5, column code: \"X 2\" is not a valid code"))
    }

    @Test func duplicateCodesNameBothRows() {
        let text = Self.errors(Self.valid.replacingOccurrences(of: "Y1,Third", with: "X1,Third"))
        #expect(text == "error: framework.csv, row 6, column code: \"X1\" is a duplicate code: row 4 has it already (allowed: a code used once in the file)")
        // Across levels too: an indicator may not reuse a dimension's code.
        #expect(Self.errors(Self.valid.replacingOccurrences(of: "Y1,Third", with: "B,Third")).contains("row 6, column code: \"B\" is a duplicate code: row 3"))
    }

    @Test func unknownParentSuggestsTheClosestDimension() {
        let text = Self.errors(Self.valid.replacingOccurrences(of: "Y1,Third,B", with: "Y1,Third,b"))
        #expect(text.contains("row 6, column parent: \"b\" is not a dimension of this framework; did you mean B?"))
        #expect(text.contains("(allowed: a dimension code: A, B)"))

        let shipped = try! String(contentsOf: ShippedData.url("framework.csv")!, encoding: .utf8)
        let typo = Self.errors(shipped.replacingOccurrences(of: "I07,Use of cluster organisations as a tool to implement S3,IMP",
                                                            with: "I07,Use of cluster organisations as a tool to implement S3,IPM"))
        #expect(typo.contains("row 14, column parent: \"IPM\" is not a dimension of this framework; did you mean IMP?"))

        let far = Self.errors(Self.valid.replacingOccurrences(of: "Y1,Third,B", with: "Y1,Third,Gamma"))
        #expect(far.contains("\"Gamma\" is not a dimension of this framework (allowed"))

        let indicatorAsParent = Self.errors(Self.valid.replacingOccurrences(of: "Y1,Third,B", with: "Y1,Third,X1"))
        #expect(indicatorAsParent.contains("row 6, column parent: \"X1\" is an indicator, not a dimension"))

        let noParent = Self.errors(Self.valid.replacingOccurrences(of: "Y1,Third,B", with: "Y1,Third,"))
        #expect(noParent.contains("row 6, column parent: has no parent"))

        let dimensionWithParent = Self.errors(Self.valid.replacingOccurrences(of: "B,Beta,,", with: "B,Beta,A,"))
        #expect(dimensionWithParent.contains("row 3, column parent: \"A\" is the parent of a dimension"))
    }

    @Test(arguments: ["-1", "abc", "nan", "inf", "1,5", "1.5.2"])
    func weightMustBeAFiniteNumberAtLeastZero(weight: String) {
        let text = Self.errors(Self.valid.replacingOccurrences(of: "Third,B,2,", with: "Third,B,\"\(weight)\","))
        #expect(text.contains("framework.csv, row 6, column weight: \"\(weight)\" is not a weight"), "\(text)")
        #expect(text.contains("a finite number >= 0"))
    }

    @Test func emptyWeightIsAnErrorWhenTheColumnExists() {
        let text = Self.errors(Self.valid.replacingOccurrences(of: "Third,B,2,", with: "Third,B,,"))
        #expect(text.contains("row 6, column weight: has no weight"))
    }

    @Test func zeroWeightsAreAllowedButNotForEveryIndicatorOfADimension() throws {
        #expect(try Self.parse(Self.valid.replacingOccurrences(of: "First,A,1", with: "First,A,0")).indicators[0].weight == 0)
        let text = Self.errors(Self.valid.replacingOccurrences(of: "Third,B,2", with: "Third,B,0"))
        #expect(text.contains("row 3, column code: \"B\" is a dimension whose indicators all have weight 0"))
    }

    @Test func dimensionWithoutIndicatorsIsLocated() {
        let text = Self.errors(Self.valid + "\ndimension,C,Gamma,,1,")
        #expect(text == "error: framework.csv, row 7, column code: \"C\" is a dimension without indicators (allowed: at least one indicator row with parent C)")
    }

    @Test func missingNameIsLocated() {
        #expect(Self.errors(Self.valid.replacingOccurrences(of: "Second", with: "")).contains("row 5, column name: has no name"))
    }

    @Test func missingColumnsAreNamedWithTheColumnsPresent() {
        let text = Self.errors("level,code,title\ndimension,A,Alpha")
        #expect(text.contains("framework.csv, row 1: the framework lacks the columns name, parent (found: level, code, title)"))
        #expect(text.contains("allowed: a header with level, code, name, parent"))
    }

    @Test func emptyFrameworkIsAnError() {
        #expect(Self.errors(Self.header).contains("has no dimensions and no indicators"))
    }

    @Test func allProblemsOfAFileAreReportedTogether() throws {
        do {
            _ = try Self.parse("""
                \(Self.header)
                dimension,A,Alpha,,1,
                index,B,Beta,,1,
                indicator,X1,First,A,-2,
                indicator,X1,Second,Q,1,
                """)
            Issue.record("expected errors")
        } catch let errors as DataErrors {
            // Row 3's unknown level makes B a group: without members, and then A needs it as parent.
            #expect(errors.issues.map(\.row) == [4, 5, 5, 2, 3])
            #expect(errors.issues.map(\.column) == ["weight", "code", "parent", "parent", "code"])
        }
    }

    @Test func codesAreIdentifiers() {
        #expect(Framework.isValidCode("I01") && Framework.isValidCode("dev_2"))
        #expect(!Framework.isValidCode("1A") && !Framework.isValidCode("A-B") && !Framework.isValidCode("Ä") && !Framework.isValidCode(""))
    }
}

@Suite("Framework: groups above the dimensions")
struct FrameworkGroupTests {
    @Test("Pillars and an index above the dimensions make a four-level composite")
    func deeperFramework() throws {
        let table = try CSVReader.parse("""
            level,code,name,parent,weight,direction
            index,TOT,Total,,1,
            pillar,P1,First pillar,TOT,2,
            pillar,P2,Second pillar,TOT,1,
            dimension,A,Alpha,P1,1,
            dimension,B,Beta,P1,1,
            dimension,C,Gamma,P2,1,
            indicator,X1,One,A,1,
            indicator,X2,Two,B,1,-1
            indicator,X3,Three,C,1,
            """, file: "deep.csv")
        let framework = try Framework.parse(table)
        #expect(framework.groups.map(\.level) == [2, 1, 1])
        #expect(framework.indicators.map(\.direction) == [1, -1, 1])
        let structure = framework.compositeStructure()
        #expect(structure.levels.map { $0.map(\.code) } == [["A", "B", "C"], ["P1", "P2"], ["TOT"]])
        let third: Double = 1.0 / 3
        #expect(structure.effectiveWeights[0].allSatisfy { abs($0 - third) < 1e-15 })
    }

    @Test("A dimension without its group, and a group one level too high, are located errors")
    func groupErrors() throws {
        let csv = """
            level,code,name,parent
            index,TOT,Total,
            pillar,P1,First pillar,TOT
            dimension,A,Alpha,P1
            dimension,B,Beta,
            indicator,X1,One,A
            indicator,X2,Two,B
            """
        let text = errorText { _ = try Framework.parse(try CSVReader.parse(csv, file: "deep.csv")) }
        #expect(text.contains("deep.csv, row 5, column parent: has no parent, but this framework has groups above its dimensions"))
    }
}
