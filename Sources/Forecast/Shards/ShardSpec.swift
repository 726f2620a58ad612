/// Which of N shards a process computes (MODEL.md 13): shard `index` of `count`, numbered
/// from 0 as Slurm's `--array=0-(N-1)` and Kubernetes' completion index number them.
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
  public let index: Int
  public let count: Int

  /// The most shards a run is split into.
  public static let maximumCount = 100_000

  public init(index: Int, count: Int) throws(ShardError) {
    guard (1...Self.maximumCount).contains(count) else {
      throw .badSpec(text: "\(index)/\(count)", reason: "N must be from 1 to \(Self.maximumCount)")
    }
    guard (0..<count).contains(index) else {
      throw .badSpec(text: "\(index)/\(count)", reason: "I must be from 0 to N - 1 = \(count - 1)")
    }
    self.index = index
    self.count = count
  }

  /// `I/N`, for example `0/4` … `3/4`.
  public init(parsing text: String) throws(ShardError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
      throw .badSpec(text: text, reason: "expected I/N, two whole numbers such as 0/4")
    }
    try self.init(index: i, count: n)
  }

  /// The shard the environment names: Slurm's array task (`SLURM_ARRAY_TASK_ID` less
  /// `SLURM_ARRAY_TASK_MIN`, over `SLURM_ARRAY_TASK_STEP`, of `SLURM_ARRAY_TASK_COUNT`), or,
  /// when `count` is given, Kubernetes' `JOB_COMPLETION_INDEX` (else the Slurm task, worked out
  /// as above) of `count`. Every variable must be a whole number from 0 to `maximumValue`, the
  /// task id one of the array's (MIN + k · STEP), and a Slurm task count given beside `count`
  /// equal to it.
  public static func fromEnvironment(_ environment: [String: String], count: Int? = nil)
    throws(ShardError) -> ShardSpec
  {
    func number(_ name: String) throws(ShardError) -> Int? {
      guard let text = environment[name] else { return nil }
      guard let n = Int(text.trimmingCharacters(in: .whitespaces)), (0...maximumValue).contains(n)
      else {
        throw .badEnvironment(variable: name, found: text)
      }
      return n
    }
    /// Shard `index` of `n`, an error naming the variables it came from when out of range.
    func spec(_ index: Int, of n: Int, from variables: [String]) throws(ShardError) -> ShardSpec {
      do {
        return try ShardSpec(index: index, count: n)
      } catch {
        let values = variables.map { "\($0)=\(environment[$0] ?? "(not set)")" }
        throw .badEnvironmentShard(
          variables: values, found: "\(index)/\(n)", reason: error.reason)
      }
    }
    /// The Slurm task's index in its array, (ID − MIN) / STEP.
    func slurmIndex(id: Int) throws(ShardError) -> Int {
      let minimum = try number("SLURM_ARRAY_TASK_MIN") ?? 0
      let step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
      guard step >= 1 else {
        throw .badEnvironment(variable: "SLURM_ARRAY_TASK_STEP", found: environment["SLURM_ARRAY_TASK_STEP"] ?? "")
      }
      guard id >= minimum, (id - minimum) % step == 0 else {
        throw .badEnvironmentShard(
          variables: ["SLURM_ARRAY_TASK_ID=\(id)", "SLURM_ARRAY_TASK_MIN=\(minimum)", "SLURM_ARRAY_TASK_STEP=\(step)"],
          found: "\(id)", reason: "the task id is not one of the array's, MIN + k · STEP")
      }
      return (id - minimum) / step
    }
    if let count {
      if let index = try number("JOB_COMPLETION_INDEX") {
        return try spec(index, of: count, from: ["JOB_COMPLETION_INDEX"])
      }
      guard let id = try number("SLURM_ARRAY_TASK_ID") else {
        throw .noShardInEnvironment(countGiven: true)
      }
      if let tasks = try number("SLURM_ARRAY_TASK_COUNT"), tasks != count {
        throw .badEnvironmentShard(
          variables: ["SLURM_ARRAY_TASK_COUNT=\(tasks)"], found: "\(count) shards",
          reason: "the array has \(tasks) tasks, so \(count) shards would not all be computed")
      }
      return try spec(
        slurmIndex(id: id), of: count,
        from: ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP"])
    }
    guard let id = try number("SLURM_ARRAY_TASK_ID"), let n = try number("SLURM_ARRAY_TASK_COUNT")
    else { throw .noShardInEnvironment(countGiven: false) }
    return try spec(
      slurmIndex(id: id), of: n,
      from: ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_STEP", "SLURM_ARRAY_TASK_COUNT"])
  }

  /// The largest value an array variable may hold: Slurm's and Kubernetes' indices are far
  /// below it, and the arithmetic on it cannot overflow.
  public static let maximumValue = 1 << 31

  public var description: String { "\(index)/\(count)" }

  /// Items `floor(i M / N) ..< floor((i + 1) M / N)` of `m` (MODEL.md 13).
  func share(of m: Int) -> Range<Int> {
    (index * m / count)..<((index + 1) * m / count)
  }
}

/// How a run's paths are cut into shards: blocks of 64 paths (the blocks of the means), a
/// last block of one path joined to the block before it (a batch never has one path alone
/// in a run of several, so neither does a shard), and each shard a run of whole blocks.
enum ShardPlan {
  /// The paths of each block of a run of `paths` paths, in order.
  static func blocks(paths: Int) -> [Range<Int>] {
    Simulation.batches(total: paths, size: BlockSums.block)
  }

  /// The paths shard `spec` computes of a run of `paths` paths (empty when there are more
  /// shards than blocks and this one gets none).
  static func paths(_ spec: ShardSpec, of paths: Int) -> Range<Int> {
    let blocks = blocks(paths: paths)
    let share = spec.share(of: blocks.count)
    guard let first = share.first, let last = share.last else {
      let at = share.lowerBound < blocks.count ? blocks[share.lowerBound].lowerBound : paths
      return at..<at
    }
    return blocks[first].lowerBound..<blocks[last].upperBound
  }
}
