/** Save and copy what the Export dialog made. */

/** Download through a temporary object URL and a hidden `<a download>` (no server round trip). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Text exports keep their exact bytes: UTF-8, no BOM, no newline added. */
export function textBlob(text: string, mimeType: string): Blob {
  return new Blob([text], { type: mimeType });
}

export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('this browser gives no clipboard access here');
  await navigator.clipboard.writeText(text);
}

export async function copyImage(blob: Blob): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) throw new Error('this browser cannot copy images');
  await navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })]);
}

/** The first part of a long output, cut at a line end, for the preview (the download is never cut). */
export function previewText(text: string, maxChars: number): { shown: string; cut: boolean } {
  if (text.length <= maxChars) return { shown: text, cut: false };
  const end = text.lastIndexOf('\n', maxChars);
  return { shown: text.slice(0, end > 0 ? end + 1 : maxChars), cut: true };
}
