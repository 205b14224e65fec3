// Initialisms the councils' documents use, kept in capitals when names are turned into words.
const INITIALISMS = new Set(['cqc', 'nhs', 'pqas', 'pqr', 'iap', 'kpi', 'kpis', 'qmv', 'qa', 'chc', 'fnc']);

/** Words for a camelCase name: `silverMinFullyMet` -> "Silver min fully met", `cqcRating` -> "CQC rating". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase()
    .split(' ')
    .map((w) => (INITIALISMS.has(w) ? w.toUpperCase() : w))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
