import Testing

@testable import Forecast

/// What the linked OpenBLAS says of itself is the same from every thread: shard files record
/// it, and a merge refuses shards whose BLAS differs.
@Suite struct BLASInfoTests {
  @Test func theConfigurationIsTheSameFromManyThreadsAtOnce() async {
    let infos = await withTaskGroup(of: BLASInfo.self) { group in
      for _ in 0..<64 { group.addTask { BLASInfo.current } }
      var all: [BLASInfo] = []
      for await info in group { all.append(info) }
      return all
    }
    let first = infos[0]
    #expect(infos.allSatisfy { $0 == first })
    #expect(first.configuration.hasPrefix("OpenBLAS"))
    #expect(first.configuration.components(separatedBy: "MAX_THREADS=").count <= 2)
  }
}
