// The certificates as PDFs (pdf-lib: pure JavaScript, no native code): the
// certification certificate (name, level, number, dates, verification code)
// and the exam's certificate of completion of the written exam.
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

export interface CertificateFacts {
  name: string;
  level: 2 | 3;
  certificateNumber: string;
  awardedOn: string;
  expiresOn: string;
  verificationCode: string;
}

// The standard fonts encode WinAnsi only: anything else becomes "?" rather than failing.
const winAnsi = (s: string) => s.normalize("NFC").replace(/[^\x20-\x7e\u00a0-\u00ff]/g, "?");

/** An A4 landscape page with centred lines; fixed dates keep the bytes reproducible. */
async function landscapeCertificate(
  meta: { title: string; subject: string; keywords: string[]; dated: string },
  draw: (centre: (text: string, y: number, size: number, bold?: boolean) => void) => void,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setAuthor("EACVI CMR Certification Committee");
  doc.setKeywords(meta.keywords);
  doc.setCreationDate(new Date(`${meta.dated}T00:00:00Z`));
  doc.setModificationDate(new Date(`${meta.dated}T00:00:00Z`));
  const page = doc.addPage([842, 595]); // A4 landscape
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  draw((text, y, size, isBold = false) => {
    const font = isBold ? bold : regular;
    const t = winAnsi(text);
    page.drawText(t, { x: (842 - font.widthOfTextAtSize(t, size)) / 2, y, size, font, color: rgb(0.1, 0.1, 0.3) });
  });
  return doc.save();
}

export async function certificatePdf(facts: CertificateFacts): Promise<Uint8Array> {
  return landscapeCertificate(
    {
      title: `EACVI CMR Level ${facts.level} certificate ${facts.certificateNumber}`,
      subject: `Verification code ${facts.verificationCode}`,
      keywords: [facts.certificateNumber, facts.verificationCode],
      dated: facts.awardedOn,
    },
    (centre) => {
      centre("European Association of Cardiovascular Imaging", 500, 16);
      centre("Certificate of Competence in Cardiovascular Magnetic Resonance", 460, 20, true);
      centre(`Level ${facts.level}`, 420, 28, true);
      centre("awarded to", 380, 14);
      centre(facts.name, 345, 26, true);
      centre(`Certificate number ${facts.certificateNumber}`, 280, 14);
      centre(`Awarded on ${facts.awardedOn} - valid until ${facts.expiresOn}`, 255, 14);
      centre(`Verification code ${facts.verificationCode}`, 200, 14, true);
      centre("Verify this certificate with its number or code on the EACVI public register.", 175, 11);
    },
  );
}

export interface CompletionFacts {
  name: string;
  sittingDate: string;
  resultDate: string;
  /** The exam result's id, printed as the reference. */
  reference: string;
}

/** The certificate of completion of the written exam (docs/exam.md). */
export async function completionCertificatePdf(facts: CompletionFacts): Promise<Uint8Array> {
  return landscapeCertificate(
    {
      title: `EACVI CMR written exam: certificate of completion ${facts.reference}`,
      subject: `Exam of ${facts.sittingDate}`,
      keywords: [facts.reference],
      dated: facts.resultDate,
    },
    (centre) => {
      centre("European Association of Cardiovascular Imaging", 500, 16);
      centre("Certificate of Completion of the Written Exam", 460, 20, true);
      centre("Cardiovascular Magnetic Resonance", 420, 24, true);
      centre("This certifies that", 380, 14);
      centre(facts.name, 345, 26, true);
      centre(`passed the EACVI CMR written examination of ${facts.sittingDate}`, 300, 14);
      centre(`Results released on ${facts.resultDate}`, 275, 14);
      centre(`Reference ${facts.reference}`, 220, 12);
    },
  );
}
