#if canImport(Glibc)
import Glibc
#endif

/// Turns a source's bytes into UTF-8 by the encoding it declares (a byte order mark, the
/// XML declaration, HTML's `<meta charset>`), with glibc's iconv. Undecodable bytes become
/// U+FFFD. The parsers are then handed UTF-8 and told to ignore the declaration.
enum CharacterDecoding {
    /// The iconv name of the encoding to read `bytes` in: a byte order mark's, else the
    /// `charset` of an HTTP `Content-Type`, else what the bytes declare (nil: UTF-8).
    static func encoding(of bytes: [UInt8], isHTML: Bool, charset: String?) -> String? {
        let head = Array(bytes.prefix(3))
        let hasByteOrderMark = head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE])
            || head.starts(with: [0xFE, 0xFF])
        if let charset, !hasByteOrderMark { return iconvName(charset) }
        return declaredEncoding(bytes, isHTML: isHTML)
    }

    /// The iconv name of the encoding `bytes` declare (nil: UTF-8, the default).
    static func declaredEncoding(_ bytes: some Collection<UInt8>, isHTML: Bool) -> String? {
        let head = Array(bytes.prefix(4))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x3C, 0x00, 0x3F, 0x00])
            || head.starts(with: [0x3C, 0x00, 0x21, 0x00]) || head.starts(with: [0x3C, 0x00, 0x68, 0x00]) {
            return "UTF-16LE"
        }
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x3C, 0x00, 0x3F])
            || head.starts(with: [0x00, 0x3C, 0x00, 0x21]) || head.starts(with: [0x00, 0x3C, 0x00, 0x68]) {
            return "UTF-16BE"
        }
        let start = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        if start.hasPrefix("<?xml"), let declarationEnd = start.firstRange(of: "?>") {
            let declaration = start[..<declarationEnd.lowerBound]
            // UTF-16 declared by bytes that are not UTF-16 (no byte order mark, no `<\0`) is wrong.
            if let label = value(after: "encoding", in: declaration), let name = iconvName(label),
               !name.hasPrefix("UTF-16") {
                return name
            }
        }
        guard isHTML else { return nil }
        // HTML: the first `charset=` inside a `<meta` tag (`<meta charset=…>` or
        // `<meta http-equiv="Content-Type" content="text/html; charset=…">`).
        var rest = Substring(start)
        while let meta = rest.firstRange(of: "<meta") {
            let tag = rest[meta.upperBound...].prefix { $0 != ">" }
            if let label = value(after: "charset", in: tag) { return iconvName(label) }
            rest = rest[meta.upperBound...]
        }
        return nil
    }

    /// The value of `name=` (quoted or not) in `text`.
    private static func value(after name: String, in text: Substring) -> String? {
        guard let found = text.firstRange(of: name + "=") else { return nil }
        var value = text[found.upperBound...].drop { $0 == " " }
        if let quote = value.first, quote == "\"" || quote == "'" { value = value.dropFirst() }
        let label = value.prefix { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
        return label.isEmpty ? nil : String(label)
    }

    /// The glibc iconv name for an encoding label, by the WHATWG Encoding Standard's
    /// choices (GB2312 and GBK are read as GB18030, their superset; Big5 as Big5-HKSCS;
    /// Shift_JIS as Windows-31J; EUC-KR as CP949; ISO-8859-1 as windows-1252); nil for UTF-8.
    static func iconvName(_ label: String) -> String? {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return nil
        case "gb2312", "gbk", "x-gbk", "gb18030", "cp936", "csgb2312", "chinese", "gb_2312-80", "windows-936": return "GB18030"
        case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5": return "BIG5-HKSCS"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis", "ms932": return "CP932"
        case "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese": return "EUC-JP"
        case "euc-kr", "ks_c_5601-1987", "cseuckr", "windows-949", "korean": return "CP949"
        case "utf-16", "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252": return "WINDOWS-1252"
        default: return label.uppercased()
        }
    }

    /// `bytes` as UTF-8: decoded from `encoding` (an iconv name; nil: UTF-8, checked),
    /// every undecodable byte made U+FFFD, a leading byte order mark dropped. An encoding
    /// iconv does not know is read as UTF-8.
    static func utf8(_ bytes: [UInt8], from encoding: String?) -> [UInt8] {
        var result: [UInt8]
        if let encoding, let converted = convert(bytes, from: encoding) {
            result = converted
        } else {
            result = Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        if result.starts(with: [0xEF, 0xBB, 0xBF]) { result.removeFirst(3) }
        return result
    }

    /// `bytes` converted by iconv from `encoding` to UTF-8, or nil when iconv cannot.
    private static func convert(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        input.withUnsafeMutableBufferPointer { source in
            var next = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var left = source.count
            while left > 0 {
                var produced = 0
                var failure: Int32 = 0
                chunk.withUnsafeMutableBufferPointer { target in
                    var out = target.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                    var room = target.count
                    if iconv(descriptor, &next, &left, &out, &room) == -1 { failure = errno }
                    produced = target.count - room
                }
                output.append(contentsOf: chunk[0..<produced])
                switch failure {
                case 0, E2BIG: continue
                case EILSEQ:
                    // One undecodable byte: U+FFFD, and go on after it.
                    output.append(contentsOf: replacement)
                    next = next.map { $0 + 1 }
                    left -= 1
                default:
                    // EINVAL: a sequence cut off at the end.
                    output.append(contentsOf: replacement)
                    left = 0
                }
            }
        }
        return output
    }

    /// `utf8` with every C0 control but tab, line feed and carriage return made U+FFFD:
    /// they are not characters in XML 1.0, and libxml2 would drop them, or stop reading
    /// the rest of a feed at one (ESC in a CDATA body lost the body).
    static func replacingControls(_ utf8: [UInt8]) -> [UInt8] {
        guard utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return utf8 }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                result += [0xEF, 0xBF, 0xBD]
            } else {
                result.append(byte)
            }
        }
        return result
    }

    /// The first bytes as text good enough to look for markup (UTF-16 decoded; other
    /// bytes above ASCII kept as U+FFFD), for `SourceFormat.sniff`.
    static func sniffingText(_ prefix: [UInt8]) -> String {
        if let encoding = declaredEncoding(prefix, isHTML: false), encoding.hasPrefix("UTF-16") {
            return String(decoding: utf8(prefix, from: encoding), as: UTF8.self)
        }
        return String(decoding: prefix, as: UTF8.self)
    }
}
