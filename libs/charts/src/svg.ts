const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an SVG element or attribute: labels come from users (criterion titles, names). */
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Two decimals are plenty for screen coordinates and keep the document small. */
export const coord = (n: number) => String(Math.round(n * 100) / 100);

export function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="15" font-weight="600">${escapeXml(title)}</text>`,
    ...body,
    '</svg>',
  ].join('\n');
}
