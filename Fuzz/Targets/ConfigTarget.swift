@testable import ReaderCore
import ReaderConfig

/// config.toml: any text gives a configuration and warnings, each one line of safe text
/// naming the file and a line of the text; rebound keys drive a reader whose help
/// screen renders safely.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let text = String(decoding: input.rest(), as: UTF8.self)
    let lineCount = text.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1
    let (configuration, warnings) = ConfigurationParser.parse(text: text, fileName: "config.toml")
    for warning in warnings {
        FuzzCheck.safe(warning, "warning")
        guard warning.hasPrefix("config.toml:"), let line = Int(warning.dropFirst(12).prefix { $0 != ":" }),
              (1...lineCount).contains(line) else {
            fatalError("warning without a line of the file: \(warning)")
        }
    }
    // Rebound keys: the help screen lists them (most inputs rebind none and skip this).
    guard !configuration.keyOverrides.isEmpty else { return 0 }
    let screen = ScreenSize(rows: 12, columns: 40)
    var reader = ReaderState(document: FuzzConfigIssue.document, size: screen, bindings: configuration.bindings)
    reader.press(.function(1))
    FuzzCheck.screen(Renderer.render(reader), rows: screen.rows, columns: screen.columns, ambiguousWide: false)
    return 0
}

enum FuzzConfigIssue {
    static let document = Document(text: "## 标题\n\n正文。\n", name: "fuzz.txt")
}
