/** Short number formatting for model names ("exponential(μ=0.1246)"). */
export function short(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}
