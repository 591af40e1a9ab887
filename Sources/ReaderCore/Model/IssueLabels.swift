/// How an archive's issue list names its issues (each file's path below the archive's
/// directory), kept as bytes in one buffer and made into display text only when a row or
/// an issue asks for it (`SafeText.sanitize(bytes:)`): ten years of a daily are 73,000
/// names, and the list shows twenty (ARCHITECTURE.md, "Data flow", Input).
public struct IssueLabels: Sendable {
    /// Every label's bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each label ends in `bytes` (it starts where the one before ends).
    private var ends: [Int] = []

    public init() {}

    /// How many labels there are.
    public var count: Int { ends.count }

    /// Appends a label given as bytes (UTF-8, or a file name in another encoding).
    public mutating func append(_ label: ArraySlice<UInt8>) {
        bytes.append(contentsOf: label)
        ends.append(bytes.count)
    }

    /// Reserves room for `count` labels of `bytes` bytes in all.
    public mutating func reserve(count: Int, bytes total: Int) {
        ends.reserveCapacity(count)
        bytes.reserveCapacity(total)
    }

    /// Label `index` as the list shows it, through `SafeText` (bytes that are not UTF-8
    /// shown as `\xHH`).
    public func label(_ index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return SafeText.sanitize(bytes: Array(bytes[start..<ends[index]]))
    }
}
