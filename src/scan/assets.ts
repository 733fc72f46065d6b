/**
 * Where the scan's browser assets are: pdf.js's worker, tesseract.js's worker and wasm core, the Dutch and English
 * trained data, and the scan's own Web Worker. The build copies them next to the bundles (config/scan-assets.js:
 * ClientSideAssets in the .sppkg, build/ in the workbench) and defines `__SCAN_ASSETS__` with their paths; they are
 * resolved against the bundle's public path (SPFx sets it at runtime), so nothing is fetched from a third-party CDN.
 */

/** Paths of the assets under the public path (defined by the build). */
declare const __SCAN_ASSETS__: {
  pdfWorker: string;
  ocrWorker: string;
  ocrCore: string;
  tessdata: string;
  scanWorker: string;
};

/** The absolute URL of one scan asset. */
export function scanAsset(name: keyof typeof __SCAN_ASSETS__): string {
  return new URL(`${__webpack_public_path__}${__SCAN_ASSETS__[name]}`, document.baseURI).href;
}

/** True when `url` is on another origin than the page (a CDN): a worker must then be started from a blob. */
export function crossOrigin(url: string): boolean {
  return new URL(url).origin !== window.location.origin;
}
