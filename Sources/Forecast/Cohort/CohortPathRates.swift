/// The rates of a track that differ between Monte Carlo paths, by year: P values each.
///
/// A rate missing here is the same on every path and is read from the track's own series. The
/// engine builds its matrices from the shared rates and recomputes, path by path, only the rows
/// that a varying rate touches (MODEL.md section 7: noise and per-path draws).
struct CohortPathRates: Sendable, Equatable {
  /// p_k,j(t) per path, by year: one array of P values per progression step.
  var progression: [Int: [[Double]]] = [:]
  /// c_k(t) per path, by year.
  var completion: [Int: [Double]] = [:]
  /// The exogenous intake I_k(t) per path, by projection year.
  var intake: [Int: [Double]] = [:]
  /// q_k(t) per path of a continuation track, by projection year.
  var continuationShare: [Int: [Double]] = [:]

  init() {}

  var isEmpty: Bool {
    progression.isEmpty && completion.isEmpty && intake.isEmpty && continuationShare.isEmpty
  }
}
