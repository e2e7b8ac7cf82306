// "Select all + copy" of a PDF in a pdf.js viewer (Firefox's built-in viewer), as pasted into
// Notepad: the text layer's items (page.getTextContent(), content-stream order) joined as the
// browser serialises the selection: each item's text, a line break where pdf.js put a <br>
// (item.hasEOL: the baseline moved), nothing between pages, CR LF line ends.  The viewer's copy
// handler's normalizeUnicode (NFKC of a few compatibility characters) is applied.
//
//   node tools/pdfjs_copy.mjs PDFJS_DIST IN.pdf OUT.txt [space|nospace]
//
// PDFJS_DIST: the folder of an installed pdfjs-dist (npm install pdfjs-dist@4).  ``nospace``:
// whitespace-only items left out, as pdf.js 2's text layer did (isAllWhitespace: no span), so
// runs on one baseline are glued with no separator.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [dist, src, dst, mode = "space"] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(join(dist, "legacy/build/pdf.mjs")).href);
const data = new Uint8Array(readFileSync(src));
const doc = await pdfjs.getDocument({ data, verbosity: 0 }).promise;
let out = "";
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const content = await page.getTextContent();
  for (const item of content.items) {
    if (item.str === undefined) continue; // marked-content markers
    if (!(mode === "nospace" && item.str !== "" && !/\S/.test(item.str))) out += item.str;
    if (item.hasEOL) out += "\n";
  }
}
out = pdfjs.normalizeUnicode ? pdfjs.normalizeUnicode(out) : out;
writeFileSync(dst, out.replace(/\n/g, "\r\n"));
