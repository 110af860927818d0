#!/bin/sh
# Regenerates the letter fonts in assets/fonts from Debian's DejaVu Serif:
# cut to the scripts letters need (Latin with Extended-A/B for lv/lt/pl/de…,
# all of Cyrillic, typographic punctuation), without hinting or layout
# tables, which a PDF does not use. Smaller fonts parse faster in every
# process that writes a letter. Run it only to change the character set;
# its output is committed.
set -eu
apt-get install -y --no-install-recommends fonts-dejavu-core fonttools >/dev/null
src=/usr/share/fonts/truetype/dejavu
out=$(dirname "$0")/../assets/fonts
ranges="U+0020-007E,U+00A0-024F,U+02B9-02DD,U+0300-036F,U+0400-04FF,U+2010-2027,U+2030-203A,U+20AC,U+2116,U+2122"
for face in DejaVuSerif DejaVuSerif-Bold; do
	pyftsubset "$src/$face.ttf" --unicodes="$ranges" --layout-features='' --no-hinting \
		--drop-tables+=FFTM,GDEF,GPOS,GSUB,kern --output-file="$out/$face.ttf"
done
cp /usr/share/doc/fonts-dejavu-core/copyright "$out/LICENSE"
