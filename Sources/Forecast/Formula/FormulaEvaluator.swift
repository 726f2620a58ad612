import Foundation

/// Evaluates formula expressions column by column over a data table, remembering for each row
/// whether a value is missing or outside a function's domain.
///
/// A row is *missing* when any raw value it reads (including the earlier years read by lag and
/// diff) is NaN or absent; otherwise it is *outside the domain* when any step produced a
/// non-finite number (log of 0, sqrt of a negative, logit outside (0, 1), division by 0).
/// Missing wins over domain, so a row is never counted twice.
struct FormulaEvaluator {
  /// The state of one evaluated value, ordered so that combining two takes the larger.
  enum Status: UInt8, Comparable, Sendable {
    case valid
    case outsideDomain
    case missing

    static func < (a: Status, b: Status) -> Bool { a.rawValue < b.rawValue }
  }

  /// An evaluated expression: a value and a status per table row (NaN where not valid).
  struct Column: Sendable {
    var values: [Double]
    var status: [Status]
  }

  private let formula: String
  private let table: DataTable
  /// The `year` column, when the table has one: lag and diff then work by year, not by row.
  let years: [Double]?
  private let rowOfYear: [Double: Int]

  /// - Parameter needsLag: whether the expressions use lag or diff, so that a text or repeated
  ///   `year` column is an error only when it matters.
  init(formula: String, table: DataTable, needsLag: Bool) throws(FormulaError) {
    self.formula = formula
    self.table = table
    switch table.column(named: "year") {
    case .numeric(let years):
      self.years = years
      var rowOfYear: [Double: Int] = [:]
      if needsLag {
        for (row, year) in years.enumerated() where !year.isNaN {
          if let earlier = rowOfYear[year] {
            throw .duplicateYear(
              formula: formula, source: table.source, year: year, rows: [earlier + 1, row + 1])
          }
          rowOfYear[year] = row
        }
      }
      self.rowOfYear = rowOfYear
    case .text(let values, let firstText) where needsLag:
      throw .textColumn(
        formula: formula, offset: nil, name: "year", source: table.source, row: firstText + 1,
        value: values[firstText])
    case .text, nil:
      self.years = nil
      self.rowOfYear = [:]
    }
  }

  /// The row holding the value `k` years (or, without a `year` column, rows) before `row`.
  private func row(_ k: Int, before row: Int) -> Int? {
    guard let years else { return row - k >= 0 ? row - k : nil }
    let year = years[row]
    guard !year.isNaN else { return nil }
    return rowOfYear[year - Double(k)]
  }

  /// Evaluates `expression` at every row of the table.
  func evaluate(_ expression: FormulaExpression) throws(FormulaError) -> Column {
    switch expression {
    case .number(let value):
      return Column(
        values: Array(repeating: value, count: table.rowCount),
        status: Array(repeating: value.isFinite ? .valid : .outsideDomain, count: table.rowCount))
    case .variable(let name, let offset):
      return try variable(name, offset: offset)
    case .negate(let operand):
      return map(try evaluate(operand)) { -$0 }
    case .binary(let op, let left, let right):
      let f: (Double, Double) -> Double
      switch op {
      case .add: f = (+)
      case .subtract: f = (-)
      case .multiply: f = (*)
      case .divide: f = (/)
      case .power: f = pow
      }
      return combine(try evaluate(left), try evaluate(right), f)
    case .call(let function, let argument):
      let x = try evaluate(argument)
      switch function {
      case .log: return map(x) { Foundation.log($0) }
      case .exp: return map(x) { Foundation.exp($0) }
      case .sqrt: return map(x) { $0 < 0 ? .nan : $0.squareRoot() }
      case .logit: return map(x, Logistic.logit)
      case .inverseLogit: return map(x, Logistic.inverseLogit)
      case .identity: return x
      case .diff: return combine(x, lag(x, by: 1), -)
      case .lag, .poly:
        preconditionFailure("\(function.name) is parsed into its own expression case")
      }
    case .lag(let argument, let order):
      return lag(try evaluate(argument), by: order)
    case .poly:
      preconditionFailure("poly() is expanded by columns(of:), never evaluated as one column")
    }
  }

  /// The design columns of a term: one, or `degree` raw powers for poly().
  func columns(of term: FormulaTerm) throws(FormulaError) -> [Column] {
    guard case .poly(let argument, let degree) = term.expression else {
      return [try evaluate(term.expression)]
    }
    let x = try evaluate(argument)
    return (1...degree).map { power in map(x) { pow($0, Double(power)) } }
  }

  private func variable(_ name: String, offset: Int) throws(FormulaError) -> Column {
    guard let column = table.column(named: name) else {
      throw .unknownVariable(
        formula: formula, offset: offset, name: name, source: table.source,
        suggestions: EditDistance.closest(to: name, among: table.names, limit: 3))
    }
    switch column {
    case .text(let values, let firstText):
      throw .textColumn(
        formula: formula, offset: offset, name: name, source: table.source, row: firstText + 1,
        value: values[firstText])
    case .numeric(let values):
      // A column shorter than the table reads as missing past its end.
      var result = Column(values: [], status: [])
      result.values.reserveCapacity(table.rowCount)
      result.status.reserveCapacity(table.rowCount)
      for row in 0..<table.rowCount {
        let value = row < values.count ? values[row] : .nan
        result.values.append(value)
        result.status.append(value.isNaN ? .missing : value.isFinite ? .valid : .outsideDomain)
      }
      return result
    }
  }

  /// `x` moved down by `k` years: missing where the earlier year is not in the table.
  private func lag(_ x: Column, by k: Int) -> Column {
    var result = Column(
      values: Array(repeating: .nan, count: table.rowCount),
      status: Array(repeating: .missing, count: table.rowCount))
    for row in 0..<table.rowCount {
      if let source = self.row(k, before: row) {
        result.values[row] = x.values[source]
        result.status[row] = x.status[source]
      }
    }
    return result
  }

  private func map(_ x: Column, _ f: (Double) -> Double) -> Column {
    var result = x
    for row in result.values.indices where x.status[row] == .valid {
      let value = f(x.values[row])
      result.values[row] = value
      if !value.isFinite { result.status[row] = .outsideDomain }
    }
    return result
  }

  private func combine(_ a: Column, _ b: Column, _ f: (Double, Double) -> Double) -> Column {
    var result = a
    for row in result.values.indices {
      let status = max(a.status[row], b.status[row])
      result.status[row] = status
      guard status == .valid else {
        result.values[row] = .nan
        continue
      }
      let value = f(a.values[row], b.values[row])
      result.values[row] = value
      if !value.isFinite { result.status[row] = .outsideDomain }
    }
    return result
  }
}
