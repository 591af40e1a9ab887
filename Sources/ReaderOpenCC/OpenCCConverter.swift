internal import COpenCC
import ReaderCore

#if canImport(Glibc)
import Glibc
#endif

/// A `ScriptConverter` backed by OpenCC (Debian: libopencc1.1 and libopencc-data).
///
/// OpenCC's converter is read-only once its dictionaries are loaded (`opencc_open`), and
/// converting only reads them, so one converter serves every thread of `--dump`.
public final class OpenCCConverter: ScriptConverter, @unchecked Sendable {
    /// Where Debian's libopencc-data puts the configurations.
    public static let dataDirectory = "/usr/share/opencc"

    private let handle: opencc_t

    /// Loads the configuration `name` (its dictionaries); nil when OpenCC cannot.
    public init?(_ name: ScriptConversionName, dataDirectory: String = OpenCCConverter.dataDirectory) {
        guard let handle = opencc_open("\(dataDirectory)/\(name.rawValue).json"), reader_opencc_is_valid(handle) != 0
        else { return nil }
        self.handle = handle
    }

    deinit {
        opencc_close(handle)
    }

    public func convert(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
            let converted = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { input in
                opencc_convert_utf8(handle, input, bytes.count)
            }
            // OpenCC returns nil when it fails: the text is shown as it is.
            guard let converted else { return String(decoding: bytes, as: UTF8.self) }
            defer { opencc_convert_utf8_free(converted) }
            return String(cString: converted)
        }
    }

    /// The factory the reader uses: each conversion loaded once, when first asked for.
    public static let factory: ScriptConverterFactory = { name in loaded.converter(name) }

    private static let loaded = LoadedConverters()

    /// The conversions loaded so far (loading one reads its dictionaries: milliseconds).
    /// (A pthread mutex, as ReaderCore's `Locked`: ThreadSanitizer sees through it.)
    private final class LoadedConverters: @unchecked Sendable {
        // Only touched with `mutex` held; never freed (one for the process).
        private var converters: [ScriptConversionName: OpenCCConverter?] = [:]
        private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
            let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            mutex.initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutex, nil)
            return mutex
        }()

        func converter(_ name: ScriptConversionName) -> OpenCCConverter? {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            if let converter = converters[name] { return converter }
            let converter = OpenCCConverter(name)
            converters[name] = .some(converter)
            return converter
        }
    }
}
