import { violation, type Violation } from '@shared/errors';

/** seed 002 Allegato A §a point b: the act is kept with its document; ASSO takes PDFs up to 10 MiB. */
export const ACT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

// a flat character class (a repeated group would overflow the regex stack on a 14 MB string); length checked apart
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** A file name, not a path: ends in .pdf, no separators, no control characters. */
export function validateActDocumentFilename(filename: string): Violation | null {
  if (filename === '' || filename.length > 255) return violation('BAD_USER_INPUT', 'The file name is empty or too long', 'filename');
  if (/[/\\]/.test(filename) || /[\u0000-\u001f\u007f]/.test(filename) || filename === '.pdf') {
    return violation('BAD_USER_INPUT', 'The file name must be a plain name without path separators', 'filename');
  }
  if (!/\.pdf$/i.test(filename)) return violation('BAD_USER_INPUT', 'The file name must end in .pdf', 'filename');
  return null;
}

/**
 * seed 002 Allegato A §a point b (acts with their document): the content is
 * strict base64 (whitespace ignored), at most ACT_DOCUMENT_MAX_BYTES once
 * decoded, and a PDF (starts with "%PDF-"). Returns the decoded bytes or the
 * violation. The size is checked on the encoded length first so an oversized
 * upload is never decoded.
 */
export function decodeActDocument(contentBase64: string, maxBytes = ACT_DOCUMENT_MAX_BYTES): { bytes: Buffer } | { violation: Violation } {
  const compact = contentBase64.replace(/\s+/g, '');
  if (compact === '' || compact.length % 4 !== 0 || !BASE64.test(compact)) {
    return { violation: violation('BAD_USER_INPUT', 'The content is not valid base64', 'contentBase64') };
  }
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  const size = (compact.length / 4) * 3 - padding;
  if (size > maxBytes) {
    return { violation: violation('BAD_USER_INPUT', 'The document is larger than the maximum size', 'contentBase64', { maxBytes }) };
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length < PDF_MAGIC.length || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    return { violation: violation('BAD_USER_INPUT', 'The document is not a PDF', 'contentBase64') };
  }
  return { bytes };
}
