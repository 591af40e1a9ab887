@testable import ReaderCore

/// Layout and dump at a width drawn from the input: byte 0 picks the width (1…128) and
/// ambiguous-wide, byte 1 repair. No dump line is wider than the width (unless it is a
/// single grapheme), and nothing in it is a control character.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLayout(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let control = input.byte()
    let width = Int(control & 0x7F) + 1
    let ambiguousWide = control & 0x80 != 0
    let repair = input.byte() & 1 == 0
    let document = Document(source: input.rest(), name: "fuzz", repair: repair)
    let dump = DocumentDump.render(document, width: width, ambiguousWide: ambiguousWide)
    FuzzCheck.safe(dump, "dump")
    for line in dump.split(separator: "\n") where TextWidth.of(String(line), ambiguousWide: ambiguousWide) > width {
        if line.count > 1 { fatalError("dump line wider than \(width): \(line)") }
    }
    return 0
}
