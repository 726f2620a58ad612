import Crypto
import Foundation

/// A file's path and the SHA-256 of the bytes read from it, for provenance.
public struct FileDigest: Sendable, Equatable {
  public let path: String
  /// Lower-case hex.
  public let sha256: String

  public init(path: String, sha256: String) {
    self.path = path
    self.sha256 = sha256
  }

  /// The digest of `bytes`, read from `path`.
  public init(path: String, bytes: some Sequence<UInt8>) {
    self.init(path: path, sha256: Self.hex(Array(bytes)))
  }

  static func hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
  }
}
