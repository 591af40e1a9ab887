/// The version `reader --version` prints.
enum ReaderVersion {
    static let current = "0.1.0"
}
