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
}
