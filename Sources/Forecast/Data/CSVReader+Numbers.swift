extension CSVReader {
  /// What one cell of a data row holds.
  enum CellValue {
    case number(Double)
    case missing
    case text
  }

  /// Room for a NUL-terminated number on the stack; longer numbers take a heap copy.
  static let numberScratchCapacity = 128

  /// Classifies the bytes `bytes[start..<end]` as a number, a missing value or text.
  ///
  /// Spaces and tabs around the cell are ignored. Missing: empty, `NA`, `N/A`, `NaN`, `nan`,
  /// `null`, `NULL`. A number is a decimal such as `-1.5e-3`, `.5` or `12` (no hexadecimal,
  /// no thousands separators), or `inf`/`infinity` with an optional sign in any case; it is
  /// converted by `strtod`, so the result is the correctly rounded `Double` (overflow gives
  /// ±infinity, underflow a subnormal or zero). Anything else, including partial numbers such
  /// as `12abc`, is text.
  ///
  /// - Parameter scratch: at least `numberScratchCapacity` bytes for the NUL-terminated copy.
  @inline(__always)
  static func classify(
    _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int,
    scratch: UnsafeMutableBufferPointer<CChar>
  ) -> CellValue {
    var start = start
    var end = end
    while start < end, bytes[start] == CSVScanner.space || bytes[start] == CSVScanner.tab {
      start += 1
    }
    while end > start, bytes[end - 1] == CSVScanner.space || bytes[end - 1] == CSVScanner.tab {
      end -= 1
    }
    let length = end - start
    if length == 0 { return .missing }
    if length <= 4 && isMissingToken(bytes, start: start, length: length) { return .missing }
    guard isNumberSyntax(bytes, start: start, end: end) else { return .text }
    guard length < scratch.count, let base = scratch.baseAddress else {
      return convertLongNumber(bytes, start: start, end: end)
    }
    for offset in 0..<length { base[offset] = CChar(bitPattern: bytes[start + offset]) }
    base[length] = 0
    let (value, consumed) = systemStrtod(base)
    return consumed == length ? .number(value) : .text
  }

  /// Converts a number too long for the stack scratch buffer.
  @inline(never)
  static func convertLongNumber(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int)
    -> CellValue
  {
    var copy = bytes[start..<end].map { CChar(bitPattern: $0) }
    copy.append(0)
    let (value, consumed) = copy.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.map(systemStrtod) ?? (0, 0)
    }
    return consumed == end - start ? .number(value) : .text
  }

  /// True for the spellings of a missing value: `NA`, `N/A`, `NaN`, `nan`, `null`, `NULL`.
  @inline(__always)
  static func isMissingToken(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Bool
  {
    func matches(_ token: StaticString) -> Bool {
      guard token.utf8CodeUnitCount == length else { return false }
      let pointer = token.utf8Start
      for offset in 0..<length where bytes[start + offset] != pointer[offset] { return false }
      return true
    }
    switch length {
    case 2: return matches("NA")
    case 3: return matches("N/A") || matches("NaN") || matches("nan")
    case 4: return matches("null") || matches("NULL")
    default: return false
    }
  }

  /// True when `bytes[start..<end]` (non-empty) is a decimal number or an infinity.
  ///
  /// Grammar: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?` or
  /// `[+-]? (inf | infinity)` in any case.
  @inline(__always)
  static func isNumberSyntax(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
    var index = start
    if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
    let afterSign = index
    var digits = 0
    while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
      index += 1
      digits += 1
    }
    if index < end, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
        index += 1
        digits += 1
      }
    }
    guard digits > 0 else { return index == afterSign && isInfinity(bytes, start: index, end: end) }
    if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      var exponentDigits = 0
      while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
        index += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return false }
    }
    return index == end
  }

  /// True when `bytes[start..<end]` spells `inf` or `infinity` in any case.
  @inline(never)
  static func isInfinity(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
    let length = end - start
    guard length == 3 || length == 8 else { return false }
    let word = Array("infinity".utf8)
    for offset in 0..<length where bytes[start + offset] | 0x20 != word[offset] { return false }
    return true
  }
}
