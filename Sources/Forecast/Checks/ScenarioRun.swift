/// One scenario's run as the check commands use it: the projection and its provenance.
public struct ScenarioRun: Sendable {
  public let projection: Projection
  public let metadata: RunMetadata

  public init(projection: Projection, metadata: RunMetadata) {
    self.projection = projection
    self.metadata = metadata
  }

  /// The scenario's name, which names its snapshot folder.
  public var name: String { projection.scenario.info.name }
  /// The scenario file (absolute), or the name for a run without one.
  public var file: String { metadata.scenarioFiles.first?.path ?? name }
}
