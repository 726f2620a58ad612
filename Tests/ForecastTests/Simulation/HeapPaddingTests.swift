import Testing

@testable import Forecast

/// The allocator takes the padding where it is glibc's.
@Suite struct HeapPaddingTests {
  @Test func glibcTakesThePadding() {
    #if canImport(Glibc)
      #expect(systemSetHeapTopPad(HeapPadding.bytes))
    #else
      #expect(!systemSetHeapTopPad(HeapPadding.bytes))
    #endif
  }
}
