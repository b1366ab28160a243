import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import QRCode from "qrcode";
import { i18n, type Locale } from "../i18n";
import { type CertificateFacts, durationText } from "./certificate";
import { withoutControlCharacters } from "./text";

/**
 * The certificate of attendance as a PDF: one A4 page in the registration's language.
 *
 * pdf-lib's standard fonts speak WinAnsi only, which has no "Ł", "ő" or "ş" and throws on them;
 * names come from anywhere. So DejaVu Sans (fonts/, Bitstream Vera licence beside it) is
 * embedded, subset to the letters used: Latin with every European accent, Greek, Cyrillic and
 * more. A character it cannot draw (Chinese, say) becomes its base letter when it has one, or
 * "?", rather than an empty box or a failed download; the verification page shows the name as
 * it is.
 */

interface CertificateInput extends CertificateFacts {
  locale: Locale;
  /** The public page that says whether this certificate is genuine; also in the QR code. */
  verificationUrl: string;
}

/** A4 in PDF points. */
const WIDTH = 595.28;
const HEIGHT = 841.89;
const MARGIN = 64;
const TEXT_WIDTH = WIDTH - 2 * MARGIN;
const INK = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.35, 0.35, 0.35);
const ACCENT = rgb(0.0, 0.32, 0.55);

// Read from the working directory, as the server's static files are: the same from the sources
// and from the bundle.
const FONT_FILES = { regular: "fonts/DejaVuSans.ttf", bold: "fonts/DejaVuSans-Bold.ttf" };

type Glyphs = { hasGlyphForCodePoint(codePoint: number): boolean };
interface FontFile {
  bytes: Uint8Array;
  glyphs: Glyphs;
}

let fontFiles: Promise<Record<keyof typeof FONT_FILES, FontFile>> | undefined;

function loadFonts() {
  fontFiles ??= (async () => {
    const load = async (path: string): Promise<FontFile> => {
      const bytes = new Uint8Array(await readFile(path));
      return { bytes, glyphs: fontkit.create(bytes) as unknown as Glyphs };
    };
    return { regular: await load(FONT_FILES.regular), bold: await load(FONT_FILES.bold) };
  })();
  fontFiles.catch(() => {
    fontFiles = undefined;
  });
  return fontFiles;
}

/** The text with only what the font draws: one line, base letters for what it lacks, else "?". */
function drawable(text: string, glyphs: Glyphs): string {
  let result = "";
  for (const char of withoutControlCharacters(text).normalize("NFC")) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (glyphs.hasGlyphForCodePoint(codePoint)) {
      result += char;
      continue;
    }
    const base = [...char.normalize("NFKD")].filter(
      (part) => !/\p{M}/u.test(part) && glyphs.hasGlyphForCodePoint(part.codePointAt(0) ?? 0),
    );
    result += base.length ? base.join("") : "?";
  }
  return result;
}

/** The text broken into lines no wider than `width`; a word wider than a line is cut. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

interface Pen {
  page: PDFPage;
  y: number;
}

interface Style {
  font: PDFFont;
  size: number;
  color?: typeof INK;
  /** Space below, in line heights. */
  gap?: number;
  /** Made smaller, down to this size, to keep the text on one line. */
  shrinkTo?: number;
}

function write(
  pen: Pen,
  text: string,
  { font, size: largest, color = INK, gap = 0.4, shrinkTo = largest }: Style,
  maxLines = 6,
) {
  let size = largest;
  while (size > shrinkTo && font.widthOfTextAtSize(text, size) > TEXT_WIDTH) size -= 1;
  const lines = wrap(text, font, size, TEXT_WIDTH);
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown[maxLines - 1] = `${shown[maxLines - 1]}…`;
  for (const line of shown) {
    pen.y -= size * 1.25;
    pen.page.drawText(line, { x: MARGIN, y: pen.y, size, font, color });
  }
  pen.y -= size * gap;
}

/** The QR code drawn as squares: sharp at any zoom and in print, no image to embed. */
function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (!modules.get(row, column)) continue;
      page.drawRectangle({
        x: x + column * cell,
        y: y + size - (row + 1) * cell,
        width: cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

export async function renderCertificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const locale = i18n(input.locale);
  const { t } = locale;
  const files = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(files.regular.bytes, { subset: true });
  const bold = await doc.embedFont(files.bold.bytes, { subset: true });
  const plain = (text: string) => drawable(text, files.regular.glyphs);
  const strong = (text: string) => drawable(text, files.bold.glyphs);

  const issuer = t("certificate.issuer", { city: input.city });
  doc.setTitle(
    withoutControlCharacters(t("certificate.documentTitle", { title: input.sessionTitle })),
  );
  doc.setAuthor(withoutControlCharacters(issuer));
  doc.setLanguage(input.locale);
  doc.setCreator("Ondernemersagenda");

  const page = doc.addPage([WIDTH, HEIGHT]);
  const pen: Pen = { page, y: HEIGHT - MARGIN + 12 };

  write(pen, strong(issuer).toUpperCase(), { font: bold, size: 13, color: ACCENT, gap: 0.8 });
  page.drawLine({
    start: { x: MARGIN, y: pen.y },
    end: { x: WIDTH - MARGIN, y: pen.y },
    thickness: 1.5,
    color: ACCENT,
  });
  pen.y -= 70;
  write(pen, strong(t("certificate.heading")), { font: bold, size: 30, shrinkTo: 20, gap: 2 });
  write(pen, plain(t("certificate.confirms", { city: input.city })), {
    font: regular,
    size: 13,
    color: MUTED,
    gap: 0.8,
  });
  write(pen, strong(input.name), { font: bold, size: 24, shrinkTo: 16, gap: 0.8 }, 3);
  write(pen, plain(t("certificate.attended")), { font: regular, size: 13, color: MUTED, gap: 0.8 });
  write(pen, strong(input.sessionTitle), { font: bold, size: 17, gap: 2.2 }, 4);

  const details: [string, string][] = [
    [
      t("certificate.date"),
      `${locale.longDate(input.startsAt)}, ${locale.timeRange(input.startsAt, input.endsAt)}`,
    ],
    [t("certificate.duration"), durationText(locale, input.startsAt, input.endsAt)],
  ];
  if (input.partners.length) details.push([t("certificate.partners"), locale.list(input.partners)]);
  for (const [label, value] of details) {
    write(pen, plain(label).toUpperCase(), { font: bold, size: 9, color: MUTED, gap: 0.2 });
    write(pen, plain(value), { font: regular, size: 13, gap: 1.2 }, 3);
  }

  const qrSize = 96;
  drawQrCode(page, input.verificationUrl, MARGIN, MARGIN, qrSize);
  const verifyPen: Pen = { page, y: MARGIN + qrSize - 4 };
  const textX = MARGIN + qrSize + 16;
  const textWidth = WIDTH - MARGIN - textX;
  for (const line of wrap(plain(t("certificate.verifyAt")), regular, 9, textWidth)) {
    verifyPen.y -= 12;
    page.drawText(line, { x: textX, y: verifyPen.y, size: 9, font: regular, color: MUTED });
  }
  // The address on one line, smaller if need be: a reader copies it, and a text tool reads it.
  let urlSize = 9;
  while (urlSize > 6 && regular.widthOfTextAtSize(input.verificationUrl, urlSize) > textWidth) {
    urlSize -= 0.5;
  }
  verifyPen.y -= 14;
  page.drawText(input.verificationUrl, {
    x: textX,
    y: verifyPen.y,
    size: urlSize,
    font: regular,
    color: ACCENT,
  });
  return doc.save();
}
