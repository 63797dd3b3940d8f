import { useTranslation } from 'react-i18next';
import { regexProblem } from '../reader/regex-problem';

/** Why the regular expression typed does not compile, in the interface's language (a lazy view: only a bad pattern needs it). */
export function RegexProblem({ detail }: { detail: string }) {
  const { t } = useTranslation();
  const problem = regexProblem(detail);
  return <>{t('wordSearch.badRegex', { detail: t(`wordSearch.regexProblems.${problem}`) })}</>;
}
