@testable import ReaderCore

/// State files: any bytes either fail to decode or decode to a state that encodes and
/// decodes to itself; restored into a small issue, it leaves a screen with its rows, none
/// wider than the screen, nothing unsafe in it. Byte 0 picks list or article view first.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzState(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let opened = input.byte() & 1 == 1
    guard let state = try? ReadingState.decode(input.rest()) else { return 0 }
    guard let again = try? ReadingState.decode(Array(state.encoded().utf8)), again == state else {
        fatalError("state does not survive encode and decode: \(state)")
    }
    let screen = ScreenSize(rows: 8, columns: 30)
    var reader = ReaderState(document: FuzzIssue.document, size: screen)
    if opened { reader.press(.enter) }
    reader.restore(state)
    FuzzCheck.screen(Renderer.render(reader), rows: screen.rows, columns: screen.columns, ambiguousWide: false)
    return 0
}

enum FuzzIssue {
    /// A small issue of three articles to restore states into.
    static let document = Document(
        text: "## 重庆计划\n\n第一段，“引号”。\n\n### 小节\n\n第二段。\n\n## 空天信息\n\n正文。\n\n## 第三篇\n\n结尾。\n",
        name: "fuzz.txt")
}
