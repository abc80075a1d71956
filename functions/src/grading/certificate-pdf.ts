// The certificate as a PDF (pdf-lib: pure JavaScript, no native code).
// Name, level, number, dates and the verification code.
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

export async function certificatePdf(facts: CertificateFacts): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`EACVI CMR Level ${facts.level} certificate ${facts.certificateNumber}`);
  doc.setSubject(`Verification code ${facts.verificationCode}`);
  doc.setAuthor("EACVI CMR Certification Committee");
  doc.setKeywords([facts.certificateNumber, facts.verificationCode]);
  // Fixed dates keep the bytes reproducible for the same certification.
  doc.setCreationDate(new Date(`${facts.awardedOn}T00:00:00Z`));
  doc.setModificationDate(new Date(`${facts.awardedOn}T00:00:00Z`));
  const page = doc.addPage([842, 595]); // A4 landscape
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const centre = (text: string, y: number, size: number, font = regular) => {
    const t = winAnsi(text);
    page.drawText(t, { x: (842 - font.widthOfTextAtSize(t, size)) / 2, y, size, font, color: rgb(0.1, 0.1, 0.3) });
  };
  centre("European Association of Cardiovascular Imaging", 500, 16);
  centre("Certificate of Competence in Cardiovascular Magnetic Resonance", 460, 20, bold);
  centre(`Level ${facts.level}`, 420, 28, bold);
  centre("awarded to", 380, 14);
  centre(facts.name, 345, 26, bold);
  centre(`Certificate number ${facts.certificateNumber}`, 280, 14);
  centre(`Awarded on ${facts.awardedOn} - valid until ${facts.expiresOn}`, 255, 14);
  centre(`Verification code ${facts.verificationCode}`, 200, 14, bold);
  centre("Verify this certificate with its number or code on the EACVI public register.", 175, 11);
  return doc.save();
}
