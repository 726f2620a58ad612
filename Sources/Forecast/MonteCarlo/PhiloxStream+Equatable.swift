extension PhiloxStream: Equatable {
  /// Streams are equal when they will draw the same words: same seed, path and position.
  ///
  /// The buffered block is a function of those three, so it is not compared (a stream that has
  /// just used up block b and one made with `offset: 4 * (b + 1)` are equal).
  public static func == (a: PhiloxStream, b: PhiloxStream) -> Bool {
    a.seed == b.seed && a.path == b.path && a.position == b.position
  }
}
