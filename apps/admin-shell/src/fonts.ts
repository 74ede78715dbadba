/**
 * Source Sans 3, self-hosted (the files of @fontsource/source-sans-3), with `font-display:
 * optional` instead of the package's `swap`: on a first load the text is laid out once, in the
 * font that is there in time, and never re-wrapped when the font arrives later (on a phone the
 * header re-wrapped: a layout shift of 0.24; docs/adr/0021). The files are preloaded at once, so
 * they are usually there in time, and cached for the next page.
 */
import latin400 from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2?url';
import latin600 from '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2?url';
import latin700 from '@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-400-normal.woff2?url';
import latinExt600 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-600-normal.woff2?url';
import latinExt700 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-700-normal.woff2?url';

const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const FACES: [weight: number, url: string, range: string][] = [
  [400, latin400, LATIN],
  [600, latin600, LATIN],
  [700, latin700, LATIN],
  [400, latinExt400, LATIN_EXT],
  [600, latinExt600, LATIN_EXT],
  [700, latinExt700, LATIN_EXT],
];

export function installFonts(doc: Document = document) {
  const style = doc.createElement('style');
  style.textContent = FACES.map(
    ([weight, url, range]) =>
      `@font-face{font-family:'Source Sans 3';font-style:normal;font-display:optional;font-weight:${weight};src:url(${url}) format('woff2');unicode-range:${range};}`,
  ).join('\n');
  doc.head.append(style);
  // The latin faces are the ones every page uses: fetched now, not when the first text needs them.
  for (const [, url, range] of FACES) {
    if (range !== LATIN) continue;
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.as = 'font';
    link.type = 'font/woff2';
    link.crossOrigin = 'anonymous';
    link.href = url;
    doc.head.append(link);
  }
}
