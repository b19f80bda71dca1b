import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/useFormat';
import { problemMessage, type TopUpProblem } from './topUpProblems';

/** Why the sale cannot go yet, one sentence per problem, named by the confirm button (aria-describedby). */
export function ProblemList({ id, problems }: { id: string; problems: TopUpProblem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ul id={id} className="topup-problems" aria-live="polite">
      {problems.map((p) => {
        const m = problemMessage(p);
        const text = m.amounts ? t(m.key, { min: f.money(m.amounts.min), max: f.money(m.amounts.max) }) : t(m.key);
        return <li key={m.key}>{text}</li>;
      })}
    </ul>
  );
}
