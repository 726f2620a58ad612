/// The `mallopt` options the simulator sets, with their values in glibc's malloc.h.
internal enum AllocatorOption: Int32 {
  /// M_TOP_PAD: extra memory asked for whenever the heap grows, and kept when it trims.
  case topPad = -2
  /// M_TRIM_THRESHOLD: free memory at the top of the heap beyond which it is handed back.
  case trimThreshold = -1
  /// M_MMAP_THRESHOLD: blocks at least this large get their own mapping, unmapped when freed.
  case mmapThreshold = -3
}
