#!/bin/sh
# Regenerates the encoded charset fixtures from the UTF-8 sentences below with the iconv CLI.
# Each page carries one sample paragraph <p id="sample">; CharsetTests.swift holds the same sentences
# as Swift strings and checks that decoding gives them back exactly.
set -eu
cd "$(dirname "$0")"

# page NAME ICONV_NAME HEAD_MARKUP SENTENCE
page() {
    printf '<!DOCTYPE html>\n<html><head>%s<title>Charset sample</title></head>\n<body><p id="sample">%s</p></body></html>\n' \
        "$3" "$4" | iconv -f UTF-8 -t "$2" > "$1"
}

# every encoding: NAME ICONV LABEL SENTENCE
while IFS='|' read -r name conv label sentence; do
    [ -n "$name" ] || continue
    page "$name.undeclared.html" "$conv" "" "$sentence"
    page "$name.meta-charset.html" "$conv" "<meta charset=\"$label\">" "$sentence"
    page "$name.meta-http-equiv.html" "$conv" \
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=$label\">" "$sentence"
done <<'LIST'
utf-8|UTF-8|utf-8|Grandma’s crème brûlée costs 5 € at the café — 日本語, Ελληνικά, русский.
windows-1252|WINDOWS-1252|windows-1252|The café’s “special” costs 5 € – Zoë’s naïve œuvre™ … ¡olé!
iso-8859-2|ISO-8859-2|iso-8859-2|Łódź i Kraków leżą w Polsce; Brno je velké město v Česku.
iso-8859-15|ISO-8859-15|iso-8859-15|Le cœur coûte 12 € ; Šárka et Žofie préfèrent les œufs.
shift_jis|CP932|shift_jis|今日の東京は晴れ。カタカナとひらがなを確認します。ﾊﾝｶｸも。
euc-jp|EUC-JP-MS|euc-jp|大阪の天気は雨でした。テスト用の文章です。
gbk|GB18030|gbk|这是一个简体中文的测试页面，欢迎阅读。
gb18030|GB18030|gb18030|四字节字符：𠀀，以及欧元符号€。
big5|BIG5-HKSCS|big5|這是一個繁體中文的測試頁面，歡迎閱讀。
euc-kr|CP949|euc-kr|한국어 인코딩을 시험하는 문장입니다.
windows-1251|WINDOWS-1251|windows-1251|Это проверочная страница на русском языке, ёлка и «кавычки».
koi8-r|KOI8-R|koi8-r|Съешь ещё этих мягких булочек и выпей чаю.
LIST

# Byte-order marks: UTF-8, UTF-16LE, UTF-16BE (no other declaration).
bom_sentence='Byte-order marks win: Ünïcødé ✓ 漢字 한글.'
{ printf '\357\273\277'; printf '<html><body><p id="sample">%s</p></body></html>\n' "$bom_sentence"; } > utf-8.bom.html
{ printf '\377\376'; printf '<html><body><p id="sample">%s</p></body></html>\n' "$bom_sentence" | iconv -f UTF-8 -t UTF-16LE; } > utf-16le.bom.html
{ printf '\376\377'; printf '<html><body><p id="sample">%s</p></body></html>\n' "$bom_sentence" | iconv -f UTF-8 -t UTF-16BE; } > utf-16be.bom.html

# A BOM beats a contradicting <meta>.
{ printf '\357\273\277'; printf '<html><head><meta charset="windows-1251"></head><body><p id="sample">%s</p></body></html>\n' "$bom_sentence"; } > bom-beats-meta.html

# HTTP beats meta: Shift_JIS bytes whose <meta> wrongly claims UTF-8.
page http-beats-meta.html CP932 '<meta charset="utf-8">' '本当の文字コードはシフトJISです。'

# A garbage label is ignored: the first <meta> names no real encoding, the second does.
page garbage-then-real.html WINDOWS-1251 '<meta charset="x-no-such-thing"><meta charset="windows-1251">' 'Вторая метка работает.'

# A commented-out <meta> does not count; the real one follows.
page commented-meta.html KOI8-R '<!-- <meta charset="iso-8859-2"> --><meta charset="koi8-r">' 'Комментарий пропущен.'

# Bytes undefined in windows-1252 (0x81 0x8D 0x8F 0x90 0x9D) must decode, not abort.
printf '<html><head><meta charset="windows-1252"></head><body><p id="sample">a\201b\215c\217d\220e\235f \200</p></body></html>\n' > windows-1252.holes.html

# Undeclared bytes that are not UTF-8 are sniffed as windows-1252.
printf '<html><body><p id="sample">Na\357ve caf\351 \223quoted\224 \24410</p></body></html>\n' > sniffed-1252.html

# Invalid sequences in declared Shift_JIS / UTF-8 become U+FFFD and decoding goes on.
{ printf '<html><head><meta charset="shift_jis"></head><body><p id="sample">'; printf '前' | iconv -f UTF-8 -t CP932; printf '\240'; printf '後' | iconv -f UTF-8 -t CP932; printf '</p></body></html>\n'; } > shift_jis.invalid.html
printf '<html><head><meta charset="utf-8"></head><body><p id="sample">ok\377\376ok\342\202</p></body></html>\n' > utf-8.invalid.html
