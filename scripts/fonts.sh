#!/usr/bin/env bash
# Rebuilds the fallback fonts in src-tauri/core/fonts/ from Debian's packages, so the files we
# commit can be checked against their source. Needs apt-get (download only, no install) and
# fonttools (pip install fonttools) for the two subsets.
set -euo pipefail
out="$(cd "$(dirname "$0")/../src-tauri/core/fonts" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-noto-core fonts-nanum fonts-droid-fallback fonts-symbola >/dev/null
for deb in *.deb; do dpkg-deb -x "$deb" x; done
noto=x/usr/share/fonts/truetype/noto
for f in NotoSans-Regular NotoSans-Bold NotoSansArabic-Regular NotoSansArabic-Bold NotoSansHebrew-Regular NotoSansHebrew-Bold; do
  cp "$noto/$f.ttf" "$out/"
done
# Nanum Gothic: all 11,172 Hangul syllables (Droid has only some), in both weights.
hangul="U+1100-11FF,U+3130-318F,U+A960-A97F,U+AC00-D7AF,U+D7B0-D7FF"
for f in NanumGothic NanumGothicBold; do
  pyftsubset "x/usr/share/fonts/truetype/nanum/$f.ttf" --unicodes="$hangul" --no-hinting --layout-features='*' \
    --output-file="$out/$f-Hangul.ttf" 2>/dev/null
done
# Droid Sans Fallback carries Chinese and Japanese in TrueType outlines; only its CJK and kana
# ranges are kept (Noto Sans draws its Latin better).
pyftsubset x/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
  --unicodes="U+2E80-2FDF,U+3000-303F,U+3040-30FF,U+3100-312F,U+3190-319F,U+31A0-31BF,U+31C0-31EF,U+31F0-33FF,U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF" \
  --no-hinting --layout-features='*' --output-file="$out/DroidSansFallback-CJK.ttf"
# Symbola: only its symbols, arrows and emoji; drawn in one colour.
pyftsubset x/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf \
  --unicodes="U+2190-21FF,U+2300-23FF,U+2460-24FF,U+25A0-27BF,U+2900-297F,U+2B00-2BFF,U+3030,U+303D,U+3297,U+3299,U+1F000-1FAFF" \
  --no-hinting --output-file="$out/Symbola-Emoji.ttf"
echo "fonts written to $out"
