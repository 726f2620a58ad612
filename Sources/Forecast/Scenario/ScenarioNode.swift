/// A value of a scenario file, parsed but not yet typed, that remembers where it was written.
///
/// Tables keep their keys in file order (TOMLKit sorts them), so that drivers, data series and
/// field shares keep the order the analyst wrote, and merged tables (`extends`) keep the base's
/// order with the extension's new keys after it.
struct ScenarioNode: Sendable {
  /// The parsed value.
  enum Value: Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    /// A date or time: never valid in a scenario, kept to say what was found.
    case other(String)
    case array([ScenarioNode])
    case table([(key: String, node: ScenarioNode)])
  }

  var value: Value
  /// Where the value (for a table, its header or first key) was written.
  var location: SourceLocation

  /// The number, for an integer or a float.
  var number: Double? {
    switch value {
    case .integer(let i): return Double(i)
    case .float(let x): return x
    default: return nil
    }
  }

  var string: String? {
    if case .string(let s) = value { return s }
    return nil
  }

  var boolean: Bool? {
    if case .boolean(let b) = value { return b }
    return nil
  }

  /// The integer, for an integer or a float with an integral value.
  var integer: Int? {
    switch value {
    case .integer(let i): return i
    case .float(let x): return x.rounded() == x && abs(x) < 1e15 ? Int(x) : nil
    default: return nil
    }
  }

  var array: [ScenarioNode]? {
    if case .array(let a) = value { return a }
    return nil
  }

  var entries: [(key: String, node: ScenarioNode)]? {
    if case .table(let t) = value { return t }
    return nil
  }

  /// The entry under `key`, for a table.
  subscript(key: String) -> ScenarioNode? {
    entries?.first { $0.key == key }?.node
  }

  /// What the value is, for "found ..." in messages.
  var kindDescription: String {
    switch value {
    case .string(let s): return "the string \"\(s)\""
    case .integer(let i): return "the integer \(i)"
    case .float(let x): return "the number \(x)"
    case .boolean(let b): return "the boolean \(b)"
    case .other(let text): return text
    case .array(let a): return "an array of \(a.count)"
    case .table: return "a table"
    }
  }
}
