#!/usr/bin/env node
// Generates the demo aftercare PDFs that ship with the seed data
// (supabase/seed/aftercare/*.pdf). These are the documents the demo clinic,
// "Harbour Aesthetics", sends to patients by SMS link.
//
// Plain Node.js, no dependencies: the PDF objects (catalog, pages, fonts,
// content streams, xref table, trailer) are written by hand. Text uses the
// standard 14 fonts (Helvetica / Helvetica-Bold) with WinAnsiEncoding, so no
// font files need embedding. Output is deterministic (no timestamps), so
// re-running the script only changes the files when the content changes.
//
// Usage: node scripts/generate-aftercare-pdfs.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = join(ROOT, "supabase", "seed", "aftercare");

const CLINIC_NAME = "Harbour Aesthetics";
const CLINIC_PHONE = "+1 555-555-0199";

// ---------------------------------------------------------------------------
// Document content: supabase/seed/aftercare/content.json, shared with the seed (which stores
// each document's text for the patient's HTML page, app/a/[token]). {clinicName} and
// {clinicPhone} are the clinic's; here, the demo clinic's.
// ---------------------------------------------------------------------------

/** @typedef {{ heading: string, intro?: string, bullets: string[], outro?: string }} Section */
/** @typedef {{ file: string, title: string, subtitle: string, intro: string, sections: Section[] }} Doc */

const fill = (text) =>
  text.replaceAll("{clinicName}", CLINIC_NAME).replaceAll("{clinicPhone}", CLINIC_PHONE);
const CONTENT = JSON.parse(readFileSync(join(OUT_DIR, "content.json"), "utf8"), (_key, value) =>
  typeof value === "string" ? fill(value) : value,
);

const DISCLAIMER = CONTENT.disclaimer;

/** @type {Doc[]} */
const DOCUMENTS = CONTENT.documents;

// ---------------------------------------------------------------------------
// Fonts: glyph widths (1/1000 em) from the Adobe AFM metrics, WinAnsiEncoding
// ---------------------------------------------------------------------------

// Widths for character codes 32..126.
// prettier-ignore
const HELVETICA_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
// prettier-ignore
const HELVETICA_BOLD_ASCII = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

// The few non-ASCII characters the content uses, as WinAnsi code -> widths.
const EXTRA = {
  "\u2018": { code: 0x91, regular: 222, bold: 278 }, // left single quote
  "\u2019": { code: 0x92, regular: 222, bold: 278 }, // right single quote
  "\u201C": { code: 0x93, regular: 333, bold: 500 }, // left double quote
  "\u201D": { code: 0x94, regular: 333, bold: 500 }, // right double quote
  "\u2022": { code: 0x95, regular: 350, bold: 350 }, // bullet
  "\u2013": { code: 0x96, regular: 556, bold: 556 }, // en dash
  "\u2014": { code: 0x97, regular: 1000, bold: 1000 }, // em dash
  "\u00A0": { code: 0xa0, regular: 278, bold: 278 }, // no-break space
  "\u00B0": { code: 0xb0, regular: 400, bold: 400 }, // degree sign
};

const FONTS = {
  regular: { resource: "F1", baseFont: "Helvetica", ascii: HELVETICA_ASCII },
  bold: { resource: "F2", baseFont: "Helvetica-Bold", ascii: HELVETICA_BOLD_ASCII },
};

/**
 * Normalise text: typographic apostrophes, and no-break spaces (which the
 * wrapper will not split on) inside "38 °C" and the clinic phone number.
 */
function normalise(text) {
  return text
    .replace(/'/g, "\u2019")
    .replace(/ (°[CF])/g, "\u00A0$1")
    .replaceAll(CLINIC_PHONE, CLINIC_PHONE.replace(/ /g, "\u00A0"));
}

function charWidth(ch, weight) {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code <= 126) return FONTS[weight].ascii[code - 32];
  const extra = EXTRA[ch];
  if (!extra)
    throw new Error(`Unsupported character ${JSON.stringify(ch)} (U+${code.toString(16)})`);
  return extra[weight];
}

function textWidth(text, weight, size) {
  let units = 0;
  for (const ch of text) units += charWidth(ch, weight);
  return (units * size) / 1000;
}

/** Encode a string as a PDF literal string in WinAnsiEncoding. */
function pdfString(text) {
  let out = "(";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === "\\" || ch === "(" || ch === ")") out += "\\" + ch;
    // No-break spaces only steer word-wrapping; emit a plain space so copied
    // text (e.g. the phone number) stays ordinary.
    else if (ch === "\u00A0") out += " ";
    else if (code >= 32 && code <= 126) out += ch;
    else if (EXTRA[ch]) out += "\\" + EXTRA[ch].code.toString(8).padStart(3, "0");
    else throw new Error(`Unsupported character ${JSON.stringify(ch)}`);
  }
  return out + ")";
}

/** Greedy word-wrap to a maximum width in points. */
function wrap(text, weight, size, maxWidth) {
  const words = text.split(/ +/).filter(Boolean);
  const lines = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, weight, size) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

const PAGE_W = 595.28; // A4
const PAGE_H = 841.89;
const MARGIN_X = 60;
const MARGIN_TOP = 56;
const MARGIN_BOTTOM = 64;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;

const ACCENT = "0.078 0.361 0.420"; // harbour teal
const TEXT = "0.15 0.17 0.20";
const MUTED = "0.40 0.43 0.47";

const BODY_SIZE = 10.5;
const BODY_LEADING = 14.5;
const BULLET_INDENT = 14;

const fmt = (n) => (Math.round(n * 100) / 100).toString();

class Layout {
  constructor(title) {
    this.title = title;
    this.pages = [];
    this.newPage();
  }

  newPage() {
    this.ops = [];
    this.pages.push(this.ops);
    this.y = PAGE_H - MARGIN_TOP;
    this.drawHeader();
  }

  drawHeader() {
    const top = this.y;
    // Clinic name, left; document title (small), right.
    this.text(CLINIC_NAME, MARGIN_X, top - 12, "bold", 13, ACCENT);
    const label = "Patient aftercare information";
    const labelW = textWidth(label, "regular", 8.5);
    this.text(label, PAGE_W - MARGIN_X - labelW, top - 11, "regular", 8.5, MUTED);
    // Rule under the header.
    this.ops.push(
      `${ACCENT} RG 1.2 w ${fmt(MARGIN_X)} ${fmt(top - 22)} m ${fmt(PAGE_W - MARGIN_X)} ${fmt(top - 22)} l S`,
    );
    this.y = top - 22 - 26;
  }

  text(str, x, y, weight, size, color = TEXT) {
    const font = FONTS[weight].resource;
    this.ops.push(
      `BT ${color} rg /${font} ${fmt(size)} Tf ${fmt(x)} ${fmt(y)} Td ${pdfString(str)} Tj ET`,
    );
  }

  /** Make sure `height` points fit above the bottom margin, else start a new page. */
  ensure(height) {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  title1(str, subtitle) {
    this.ensure(60);
    this.text(str, MARGIN_X, this.y - 20, "bold", 24, TEXT);
    this.y -= 20 + 20;
    this.text(subtitle, MARGIN_X, this.y - 11, "regular", 11.5, MUTED);
    this.y -= 11 + 20;
  }

  paragraph(
    str,
    { weight = "regular", size = BODY_SIZE, leading = BODY_LEADING, color = TEXT, after = 8 } = {},
  ) {
    const lines = wrap(normalise(str), weight, size, CONTENT_W);
    for (const line of lines) {
      this.ensure(leading);
      this.text(line, MARGIN_X, this.y - size, weight, size, color);
      this.y -= leading;
    }
    this.y -= after;
  }

  /** `keep`: height of content that should stay on the same page as the heading. */
  heading(str, keep = 2 * BODY_LEADING) {
    // Keep a heading together with (at least the start of) what follows.
    this.ensure(6 + 22 + keep);
    this.y -= 6;
    this.text(str, MARGIN_X, this.y - 13, "bold", 13, ACCENT);
    this.y -= 13 + 9;
  }

  bullet(str) {
    const lines = wrap(normalise(str), "regular", BODY_SIZE, CONTENT_W - BULLET_INDENT);
    this.ensure(Math.min(lines.length, 2) * BODY_LEADING);
    lines.forEach((line, i) => {
      this.ensure(BODY_LEADING);
      if (i === 0) this.text("\u2022", MARGIN_X + 2, this.y - BODY_SIZE, "bold", BODY_SIZE, ACCENT);
      this.text(line, MARGIN_X + BULLET_INDENT, this.y - BODY_SIZE, "regular", BODY_SIZE, TEXT);
      this.y -= BODY_LEADING;
    });
    this.y -= 3.5;
  }

  /** Shaded note box for the disclaimer, with the clinic phone number. */
  note(str) {
    const size = 9.5;
    const leading = 13;
    const pad = 10;
    const lines = wrap(normalise(str), "regular", size, CONTENT_W - 2 * pad);
    const phoneLine = `${CLINIC_NAME}  \u2022  ${CLINIC_PHONE}`;
    const boxH = pad * 2 + lines.length * leading + 6 + leading;
    this.y -= 10;
    this.ensure(boxH);
    const top = this.y;
    this.ops.push(
      `0.93 0.96 0.965 rg ${fmt(MARGIN_X)} ${fmt(top - boxH)} ${fmt(CONTENT_W)} ${fmt(boxH)} re f`,
    );
    this.ops.push(`${ACCENT} rg ${fmt(MARGIN_X)} ${fmt(top - boxH)} 3 ${fmt(boxH)} re f`);
    let y = top - pad;
    for (const line of lines) {
      this.text(line, MARGIN_X + pad + 2, y - size, "regular", size, TEXT);
      y -= leading;
    }
    y -= 6;
    this.text(phoneLine, MARGIN_X + pad + 2, y - size, "bold", size, ACCENT);
    this.y = top - boxH;
  }

  /** Page footers ("Page x of n") are added once the page count is known. */
  finish() {
    const n = this.pages.length;
    this.pages.forEach((ops, i) => {
      const size = 8;
      const left = `${this.title}  \u2022  ${CLINIC_NAME}  \u2022  ${CLINIC_PHONE}`;
      const right = `Page ${i + 1} of ${n}`;
      const y = MARGIN_BOTTOM - 30;
      ops.push(
        `0.80 0.83 0.85 RG 0.5 w ${fmt(MARGIN_X)} ${fmt(y + 12)} m ${fmt(PAGE_W - MARGIN_X)} ${fmt(y + 12)} l S`,
      );
      const font = FONTS.regular.resource;
      ops.push(
        `BT ${MUTED} rg /${font} ${size} Tf ${fmt(MARGIN_X)} ${fmt(y)} Td ${pdfString(normalise(left))} Tj ET`,
      );
      const rw = textWidth(right, "regular", size);
      ops.push(
        `BT ${MUTED} rg /${font} ${size} Tf ${fmt(PAGE_W - MARGIN_X - rw)} ${fmt(y)} Td ${pdfString(right)} Tj ET`,
      );
    });
    return this.pages.map((ops) => ops.join("\n") + "\n");
  }
}

/** Height of a section's body, so short sections are never split across pages. */
function sectionBodyHeight(section) {
  const lines = (str, w) => wrap(normalise(str), "regular", BODY_SIZE, w).length;
  let h = 0;
  if (section.intro) h += lines(section.intro, CONTENT_W) * BODY_LEADING + 5;
  for (const b of section.bullets) h += lines(b, CONTENT_W - BULLET_INDENT) * BODY_LEADING + 3.5;
  if (section.outro) h += 2 + lines(section.outro, CONTENT_W) * BODY_LEADING + 4;
  return h;
}

function layoutDocument(doc) {
  const layout = new Layout(doc.title);
  layout.title1(doc.title, doc.subtitle);
  layout.paragraph(doc.intro, { after: 6 });
  for (const section of doc.sections) {
    layout.heading(section.heading, sectionBodyHeight(section));
    if (section.intro) layout.paragraph(section.intro, { after: 5 });
    for (const b of section.bullets) layout.bullet(b);
    if (section.outro) {
      layout.y -= 2;
      layout.paragraph(section.outro, { weight: "bold", size: BODY_SIZE, after: 4 });
    }
  }
  layout.note(DISCLAIMER);
  return layout.finish();
}

// ---------------------------------------------------------------------------
// PDF serialisation
// ---------------------------------------------------------------------------

function buildPdf(doc, pageStreams) {
  // Object numbering: 1 catalog, 2 pages, 3 regular font, 4 bold font,
  // 5 info, then (page, content) pairs.
  const objects = [];
  const pageIds = pageStreams.map((_, i) => 6 + i * 2);

  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  objects[3] = `<< /Type /Font /Subtype /Type1 /BaseFont /${FONTS.regular.baseFont} /Encoding /WinAnsiEncoding >>`;
  objects[4] = `<< /Type /Font /Subtype /Type1 /BaseFont /${FONTS.bold.baseFont} /Encoding /WinAnsiEncoding >>`;
  objects[5] =
    `<< /Title ${pdfString(doc.title)} /Author ${pdfString(CLINIC_NAME)} ` +
    `/Subject ${pdfString("Patient aftercare information")} ` +
    `/Creator ${pdfString("scripts/generate-aftercare-pdfs.mjs")} /Producer ${pdfString("CallWaiting AI")} >>`;

  pageStreams.forEach((stream, i) => {
    const pageId = pageIds[i];
    const contentId = pageId + 1;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${fmt(PAGE_W)} ${fmt(PAGE_H)}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`;
    // Content streams contain only ASCII (non-ASCII glyphs are octal-escaped),
    // so string length equals byte length.
    objects[contentId] =
      `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}endstream`;
  });

  // Header with a binary comment so tools treat the file as binary.
  const chunks = [Buffer.from("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", "latin1")];
  let offset = chunks[0].length;
  const offsets = [];
  for (let id = 1; id < objects.length; id++) {
    const body = Buffer.from(`${id} 0 obj\n${objects[id]}\nendobj\n`, "latin1");
    offsets[id] = offset;
    chunks.push(body);
    offset += body.length;
  }

  const xrefOffset = offset;
  let xref = `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) {
    xref += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  }
  xref += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------

mkdirSync(OUT_DIR, { recursive: true });
for (const doc of DOCUMENTS) {
  const pdf = buildPdf(doc, layoutDocument(doc));
  const path = join(OUT_DIR, doc.file);
  writeFileSync(path, pdf);
  console.log(`wrote ${relative(ROOT, path)} (${pdf.length} bytes)`);
}
