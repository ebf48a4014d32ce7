export const hello = (x: number): number => x + 1;
