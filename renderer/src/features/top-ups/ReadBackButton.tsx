import { useTranslation } from 'react-i18next';
import { ProblemList } from './ProblemList';
import type { TopUpProblem } from './topUpProblems';

/**
 * The way on from a top-up screen: what still stops the sale, one sentence per problem, then the
 * read-back button, unavailable until nothing does (and described by those sentences).
 */
export function ReadBackButton({ id, problems, onReadBack }: { id: string; problems: TopUpProblem[]; onReadBack: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <ProblemList id={id} problems={problems} />
      <button type="button" className="btn primary big topup-next" disabled={problems.length > 0} aria-describedby={id} onClick={onReadBack}>
        {t('topup.readBack')}
      </button>
    </>
  );
}
