import { groupNumber } from '../../../../shared/phone-numbers';

/** A top-up's number, grouped for reading aloud (`0778 03 73 40`), always left to right. */
export function RecipientNumber({ number, className }: { number: string | null; className?: string }) {
  if (!number) return null;
  return (
    <bdi dir="ltr" className={className ? `recipient ${className}` : 'recipient'}>
      {groupNumber(number)}
    </bdi>
  );
}
