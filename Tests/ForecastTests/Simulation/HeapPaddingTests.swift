import Testing

@testable import Forecast

/// The allocator takes the padding and thresholds where it is glibc's.
@Suite struct HeapPaddingTests {
  @Test(arguments: [
    (AllocatorOption.topPad, HeapPadding.bytes),
    (AllocatorOption.mmapThreshold, HeapPadding.mappingThreshold),
    (AllocatorOption.trimThreshold, HeapPadding.trimThreshold),
  ])
  func glibcTakesTheSetting(_ option: AllocatorOption, _ value: Int) {
    #if canImport(Glibc)
      #expect(systemMallopt(option, value))
    #else
      #expect(!systemMallopt(option, value))
    #endif
  }

  /// A setting the user made, as a variable or a glibc tunable, is left alone.
  @Test func userSettingsRespected() {
    let all = HeapPadding.settings(environment: [:]).map(\.0)
    #expect(all == [.topPad, .mmapThreshold, .trimThreshold])
    let padded = HeapPadding.settings(environment: ["MALLOC_TOP_PAD_": "0"]).map(\.0)
    #expect(padded == [.mmapThreshold, .trimThreshold])
    let tuned = ["GLIBC_TUNABLES": "glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=0"]
    #expect(HeapPadding.settings(environment: tuned).map(\.0) == [.topPad, .mmapThreshold])
  }
}
