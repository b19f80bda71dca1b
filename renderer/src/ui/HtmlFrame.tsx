import { useRef, useState } from 'react';
import { printFrame } from './download';
import { useSettingsStore } from '../features/settings/settingsStore';

/**
 * A printable document the core rendered (report, duplicate receipt), in a sandboxed frame without
 * scripts, as wide as the paper. Printing opens the browser's dialog, where "Save as PDF" gives a PDF.
 */
export function HtmlFrame({
  html,
  title,
  printLabel,
  widthMm,
  printOnLoad,
}: {
  html: string;
  title: string;
  printLabel: string;
  widthMm?: number;
  printOnLoad?: boolean;
}) {
  const paper = useSettingsStore((s) => s.settings.paperWidthMm);
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(420);
  const printed = useRef(false);
  const onLoad = () => {
    const doc = frame.current?.contentDocument;
    if (doc?.documentElement) setHeight(Math.min(Math.max(doc.documentElement.scrollHeight + 8, 200), 3000));
    if (printOnLoad && !printed.current) {
      printed.current = true;
      printFrame(frame.current);
    }
  };
  return (
    <div className="receipt-panel">
      <div className="receipt-actions">
        <button type="button" className="btn primary" onClick={() => printFrame(frame.current)}>
          {printLabel}
        </button>
      </div>
      <div className="receipt-paper">
        <iframe
          ref={frame}
          title={title}
          sandbox="allow-modals allow-same-origin"
          srcDoc={html}
          style={{ width: `${widthMm ?? paper}mm`, height }}
          onLoad={onLoad}
        />
      </div>
    </div>
  );
}
