#if canImport(Glibc)
import Glibc
#endif

/// A value guarded by a pthread mutex: `withLock` is the only way in.
///
/// Used instead of the standard library's `Mutex`, which works as well, because
/// ThreadSanitizer sees through pthread locks but not through `Mutex` (the runtime is not
/// built with it), and reported every access under a `Mutex` from two threads as a race.
final class Locked<Value>: @unchecked Sendable {
    // Only touched with `mutex` held.
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ value: Value) {
        self.value = value
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` on the value with the lock held.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
