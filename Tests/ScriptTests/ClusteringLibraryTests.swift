import Foundation
import Testing
@testable import Script

/// The script functions for peers and clustering, against R (hclust, cutree, cophenetic,
/// cluster::silhouette, prcomp; values printed by R 4.2 and copied here) and by hand.
@Suite("Script functions for peers and clustering")
struct ClusteringLibraryTests {
    let demo = "p = portfolio(\"demo\"); "
    /// Seven points in the plane (R: y <- matrix(c(1,1, 1.5,2, 3,4, 5,7, 3.5,5, 4.5,5, 3.5,4.5), ncol = 2, byrow = TRUE)).
    let plane = "y = [[1, 1], [1.5, 2], [3, 4], [5, 7], [3.5, 5], [4.5, 5], [3.5, 4.5]]; "

    func numbers(_ text: String) -> [Double] {
        text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").compactMap { Double($0) }
    }

    @Test("hclust of four points on a line: heights, merge and order as R's hclust for all four methods")
    func line() throws {
        let expected: [(String, [Double])] = [("single", [1, 2, 4]), ("complete", [1, 3, 7]),
                                              ("average", [1, 2.5, 5.66666666666667]), ("ward", [1, 2.88675134594813, 6.94022093788567])]
        for (method, heights) in expected {
            let h = "h = hclust([[0], [1], [3], [7]], method: \"\(method)\"); "
            let got = numbers(try json(h + "h.height"))
            #expect(got.count == 3)
            for (a, b) in zip(got, heights) { #expect(abs(a - b) < 1e-12, "\(method)") }
            #expect(try json(h + "h.merge") == "[[-1,-2],[-3,1],[-4,2]]", "\(method)")
            #expect(try json(h + "h.order") == "[4,3,1,2]", "\(method)")
        }
        // cutree(hclust(dist(c(0, 1, 3, 7)), "single"), k = 2) and h = 1.5
        #expect(try json("cut(hclust([[0], [1], [3], [7]], method: \"single\"), k: 2)") == "{\"1\":1,\"2\":1,\"3\":1,\"4\":2}")
        #expect(try json("cut(hclust([[0], [1], [3], [7]], method: \"single\"), height: 1.5)") == "{\"1\":1,\"2\":1,\"3\":2,\"4\":3}")
    }

    @Test("hclust in the plane: Ward heights, merge, order and cophenetic correlation as R")
    func plane2D() throws {
        let heights = numbers(try json(plane + "hclust(y).height"))
        let r = [0.5, 1.04083299973307, 1.11803398874989, 1.55456317551480, 3.47131099154196, 7.55598154728141]
        #expect(heights.count == 6)
        for (a, b) in zip(heights, r) { #expect(abs(a - b) < 1e-12) }
        #expect(try json(plane + "hclust(y).merge") == "[[-5,-7],[-3,1],[-1,-2],[-6,2],[-4,4],[3,5]]")
        #expect(try json(plane + "hclust(y).order") == "[1,2,4,6,3,5,7]")
        // R: cor(cophenetic(hclust(dist(y), "complete")), dist(y)) = 0.8401761
        #expect(try json(plane + "abs(hclust(y, method: \"complete\").cophenetic - 0.8401761) < 1e-7") == "true")
        #expect(try json(plane + "cut(hclust(y, method: \"complete\"), k: 3)") == #"{"1":1,"2":1,"3":2,"4":3,"5":2,"6":2,"7":2}"#)
    }

    @Test("silhouette as R's cluster::silhouette, with a singleton cluster (width 0)")
    func silhouette() throws {
        let s = plane + "s = silhouette(y, [1, 1, 2, 2, 2, 3, 2]); "
        let widths = numbers(try json(s + "s.widths.width"))
        let r = [0.774530907, 0.709797377, -0.004118284, -0.314417495, -0.271497028, 0, -0.186407602]
        #expect(widths.count == 7)
        for (a, b) in zip(widths, r) { #expect(abs(a - b) < 1e-9) }
        #expect(try json(s + "abs(s.mean - 0.1011268) < 1e-7") == "true")
        #expect(try json(s + "s.clusters.size") == "[2,4,1]")
    }

    @Test("pca as R's prcomp(y, scale. = TRUE): standard deviations, loadings, shares summing to 1")
    func pca() throws {
        let sd = numbers(try json(plane + "pca(y).sdev"))
        #expect(abs(sd[0] - 1.4048475) < 1e-7 && abs(sd[1] - 0.1624917) < 1e-7)
        #expect(try json(plane + "l = pca(y).loadings; abs(l.PC1[1] - sqrt(0.5)) < 1e-12 and abs(abs(l.PC2[1]) - sqrt(0.5)) < 1e-12") == "true")
        #expect(try json(plane + "abs(sum(pca(y).explained.share) - 1) < 1e-12") == "true")
        #expect(try json(demo + "length(pca(p).coordinates.PC1)") == "26")
    }

    @Test("kmeans: the same seed gives the same clusters; the objective is the best restart's")
    func kmeans() throws {
        #expect(try json(demo + "compare_a = kmeans(p, k: 4, seed: 7).clusters; b = kmeans(p, k: 4, seed: 7).clusters; sum(abs(compare_a - b))") == "0")
        #expect(try json(demo + "k = kmeans(p, k: 4, restarts: 20, seed: 3); k.objective == min(k.restarts)") == "true")
        #expect(try json(demo + "sum(kmeans(p, k: 3).sizes)") == "26")
        // Two well-separated groups are found whatever the seed.
        let blobs = "x = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]]; "
        #expect(try json(blobs + "kmeans(x, k: 2, seed: 5).clusters") == #"{"1":1,"2":1,"3":1,"4":2,"5":2,"6":2}"#)
        let choice = try json(blobs + "kmeans(x, k: [2, 3])")
        #expect(choice.contains("\"k\":2") && choice.contains("\"silhouette\""))
        #expect(diagnostic(blobs + "kmeans(x, k: 7)")?.contains("from 1 to 6") == true)
    }

    @Test("peers and good_practice on the demo portfolio; peers on a table and on a matrix")
    func peers() throws {
        #expect(try json(demo + "peers(p, \"Nordtal\", k: 3).region") == "[\"Montecastro\",\"Norrvik\",\"Ribaverde\"]")
        #expect(try json(demo + "peers(p, \"Nordtal\", k: 25, exclude_country: true).country |> length") == "23")
        let practice = try json(demo + "good_practice(p, \"Nordtal\", k: 1).peer")
        #expect(practice == "[\"Hohenfeld\",\"Norrvik\",\"Montecastro\",\"Zuiderhaven\",\"Norrvik\",\"Sjöbacka\"]")
        #expect(try json("peers([[0, 0], [3, 4], [1, 1], [6, 8]], \"1\", k: 2, metric: \"euclidean\").distance") == "[1.4142135623730951,5]")
        #expect(diagnostic(demo + "peers(p, \"Nordtall\")")?.contains("did you mean") == true)
        #expect(diagnostic(demo + "peers(p, \"Nordtal\", metric: \"euclidian\")")?.contains("did you mean \"euclidean\"?") == true)
    }

    @Test("distance: the matrix is symmetric with a zero diagonal; Manhattan and cosine by hand")
    func distance() throws {
        #expect(try json("distance([[0, 0], [3, 4]], metric: \"manhattan\").matrix") == "[[0,7],[7,0]]")
        #expect(try json("distance([[1, 0], [0, 1], [2, 0]], metric: \"cosine\").values") == "[1,0,1]")
        #expect(try json(demo + "d = distance(p).matrix; d[2][5] == d[5][2] and d[3][3] == 0") == "true")
        #expect(try json("distance([[1, missing, 3], [1, 2, 5]]).shared") == "[[2,2],[2,3]]")
        // R's dist rescales a pair's sum to all variables: sqrt(3/2 * (0 + 4)).
        #expect(try json("abs(distance([[1, missing, 3], [1, 2, 5]], min_shared: 2).values[1] - sqrt(6)) < 1e-12") == "true")
    }

    @Test("Edge cases give errors or answers, never a crash: nearly equal rows, tiny inputs, misplaced arguments")
    func edgeCases() throws {
        // Squared distances of 1e-200 underflow to 0; k-means++ still finds the second row.
        #expect(try json("kmeans([[0], [1e-200]], k: 2).sizes") == "[1,1]")
        #expect(try json("peers([[1], [2], [3]], \"1\").region") == "[\"2\",\"3\"]")
        #expect(diagnostic("peers([[1], [2], [3]], \"1\", k: 3)")?.contains("from 1 to 2") == true)
        #expect(diagnostic("silhouette([[1], [2]], clusters: [1, 2])")?.contains("at least 3 items") == true)
        #expect(diagnostic("distance([[1, 2], [3, 4]], groups: [\"a\", \"b\"])")?.contains("balanced: true") == true)
        #expect(diagnostic(demo + "peers(p, \"Almgau\", balanced: true, weights: [1, 2])")?.contains("^^^^^^") == true)
        #expect(diagnostic("cut(hclust([[1], [2], [4]]))")?.contains("needs k:") == true)
        #expect(diagnostic("hclust([[1, 2], [3]])")?.contains("row 2") == true)
        #expect(diagnostic("distance([[1, missing], [2, missing], [3, missing]], metric: \"standardised\")")?.contains("has no values") == true)
        // A region shares with itself the variables it has.
        #expect(try json("distance([[1, missing], [2, 3], [4, 5]], min_shared: 1).shared") == "[[1,1,1],[1,2,2],[1,2,2]]")
    }
}
