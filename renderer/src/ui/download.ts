/**
 * Saves a file the core produced (CSV) through the browser's download: a Blob behind an object
 * URL on an <a download>. The CSP's connect-src does not apply to a download link, so blob: works;
 * a data: URL is the fallback where object URLs are missing.
 */
export function downloadFile(file: { filename: string; mime: string; content: string }): void {
  const blob = new Blob([file.content], { type: file.mime });
  let url: string;
  let revoke = false;
  if (typeof URL.createObjectURL === 'function') {
    url = URL.createObjectURL(blob);
    revoke = true;
  } else {
    url = `data:${file.mime},${encodeURIComponent(file.content)}`;
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  if (revoke) setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Prints a sandboxed frame's document (browser print dialog; "Save as PDF" there for a PDF). */
export function printFrame(frame: HTMLIFrameElement | null): boolean {
  try {
    const win = frame?.contentWindow;
    if (!win) return false;
    win.focus();
    win.print();
    return true;
  } catch {
    return false;
  }
}
