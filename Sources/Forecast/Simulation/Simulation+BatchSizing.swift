extension Simulation {
  /// The most paths a batch takes when no batch size is given: each batch is reduced to block
  /// sums as soon as it is done, so a batch's working memory is what stays small.
  public static let defaultBatchSize = 2048

  /// The batch size when none is given, aiming at about the same share of paths for every
  /// core: count = max(⌈P / `defaultBatchSize`⌉, min(cores, ⌊P / 256⌋)), rounded up to a
  /// multiple of `cores` when above 1, and size ⌈P / count⌉, which `batches` rounds up to whole
  /// blocks of 64 (so the last batch may be short). 10,000 paths on 2 cores: six batches of
  /// 1,728 (the last 1,360) rather than five of 2,048; 600 paths on 8 cores: four of 128 and
  /// one of 88.
  static func automaticBatchSize(total: Int, cores: Int) -> Int {
    let cores = max(cores, 1)
    var count = max((total + defaultBatchSize - 1) / defaultBatchSize, min(cores, total / 256), 1)
    if count > 1 { count = (count + cores - 1) / cores * cores }
    return (total + count - 1) / count
  }

  /// Batches of `size` paths rounded up to a multiple of 64 (block sums need whole blocks),
  /// the last one taking the rest; a last batch of one path joins the one before it, since
  /// OpenBLAS sums a one-column product in another order than a wider one.
  static func batches(total: Int, size: Int) -> [Range<Int>] {
    let block = BlockSums.block
    let step = max(block, (size + block - 1) / block * block)
    var starts = Array(stride(from: 0, to: total, by: step))
    if starts.count > 1, let last = starts.last, total - last == 1 { starts.removeLast() }
    return starts.indices.map { i in starts[i]..<(i + 1 < starts.count ? starts[i + 1] : total) }
  }

  /// Whether runs of `paths` paths should go side by side (a what-if's runs): only when each
  /// is one batch. A larger run already spreads its batches over every core, and running two
  /// at once would double the peak memory for no speed.
  static func runsSideBySide(paths: Int) -> Bool { paths <= defaultBatchSize }

  /// The batch size of each of several runs of `paths` paths: the whole run when they go side
  /// by side (`runsSideBySide`), else the simulation's own choice.
  static func sideBySideBatchSize(paths: Int) -> Int? { runsSideBySide(paths: paths) ? paths : nil }
}
