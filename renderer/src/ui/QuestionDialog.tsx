import { useRef, type ReactNode } from 'react';
import { Dialog } from './Dialog';

export type Answer = { label: string; onClick: () => void; kind: 'danger' | 'primary'; disabled?: boolean };

/**
 * A question before something that cannot be taken back: the safe answer first, with the focus,
 * and Escape gives that same answer; the other answers follow it, big enough for a finger.
 */
export function QuestionDialog({
  titleId,
  title,
  className = 'confirm-dialog',
  safeLabel,
  onSafe,
  answers,
  children,
}: {
  titleId: string;
  title: string;
  className?: string;
  /** "Annuler", "Continuer la modification": nothing happens. */
  safeLabel: string;
  onSafe: () => void;
  answers: readonly Answer[];
  children: ReactNode;
}) {
  const safeRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog labelledBy={titleId} onClose={onSafe} className={className} initialFocus={safeRef}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-actions wrap-actions">
        <button ref={safeRef} type="button" className="btn big" onClick={onSafe}>
          {safeLabel}
        </button>
        {answers.map((a) => (
          <button key={a.label} type="button" className={`btn ${a.kind} big`} disabled={a.disabled} onClick={a.onClick}>
            {a.label}
          </button>
        ))}
      </div>
    </Dialog>
  );
}
