/// The distance between two rows of a data matrix (`DistanceMatrix.between(rows:metric:)`),
/// each named after the scipy `pdist` metric it matches on complete data:
///
/// - `euclidean`: `sqrt(sum (x - y)^2)`, scipy `euclidean`, R `dist(method = "euclidean")`.
/// - `standardised`: Euclidean on columns divided by their standard deviation (n - 1), scipy
///   `seuclidean` with its default `V` (`np.var(X, axis=0, ddof=1)`).
/// - `manhattan`: `sum |x - y|`, scipy `cityblock`, R `dist(method = "manhattan")`.
/// - `cosine`: `1 - x.y / (|x| |y|)`, scipy `cosine` (the ratio clipped to [-1, 1] against
///   rounding, as scipy does).
/// - `mahalanobis`: `sqrt((x - y)' S^-1 (x - y))` with `S` the covariance of the rows (n - 1),
///   scipy `mahalanobis` with `VI = inv(np.cov(X.T))`.
public enum DistanceMetric: String, CaseIterable, Sendable {
    case euclidean, standardised, manhattan, cosine, mahalanobis
}
