import ReaderCore

/// A stand-in for OpenCC in the fuzz build (which links no C library): a conversion
/// that changes scripts one for one (`庆` → `慶`), grows a phrase (`空` → `太空`),
/// shrinks one (`信息` → `訊`) and puts a control character in its output (`a` → ESC),
/// so that `ScriptConversion`'s alignment and safety see every case.
struct FuzzConverter: ScriptConverter {
    func convert(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "庆": result.append("慶")
            case "空": result.append(contentsOf: "太空".unicodeScalars)
            case "信": result.append("訊")
            case "息" where previous == "信": break
            case "a": result.append("\u{1B}")
            default: result.append(scalar)
            }
            previous = scalar
        }
        return String(result)
    }

    static let toggle = ScriptToggle(configured: .s2t) { _ in FuzzConverter() }
}
