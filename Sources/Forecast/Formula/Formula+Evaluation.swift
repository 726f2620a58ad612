extension Formula {
  /// Evaluates the formula over `table`, keeping the rows where the response and every term
  /// have finite values.
  ///
  /// With a `year` column, lag(x, k) in the row of year t reads x in the row of year t - k and
  /// diff(x) is x(t) - x(t - 1), whatever the row order; without one they work by row position.
  ///
  /// - Throws: `FormulaError` for a name that is not a column (with the nearest columns), a
  ///   text column used as a number, or a repeated year when lag or diff is used.
  public func modelFrame(on table: DataTable) throws(FormulaError) -> ModelFrame {
    let evaluator = try FormulaEvaluator(formula: source, table: table, needsLag: usesLag)
    let responseColumn = try evaluator.evaluate(response)
    let columns = try designColumns(evaluator)
    var rows: [Int] = []
    var droppedForMissing = 0
    var droppedForDomain = 0
    for row in 0..<table.rowCount {
      let status = columns.reduce(responseColumn.status[row]) { max($0, $1.status[row]) }
      switch status {
      case .valid: rows.append(row)
      case .missing: droppedForMissing += 1
      case .outsideDomain: droppedForDomain += 1
      }
    }
    return ModelFrame(
      responseName: responseName, termNames: termNames, hasIntercept: hasIntercept,
      response: rows.map { responseColumn.values[$0] },
      design: design(columns, rows: rows), rows: rows, droppedForMissing: droppedForMissing,
      droppedForDomain: droppedForDomain, transform: transform)
  }

  /// The design matrix at the given 0-based rows of `table`, for predictions.
  ///
  /// The response is not read. Lags still look back through the whole table.
  ///
  /// - Throws: `FormulaError.nonFiniteRegressor` naming the first requested row (1-based data
  ///   row) and term without a finite value, or the errors of `modelFrame(on:)`.
  public func designMatrix(on table: DataTable, rows: [Int]) throws(FormulaError) -> Matrix {
    for row in rows {
      precondition(
        (0..<table.rowCount).contains(row),
        "designMatrix: row \(row) of a table with \(table.rowCount) rows")
    }
    let evaluator = try FormulaEvaluator(
      formula: source, table: table, needsLag: terms.contains { $0.expression.usesLag })
    let columns = try designColumns(evaluator)
    let names = terms.flatMap(\.columnNames)
    for row in rows {
      for (column, name) in zip(columns, names) where column.status[row] != .valid {
        let year = evaluator.years.flatMap { Int(exactly: $0[row]) }
        throw .nonFiniteRegressor(
          formula: source, source: table.source, term: name, row: row + 1, year: year,
          cause: column.status[row] == .missing ? .missing : .outsideDomain)
      }
    }
    return design(columns, rows: rows)
  }

  /// Whether any part of the formula reads earlier years.
  private var usesLag: Bool { response.usesLag || terms.contains { $0.expression.usesLag } }

  private func designColumns(
    _ evaluator: FormulaEvaluator
  ) throws(FormulaError) -> [FormulaEvaluator.Column] {
    var columns: [FormulaEvaluator.Column] = []
    for term in terms { columns += try evaluator.columns(of: term) }
    return columns
  }

  /// The column-major design over `rows`, with the column of ones first when there is one.
  private func design(_ columns: [FormulaEvaluator.Column], rows: [Int]) -> Matrix {
    var storage: [Double] = []
    storage.reserveCapacity(rows.count * (columns.count + 1))
    if hasIntercept { storage += repeatElement(1, count: rows.count) }
    for column in columns { storage += rows.map { column.values[$0] } }
    return Matrix(
      rows: rows.count, columns: columns.count + (hasIntercept ? 1 : 0), columnMajor: storage)
  }
}
