/// How many columns the terminal gives East Asian Ambiguous characters (“ ” · — … §):
/// one in most terminals, two in those set up for a CJK locale (`ambiguous_width` in the
/// configuration file, `--ambiguous-width` on the command line).
public enum AmbiguousWidth: Sendable, Equatable {
    /// Measured at start-up on a terminal that answers a cursor-position report; one
    /// column when it does not answer (and for `--dump`).
    case auto
    case narrow
    case wide

    /// `auto`, `1` or `2`, as the file and the command line write it.
    public init?(name: String) {
        switch name.lowercased() {
        case "auto": self = .auto
        case "1": self = .narrow
        case "2": self = .wide
        default: return nil
        }
    }

    /// The width to use when nothing was measured: two columns only when asked for.
    public var isWideWithoutMeasuring: Bool { self == .wide }
}
