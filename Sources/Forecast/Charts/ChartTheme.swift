/// Text sizes and spacing of every chart, in view-box units of an 800-wide figure: 14 for
/// body text, 18 for the title, 12 for the source line and bar labels.
enum ChartTheme {
  static let margin = 20.0
  static let titleSize = 18.0
  static let subtitleSize = 14.0
  static let panelTitleSize = 14.0
  static let axisTitleSize = 13.0
  static let tickSize = 13.0
  static let legendSize = 13.0
  static let annotationSize = 12.0
  static let sourceSize = 12.0

  /// Line height as a multiple of the text size.
  static let lineHeight = 1.3
  /// Ascent and descent of the font stack's faces, as fractions of the size (DejaVu Sans:
  /// 0.76 and 0.24, rounded up).
  static let ascent = 0.8
  static let descent = 0.25

  static let tickLength = 4.0
  static let tickGap = 6.0
  static let panelGapX = 32.0
  static let panelGapY = 20.0
  static let defaultPlotHeight = 320.0
  static let defaultMultiplePlotHeight = 180.0
  static let categoryRowHeight = 30.0
  static let legendSwatchWidth = 24.0
  static let legendItemGap = 20.0
}
