/// libFuzzer entry point: parse + layout at a width drawn from the input + dump
/// (+ search once the search engine is linked in). Built by `make fuzz` together with
/// the ReaderCore sources; any crash, trap or sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzTarget.run(bytes)
    return 0
}
