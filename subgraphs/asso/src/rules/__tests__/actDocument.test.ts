import { decodeActDocument, validateActDocumentFilename } from '../actDocument';

const pdf = (body = 'hello') => Buffer.from(`%PDF-1.4\n${body}`, 'latin1').toString('base64');

describe('seed 002 §a point b: act document content', () => {
  it('decodes a base64 PDF', () => {
    const r = decodeActDocument(pdf());
    expect('bytes' in r && r.bytes.toString('latin1')).toBe('%PDF-1.4\nhello');
  });
  it('refuses content that is not base64', () => {
    expect(decodeActDocument('%%%not base64')).toEqual({ violation: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'contentBase64' }) });
    expect(decodeActDocument('')).toEqual({ violation: expect.objectContaining({ field: 'contentBase64' }) });
  });
  it('refuses content that is not a PDF', () => {
    const r = decodeActDocument(Buffer.from('GIF89a').toString('base64'));
    expect(r).toEqual({ violation: expect.objectContaining({ message: 'The document is not a PDF' }) });
  });
  it('refuses a document over the maximum size, naming the maximum', () => {
    const r = decodeActDocument(pdf('x'.repeat(100)), 50);
    expect(r).toEqual({ violation: expect.objectContaining({ field: 'contentBase64', details: { maxBytes: 50 } }) });
  });
  it('accepts a document of exactly the maximum size', () => {
    const body = Buffer.alloc(60, 0x41);
    body.write('%PDF-', 0, 'latin1');
    expect('bytes' in decodeActDocument(body.toString('base64'), 60)).toBe(true);
  });
});

describe('seed 002 §a point b: act document file name', () => {
  it.each(['atto.pdf', 'Decreto 12-2024.PDF'])('accepts %s', (f) => expect(validateActDocumentFilename(f)).toBeNull());
  it.each(['atto.docx', '../atto.pdf', 'a/b.pdf', 'a\\b.pdf', '', '.pdf'])('refuses %j', (f) =>
    expect(validateActDocumentFilename(f)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'filename' })),
  );
});
