/// The binary body of a shard result: little-endian integers, doubles by their bit patterns
/// (so NaN, −0 and every last bit survive), strings and arrays prefixed by their counts.
struct ShardWriter {
  private(set) var bytes: [UInt8] = []

  mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

  mutating func uint64(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
  }

  mutating func int(_ value: Int) { uint64(UInt64(bitPattern: Int64(value))) }
  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
  mutating func double(_ value: Double) { uint64(value.bitPattern) }

  mutating func doubles(_ values: [Double]) {
    int(values.count)
    reserve(8 * values.count)
    for value in values { double(value) }
  }

  mutating func string(_ value: String) {
    let utf8 = Array(value.utf8)
    int(utf8.count)
    bytes.append(contentsOf: utf8)
  }

  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  mutating func ints(_ values: [Int]) {
    int(values.count)
    for value in values { int(value) }
  }

  mutating func optional<T>(_ value: T?, _ write: (inout ShardWriter, T) -> Void) {
    bool(value != nil)
    if let value { write(&self, value) }
  }
}

/// Reads what `ShardWriter` wrote; every read is bounds-checked, and counts are checked
/// against the bytes left, so a damaged file is an error, never a crash or a huge allocation.
struct ShardReader {
  /// Why the body could not be read: what was being read.
  struct Damaged: Error { let reason: String }

  private let bytes: [UInt8]
  private(set) var offset: Int

  init(_ bytes: [UInt8], offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  var isAtEnd: Bool { offset == bytes.count }

  private mutating func take(_ count: Int, _ what: String) throws(Damaged) -> ArraySlice<UInt8> {
    guard count >= 0, count <= bytes.count - offset else {
      throw Damaged(reason: "it ends inside \(what) (byte \(offset) of \(bytes.count))")
    }
    defer { offset += count }
    return bytes[offset..<(offset + count)]
  }

  mutating func uint64(_ what: String) throws(Damaged) -> UInt64 {
    let slice = try take(8, what)
    var value: UInt64 = 0
    for (i, byte) in slice.enumerated() { value |= UInt64(byte) << UInt64(8 * i) }
    return value
  }

  mutating func int(_ what: String) throws(Damaged) -> Int {
    Int(Int64(bitPattern: try uint64(what)))
  }

  /// A count of items of at least `size` bytes each, checked against what is left.
  mutating func count(_ what: String, size: Int = 1) throws(Damaged) -> Int {
    let n = try int("the count of \(what)")
    guard n >= 0, n <= (bytes.count - offset) / max(size, 1) else {
      throw Damaged(reason: "its count of \(what) (\(n)) does not fit in the file")
    }
    return n
  }

  mutating func bool(_ what: String) throws(Damaged) -> Bool {
    let byte = try take(1, what)
    guard let value = byte.first, value <= 1 else {
      throw Damaged(reason: "\(what) is not a flag (0 or 1)")
    }
    return value == 1
  }

  mutating func double(_ what: String) throws(Damaged) -> Double {
    Double(bitPattern: try uint64(what))
  }

  mutating func doubles(_ what: String) throws(Damaged) -> [Double] {
    let n = try count(what, size: 8)
    var values = [Double]()
    values.reserveCapacity(n)
    for _ in 0..<n { values.append(try double(what)) }
    return values
  }

  mutating func string(_ what: String) throws(Damaged) -> String {
    let n = try count(what)
    let slice = try take(n, what)
    guard let text = String(validating: slice, as: UTF8.self) else {
      throw Damaged(reason: "\(what) is not UTF-8 text")
    }
    return text
  }

  mutating func strings(_ what: String) throws(Damaged) -> [String] {
    let n = try count(what, size: 8)
    var values: [String] = []
    for _ in 0..<n { values.append(try string(what)) }
    return values
  }

  mutating func ints(_ what: String) throws(Damaged) -> [Int] {
    let n = try count(what, size: 8)
    var values: [Int] = []
    for _ in 0..<n { values.append(try int(what)) }
    return values
  }

  mutating func optional<T>(
    _ what: String, _ read: (inout ShardReader) throws(Damaged) -> T
  ) throws(Damaged) -> T? {
    try bool("whether there is \(what)") ? try read(&self) : nil
  }
}
