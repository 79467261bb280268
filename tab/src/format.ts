// How values are shown: numbers, minutes, percentages, money and dates, per column type.
export type ColumnType = 'text' | 'number' | 'percent' | 'minutes' | 'date' | 'day' | 'money' | 'task';
export type Cell = string | number | boolean | null;

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Minutes as "45 min", "2.5 h" or "3.1 days". */
export function formatMinutes(m: number): string {
  if (m < 120) return `${integer.format(m)} min`;
  if (m < 2880) return `${integer.format(m / 60)} h`;
  return `${integer.format(m / 1440)} days`;
}

export function formatCell(value: Cell, type: ColumnType): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (type === 'percent') return `${integer.format(value * 100)} %`;
    if (type === 'minutes') return formatMinutes(value);
    if (type === 'money') return money.format(value);
    return integer.format(value);
  }
  if (type === 'date') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }
  return value;
}
