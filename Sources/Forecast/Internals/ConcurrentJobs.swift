import Foundation

/// Runs independent jobs (a run's batches, the scenario runs of a what-if) on every core and returns their
/// results in job order, so the output never depends on which job finished first.
///
/// BLAS is held single-threaded for the whole batch: the jobs are the parallelism, and a
/// job then never sets the thread count from another thread.
enum ConcurrentJobs {
  /// The result of every job, in job order; `progress` gets the work finished so far, each
  /// job counting `work(index)` (one by default).
  ///
  /// With `concurrent` false the jobs run one after the other.
  static func run<T: Sendable, E: Error>(
    count: Int, concurrent: Bool = true, work: @Sendable (Int) -> Int = { _ in 1 },
    progress: (@Sendable (Int) -> Void)? = nil,
    _ job: @Sendable (Int) throws(E) -> T
  ) -> [Result<T, E>] {
    guard count > 0 else { return [] }
    let slots = ResultSlots<Result<T, E>>(count: count)
    @Sendable func perform(_ index: Int) {
      let result: Result<T, E>
      do throws(E) {
        result = .success(try job(index))
      } catch {
        result = .failure(error)
      }
      let done = slots.put(result, at: index, work: work(index))
      progress?(done)
    }
    withSingleThreadedBLAS {
      if concurrent {
        DispatchQueue.concurrentPerform(iterations: count) { perform($0) }
      } else {
        for index in 0..<count { perform(index) }
      }
    }
    return slots.values.map { result in
      guard let result else { preconditionFailure("ConcurrentJobs: job did not finish") }
      return result
    }
  }
}
