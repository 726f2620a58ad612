extension CohortEngine {
  /// The matrices of the step from year `year − 1` into `year` (see `CohortEngine`).
  struct Step {
    /// A, n × n.
    var transition: Matrix
    /// b, the intakes that do not depend on the state, length n.
    var intakes: [Double]
    /// C, K × n: graduates of `year` from the state of `year − 1`.
    var graduation: Matrix
    /// W, K × n: dropouts of `year` from the state of `year − 1`.
    var dropout: Matrix
  }

  /// Builds A, b, C and W for the step into `year`. The only place that turns rates into
  /// matrix entries: per-path rates, when they come, scale these entries.
  func step(into year: Int) -> Step {
    precondition(
      year > startYear && year <= lastYear, "CohortEngine: no step into \(year)")
    let r = rates[year - startYear - 1]
    let tracks = system.tracks
    let n = system.stateSize
    var step = Step(
      transition: Matrix(rows: n, columns: n), intakes: [Double](repeating: 0, count: n),
      graduation: Matrix(rows: tracks.count, columns: n),
      dropout: Matrix(rows: tracks.count, columns: n))
    for (k, track) in tracks.enumerated() {
      let first = offsets[k]
      let last = first + track.duration - 1
      for j in 0..<(track.duration - 1) {
        let p = r.progression[k][j]
        step.transition[first + j + 1, first + j] = p
        step.dropout[k, first + j] = 1 - p
      }
      step.graduation[k, last] = r.completion[k]
      step.dropout[k, last] = 1 - r.completion[k]
      step.intakes[first] = r.exogenousIntake[k]
      if year > system.baseYear, let source = track.continuationSource {
        let sourceLast = offsets[source] + tracks[source].duration - 1
        step.transition[first, sourceLast] += r.continuationShare[k] * r.completion[source]
      }
    }
    return step
  }

  /// Runs the engine from `startYear` to baseYear + horizon on `paths` identical paths.
  ///
  /// Every year costs one `dgemm` for the state and a few more for the results (graduates,
  /// dropouts, intake and enrolment read off the state; continuing, new supply and supply by
  /// field from the graduates), none of them looping over paths.
  ///
  ///     continuing_k(t) = G_k(t) · cont_k(t)
  ///     N_k(t)          = G_k(t) · (1 − cont_k(t))
  ///     N_f(t)          = Σ_k N_k(t) · φ_k,f
  ///
  /// - Parameter paths: P ≥ 1, the number of columns of the state.
  /// - Returns: intake and enrolment for every simulated year, graduates and dropouts from the
  ///   second, continuing graduates and new supply (by track and by field) for the projection
  ///   years.
  public func run(paths: Int = 1) -> CohortProjection {
    precondition(paths >= 1, "CohortEngine: \(paths) paths")
    let tracks = system.tracks
    let k = tracks.count
    let n = system.stateSize
    // Read-outs of the state: first study year (intake) and the sum over study years.
    var intakeRows = Matrix(rows: k, columns: n)
    var enrolledRows = Matrix(rows: k, columns: n)
    for (index, track) in tracks.enumerated() {
      intakeRows[index, offsets[index]] = 1
      for j in 0..<track.duration { enrolledRows[index, offsets[index] + j] = 1 }
    }

    // Until a rate differs between paths, every path has the same state: one column does
    // for all of them, and the state is spread to P columns before the first step that
    // differs (PathSeries keeps those years as one shared column).
    let firstVarying = rates.indices.first { i in rates[i].pathProgression.indices.contains { rates[i].varies($0) } }
      .map { startYear + 1 + $0 }
    var state = Self.broadcast(
      tracks.indices.flatMap { index in
        [initialIntake[index]] + [Double](repeating: 0, count: tracks[index].duration - 1)
      }, paths: paths > 1 && (firstVarying ?? Int.max) > startYear ? 1 : paths)
    var intake = [Matrix]()
    var enrolled = [Matrix]()
    var graduates = [Matrix]()
    var dropouts = [Matrix]()
    var continuing = [Matrix]()
    var newSupply = [Matrix]()
    var bySupplyField = [Matrix]()

    for year in startYear...lastYear {
      intake.append(Self.product(intakeRows, state))
      enrolled.append(Self.product(enrolledRows, state))
      if year > system.baseYear, let yearGraduates = graduates.last {
        let (c, s, f) = supply(of: yearGraduates, year: year)
        continuing.append(c)
        newSupply.append(s)
        bySupplyField.append(f)
      }
      guard year < lastYear else { break }
      if state.columns != paths, let first = firstVarying, year + 1 >= first {
        state = Self.broadcast(state.storage, paths: paths)
      }
      let step = step(into: year + 1)
      var yearGraduates = Self.product(step.graduation, state)
      var yearDropouts = Self.product(step.dropout, state)
      var next = Self.broadcast(step.intakes, paths: state.columns)
      gemm(.none, step.transition, .none, state, beta: 1, into: &next)
      applyPathRates(
        into: year + 1, state: state, next: &next, graduates: &yearGraduates,
        dropouts: &yearDropouts)
      graduates.append(yearGraduates)
      dropouts.append(yearDropouts)
      state = next
    }

    let names = tracks.map(\.name)
    let all = startYear...lastYear
    let flows = (startYear + 1)...lastYear
    let projection = system.projectionYears
    return CohortProjection(
      baseYear: system.baseYear, startYear: startYear, paths: paths,
      intake: PathSeries(years: all, names: names, paths: paths, matrices: intake),
      enrolled: PathSeries(years: all, names: names, paths: paths, matrices: enrolled),
      graduates: PathSeries(years: flows, names: names, paths: paths, matrices: graduates),
      droppedOut: PathSeries(years: flows, names: names, paths: paths, matrices: dropouts),
      continuing: PathSeries(years: projection, names: names, paths: paths, matrices: continuing),
      newSupply: PathSeries(years: projection, names: names, paths: paths, matrices: newSupply),
      newSupplyByField: PathSeries(
        years: projection, names: fields, paths: paths, matrices: bySupplyField),
      finalState: state.columns == paths ? state : Self.broadcast(state.storage, paths: paths))
  }

  /// Recomputes, path by path, the rows of the step into `year` that a per-path rate touches:
  /// the state rows a varying progression, intake or continuation feeds, and the graduates and
  /// dropouts of a track with a varying rate. Rows with shared rates keep the product's values.
  private func applyPathRates(
    into year: Int, state: Matrix, next: inout Matrix, graduates: inout Matrix,
    dropouts: inout Matrix
  ) {
    let r = rates[year - startYear - 1]
    let tracks = system.tracks
    let paths = state.columns
    func at(_ values: [Double], _ p: Int) -> Double { values[values.count == 1 ? 0 : p] }
    for (k, track) in tracks.enumerated() where r.varies(k) || varyingSource(k, r) {
      let first = offsets[k]
      let last = first + track.duration - 1
      // Each rate as P values or one shared value, looked up once for all paths.
      let progression = (0..<(track.duration - 1)).map { j in
        r.pathProgression[k]?[j] ?? [r.progression[k][j]]
      }
      let completion = r.pathCompletion[k] ?? [r.completion[k]]
      let intake = r.pathIntake[k]
      let source = year > system.baseYear ? track.continuationSource : nil
      let share = r.pathShare[k] ?? [r.continuationShare[k]]
      let sourceCompletion = source.map { r.pathCompletion[$0] ?? [r.completion[$0]] } ?? []
      let sourceLast = source.map { offsets[$0] + tracks[$0].duration - 1 } ?? 0
      // Spans: bounds-checked like arrays, without a uniqueness check on every write.
      let n = state.rows
      let kk = graduates.rows
      let x = state.storage.span
      var out = next.storage.mutableSpan
      var g = graduates.storage.mutableSpan
      var w = dropouts.storage.mutableSpan
      for p in 0..<paths {
        let column = p &* n
        var dropped = 0.0
        for j in 0..<(track.duration - 1) {
          let rate = at(progression[j], p)
          out[column &+ first &+ j &+ 1] = rate * x[column &+ first &+ j]
          dropped += (1 - rate) * x[column &+ first &+ j]
        }
        let c = at(completion, p)
        g[p &* kk &+ k] = c * x[column &+ last]
        w[p &* kk &+ k] = dropped + (1 - c) * x[column &+ last]
        if let intake {
          out[column &+ first] = at(intake, p)
        } else if source != nil {
          out[column &+ first] = at(share, p) * at(sourceCompletion, p) * x[column &+ sourceLast]
        }
      }
    }
  }

  /// Whether track k continues a track whose completion varies between paths.
  private func varyingSource(_ k: Int, _ r: YearRates) -> Bool {
    guard let source = system.tracks[k].continuationSource else { return false }
    return r.pathCompletion[source] != nil
  }

  /// Continuing graduates, new supply by track and new supply by field from the graduates of a
  /// projection year, as products with diag(cont), diag(1 − cont) and φ · diag(1 − cont); with
  /// per-path continuation shares, cont differs by path and the first two are elementwise.
  private func supply(of graduates: Matrix, year: Int) -> (Matrix, Matrix, Matrix) {
    let r = rates[year - startYear - 1]
    if r.pathShare.contains(where: { $0 != nil }) {
      return pathSupply(of: graduates, rates: r)
    }
    let tracks = system.tracks
    let cont = Self.continuationTotals(
      tracks, shares: r.continuationShare)
    var continuingShare = Matrix(rows: tracks.count, columns: tracks.count)
    var leavingShare = Matrix(rows: tracks.count, columns: tracks.count)
    var fieldLeaving = fieldShares
    for k in tracks.indices {
      continuingShare[k, k] = cont[k]
      leavingShare[k, k] = 1 - cont[k]
      for f in fields.indices { fieldLeaving[f, k] *= 1 - cont[k] }
    }
    return (
      Self.product(continuingShare, graduates), Self.product(leavingShare, graduates),
      Self.product(fieldLeaving, graduates)
    )
  }

  /// `supply(of:year:)` when continuation shares differ between paths.
  private func pathSupply(of graduates: Matrix, rates r: YearRates) -> (Matrix, Matrix, Matrix) {
    let tracks = system.tracks
    let paths = graduates.columns
    var continuing = Matrix(rows: tracks.count, columns: paths)
    var leaving = Matrix(rows: tracks.count, columns: paths)
    let cont = Self.continuationTotals(
      tracks, shares: r.continuationShare, pathShares: r.pathShare, paths: paths)
    for p in 0..<paths {
      for k in tracks.indices {
        continuing[k, p] = graduates[k, p] * cont[k, p]
        leaving[k, p] = graduates[k, p] * (1 - cont[k, p])
      }
    }
    return (continuing, leaving, Self.product(fieldShares, leaving))
  }

  /// a · b as a new matrix (one `dgemm`).
  private static func product(_ a: Matrix, _ b: Matrix) -> Matrix { multiply(a, b) }

  /// The n × P matrix whose every column is `column`.
  private static func broadcast(_ column: [Double], paths: Int) -> Matrix {
    var storage = [Double]()
    storage.reserveCapacity(column.count * paths)
    for _ in 0..<paths { storage.append(contentsOf: column) }
    return Matrix(rows: column.count, columns: paths, columnMajor: storage)
  }
}
