/// Which chart to draw of which scenarios, and how: the chart, its metrics, its years and the
/// settings of the analyses it runs (a tornado's metric, year and δ; a backtest's origins and
/// horizon). ``chart(base:alternatives:)`` runs what the chart needs and draws it.
public struct ChartRequest: Sendable {
  public var kind: ChartKind
  /// The metrics chosen by name; nil draws every metric that is not flat (fan, compare) or
  /// the default metric (tornado: unplaced).
  public var metrics: MetricSelection?
  public var years: YearWindow?
  /// The tornado's year; nil takes base_year + 5 (or the last projection year).
  public var year: Int?
  public var delta: Double
  /// The backtest's origins; nil takes the two years up to the base year.
  public var origins: ClosedRange<Int>?
  /// The backtest's horizon; nil takes every observed year after the first origin, at most 5.
  public var horizon: Int?
  /// The sensitivity chart's design (its metric is the first of `metrics`, its year `year`).
  public var method: GlobalSensitivity.Method
  /// The date on the source line.
  public var date: String

  public init(
    kind: ChartKind, metrics: MetricSelection? = nil, years: YearWindow? = nil, year: Int? = nil,
    delta: Double = 0.1, origins: ClosedRange<Int>? = nil, horizon: Int? = nil,
    method: GlobalSensitivity.Method = .sobol, date: String = FigureSource.today()
  ) {
    self.method = method
    self.kind = kind
    self.metrics = metrics
    self.years = years
    self.year = year
    self.delta = delta
    self.origins = origins
    self.horizon = horizon
    self.date = date
  }

  /// Runs the scenarios the chart needs (the base and, for a comparison, the alternatives)
  /// and draws it.
  /// - Throws: `FigureError` for a request the scenarios cannot answer or a run that fails.
  public func chart(base: Scenario, alternatives: [Scenario] = []) throws(FigureError) -> Chart {
    if kind.needsAlternatives && alternatives.isEmpty { throw .noAlternatives(kind) }
    let chart: Chart
    switch kind {
    case .supply, .capacity, .fan:
      chart = try draw(try Self.run(base))
    case .compare:
      let comparison = Comparison(base: base, alternatives: alternatives, metrics: metrics ?? .all)
      let result: ComparisonResult
      do { result = try comparison.run() } catch { throw .whatIf(error) }
      chart = try draw(result)
    case .tornado:
      let metric = metrics?.metrics.first ?? .unplaced
      let year = self.year ?? min(base.info.baseYear + 5, base.info.projectionYears.upperBound)
      let result: TornadoResult
      do {
        result = try Tornado(scenario: base, metric: metric.rawValue, year: year, delta: delta).run()
      } catch { throw .whatIf(error) }
      chart = draw(result)
    case .backtest:
      chart = try draw(try backtest(base))
    case .sensitivity:
      let metric = metrics?.metrics.first ?? .unplaced
      let year = self.year ?? min(base.info.baseYear + 5, base.info.projectionYears.upperBound)
      let result: SensitivityResult
      do {
        result = try GlobalSensitivity(
          scenario: base, method: method, metrics: try MetricSelection(parsing: metric.rawValue),
          years: year...year
        ).run()
      } catch { throw .whatIf(error) }
      chart = try draw(result, metric: metric, year: year)
    }
    return try chart.restricted(to: years)
  }

  /// The supply, capacity or fan chart of a run.
  public func draw(_ projection: Projection) throws(FigureError) -> Chart {
    let source = FigureSource(scenario: projection.scenario, dataFiles: projection.dataFiles, date: date)
    let figure: Figure
    switch kind {
    case .capacity: figure = CapacityFigure.make(projection, source: source)
    case .fan: figure = try FanFigure.make(projection, metrics: metrics?.metrics, source: source)
    default: figure = try SupplyFigure.make(projection, source: source)
    }
    return try Chart(kind: kind, figures: [figure]).restricted(to: years)
  }

  /// The comparison chart of a comparison's result.
  public func draw(_ result: ComparisonResult) throws(FigureError) -> Chart {
    let base = result.comparison.base
    let source = FigureSource(scenario: base, dataFiles: base.dataFilePaths, date: date)
    let figure = try CompareFigure.make(result, chosen: metrics != nil, source: source)
    return try Chart(kind: .compare, figures: [figure]).restricted(to: years)
  }

  /// The tornado chart of a tornado's result.
  public func draw(_ result: TornadoResult) -> Chart {
    let scenario = result.tornado.scenario
    let source = FigureSource(scenario: scenario, dataFiles: scenario.dataFilePaths, date: date)
    return Chart(kind: .tornado, figures: [TornadoFigure.make(result, source: source)])
  }

  /// The sensitivity chart of one metric in one year of a sensitivity result.
  public func draw(_ result: SensitivityResult, metric: BalanceMetric, year: Int) throws(FigureError)
    -> Chart
  {
    let scenario = result.analysis.scenario
    let source = FigureSource(scenario: scenario, dataFiles: scenario.dataFilePaths, date: date)
    return Chart(
      kind: .sensitivity,
      figures: [try SensitivityFigure.make(result, metric: metric, year: year, source: source)])
  }

  /// The backtest chart of a backtest's result.
  public func draw(_ result: BacktestResult, scenario: Scenario) throws(FigureError) -> Chart {
    let source = FigureSource(scenario: scenario, dataFiles: scenario.dataFilePaths, date: date)
    return try Chart(
      kind: .backtest, figures: BacktestFigure.make(result, scenario: scenario, source: source)
    ).restricted(to: years)
  }

  private func draw(_ backtest: (BacktestResult, Scenario)) throws(FigureError) -> Chart {
    try draw(backtest.0, scenario: backtest.1)
  }

  /// Runs the backtest this request describes.
  public func backtest(_ scenario: Scenario) throws(FigureError) -> (BacktestResult, Scenario) {
    guard let series = scenario.calibration?.graduates
      ?? scenario.dataSeries.first(where: { $0.name == BalanceMetric.graduates.rawValue })?.name
    else { throw .noObservedGraduates(scenario: scenario.info.name) }
    let base = scenario.info.baseYear
    let origins = self.origins ?? (base - 1)...base
    let horizon: Int
    if let chosen = self.horizon {
      horizon = chosen
    } else {
      let data: ScenarioData
      do { data = try ScenarioData(scenario: scenario, through: Int.max) } catch {
        throw .run(scenario: scenario.info.name, error)
      }
      let last = data.series[series]?.values.keys.max() ?? origins.lowerBound + 1
      horizon = min(5, max(1, last - origins.lowerBound))
    }
    let result: BacktestResult
    do {
      result = try Backtest(
        scenario: scenario, origins: origins, horizon: horizon, series: series,
        metric: (metrics?.metrics.first ?? .graduates).rawValue
      ).run()
    } catch { throw .backtest(error) }
    // A chart of every origin fails, as before, when one of them cannot run.
    if let rejection = result.firstRejection { throw .backtest(rejection) }
    return (result, scenario)
  }

  /// Runs one scenario.
  static func run(_ scenario: Scenario) throws(FigureError) -> Projection {
    do { return try Simulation(scenario: scenario).run(keepPaths: false) } catch {
      throw .run(scenario: scenario.info.name, error)
    }
  }
}
