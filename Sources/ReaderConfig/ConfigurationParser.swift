import ReaderCore
import TOMLKit

/// Reads the configuration file's TOML text (with TOMLKit) into a `Configuration`.
/// Never throws: a syntax error gives one warning and the defaults, a bad setting one
/// warning and that setting's default (see `ConfigurationBuilder`).
public enum ConfigurationParser {
    /// The configuration in `text`, and the warnings ("FILE:LINE: reason", no "reader: "
    /// prefix) in line order. `fileName` is how the warnings name the file.
    public static func parse(text: String, fileName: String) -> (configuration: Configuration, warnings: [String]) {
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

    /// A TOMLKit value as a library-independent `ConfigurationValue`.
    static func value(of node: any TOMLValueConvertible) -> ConfigurationValue {
        switch node.type {
        case .string: return node.string.map(ConfigurationValue.string) ?? .other("string")
        case .bool: return node.bool.map(ConfigurationValue.bool) ?? .other("boolean")
        case .int: return node.int.map(ConfigurationValue.integer) ?? .other("integer")
        case .array:
            guard let array = node.array else { return .other("array") }
            return .array(array.map { value(of: $0) })
        case .table:
            guard let table = node.table else { return .other("table") }
            var entries: [String: ConfigurationValue] = [:]
            for (key, child) in zip(table.keys, table.values) { entries[key] = value(of: child) }
            return .table(entries)
        default:
            return .other(node.type.description)
        }
    }
}
