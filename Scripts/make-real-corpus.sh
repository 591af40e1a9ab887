#!/usr/bin/env bash
# Writes a corpus of real CJK documents as reader issues (`## ` articles, `### `
# sections, blank-line paragraphs) into a gitignored folder, one issue file per
# document kind and source:
#   man-zh_CN, man-zh_TW, man-ja  manual pages rendered by man(1) (manpages-zh, manpages-ja)
#   fortunes-chinese              the Chinese fortunes, one article per item (fortunes-zh)
#   poems-tang300, poems-song100  Tang and Song poems, one paragraph per verse line
#   reference-zh-cn               the Debian Reference, HTML to paragraphs (debian-reference-zh-cn)
#   faq-ko                        the Debian FAQ in Korean, HTML to paragraphs (debian-faq-ko)
# Usage: Scripts/make-real-corpus.sh [OUTPUT_DIR]   (default .build/real-corpus)
set -euo pipefail

out="${1:-.build/real-corpus}"
mkdir -p "$out"

packages=(fortunes-zh manpages-zh debian-reference-zh-cn manpages-ja debian-faq-ko groff-base bsdextrautils)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    apt-get install -y "${missing[@]}" >/dev/null
fi

# Manual pages (groff, as man(1) renders them at 80 columns): `## name`, `### ` for each unindented section heading, and the
# blank-line blocks of the rendered page as paragraphs. 60 pages an issue.
for lang in zh_CN zh_TW ja; do
    pages=(/usr/share/man/"$lang"/man[1-8]/*)
    file=0
    for ((start = 0; start < ${#pages[@]} && start < 240; start += 60)); do
        target="$out/man-$lang-$file.txt"
        : >"$target"
        for page in "${pages[@]:start:60}"; do
            name=$(basename "$page"); name=${name%.gz}
            printf '## %s\n\n' "$name" >>"$target"
            zcat -f "$page" | timeout 20 groff -k -man -Tutf8 -rLL=80n -P-c 2>/dev/null | col -bx | awk '
                NR == 1 { next }                                  # the header line
                /^[^ ]/ { if (NF) { print ""; print "### " $0; print ""; next } }
                { sub(/^ +/, ""); print }
            ' | cat -s >>"$target" || true
            printf '\n' >>"$target"
        done
        file=$((file + 1))
    done
done

python3 - "$out" <<'PYTHON'
import html.parser, re, sys, glob, os

out = sys.argv[1]
ansi = re.compile(r"\x1b\[[0-9;]*m")

def fortunes(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return [ansi.sub("", item).strip("\n") for item in f.read().split("\n%\n") if item.strip()]

# Chinese fortunes: the first line is the title, blank-line paragraphs as they are.
with open(f"{out}/fortunes-chinese.txt", "w") as f:
    for item in fortunes("/usr/share/games/fortunes/chinese"):
        lines = item.split("\n")
        f.write(f"## {lines[0].strip()}\n\n" + "\n".join(l.strip() for l in lines[1:]).strip() + "\n\n")

# Poems: `## 《title》`, then every line (author, verses) a paragraph of its own.
for name in ["tang300", "song100"]:
    with open(f"{out}/poems-{name}.txt", "w") as f:
        for item in fortunes(f"/usr/share/games/fortunes/{name}"):
            lines = [l.strip() for l in item.split("\n") if l.strip()]
            f.write(f"## {lines[0]}\n\n" + "".join(l + "\n\n" for l in lines[1:]))

class Paragraphs(html.parser.HTMLParser):
    """Block elements to paragraphs: h1/h2 `## `, h3 `### `, others plain; pre kept by line."""
    blocks = {"p", "div", "li", "dt", "dd", "td", "th", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br",
              "blockquote", "table", "ul", "ol", "dl", "title"}
    def __init__(self):
        super().__init__()
        self.out, self.text, self.kind, self.pre, self.skip = [], [], None, 0, 0
    def flush(self):
        text = "".join(self.text)
        self.text = []
        if self.pre:
            for line in text.split("\n"):
                if line.strip(): self.out.append(line.strip())
            return
        text = re.sub(r"\s+", " ", text).strip()
        if not text: return
        prefix = {"h1": "## ", "h2": "## ", "h3": "### "}.get(self.kind, "")
        if prefix == "" and self.kind in ("h4", "h5", "h6"): prefix = "### "
        self.out.append(prefix + text)
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"): self.skip += 1
        if tag in self.blocks: self.flush(); self.kind = tag
        if tag == "pre": self.pre += 1
    def handle_endtag(self, tag):
        if tag in self.blocks: self.flush(); self.kind = None
        if tag == "pre": self.pre = max(0, self.pre - 1)
        if tag in ("script", "style", "head"): self.skip = max(0, self.skip - 1)
    def handle_data(self, data):
        if not self.skip: self.text.append(data)

def convert(paths, target):
    with open(target, "w") as f:
        for path in paths:
            parser = Paragraphs()
            with open(path, encoding="utf-8", errors="replace") as source:
                parser.feed(source.read())
            parser.flush()
            f.write("".join(p + "\n\n" for p in parser.out))

convert(sorted(glob.glob("/usr/share/debian-reference/ch0[1-4].zh-cn.html")), f"{out}/reference-zh-cn-1.txt")
convert(sorted(glob.glob("/usr/share/debian-reference/ch0[5-9].zh-cn.html")
               + glob.glob("/usr/share/debian-reference/ch1*.zh-cn.html")), f"{out}/reference-zh-cn-2.txt")
convert(sorted(glob.glob("/usr/share/doc/debian/FAQ/ko/*.ko.html")), f"{out}/faq-ko.txt")
PYTHON

ls -l "$out"
