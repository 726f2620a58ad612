import Foundation

/// A regression asked for from the command line or a script: a CSV file, a formula and options.
/// `run()` reads, fits and predicts; the result renders in any output format.
public struct FitRequest: Sendable {
  /// Values of regressors at which to predict: one column name and its values.
  public struct PredictionInput: Sendable, Equatable {
    public let column: String
    public let values: [Double]

    public init(column: String, values: [Double]) {
      self.column = column
      self.values = values
    }

    /// Parses `COLUMN=V1,V2,...` (also a range `A:B:STEP`, inclusive, as in `year=2026:2030:1`).
    public init(parsing text: String) throws(FitError) {
      guard let equals = text.firstIndex(of: "=") else {
        throw .badPrediction(text, "expected COLUMN=V1,V2,... (for example year=2026,2027)")
      }
      let column = text[..<equals].trimmingCharacters(in: .whitespaces)
      let list = text[text.index(after: equals)...]
      guard !column.isEmpty else { throw .badPrediction(text, "the column name is empty") }
      var values = [Double]()
      for item in list.split(separator: ",", omittingEmptySubsequences: false) {
        let parts = item.split(separator: ":", omittingEmptySubsequences: false)
          .map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap(Double.init)
        guard numbers.count == parts.count, numbers.allSatisfy(\.isFinite) else {
          throw .badPrediction(text, "'\(item)' is not a number or a range A:B:STEP")
        }
        switch numbers.count {
        case 1:
          values.append(numbers[0])
        case 3 where numbers[2] > 0 && numbers[1] >= numbers[0]:
          // Counted as a Double first: (B − A) / STEP can overflow to infinity.
          let steps = ((numbers[1] - numbers[0]) / numbers[2] + 1e-9).rounded(.down)
          guard steps < 100_000 else { throw .badPrediction(text, "the range has over 100,000 values") }
          let count = Int(steps) + 1
          values.append(contentsOf: (0..<count).map { numbers[0] + Double($0) * numbers[2] })
        default:
          throw .badPrediction(text, "'\(item)' is not a number or a range A:B:STEP with A ≤ B, STEP > 0")
        }
      }
      self.init(column: column, values: values)
    }
  }

  public var dataPath: String
  public var formula: String
  public var weightsColumn: String?
  public var covariance: CovarianceType
  public var strict: Bool
  public var predictions: [PredictionInput]
  public var level: Double
  public var rankTolerance: Double

  public init(
    dataPath: String, formula: String, weightsColumn: String? = nil,
    covariance: CovarianceType = .nonrobust, strict: Bool = false,
    predictions: [PredictionInput] = [], level: Double = 0.95,
    rankTolerance: Double = LinearModel.defaultRankTolerance
  ) {
    self.dataPath = dataPath
    self.formula = formula
    self.weightsColumn = weightsColumn
    self.covariance = covariance
    self.strict = strict
    self.predictions = predictions
    self.level = level
    self.rankTolerance = rankTolerance
  }

  /// Reads the data, fits the model and evaluates the predictions.
  public func run() throws(FitError) -> RegressionReport {
    guard level > 0 && level < 1 else { throw .badLevel(level) }
    let table: DataTable
    do { table = try CSVReader.read(contentsOf: dataPath) } catch { throw .data(error) }
    return try run(on: table)
  }

  /// Fits on a table already in memory.
  public func run(on table: DataTable) throws(FitError) -> RegressionReport {
    let parsed: Formula
    let frame: ModelFrame
    do {
      parsed = try Formula(parsing: formula)
      frame = try parsed.modelFrame(on: table)
    } catch {
      throw .formula(error)
    }
    var design = frame.design
    var response = frame.response
    var rows = frame.rows
    var droppedForMissing = frame.droppedForMissing
    var weights: [Double]? = nil
    if let weightsColumn {
      guard let column = table.column(named: weightsColumn) else {
        throw .unknownWeights(weightsColumn, source: table.source, nearest: EditDistance.closest(to: weightsColumn, among: table.names, limit: 3))
      }
      guard case .numeric(let all) = column else {
        throw .textWeights(weightsColumn, source: table.source)
      }
      let usable = rows.indices.filter { !all[rows[$0]].isNaN }
      if usable.count < rows.count {
        droppedForMissing += rows.count - usable.count
        design = design.selectingRows(usable)
        response = usable.map { response[$0] }
        rows = usable.map { rows[$0] }
      }
      weights = rows.map { all[$0] }
    }
    guard !response.isEmpty else {
      throw .regression(.noObservations(dropped: droppedForMissing + frame.droppedForDomain))
    }
    let model = LinearModel(
      design: design, response: response, weights: weights, termNames: frame.termNames,
      responseName: frame.responseName, hasIntercept: frame.hasIntercept)
    var result: RegressionResult
    do {
      result = try model.fit(covariance: covariance, rankTolerance: rankTolerance, strict: strict)
    } catch {
      throw .regression(error)
    }
    var notes = [RegressionWarning]()
    if droppedForMissing > 0 { notes.append(.rowsDroppedForMissing(droppedForMissing)) }
    if frame.droppedForDomain > 0 { notes.append(.rowsDroppedForDomain(frame.droppedForDomain)) }

    let predictionRows = try predictionTable(table)
    var predicted = [Prediction]()
    if let (extended, newRows) = predictionRows {
      let x: Matrix
      do { x = try parsed.designMatrix(on: extended, rows: newRows) } catch { throw .formula(error) }
      predicted = result.predict(x, level: level)
    }
    return RegressionReport(
      formula: formula, source: table.source, result: result,
      rowsDroppedForMissing: droppedForMissing, rowsDroppedForDomain: frame.droppedForDomain,
      notes: notes, level: level, transform: frame.transform,
      predictionInputs: predictions, predictions: predicted)
  }

  /// The data table with one appended row per prediction, and the indices of those rows.
  private func predictionTable(_ table: DataTable) throws(FitError) -> (DataTable, [Int])? {
    guard !predictions.isEmpty else { return nil }
    let count = predictions.map(\.values.count).max() ?? 0
    for input in predictions {
      guard input.values.count == count || input.values.count == 1 else {
        throw .predictionLengths(column: input.column, count: input.values.count, expected: count)
      }
      guard let column = table.column(named: input.column) else {
        throw .unknownPredictionColumn(input.column, source: table.source, nearest: EditDistance.closest(to: input.column, among: table.names, limit: 3))
      }
      if case .text = column { throw .textPredictionColumn(input.column, source: table.source) }
    }
    var columns = table.columns
    for (j, name) in table.names.enumerated() {
      let given = predictions.last { $0.column == name }
      switch columns[j] {
      case .numeric(var values):
        for i in 0..<count {
          values.append(given.map { $0.values.count == 1 ? $0.values[0] : $0.values[i] } ?? .nan)
        }
        columns[j] = .numeric(values)
      case .text(var values, let first):
        values.append(contentsOf: [String](repeating: "", count: count))
        columns[j] = .text(values, firstText: first)
      }
    }
    let extended = DataTable(source: table.source, names: table.names, columns: columns)
    return (extended, Array(table.rowCount..<(table.rowCount + count)))
  }
}
