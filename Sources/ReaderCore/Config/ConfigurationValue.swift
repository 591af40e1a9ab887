/// A value of the configuration file as the TOML reader hands it over, independent of
/// the TOML library, so that `ConfigurationBuilder` (and its tests) need none.
public indirect enum ConfigurationValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case integer(Int)
    case array([ConfigurationValue])
    /// A table's entries, in any order (warnings are sorted by line).
    case table([String: ConfigurationValue])
    /// Any other TOML value (float, date…), by its type name for warnings.
    case other(String)

    /// "a string", "an integer": how warnings name the type.
    public var typeDescription: String {
        switch self {
        case .string: "a string"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .array: "a list"
        case .table: "a table"
        case .other(let name): (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
        }
    }

    /// The value for a warning: `3`, `"wide"`, or its type ("a list") for the others.
    public var description: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .integer(let number): String(number)
        case .bool(let flag): String(flag)
        default: typeDescription
        }
    }
}
