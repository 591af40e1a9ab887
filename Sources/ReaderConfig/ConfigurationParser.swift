import ReaderCore
import TOMLKit

/// Reads the configuration file's TOML text (with TOMLKit) into a `Configuration`.
/// Never throws: a syntax error gives one warning and the defaults, a bad setting one
/// warning and that setting's default (see `ConfigurationBuilder`).
public enum ConfigurationParser {
    /// The configuration in `text`, and the warnings ("FILE:LINE: reason", no "reader: "
    /// prefix) in line order. `fileName` is how the warnings name the file.
    public static func parse(text: String, fileName: String) -> (configuration: Configuration, warnings: [String]) {
        if let line = lineOverStructureLimit(text) {
            return (Configuration(), ["\(fileName):\(line): more than \(maximumStructure) dots, [ and { (tables nested "
                + "that deep are not settings); the file is ignored, using the default settings"])
        }
        if let refusal = ConfigurationLines(text: text).refusal {
            return (Configuration(), ["\(fileName):\(refusal.line): TOML syntax error: \(refusal.reason); "
                + "the file is ignored, using the default settings"])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = max(1, error.source.begin.line)
            let reason = SafeText.sanitize(String(error.description.map { $0.isNewline ? " " : $0 }))
            return (Configuration(), ["\(fileName):\(line): TOML syntax error: \(reason); "
                + "the file is ignored, using the default settings"])
        } catch {
            return (Configuration(), ["\(fileName):1: TOML syntax error; the file is ignored, using the default settings"])
        }
        guard case .table(let root) = value(of: table) else { return (Configuration(), []) }
        return ConfigurationBuilder.build(root: root, text: text, fileName: fileName)
    }

    /// At most this many `.`, `[` and `{` (outside comment lines) in a file. The TOML
    /// reader (toml++) recurses once per level of nesting, and a dotted key 30,000 levels
    /// deep (60 KB) overflowed its stack; each level takes one of these characters, so
    /// their count bounds the depth. A settings file has a few dozen.
    static let maximumStructure = 1_000

    /// The 1-based line where the count of `.`, `[` and `{` passes `maximumStructure`, or
    /// nil when it does not.
    static func lineOverStructureLimit(_ text: String) -> Int? {
        var count = 0
        var line = 1
        var inComment = false
        var atLineStart = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                inComment = false
                atLineStart = true
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "#") where atLineStart:
                inComment = true
            case UInt8(ascii: "."), UInt8(ascii: "["), UInt8(ascii: "{"):
                if !inComment { count += 1 }
                if count > maximumStructure { return line }
            default:
                break
            }
            atLineStart = false
        }
        return nil
    }

    /// How deep tables and lists may nest: the settings go two levels deep (`[keys]`,
    /// then a list of key names); deeper values are not read (a dotted key thousands of
    /// levels deep overflowed the stack here).
    static let maximumDepth = 8

    /// A TOMLKit value as a library-independent `ConfigurationValue`; tables and lists
    /// nested deeper than `maximumDepth` become `.other` (and get a warning where they are).
    static func value(of node: any TOMLValueConvertible, depth: Int = 0) -> ConfigurationValue {
        if depth >= maximumDepth, node.type == .table || node.type == .array {
            return .other("\(node.type == .table ? "table" : "list") nested more than \(maximumDepth) levels deep")
        }
        switch node.type {
        case .string: return node.string.map(ConfigurationValue.string) ?? .other("string")
        case .bool: return node.bool.map(ConfigurationValue.bool) ?? .other("boolean")
        case .int: return node.int.map(ConfigurationValue.integer) ?? .other("integer")
        case .array:
            guard let array = node.array else { return .other("array") }
            return .array(array.map { value(of: $0, depth: depth + 1) })
        case .table:
            guard let table = node.table else { return .other("table") }
            var entries: [String: ConfigurationValue] = [:]
            for (key, child) in zip(table.keys, table.values) { entries[key] = value(of: child, depth: depth + 1) }
            return .table(entries)
        default:
            return .other(node.type.description)
        }
    }
}
