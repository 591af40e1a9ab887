import Foundation
import Testing
@testable import ReaderCore

/// The whole wrapping engine over real documents: the excerpts committed in
/// Tests/Golden/real-excerpts.txt always, and the corpus `make real-corpus` builds
/// (Scripts/make-real-corpus.sh: Chinese, Japanese and Korean man pages, FAQ, fortunes)
/// when it is there. Every paragraph, at several widths, must keep the invariants of
/// `WrappingInvariants`.
@Suite struct RealCorpusPropertyTests {
    static let corpusDirectory = Fixtures.packageRoot + "/.build/real-corpus"
    static let widths = [20, 40, 80]

    /// The paragraphs of a document in the reader's format (headings and blank lines aside).
    static func paragraphs(_ text: String, limit: Int) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy({ $0 == " " }) {
            result.append(String(line))
            if result.count == limit { break }
        }
        return result
    }

    @Test func committedExcerpts() {
        let text = Fixtures.text(Fixtures.packageRoot + "/Tests/Golden/real-excerpts.txt")
        let paragraphs = Self.paragraphs(text, limit: .max)
        #expect(paragraphs.count == 12)
        for width in Self.widths + [12, 16, 30] {
            for paragraph in paragraphs {
                let violations = WrappingInvariants.violations(of: paragraph, width: width)
                #expect(violations.isEmpty, "\(violations.prefix(3))")
            }
        }
    }

    /// The excerpts' dump at width 40, reviewed by eye (Korean at spaces, `--color=auto`
    /// and `"proc.txt(.gz)"，` whole, the URL cut after a `/`).
    @Test func excerptsDump() {
        let document = Document(source: Fixtures.bytes(Fixtures.packageRoot + "/Tests/Golden/real-excerpts.txt"), name: "x.txt")
        let expected = Fixtures.text(Fixtures.packageRoot + "/Tests/Golden/real-excerpts-width-40.txt")
        #expect(!expected.isEmpty)
        #expect(DocumentDump.render(document, width: 40) == expected)
    }

    /// Up to 4,000 paragraphs of each corpus file (the debug build wraps about 1 MB a
    /// second); skipped when the corpus has not been built.
    @Test func realCorpus() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.corpusDirectory))?
            .filter { $0.hasSuffix(".txt") }.sorted() ?? []
        guard !files.isEmpty else { return }
        var checked = 0
        for file in files {
            let text = Fixtures.text(Self.corpusDirectory + "/" + file)
            for paragraph in Self.paragraphs(text, limit: 4_000) {
                for width in Self.widths {
                    let violations = WrappingInvariants.violations(of: paragraph, width: width)
                    #expect(violations.isEmpty, "\(file) at width \(width): \(violations.prefix(3))")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }
}

/// What every wrapped paragraph must keep (issue 12), checked on `Wrapper`'s lines with
/// a two-column first-line indent as the reader lays out paragraphs.
enum WrappingInvariants {
    static let noStart: Set<Unicode.Scalar> = ["，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "”", ",", ".", ";", ":", "?", "!", ")"]
    static let noEnd: Set<Unicode.Scalar> = ["（", "《", "「", "『", "【", "“", "("]

    /// Descriptions of the invariants `paragraph` breaks at `width` (none: empty).
    static func violations(of paragraph: String, width: Int) -> [String] {
        let scalars = Array(paragraph.unicodeScalars)
        let wrapper = Wrapper(width: width)
        let firstIndent = 2
        let lines = wrapper.wrap(scalars, firstIndent: firstIndent)
        let actions = LineBreaker.actions(scalars, tailoring: .chinese)
        var found: [String] = []
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }

        // The text comes back: between lines (and before the first) only spaces.
        var position = 0
        for line in lines {
            if line.lowerBound < position || !scalars[position..<line.lowerBound].allSatisfy({ Wrapper.isIndentSpace($0) }) {
                found.append("text lost before \(text(line))")
            }
            position = line.upperBound
        }
        if !scalars[position...].allSatisfy(Wrapper.isSpace) { found.append("text lost at the end") }

        for (number, line) in lines.enumerated() {
            let available = width - (number == 0 ? wrapper.effectiveIndent(firstIndent) : 0)
            let lineWidth = TextWidth.of(scalars[line])
            let clusters = String(String.UnicodeScalarView(scalars[line])).count
            if lineWidth > available && clusters > 1 { found.append("\(text(line)) is \(lineWidth) wide") }
            guard number + 1 < lines.count, !line.isEmpty else { continue }
            let next = lines[number + 1]
            guard let last = scalars[line].last, let first = scalars[next].first else { continue }
            // A forced break: no opportunity inside the line; then only the best cut counts.
            let forced = !((line.lowerBound + 1)..<line.upperBound).contains { actions[$0] == .allowed }
            let atSpace = line.upperBound < next.lowerBound
            if (noStart.contains(first) || noEnd.contains(last)) && !(atSpace && isDecimalStart(scalars, next)) {
                let avoidable = !forced || ((line.lowerBound + 1)..<line.upperBound).contains {
                    !noStart.contains(scalars[$0]) && !noEnd.contains(scalars[$0 - 1])
                        && !Wrapper.isSpace(scalars[$0]) && !Wrapper.isSpace(scalars[$0 - 1])
                }
                if avoidable { found.append("kinsoku: \(text(line)) | \(text(next))") }
            }
            if !atSpace && !forced && last == "-" && isLetter(first) && wordInitialHyphens(scalars, endingAt: line.upperBound) {
                found.append("word-initial hyphen: \(text(line)) | \(text(next))")
            }
            if !atSpace && !forced && isHangul(last) && isHangul(first) {
                found.append("Korean word broken: \(text(line)) | \(text(next))")
            }
        }
        return found
    }

    /// `.5` or `,5` after a space may start a line (UAX #14 LB15c).
    static func isDecimalStart(_ scalars: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        line.count > 1 && (scalars[line.lowerBound] == "." || scalars[line.lowerBound] == ",")
            && ("0"..."9").contains(scalars[line.lowerBound + 1])
    }

    /// Whether the hyphen-minus run ending at `end` starts a word.
    static func wordInitialHyphens(_ scalars: [Unicode.Scalar], endingAt end: Int) -> Bool {
        var first = end - 1
        while first > 0 && scalars[first - 1] == "-" { first -= 1 }
        return first == 0 || scalars[first - 1] == " " || scalars[first - 1] == "(" || scalars[first - 1] == "\""
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    static func isHangul(_ scalar: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(scalar.value) }
}
