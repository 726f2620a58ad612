/// A scenario after `extends` and validation: everything a run needs, typed (MODEL.md 1-10).
///
/// Lists keep file order (a base's items before its extension's new ones).
public struct Scenario: Sendable, Equatable {
  public var info: ScenarioInfo
  public var dataSeries: [DataSeriesSpec]
  /// Nil when the scenario has no `[population]` table (no population-entry track).
  public var population: PopulationSpec?
  public var drivers: [DriverSpec]
  public var tracks: [TrackSpec]
  public var calibration: CalibrationSpec?
  public var sectors: [SectorSpec]
  public var shocks: [ShockSpec]
  /// The inputs of a global sensitivity analysis (MODEL.md 12); a run ignores them.
  public var uncertain: [UncertainSpec] = []
  public var expectations: [Expectation]
  public var output: OutputDefaults
  public var check: CheckSettings
  /// The scenario file and every file it extends, nearest first, as absolute paths, as the
  /// loader read them (for provenance); empty for a scenario built in code. Not part of
  /// equality: two files that say the same thing are the same scenario.
  public var files: [String] = []
  /// The digest of every scenario and data file the loader read, by path.
  public var digests: [String: FileDigest] = [:]
  /// The data files the loader read and checked, by path: the run reads its series from them
  /// rather than reading the files again.
  public var dataFiles: [String: DataFile] = [:]
  /// Shocks added to the scenario's own, one line each (`adding(_:)`), for provenance: they
  /// are already in `shocks`. Not part of equality.
  public var addedShocks: [ShockLine] = []

  public static func == (a: Scenario, b: Scenario) -> Bool {
    a.info == b.info && a.dataSeries == b.dataSeries && a.population == b.population
      && a.drivers == b.drivers && a.tracks == b.tracks && a.calibration == b.calibration
      && a.sectors == b.sectors && a.shocks == b.shocks
      && a.uncertain == b.uncertain && a.expectations == b.expectations
      && a.output == b.output && a.check == b.check
  }

  public init(
    info: ScenarioInfo, dataSeries: [DataSeriesSpec] = [], population: PopulationSpec? = nil,
    drivers: [DriverSpec] = [], tracks: [TrackSpec] = [], calibration: CalibrationSpec? = nil,
    sectors: [SectorSpec] = [], shocks: [ShockSpec] = [], expectations: [Expectation] = [],
    output: OutputDefaults = OutputDefaults(), check: CheckSettings = CheckSettings()
  ) {
    self.info = info
    self.dataSeries = dataSeries
    self.population = population
    self.drivers = drivers
    self.tracks = tracks
    self.calibration = calibration
    self.sectors = sectors
    self.shocks = shocks
    self.expectations = expectations
    self.output = output
    self.check = check
  }

  /// The data series with this name.
  public func dataSeries(named name: String) -> DataSeriesSpec? {
    dataSeries.first { $0.name == name }
  }

  /// The driver with this name.
  public func driver(named name: String) -> DriverSpec? { drivers.first { $0.name == name } }

  /// The track with this name.
  public func track(named name: String) -> TrackSpec? { tracks.first { $0.name == name } }

  /// The sector with this name.
  public func sector(named name: String) -> SectorSpec? { sectors.first { $0.name == name } }

  /// Whether the track's completion comes from a calibration, its own or `[calibrate]`.
  public func isCalibrated(track name: String) -> Bool {
    calibration != nil || track(named: name)?.calibration != nil
  }

  /// Every field named by a track, in order of first appearance.
  public var fields: [String] {
    var names: [String] = []
    for track in tracks {
      for share in track.fields where !names.contains(share.field) { names.append(share.field) }
    }
    return names
  }
}

extension Scenario {
  /// The data files the scenario's series name, each once, in the order of the series.
  public var dataFilePaths: [String] {
    var files: [String] = []
    for spec in dataSeries where !files.contains(spec.file) { files.append(spec.file) }
    return files
  }
}
