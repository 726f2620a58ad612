/// The accumulator type of the residual passes: x87 80-bit extended precision where the
/// hardware has it (64-bit significand, 11 more bits than `Double`), `Double` elsewhere.
#if arch(x86_64) || arch(i386)
  typealias Extended = Float80
#else
  typealias Extended = Double
#endif
