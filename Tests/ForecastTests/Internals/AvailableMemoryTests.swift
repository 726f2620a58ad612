import Foundation
import Testing

@testable import Forecast

/// The memory guard's figure: physical memory lowered by the process's rlimits and cgroup.
@Suite struct AvailableMemoryTests {
  @Test func smallestOfTheLimitsThatAreSet() {
    #expect(AvailableMemory.smallest(physical: 16 << 30, limits: [nil, nil, nil]) == 16 << 30)
    #expect(AvailableMemory.smallest(physical: 16 << 30, limits: [4 << 30, nil, 8 << 30]) == 4 << 30)
    #expect(AvailableMemory.smallest(physical: 2 << 30, limits: [4 << 30, 8 << 30]) == 2 << 30)
  }

  @Test func controlFileValues() {
    #expect(AvailableMemory.parseLimit("max\n") == nil)
    #expect(AvailableMemory.parseLimit("536870912\n") == 536_870_912)
    // cgroup v1 writes "no limit" as the largest page multiple below 2^63.
    #expect(AvailableMemory.parseLimit("9223372036854771712\n") == nil)
    #expect(AvailableMemory.parseLimit("garbage") == nil)
  }

  struct CgroupCase: CustomTestStringConvertible, Sendable {
    let name: String
    let membership: String
    let files: [String: String]
    let limit: UInt64?
    var testDescription: String { name }
  }

  static let cgroups = [
    CgroupCase(
      name: "v2 with a limit on the process's own cgroup",
      membership: "0::/user.slice/job.scope\n",
      files: [
        "/sys/fs/cgroup/user.slice/job.scope/memory.max": "1073741824\n",
        "/sys/fs/cgroup/user.slice/memory.max": "max\n",
      ],
      limit: 1 << 30),
    CgroupCase(
      name: "v2 with a tighter limit on a parent",
      membership: "0::/user.slice/job.scope\n",
      files: [
        "/sys/fs/cgroup/user.slice/job.scope/memory.max": "max\n",
        "/sys/fs/cgroup/user.slice/memory.max": "536870912\n",
      ],
      limit: 512 << 20),
    CgroupCase(
      name: "v2 in a container namespace (the root file is the container's)",
      membership: "0::/\n", files: ["/sys/fs/cgroup/memory.max": "268435456\n"], limit: 256 << 20),
    CgroupCase(
      name: "v2 without a limit", membership: "0::/\n", files: ["/sys/fs/cgroup/memory.max": "max"],
      limit: nil),
    CgroupCase(
      name: "v1 memory controller among others",
      membership: "5:cpu,cpuacct:/docker/abc\n4:memory:/docker/abc\n1:name=systemd:/docker/abc\n",
      files: [
        "/sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes": "2147483648\n",
        "/sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n",
      ],
      limit: 2 << 30),
    CgroupCase(
      name: "v1 path hidden by the namespace: the mount root's limit",
      membership: "4:memory:/docker/abc\n",
      files: ["/sys/fs/cgroup/memory/memory.limit_in_bytes": "104857600\n"], limit: 100 << 20),
    CgroupCase(name: "no cgroups at all", membership: "", files: [:], limit: nil),
    CgroupCase(
      name: "malformed membership lines", membership: "garbage\n::\n7\n", files: [:], limit: nil),
  ]

  @Test(arguments: cgroups) func cgroupLimit(_ c: CgroupCase) {
    #expect(AvailableMemory.cgroupLimit(membership: c.membership, read: { c.files[$0] }) == c.limit)
  }

  /// On this machine: never more than the physical memory, nor than the cgroup's limit.
  @Test func liveFigureIsBoundedByEachLimit() {
    let available = AvailableMemory.bytes()
    #expect(available > 0)
    #expect(available <= ProcessInfo.processInfo.physicalMemory)
    if let cgroup = AvailableMemory.cgroupLimit() { #expect(available <= cgroup) }
    if let addressSpace = systemSoftLimit(.addressSpace) { #expect(available <= addressSpace) }
    if let data = systemSoftLimit(.data) { #expect(available <= data) }
  }
}
