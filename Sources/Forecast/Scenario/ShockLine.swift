import Foundation

/// A shock written on one line, `TARGET OP VALUE [FROM[-TO]] [sd=SD]`: the same change as a
/// `[[shocks]]` table (MODEL.md 8), for a what-if asked without writing a file.
///
///     sectors.ai_trainer.growth set 0.5 2026-2030
///     tracks.undergraduate.entry.rate scale 1.05
///
/// Fields are separated by blanks. FROM alone is open-ended, as a table without `to`; with no
/// span the shock acts from base_year + 1 on (every projection year). The target must be one
/// the scenario has (`Scenario.validTargets`), and the op one of `ShockSpec.Operation`.
public struct ShockLine: Sendable, Equatable {
  /// The line as given.
  public let text: String
  /// The shock it describes.
  public let shock: ShockSpec

  /// The line's grammar, for messages.
  public static let grammar = "TARGET OP VALUE [FROM[-TO]] [sd=SD]"

  /// Parses `text` against `scenario`'s shock targets and base year.
  /// - Throws: `ShockLineError` naming what was expected, what was found and, for a target or
  ///   op, the nearest valid names.
  public init(parsing text: String, scenario: Scenario) throws(ShockLineError) {
    let line = text.trimmingCharacters(in: .whitespaces)
    let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard (3...5).contains(fields.count) else {
      throw .shape(line: text, fields: fields.count)
    }
    let valid = scenario.validTargets
    guard let target = ShockTarget(path: fields[0]), valid.contains(target) else {
      throw .unknownTarget(
        line: text, found: fields[0],
        nearest: EditDistance.closest(to: fields[0], among: valid.map(\.path), limit: 3))
    }
    guard let operation = ShockSpec.Operation(rawValue: fields[1]) else {
      let names = ShockSpec.Operation.allCases.map(\.rawValue)
      throw .unknownOperation(
        line: text, found: fields[1],
        nearest: ScenarioDecoder.nearest(fields[1], among: names))
    }
    guard let value = Self.finite(fields[2]) else {
      throw .badValue(line: text, found: fields[2])
    }
    var rest = fields.dropFirst(3)
    var sd: Double?
    if let last = rest.last, last.hasPrefix("sd=") {
      let number = String(last.dropFirst(3))
      guard let parsed = Self.finite(number), parsed >= 0 else {
        throw .badStandardDeviation(line: text, found: number)
      }
      sd = parsed
      rest = rest.dropLast()
      if rest.contains(where: { $0.hasPrefix("sd=") }) { throw .repeatedStandardDeviation(line: text) }
    }
    var from = scenario.info.baseYear + 1
    var to: Int?
    if let span = rest.first {
      guard rest.count == 1 else { throw .shape(line: text, fields: fields.count) }
      (from, to) = try Self.span(span, line: text)
    }
    self.text = text
    shock = ShockSpec(target: target, from: from, to: to, operation: operation, value: value, sd: sd)
  }

  /// The line as it would be written again, its span in full: `target op value from[-to]`,
  /// then `sd=SD` when the shock has one.
  public var canonical: String {
    var fields = [shock.targetPath, shock.operation.rawValue, Table.roundTripText(shock.value)]
    fields.append(shock.to.map { "\(shock.from)-\($0)" } ?? "\(shock.from)")
    if let sd = shock.sd { fields.append("sd=" + Table.roundTripText(sd)) }
    return fields.joined(separator: " ")
  }

  /// A finite decimal number (digits, a sign, a point, an exponent: not hexadecimal), or nil.
  private static func finite(_ text: String) -> Double? {
    guard text.allSatisfy({ "0123456789+-.eE".contains($0) }), let value = Double(text),
      value.isFinite
    else { return nil }
    return value
  }

  /// `FROM` or `FROM-TO`, whole years with FROM <= TO.
  private static func span(_ text: String, line: String) throws(ShockLineError) -> (Int, Int?) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    guard (1...2).contains(parts.count), parts.allSatisfy(Self.isYear),
      let from = Int(parts[0])
    else { throw .badSpan(line: line, found: text) }
    guard parts.count == 2, let to = Int(parts[1]) else { return (from, nil) }
    guard to >= from else { throw .reversedSpan(line: line, from: from, to: to) }
    return (from, to)
  }

  /// Digits only: no sign, so `2026-2030` cannot read as a negative year.
  private static func isYear(_ text: String) -> Bool {
    !text.isEmpty && text.count <= 6 && text.allSatisfy { $0.isASCII && $0.isNumber }
  }
}

extension Scenario {
  /// The scenario with `lines`' shocks applied after its own, in the order given (MODEL.md 8),
  /// and recorded in `addedShocks` for the run's provenance.
  public func adding(_ lines: [ShockLine]) -> Scenario {
    var scenario = self
    scenario.shocks += lines.map(\.shock)
    scenario.addedShocks += lines
    return scenario
  }

  /// The scenario with the shocks of `lines` (each `ShockLine.grammar`) after its own.
  /// - Throws: `ShockLineError` for the first line that does not parse.
  public func adding(shockLines lines: [String]) throws(ShockLineError) -> Scenario {
    var parsed: [ShockLine] = []
    for line in lines { parsed.append(try ShockLine(parsing: line, scenario: self)) }
    return adding(parsed)
  }
}

extension ShockLine {
  /// A line as given and the shock it was parsed into, read back from a record of a run
  /// (a shard result), with no scenario to parse it against.
  init(text: String, shock: ShockSpec) {
    self.text = text
    self.shock = shock
  }
}
